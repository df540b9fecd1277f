// IRI references and their resolution against a base IRI.
//
// RFC 3986 (URI generic syntax) section 3 and appendix B give the component split,
// section 5 the resolution algorithm. RFC 3987 (IRIs) changes nothing in either: every
// delimiter is ASCII, so the algorithms run on UTF-8 bytes and non-ASCII characters pass
// through untouched (no percent-encoding, no normalisation).
//
// Everything here works on UTF-8 code units, never on `Character`s. Parsing a reference
// records byte offsets only; resolving writes the result straight into the storage of the
// returned `String`, so a resolution costs one allocation (none for results of up to 15
// bytes, and none at all when an absolute reference is returned unchanged).

// MARK: - IRIReference

/// An IRI reference (RFC 3986 section 4.1, RFC 3987 section 2.2) split into its five
/// components: scheme, authority, path, query and fragment.
///
/// The split follows RFC 3986 appendix B: it never fails, and putting the components back
/// together (section 5.3) gives the original string. A scheme is recognised only where it
/// matches the section 3.1 grammar, `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`, so
/// `IRIReference("1a:b")` is a relative reference whose path is `1a:b`.
///
/// Components are views into ``string``; "undefined" (`nil`) and "empty" are different, as
/// section 5.2.1 requires: `http://a?` has an empty query, `http://a` has none.
///
/// Two references are equal when their strings have the same code points (RFC 3987
/// section 5.3.1, simple string comparison): unlike `String`'s `==`, a precomposed `é`
/// and `e` followed by a combining accent are different IRIs.
public struct IRIReference: Sendable, Hashable, CustomStringConvertible {
    /// The reference exactly as given.
    public let string: String

    /// Byte offsets of the components in `string.utf8`.
    let parts: IRIParts

    /// Splits `string` into its components (RFC 3986 appendix B, with the section 3.1
    /// scheme grammar).
    public init(_ string: String) {
        var contiguous = string
        self.parts = contiguous.withUTF8 { IRIParts(parsing: $0) }
        self.string = contiguous
    }

    /// The scheme, without its `:`, or `nil` for a relative reference (RFC 3986 section 3.1).
    public var scheme: Substring? {
        parts.hasScheme ? slice(0, parts.schemeEnd) : nil
    }

    /// The authority, without the leading `//`, or `nil` if there is none (RFC 3986
    /// section 3.2). It may be empty, as in `file:///tmp/x`.
    public var authority: Substring? {
        parts.hasAuthority ? slice(parts.authorityStart, parts.pathStart) : nil
    }

    /// The path; always defined, possibly empty (RFC 3986 section 3.3).
    public var path: Substring {
        slice(parts.pathStart, parts.pathEnd)
    }

    /// The query, without the `?`, or `nil` if there is none (RFC 3986 section 3.4).
    public var query: Substring? {
        parts.hasQuery ? slice(parts.pathEnd + 1, parts.queryEnd) : nil
    }

    /// The fragment, without the `#`, or `nil` if there is none (RFC 3986 section 3.5).
    public var fragment: Substring? {
        parts.hasFragment ? slice(parts.fragmentStart, parts.end) : nil
    }

    /// True if the reference has a scheme, that is, it is an IRI rather than a relative
    /// reference (RFC 3986 section 4.1).
    public var isAbsolute: Bool { parts.hasScheme }

    /// The reference exactly as given.
    public var description: String { string }

    /// Compares code points (RFC 3987 section 5.3.1), not canonical equivalence.
    public static func == (lhs: IRIReference, rhs: IRIReference) -> Bool {
        lhs.string.utf8.elementsEqual(rhs.string.utf8)
    }

    /// Hashes the UTF-8 bytes, consistently with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) {
        let hashed: Void? = string.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if hashed == nil {
            for byte in string.utf8 { hasher.combine(byte) }
        }
        hasher.combine(0xFF as UInt8)  // terminator: 0xFF never occurs in UTF-8
    }

    /// The substring between two byte offsets. Every offset sits at the start or end of
    /// the string or next to an ASCII delimiter, so it is on a Unicode scalar boundary.
    private func slice(_ lower: Int, _ upper: Int) -> Substring {
        let utf8 = string.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lower)
        let end = utf8.index(start, offsetBy: upper - lower)
        return string[start..<end]
    }
}

