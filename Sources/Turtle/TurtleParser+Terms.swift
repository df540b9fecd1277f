#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RDF

// The Turtle tokens other than literals (RDF 1.1 Turtle section 6.5): white space and
// comments, keywords, IRIs resolved against the base, prefixed names with their
// expansions cached, blank node labels. Literals are in TurtleParser+Literals.swift.
//
// Every token reader that runs into the end of a non-final buffer throws `needMore()`
// (or leaves the cursor within `TurtleReader.lookahead` bytes of the end), so a token cut
// in two by a chunk boundary is never taken for a complete one.

extension TurtleReader {
    // MARK: White space

    /// Skips white space and comments, counting lines.
    @inline(__always)
    mutating func skipWhitespace() {
        while c.pos < c.end {
            let b = c.base[c.pos]
            if b == 0x20 || b == 0x09 {
                c.pos += 1
            } else if b == 0x0A {
                c.pos += 1
                newLine()
            } else if b == 0x0D {
                c.pos += 1
                if c.pos >= c.end || c.base[c.pos] != 0x0A { newLine() }
            } else if b == UInt8(ascii: "#") {
                c.pos += 1
                while c.pos < c.end, c.base[c.pos] != 0x0A, c.base[c.pos] != 0x0D { c.pos += 1 }
            } else {
                return
            }
        }
    }

    @inline(__always)
    private mutating func newLine() {
        st.line += 1
        st.lineStart = c.pos
        st.lineBias = 0
    }

