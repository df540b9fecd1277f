import RDF

/// A lexical error at a byte offset of the buffer being scanned; readers turn it into an
/// `RDFSyntaxError` with line and column.
struct LexError: Error {
    let message: String
    let offset: Int
}

/// A position in a UTF-8 buffer with the token readers shared by the N-Triples, N-Quads
/// and (later) Turtle and TriG readers. It never copies the input: tokens are decoded
/// straight from the buffer to a `String`, once, and escapes take a slower path.
///
/// Productions follow RDF 1.1 N-Triples section 7 and RDF 1.1 Turtle section 6.5.
struct ByteCursor {
    let base: UnsafePointer<UInt8>
    var pos: Int
    let end: Int
    /// Scratch space for tokens with escapes, reused between tokens.
    var scratch: [UInt8] = []

    init(base: UnsafePointer<UInt8>, pos: Int, end: Int) {
        self.base = base
        self.pos = pos
        self.end = end
    }

    @inline(__always) var atEnd: Bool { pos >= end }
    @inline(__always) var current: UInt8 { base[pos] }
    @inline(__always) func peek(_ ahead: Int = 0) -> UInt8? {
        pos + ahead < end ? base[pos + ahead] : nil
    }

    /// Skips spaces and horizontal tabs (the N-Triples `WS` inside a line).
    @inline(__always) mutating func skipSpacesAndTabs() {
        while pos < end, base[pos] == 0x20 || base[pos] == 0x09 { pos += 1 }
    }

    // MARK: IRIREF

    /// Reads `IRIREF` at `<`, returning the IRI with escapes decoded (not yet resolved).
    mutating func readIRIRef() throws(LexError) -> String {
        let open = pos
        pos += 1
        let start = pos
        var high: UInt8 = 0
        while pos < end {
            let b = base[pos]
            if b == UInt8(ascii: ">") {
                let s = try makeString(start, pos, high: high)
                pos += 1
                return s
            }
            if b == UInt8(ascii: "\\") { return try readEscapedIRI(from: start) }
            if Self.isForbiddenInIRI(b) {
                throw LexError(message: Self.describeIRIChar(b), offset: pos)
            }
            high |= b
            pos += 1
        }
        throw LexError(message: "unterminated IRI: missing '>'", offset: open)
    }

    /// The slow path of `readIRIRef` once a `\` is met: copies into scratch, decoding UCHARs.
    private mutating func readEscapedIRI(from start: Int) throws(LexError) -> String {
        scratch.removeAll(keepingCapacity: true)
        try appendValidated(start, pos)
        while pos < end {
            let b = base[pos]
            if b == UInt8(ascii: ">") {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                let escapeAt = pos
                let scalar = try readUCHAR(allowECHAR: false)
                if scalar.value < 0x80, Self.isForbiddenInIRI(UInt8(scalar.value)) || scalar.value == 0x5C {
                    throw LexError(message: "escaped character U+\(Self.hex(scalar.value)) is not allowed in an IRI", offset: escapeAt)
                }
                appendUTF8(scalar)
                continue
            }
            if Self.isForbiddenInIRI(b) {
                throw LexError(message: Self.describeIRIChar(b), offset: pos)
            }
            try appendRawScalar()
        }
        throw LexError(message: "unterminated IRI: missing '>'", offset: start - 1)
    }

    /// `[^#x00-#x20<>"{}|^`\]` excluded from IRIREF (the `\` is handled by the caller).
    @inline(__always) static func isForbiddenInIRI(_ b: UInt8) -> Bool {
        switch b {
        case 0...0x20, 0x22, 0x3C, 0x3E, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return true
        default: return false
        }
    }

    static func describeIRIChar(_ b: UInt8) -> String {
        switch b {
        case 0x20: return "space is not allowed in an IRI (write it as %20)"
        case 0x0A, 0x0D: return "unterminated IRI: line break before '>'"
        case 0...0x1F: return "control character U+\(hex(UInt32(b))) is not allowed in an IRI"
        default: return "character '\(Character(Unicode.Scalar(b)))' is not allowed in an IRI"
        }
    }

    // MARK: Strings

    /// Reads a single-line string (`STRING_LITERAL_QUOTE`, or the `'` form in Turtle) at
    /// its opening quote, decoding ECHAR and UCHAR escapes.
    mutating func readShortString() throws(LexError) -> String {
        let quote = base[pos]
        let open = pos
        pos += 1
        let start = pos
        var high: UInt8 = 0
        while pos < end {
            let b = base[pos]
            if b == quote {
                let s = try makeString(start, pos, high: high)
                pos += 1
                return s
            }
            if b == UInt8(ascii: "\\") { return try readEscapedShortString(from: start, quote: quote, open: open) }
            if b == 0x0A || b == 0x0D {
                throw LexError(message: "unterminated string: line break inside a quoted literal", offset: open)
            }
            high |= b
            pos += 1
        }
        throw LexError(message: "unterminated string: missing closing quote", offset: open)
    }