// MARK: - IRIResolver

/// Resolves IRI references against a base IRI: RFC 3986 section 5.2 (strict mode,
/// "transform references"), applied to IRIs as RFC 3987 section 6.5 allows.
///
/// To resolve many references against the same base, parse the base once with
/// ``BaseIRI``.
public enum IRIResolver {
    /// Resolves `reference` against `base` (RFC 3986 section 5.2.2, with 5.2.3 merge,
    /// 5.2.4 remove_dot_segments and 5.3 recomposition).
    ///
    /// The resolver is strict: `http:g` against `http://a/b` stays `http:g`. A reference
    /// with a scheme and no dot segments is returned unchanged without parsing `base`.
    /// A fragment in `base` is ignored (section 5.1). `base` should be absolute; if it is
    /// not, the algorithm runs on its components as they are and the result is relative.
    ///
    /// - Parameters:
    ///   - reference: The IRI reference to resolve, absolute or relative.
    ///   - base: The base IRI.
    /// - Returns: The target IRI.
    public static func resolve(_ reference: String, against base: String) -> String {
        var referenceBytes = reference
        var baseBytes = base
        return referenceBytes.withUTF8 { r in
            let rParts = IRIParts(parsing: r)
            if rParts.hasScheme && !IRIParts.hasDotSegment(r, rParts.pathStart, rParts.pathEnd) {
                return reference
            }
            return baseBytes.withUTF8 { b in
                IRIParts.resolve(r, rParts, against: b, IRIParts(parsing: b))
            }
        }
    }

    /// True if `iri` starts with a scheme, `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`
    /// (RFC 3986 section 3.1), so it is an IRI and not a relative reference (section 4.1).
    public static func isAbsolute(_ iri: String) -> Bool {
        var bytes = iri.utf8.makeIterator()
        guard let first = bytes.next(), IRIParts.isAlpha(first) else { return false }
        while let byte = bytes.next() {
            if byte == IRIParts.colon { return true }
            if !IRIParts.isSchemeCharacter(byte) { return false }
        }
        return false
    }
}

// MARK: - BaseIRI

/// An absolute base IRI parsed once, for resolving many references against it, as a
/// parser does with every relative IRI in a document (RFC 3986 section 5.1).
public struct BaseIRI: Sendable, CustomStringConvertible {
    /// The base as parsed.
    public let reference: IRIReference

    /// Parses `string` as a base IRI; `nil` if it has no scheme (RFC 3986 section 5.2.1
    /// requires an absolute base). A fragment is allowed and ignored.
    public init?(_ string: String) {
        let parsed = IRIReference(string)
        guard parsed.isAbsolute else { return nil }
        self.reference = parsed
    }

    /// The base IRI exactly as given.
    public var string: String { reference.string }

    /// The base IRI exactly as given.
    public var description: String { reference.string }

    /// Resolves `reference` against this base (RFC 3986 section 5.2.2, strict).
    ///
    /// Fast paths: a reference with a scheme and no dot segments is returned unchanged,
    /// and an empty reference returns the base itself when the base has no fragment.
    public func resolve(_ reference: String) -> String {
        var referenceBytes = reference
        return referenceBytes.withUTF8 { r in
            let rParts = IRIParts(parsing: r)
            if let unchanged = shortcut(r, rParts) {
                return unchanged ?? reference
            }
            return resolveParsed(r, rParts)
        }
    }

    /// Resolves an already parsed `reference` against this base (RFC 3986 section 5.2.2,
    /// strict), with the same fast paths as resolving a string.
    public func resolve(_ reference: IRIReference) -> String {
        var referenceBytes = reference.string
        return referenceBytes.withUTF8 { r in
            if let unchanged = shortcut(r, reference.parts) {
                return unchanged ?? reference.string
            }
            return resolveParsed(r, reference.parts)
        }
    }