    /// Counts the line breaks in `base[from..<to]` (inside a long string).
    mutating func noteLineBreaks(_ from: Int, _ to: Int) {
        var i = from
        while i < to {
            let b = c.base[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= c.end || c.base[i + 1] != 0x0A)) {
                st.line += 1
                st.lineStart = i + 1
                st.lineBias = 0
            }
            i += 1
        }
    }

    // MARK: Keywords

    /// True, moving past it, when `word` (ASCII letters) is at the cursor and is not the
    /// start of a longer name such as `a:b` or `true_value:x`.
    mutating func keyword(_ word: StaticString, caseInsensitive: Bool) throws(LexError) -> Bool {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        for i in 0..<n {
            let p = c.pos + i
            guard p < c.end else {
                if isFinal { return false }
                throw needMore()
            }
            let b = c.base[p]
            if caseInsensitive ? (b | 0x20) != (w[i] | 0x20) : b != w[i] { return false }
        }
        if try continuesName(at: c.pos + n) { return false }
        c.pos += n
        return true
    }

    /// True if the byte at `p` would continue a name.
    private mutating func continuesName(at p: Int) throws(LexError) -> Bool {
        guard p < c.end else {
            if isFinal { return false }
            throw needMore()
        }
        let b = c.base[p]
        if ByteCursor.isPNCharsASCII(b) || b == UInt8(ascii: ":") || b >= 0x80 { return true }
        guard b == UInt8(ascii: ".") else { return false }
        guard p + 1 < c.end else {
            if isFinal { return false }
            throw needMore()
        }
        let next = c.base[p + 1]
        return ByteCursor.isPNCharsASCII(next) || next == UInt8(ascii: ":") || next == UInt8(ascii: ".") || next >= 0x80
    }

    /// A byte that may start a prefixed name: `PN_CHARS_BASE` (checked in full later) or ':'.
    @inline(__always)
    func isPrefixedNameStart(_ b: UInt8) -> Bool {
        ByteCursor.isAlpha(b) || b == UInt8(ascii: ":") || b >= 0x80
    }

    // MARK: IRIs

    /// Reads `IRIREF` at `<` and resolves it against the base.
    mutating func iri() throws(LexError) -> String {
        let open = c.pos
        let base = c.base, end = c.end
        var p = open + 1
        var high: UInt8 = 0
        while true {
            guard p < end else {
                c.pos = end
                throw LexError(message: "unterminated IRI: missing '>'", offset: open)
            }
            let b = base[p]
            if b == UInt8(ascii: ">") { break }
            if b == UInt8(ascii: "\\") {
                let raw = try c.readIRIRef()
                return try resolve(raw, at: open)
            }
            if ByteCursor.isForbiddenInIRI(b) {
                c.pos = p
                throw LexError(message: ByteCursor.describeIRIChar(b), offset: p)
            }
            high |= b
            p += 1
        }
        let bytes = UnsafeBufferPointer(start: base + open + 1, count: p - open - 1)
        if high >= 0x80, let bad = ByteCursor.firstInvalidUTF8(bytes) {
            c.pos = open + 1 + bad
            throw LexError(message: "invalid UTF-8", offset: open + 1 + bad)
        }
        c.pos = p + 1
        if let baseIRI = st.base { return baseIRI.resolve(utf8: bytes) }
        return try resolve(String(decoding: bytes, as: UTF8.self), at: open)
    }

    /// `iri` resolved against the base; with no base it must be absolute (and only has
    /// its dot segments removed, RFC 3986 section 5.2.2).
    private func resolve(_ iri: String, at offset: Int) throws(LexError) -> String {
        if let baseIRI = st.base { return baseIRI.resolve(iri) }
        guard IRIResolver.isAbsolute(iri) else {
            if let given = st.baseString {
                throw LexError(message: "relative IRI <\(iri)> cannot be resolved: the base IRI <\(given)> is not absolute", offset: offset)
            }
            throw LexError(message: "relative IRI without a base: <\(iri)>", offset: offset)
        }
        return IRIResolver.resolve(iri, against: iri)
    }

    // MARK: Prefixed names

    /// Scans `PN_PREFIX? ':'` from `start`, returning the offset of the ':'.
    mutating func scanPrefix(from start: Int) throws(LexError) -> Int {
        let base = c.base, end = c.end
        var p = start
        guard p < end else {
            if !isFinal { throw needMore() }
            throw LexError(message: "expected a prefixed name, found end of input", offset: p)
        }
        if base[p] == UInt8(ascii: ":") { return p }
        // PN_PREFIX ::= PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)?
        if base[p] < 0x80 {
            guard ByteCursor.isAlpha(base[p]) else {
                c.pos = p
                throw LexError(message: "expected a prefixed name such as ex:name", offset: p)
            }
            p += 1
        } else {
            let (s, len) = try decodeScalar(at: p)
            guard ByteCursor.isPNCharsBase(s) else {
                c.pos = p
                throw LexError(message: "a prefix cannot start with '\(Character(s))'", offset: p)
            }
            p += len
        }
        while true {
            guard p < end else {
                if !isFinal { throw needMore() }
                throw missingColon(start, p)
            }
            let b = base[p]
            if b == UInt8(ascii: ":") { break }
            if b < 0x80 {
                guard ByteCursor.isPNCharsASCII(b) || b == UInt8(ascii: ".") else { throw missingColon(start, p) }
                p += 1
            } else {
                let (s, len) = try decodeScalar(at: p)
                guard ByteCursor.isPNChars(s) else { throw missingColon(start, p) }
                p += len
            }
        }
        if base[p - 1] == UInt8(ascii: ".") {
            c.pos = p
            throw LexError(message: "a prefix cannot end with '.'", offset: p - 1)
        }
        return p
    }

    private mutating func missingColon(_ start: Int, _ p: Int) -> LexError {
        c.pos = p
        let word = String(decoding: UnsafeBufferPointer(start: c.base + start, count: p - start), as: UTF8.self)
        return LexError(message: "'\(word)' is neither a keyword nor a prefixed name (expected ':' after a prefix)", offset: start)
    }

    /// Decodes the scalar at `p`, leaving the cursor there if the bytes are not UTF-8 (so a
    /// sequence cut by the end of the buffer is read again with more input).
    @inline(__always)
    mutating func decodeScalar(at p: Int) throws(LexError) -> (Unicode.Scalar, Int) {
        do {
            return try c.scalar(at: p)
        } catch {
            c.pos = p
            throw error
        }
    }

    /// Reads `PNAME_LN` or `PNAME_NS` and returns the IRI it expands to. `%XX` stays as
    /// written; `\` escapes are removed. Expansions are cached by the name's bytes.
    mutating func prefixedName() throws(LexError) -> String {
        let start = c.pos
        let base = c.base, end = c.end
        let colon = try scanPrefix(from: start)
        let localStart = colon + 1
        // PN_LOCAL ::= (PN_CHARS_U | ':' | [0-9] | PLX) ((PN_CHARS | '.' | ':' | PLX)* (PN_CHARS | ':' | PLX))?
        var p = localStart
        var last = p
        var escaped = false
        while p < end {
            let b = base[p]
            if b < 0x80 {
                if ByteCursor.isAlpha(b) || ByteCursor.isDigit(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") {
                    p += 1
                    last = p
                } else if b == UInt8(ascii: "-") || b == UInt8(ascii: ".") {
                    if p == localStart { break }
                    p += 1
                    if b == UInt8(ascii: "-") { last = p }
                } else if b == UInt8(ascii: "%") {
                    guard p + 2 < end else {
                        if !isFinal { throw needMore() }
                        c.pos = p
                        throw LexError(message: "'%' in a local name must be followed by two hex digits", offset: p)
                    }
                    guard ByteCursor.hexValue(base[p + 1]) != nil, ByteCursor.hexValue(base[p + 2]) != nil else {
                        c.pos = p
                        throw LexError(message: "'%' in a local name must be followed by two hex digits", offset: p)
                    }
                    p += 3
                    last = p
                } else if b == UInt8(ascii: "\\") {
                    guard p + 1 < end else {
                        if !isFinal { throw needMore() }
                        c.pos = p
                        throw LexError(message: "incomplete escape at end of input", offset: p)
                    }
                    guard Self.isLocalEscape(base[p + 1]) else {
                        c.pos = p
                        throw LexError(message: "'\\\(Character(Unicode.Scalar(base[p + 1])))' is not an escape allowed in a local name", offset: p)
                    }
                    escaped = true
                    p += 2
                    last = p
                } else {
                    break
                }
            } else {
                let (s, len) = try decodeScalar(at: p)
                guard p == localStart ? ByteCursor.isPNCharsU(s) : ByteCursor.isPNChars(s) else { break }
                p += len
                last = p
            }
        }
        if p >= end, !isFinal { throw needMore() }
        // A local name cannot end with '.': trailing dots belong to what follows.
        p = last
        let count = p - start
        let hash = PrefixedNameCache.hash(base + start, count)
        if let iri = st.cache.find(base + start, count, hash: hash) {
            c.pos = p
            return iri
        }
        let namespace = try namespace(start, colon)
        let iri: String
        if escaped {
            c.scratch.removeAll(keepingCapacity: true)
            var i = localStart
            while i < p {
                if base[i] == UInt8(ascii: "\\") { i += 1 }
                c.scratch.append(base[i])
                i += 1
            }
            iri = c.scratch.withUnsafeBufferPointer { Self.concat(namespace, $0.baseAddress!, $0.count) }
        } else {
            iri = Self.concat(namespace, base + localStart, p - localStart)
        }
        st.cache.insert(base + start, count, hash: hash, value: iri)
        c.pos = p
        return iri
    }

    /// The namespace IRI of the prefix at `base[start..<colon]`.
    private mutating func namespace(_ start: Int, _ colon: Int) throws(LexError) -> String {
        let count = colon + 1 - start
        let hash = PrefixedNameCache.hash(c.base + start, count)
        if let namespace = st.cache.find(c.base + start, count, hash: hash) { return namespace }
        let prefix = String(decoding: UnsafeBufferPointer(start: c.base + start, count: colon - start), as: UTF8.self)
        guard let namespace = st.prefixes[prefix] else {
            c.pos = start
            throw LexError(message: "undefined prefix '\(prefix):'", offset: start)
        }
        st.cache.insert(c.base + start, count, hash: hash, value: namespace)
        return namespace
    }

    /// `PN_LOCAL_ESC ::= '\' ('_' | '~' | '.' | '-' | '!' | '$' | '&' | "'" | '(' | ')' | '*' | '+' | ',' | ';' | '=' | '/' | '?' | '#' | '@' | '%')`
    static func isLocalEscape(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "!"),
             UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
             UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    /// `head` followed by the (valid UTF-8) bytes `tail[0..<count]`, in one allocation.
    static func concat(_ head: String, _ tail: UnsafePointer<UInt8>, _ count: Int) -> String {
        if count == 0 { return head }
        var head = head
        return head.withUTF8 { h in
            String(unsafeUninitializedCapacity: h.count + count) { buffer in
                let out = buffer.baseAddress!
                if h.count > 0 { memcpy(out, h.baseAddress!, h.count) }
                memcpy(out + h.count, tail, count)
                return h.count + count
            }
        }
    }

    // MARK: Blank nodes

    /// Reads `BLANK_NODE_LABEL` at `_`. Labels the document writes keep their name, except
    /// that one starting with '_' gets another, so none can be a generated `_b…` label.
    mutating func blankNodeLabel() throws(LexError) -> String {
        let label = try c.readBlankNodeLabel()
        if !isFinal {
            // The label may go on after dots that the next chunk will show.
            var p = c.pos
            while p < c.end, c.base[p] == UInt8(ascii: ".") { p += 1 }
            if p >= c.end { throw needMore() }
        }
        if label.utf8.first == UInt8(ascii: "_") { return "_" + label }
        return label
    }

    /// A blank node for `[]`, `[ … ]` or a collection cell: `_b1`, `_b2`, … (document
    /// labels never start with `_b`; see `blankNodeLabel()`).
    @inline(__always)
    mutating func freshBlankNode() -> Term {
        st.blankNodeCounter += 1
        return .blankNode("_b" + String(st.blankNodeCounter))
    }
}