    private mutating func readEscapedShortString(from start: Int, quote: UInt8, open: Int) throws(LexError) -> String {
        scratch.removeAll(keepingCapacity: true)
        try appendValidated(start, pos)
        while pos < end {
            let b = base[pos]
            if b == quote {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                appendUTF8(try readUCHAR(allowECHAR: true))
                continue
            }
            if b == 0x0A || b == 0x0D {
                throw LexError(message: "unterminated string: line break inside a quoted literal", offset: open)
            }
            try appendRawScalar()
        }
        throw LexError(message: "unterminated string: missing closing quote", offset: open)
    }

    /// Reads an escape at `\`: UCHAR (`\uXXXX`, `\UXXXXXXXX`) and, in strings, ECHAR.
    mutating func readUCHAR(allowECHAR: Bool) throws(LexError) -> Unicode.Scalar {
        let at = pos
        guard let c = peek(1) else { throw LexError(message: "incomplete escape at end of input", offset: at) }
        let digits: Int
        switch c {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default:
            if allowECHAR, let e = Self.echar(c) {
                pos += 2
                return e
            }
            throw LexError(message: "invalid escape '\\\(Character(Unicode.Scalar(c)))'", offset: at)
        }
        guard pos + 2 + digits <= end else {
            throw LexError(message: "\\\(digits == 4 ? "u" : "U") escape needs \(digits) hex digits", offset: at)
        }
        var value: UInt32 = 0
        for i in 0..<digits {
            guard let d = Self.hexValue(base[pos + 2 + i]) else {
                throw LexError(message: "\\\(digits == 4 ? "u" : "U") escape needs \(digits) hex digits", offset: at)
            }
            value = value << 4 | UInt32(d)
        }
        guard let scalar = Unicode.Scalar(value) else {
            let what = (0xD800...0xDFFF).contains(value) ? "a surrogate" : "beyond U+10FFFF"
            throw LexError(message: "escape \\\(digits == 4 ? "u" : "U")\(Self.hex(value)) is \(what), not a Unicode scalar", offset: at)
        }
        pos += 2 + digits
        return scalar
    }