    /// Resolves a reference given as UTF-8 bytes, for example a token borrowed from a
    /// parser's input buffer, without first making a `String` of it. Ill-formed UTF-8 is
    /// repaired with U+FFFD, as `String(decoding:as:)` does.
    public func resolve(utf8 reference: UnsafeBufferPointer<UInt8>) -> String {
        let rParts = IRIParts(parsing: reference)
        if let unchanged = shortcut(reference, rParts) {
            return unchanged ?? String(decoding: reference, as: UTF8.self)
        }
        return resolveParsed(reference, rParts)
    }

    /// `.some(nil)` if the reference itself is the answer, `.some(base)` if the base is,
    /// `nil` if the full algorithm must run.
    private func shortcut(_ r: UnsafeBufferPointer<UInt8>, _ rParts: IRIParts) -> String?? {
        if rParts.hasScheme {
            // Section 5.2.2 with R.scheme defined: T is R with remove_dot_segments applied
            // to its path, which changes nothing when no segment is "." or "..".
            if !IRIParts.hasDotSegment(r, rParts.pathStart, rParts.pathEnd) { return .some(nil) }
        } else if r.isEmpty && !reference.parts.hasFragment {
            // Empty reference: T is the base's scheme, authority, path and query unchanged.
            return .some(reference.string)
        }
        return nil
    }

    private func resolveParsed(_ r: UnsafeBufferPointer<UInt8>, _ rParts: IRIParts) -> String {
        var baseBytes = reference.string
        return baseBytes.withUTF8 { b in
            IRIParts.resolve(r, rParts, against: b, reference.parts)
        }
    }
}

// MARK: - Byte-level parsing and resolution

/// Byte offsets of the five components of an IRI reference in its UTF-8 encoding.
///
/// Layout, with `-1` for an undefined scheme, authority or fragment:
///
///     scheme ":" "//" authority   path   "?" query   "#" fragment
///     0..<schemeEnd               pathStart..<pathEnd
///                 authorityStart..<pathStart
///                                        pathEnd+1..<queryEnd (defined if queryEnd > pathEnd)
///                                                    fragmentStart..<end
struct IRIParts: Sendable {
    /// Offset of the `:` ending the scheme, or -1.
    var schemeEnd: Int
    /// Offset just after `//`, or -1; the authority ends at `pathStart`.
    var authorityStart: Int
    var pathStart: Int
    /// Offset of the `?` when there is a query.
    var pathEnd: Int
    /// Offset of the `#` or the end; equal to `pathEnd` when there is no query.
    var queryEnd: Int
    /// Offset just after `#`, or -1.
    var fragmentStart: Int
    var end: Int

    var hasScheme: Bool { schemeEnd >= 0 }
    var hasAuthority: Bool { authorityStart >= 0 }
    var hasQuery: Bool { queryEnd > pathEnd }
    var hasFragment: Bool { fragmentStart >= 0 }

    static let colon = UInt8(ascii: ":")
    static let slash = UInt8(ascii: "/")
    static let question = UInt8(ascii: "?")
    static let hash = UInt8(ascii: "#")
    static let dot = UInt8(ascii: ".")

    static func isAlpha(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// ALPHA / DIGIT / "+" / "-" / "." (RFC 3986 section 3.1).
    static func isSchemeCharacter(_ byte: UInt8) -> Bool {
        isAlpha(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == dot
    }

    /// One left-to-right pass, the regular expression of RFC 3986 appendix B
    /// `^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?` with the scheme
    /// restricted to the section 3.1 grammar.
    init(parsing p: UnsafeBufferPointer<UInt8>) {
        let n = p.count
        var i = 0

        // scheme ":" (section 3.1)
        schemeEnd = -1
        if n > 0 && Self.isAlpha(p[0]) {
            var j = 1
            while j < n && Self.isSchemeCharacter(p[j]) { j += 1 }
            if j < n && p[j] == Self.colon {
                schemeEnd = j
                i = j + 1
            }
        }

        // "//" authority (section 3.2), ended by "/", "?", "#" or the end
        authorityStart = -1
        if i + 1 < n && p[i] == Self.slash && p[i + 1] == Self.slash {
            i += 2
            authorityStart = i
            while i < n && p[i] != Self.slash && p[i] != Self.question && p[i] != Self.hash { i += 1 }
        }

        // path (section 3.3), ended by "?", "#" or the end
        pathStart = i
        while i < n && p[i] != Self.question && p[i] != Self.hash { i += 1 }
        pathEnd = i

        // "?" query (section 3.4), ended by "#" or the end
        if i < n && p[i] == Self.question {
            i += 1
            while i < n && p[i] != Self.hash { i += 1 }
        }
        queryEnd = i

        // "#" fragment (section 3.5), the rest
        fragmentStart = i < n ? i + 1 : -1
        end = n
    }

    /// True if a segment of the path `p[lower..<upper]` is "." or "..", the only
    /// segments remove_dot_segments (RFC 3986 section 5.2.4) changes anything for.
    static func hasDotSegment(_ p: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int) -> Bool {
        var i = lower
        while i < upper {
            if p[i] == dot && (i == lower || p[i - 1] == slash) {
                var j = i + 1
                if j < upper && p[j] == dot { j += 1 }
                if j == upper || p[j] == slash { return true }
            }
            i += 1
        }
        return false
    }

    /// RFC 3986 section 5.2.2 (strict), writing the section 5.3 recomposition of the
    /// target straight into the new string's storage.
    static func resolve(
        _ r: UnsafeBufferPointer<UInt8>, _ rParts: IRIParts,
        against b: UnsafeBufferPointer<UInt8>, _ bParts: IRIParts
    ) -> String {
        // The target is at most base + reference + 1 (the "/" of a merge with an empty
        // base path) or + 2 (the "/." guarding a path that starts with "//"); see below.
        String(unsafeUninitializedCapacity: r.count + b.count + 4) { buffer in
            var out = ByteWriter(buffer: buffer)
            let targetHasAuthority: Bool
            var pathIsFinal = false       // T.path = Base.path: no remove_dot_segments
            var queryFromBase = false     // T.query = Base.query

            // Section 5.3: scheme ":" and "//" authority go first, whichever of R and Base
            // they come from; then the path, which may still need dot segments removed.
            let pathStart: Int
            if rParts.hasScheme {
                // T.scheme = R.scheme; T.authority = R.authority;
                // T.path = remove_dot_segments(R.path); T.query = R.query
                out.append(r, 0, rParts.pathStart)
                targetHasAuthority = rParts.hasAuthority
                pathStart = out.count
                out.append(r, rParts.pathStart, rParts.pathEnd)
            } else {
                // T.scheme = Base.scheme
                let baseAfterScheme = bParts.schemeEnd + 1
                out.append(b, 0, baseAfterScheme)
                if rParts.hasAuthority {
                    // T.authority = R.authority; T.path = remove_dot_segments(R.path);
                    // T.query = R.query
                    out.append(r, 0, rParts.pathStart)
                    targetHasAuthority = true
                    pathStart = out.count
                    out.append(r, rParts.pathStart, rParts.pathEnd)
                } else {
                    // T.authority = Base.authority
                    out.append(b, baseAfterScheme, bParts.pathStart)
                    targetHasAuthority = bParts.hasAuthority
                    pathStart = out.count
                    if rParts.pathStart == rParts.pathEnd {
                        // R.path == "": T.path = Base.path; T.query = R.query if defined,
                        // else Base.query
                        out.append(b, bParts.pathStart, bParts.pathEnd)
                        pathIsFinal = true
                        queryFromBase = !rParts.hasQuery
                    } else if r[rParts.pathStart] == slash {
                        // R.path starts with "/": T.path = remove_dot_segments(R.path)
                        out.append(r, rParts.pathStart, rParts.pathEnd)
                    } else {
                        // T.path = remove_dot_segments(merge(Base.path, R.path))
                        // Section 5.2.3 merge: "/" + R.path if the base has an authority
                        // and an empty path; otherwise the base path up to and including
                        // its last "/" (nothing if it has none), then R.path.
                        if bParts.hasAuthority && bParts.pathStart == bParts.pathEnd {
                            out.append(slash)
                        } else {
                            var lastSlashEnd = bParts.pathEnd
                            while lastSlashEnd > bParts.pathStart && b[lastSlashEnd - 1] != slash {
                                lastSlashEnd -= 1
                            }
                            out.append(b, bParts.pathStart, lastSlashEnd)
                        }
                        out.append(r, rParts.pathStart, rParts.pathEnd)
                    }
                }
            }

            if !pathIsFinal {
                out.count = removeDotSegments(buffer, from: pathStart, to: out.count)
            }

            // Without an authority, a path starting with "//" would read back as an
            // authority (section 3.3 forbids it there). As WHATWG URL does, write "/."
            // in front: "/.//x" is the same path once dot segments are removed, and the
            // resolution stays idempotent.
            if !targetHasAuthority && out.count - pathStart >= 2
                && buffer[pathStart] == slash && buffer[pathStart + 1] == slash {
                var k = out.count
                while k > pathStart {
                    k -= 1
                    buffer[k + 2] = buffer[k]
                }
                buffer[pathStart] = slash
                buffer[pathStart + 1] = dot
                out.count += 2
            }

            // "?" query from the base when R has neither path nor query, then whatever R
            // has of "?" query and "#" fragment (T.fragment = R.fragment).
            if queryFromBase {
                out.append(b, bParts.pathEnd, bParts.queryEnd)
            }
            out.append(r, rParts.pathEnd, r.count)
            return out.count
        }
    }

    /// RFC 3986 section 5.2.4 remove_dot_segments, in place on `p[start..<end]`; returns
    /// the new end.
    ///
    /// The input buffer is `p[i..<end]` and the output buffer `p[start..<o]`, with
    /// `o <= i` throughout, since no step writes more than it consumes: rule E moves bytes
    /// down, and where a rule replaces a final "/." or "/.." with "/", that "/" is written
    /// over the last consumed byte.
    static func removeDotSegments(_ p: UnsafeMutableBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        var o = start

        // Rules C: remove the last segment and its preceding "/" (if any) from the output.
        func removeLastOutputSegment() {
            while o > start && p[o - 1] != slash { o -= 1 }
            if o > start { o -= 1 }
        }

        while i < end {
            let remaining = end - i
            if p[i] == dot {
                // A: remove a prefix "../" or "./"; D: remove an input of "." or "..".
                if remaining == 1 { break }
                if p[i + 1] == slash {
                    i += 2
                    continue
                }
                if p[i + 1] == dot {
                    if remaining == 2 { break }
                    if p[i + 2] == slash {
                        i += 3
                        continue
                    }
                }
                // A segment such as ".g" or "..g": rule E below.
            } else if p[i] == slash && remaining >= 2 && p[i + 1] == dot {
                // B: replace a prefix "/./" or a complete "/." with "/".
                if remaining == 2 {
                    p[i + 1] = slash
                    i += 1
                    continue
                }
                if p[i + 2] == slash {
                    i += 2
                    continue
                }
                // C: replace a prefix "/../" or a complete "/.." with "/", and remove the
                // last output segment.
                if p[i + 2] == dot {
                    if remaining == 3 {
                        p[i + 2] = slash
                        i += 2
                        removeLastOutputSegment()
                        continue
                    }
                    if p[i + 3] == slash {
                        i += 3
                        removeLastOutputSegment()
                        continue
                    }
                }
                // A segment such as "/.g" or "/..g": rule E below.
            }
            // E: move the first path segment, with its initial "/" (if any), up to but
            // not including the next "/", to the end of the output.
            p[o] = p[i]
            o += 1
            i += 1
            while i < end && p[i] != slash {
                p[o] = p[i]
                o += 1
                i += 1
            }
        }
        return o
    }
}

/// Appends bytes to the uninitialised storage of a `String` being built.
private struct ByteWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func append(_ source: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int) {
        let length = upper - lower
        guard length > 0, let from = source.baseAddress, let to = buffer.baseAddress else { return }
        (to + count).update(from: from + lower, count: length)
        count += length
    }

    mutating func append(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }
}