    @inline(__always) static func echar(_ c: UInt8) -> Unicode.Scalar? {
        switch c {
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "'"): return "'"
        case UInt8(ascii: "\\"): return "\\"
        default: return nil
        }
    }

    // MARK: Literals, language tags and blank nodes

    /// A literal with an explicit datatype. `xsd:string` is the plain form; `rdf:langString`
    /// (and RDF 1.2's `rdf:dirLangString`) cannot be written with `^^`: such literals
    /// need a language tag (RDF 1.1 Concepts section 3.3).
    static func typedLiteral(_ lexical: String, datatype: String, at offset: Int) throws(LexError) -> Literal {
        if datatype == XSD.string { return Literal(lexical) }
        if datatype == RDFVocabulary.langString || datatype == Namespace.rdf("dirLangString") {
            throw LexError(message: "a literal of datatype <\(datatype)> needs a language tag, not ^^", offset: offset)
        }
        return Literal(lexical, datatype: datatype)
    }

    /// Reads `LANGTAG` at `@`: `[a-zA-Z]{1,8} ('-' [a-zA-Z0-9]{1,8})*`, returned without
    /// the `@`. The subtag lengths are BCP 47's, which RDF 1.1 Concepts section 3.3
    /// requires and the RDF 1.2 grammar spells out.
    mutating func readLanguageTag() throws(LexError) -> String {
        let at = pos
        pos += 1
        let start = pos
        while pos < end, Self.isAlpha(base[pos]) { pos += 1 }
        guard pos > start else { throw LexError(message: "language tag must start with a letter", offset: at) }
        guard pos - start <= 8 else { throw LexError(message: "language subtag longer than 8 letters (BCP 47)", offset: start) }
        while pos < end, base[pos] == UInt8(ascii: "-") {
            let dash = pos
            pos += 1
            let sub = pos
            while pos < end, Self.isAlpha(base[pos]) || Self.isDigit(base[pos]) { pos += 1 }
            guard pos > sub else { throw LexError(message: "empty language subtag", offset: dash) }
            guard pos - sub <= 8 else { throw LexError(message: "language subtag longer than 8 characters (BCP 47)", offset: sub) }
        }
        return String(decoding: UnsafeBufferPointer(start: base + start, count: pos - start), as: UTF8.self)
    }

    /// Reads `BLANK_NODE_LABEL` at `_`, returning the label without `_:`. The same rule
    /// holds in N-Triples and Turtle: the `:` once in N-Triples' `PN_CHARS_U` is an erratum
    /// (W3C tests `nt-syntax-bad-bnode-01/02`).
    mutating func readBlankNodeLabel() throws(LexError) -> String {
        let at = pos
        guard peek(1) == UInt8(ascii: ":") else {
            throw LexError(message: "expected ':' after '_' in a blank node label", offset: at)
        }
        pos += 2
        let start = pos
        // First character: PN_CHARS_U | [0-9]
        guard pos < end else { throw LexError(message: "empty blank node label", offset: at) }
        let (first, firstLen) = try scalar(at: pos)
        guard Self.isPNCharsU(first) || (first.value >= 0x30 && first.value <= 0x39)  else {
            throw LexError(message: "blank node label cannot start with '\(Character(first))'", offset: pos)
        }
        pos += firstLen
        var lastNonDot = pos
        while pos < end {
            let b = base[pos]
            if b < 0x80 {
                if b == UInt8(ascii: ".") { pos += 1; continue }
                guard Self.isPNCharsASCII(b)  else { break }
                pos += 1
                lastNonDot = pos
            } else {
                let (s, len) = try scalar(at: pos)
                guard Self.isPNChars(s) else { break }
                pos += len
                lastNonDot = pos
            }
        }
        // A label cannot end with '.'; trailing dots belong to what follows.
        pos = lastNonDot
        return String(decoding: UnsafeBufferPointer(start: base + start, count: pos - start), as: UTF8.self)
    }

    // MARK: Character classes (Turtle section 6.5)

    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// ASCII part of PN_CHARS: letters, digits, `_`, `-`.
    @inline(__always) static func isPNCharsASCII(_ b: UInt8) -> Bool {
        isAlpha(b) || isDigit(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }

    static func isPNCharsBase(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
             0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    static func isPNCharsU(_ s: Unicode.Scalar) -> Bool { s == "_" || isPNCharsBase(s) }

    static func isPNChars(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return isPNCharsU(s)
        }
    }

    // MARK: UTF-8

    /// Decodes the scalar at `i`, or throws if the bytes there are not valid UTF-8.
    func scalar(at i: Int) throws(LexError) -> (Unicode.Scalar, Int) {
        let b0 = base[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let len = Self.sequenceLength(UnsafeBufferPointer(start: base + i, count: end - i))
        guard len > 0 else { throw LexError(message: "invalid UTF-8", offset: i) }
        var v = UInt32(b0) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
        for k in 1..<len { v = v << 6 | UInt32(base[i + k] & 0x3F) }
        return (Unicode.Scalar(v)!, len)
    }

    /// Length of the well-formed UTF-8 sequence at the start of `bytes`, or 0 when it is
    /// ill-formed (overlong forms, surrogates and values above U+10FFFF are ill-formed;
    /// Unicode 15, table 3-7).
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let b0 = bytes.first else { return 0 }
        if b0 < 0x80 { return 1 }
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            k < bytes.count && bytes[k] >= lo && bytes[k] <= hi
        }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// The offset of the first ill-formed UTF-8 sequence, or nil when all is well-formed.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            let len = sequenceLength(UnsafeBufferPointer(rebasing: bytes[i...]))
            if len == 0 { return i }
            i += len
        }
        return nil
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8($0) }
    }

    /// A `String` from `base[from..<to]`, validating UTF-8 only when a byte ≥ 0x80 was seen.
    @inline(__always) func makeString(_ from: Int, _ to: Int, high: UInt8) throws(LexError) -> String {
        let bytes = UnsafeBufferPointer(start: base + from, count: to - from)
        if high >= 0x80, let bad = Self.firstInvalidUTF8(bytes) {
            throw LexError(message: "invalid UTF-8", offset: from + bad)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Copies `base[from..<to]` into scratch after checking it is well-formed UTF-8.
    mutating func appendValidated(_ from: Int, _ to: Int) throws(LexError) {
        let bytes = UnsafeBufferPointer(start: base + from, count: to - from)
        if let bad = Self.firstInvalidUTF8(bytes) { throw LexError(message: "invalid UTF-8", offset: from + bad) }
        scratch.append(contentsOf: bytes)
    }

    /// Copies the (validated) UTF-8 sequence at `pos` into scratch and moves past it.
    @inline(__always) mutating func appendRawScalar() throws(LexError) {
        let b = base[pos]
        if b < 0x80 {
            scratch.append(b)
            pos += 1
            return
        }
        let len = Self.sequenceLength(UnsafeBufferPointer(start: base + pos, count: end - pos))
        guard len > 0 else { throw LexError(message: "invalid UTF-8", offset: pos) }
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + pos, count: len))
        pos += len
    }

    mutating func appendUTF8(_ s: Unicode.Scalar) {
        let v = s.value
        switch v {
        case 0..<0x80: scratch.append(UInt8(v))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | v >> 6)); scratch.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | v >> 12)); scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | v >> 18)); scratch.append(UInt8(0x80 | v >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F)); scratch.append(UInt8(0x80 | v & 0x3F))
        }
    }

    @inline(__always) static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x37
        case 0x61...0x66: return b - 0x57
        default: return nil
        }
    }

    static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    /// True when `iri` starts with a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`,
    /// RFC 3986 section 3.1), i.e. is absolute as N-Triples requires.
    static func hasScheme(_ iri: String) -> Bool {
        var it = iri.utf8.makeIterator()
        guard let first = it.next(), isAlpha(first) else { return false }
        while let b = it.next() {
            if b == UInt8(ascii: ":") { return true }
            guard isAlpha(b) || isDigit(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") else {
                return false
            }
        }
        return false
    }
}
