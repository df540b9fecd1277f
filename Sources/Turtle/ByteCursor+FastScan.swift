#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte classes for the fast token scans: bit 1 = cannot appear raw in an IRIREF,
/// bit 2 = `\` (an escape), bit 4 = non-ASCII (needs UTF-8 validation),
/// bit 8 = cannot appear raw in a single-line string (line breaks).
private let byteClasses: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
    var c: UInt8 = 0
    if ByteCursor.isForbiddenInIRI(UInt8(b)) { c |= 1 }
    if b == 0x5C { c |= 2 }
    if b >= 0x80 { c |= 4 }
    if b == 0x0A || b == 0x0D { c |= 8 }
    return c
}

extension ByteCursor {
    /// `readIRIRef` for the common case: finds `>` with `memchr`, checks the bytes in
    /// between with one table look-up each, and falls back to the careful scan (which
    /// locates errors and decodes escapes) only when something needs attention.
    /// Also reports whether the IRI starts with a scheme, checked on the bytes.
    @inline(__always)
    mutating func scanIRIRef(cache: inout TokenCache) throws(LexError) -> (iri: String, hasScheme: Bool) {
        let start = pos + 1
        guard start < end, let hit = memchr(base + start, 0x3E, end - start) else {
            let iri = try readIRIRef()
            return (iri, ByteCursor.hasScheme(iri))
        }
        let close = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        let flags = classes(start, close)
        if flags & 3 != 0 {
            let iri = try readIRIRef()
            return (iri, ByteCursor.hasScheme(iri))
        }
        let high: UInt8 = flags & 4 != 0 ? 0x80 : 0
        let iri = try cache.string(base + start, close - start) { () throws(LexError) -> String in
            try makeString(start, close, high: high)
        }
        pos = close + 1
        return (iri, Self.startsWithScheme(base + start, close - start))
    }

    /// `readShortString` for the common case: the closing quote found with `memchr`
    /// and no escape or line break before it.
    @inline(__always)
    mutating func scanShortString() throws(LexError) -> String {
        let quote = base[pos]
        let start = pos + 1
        guard start <= end, let hit = memchr(base + start, Int32(quote), end - start) else {
            return try readShortString()
        }
        let close = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        let flags = classes(start, close)
        if flags & (2 | 8) != 0 { return try readShortString() }
        let s = try makeString(start, close, high: flags & 4 != 0 ? 0x80 : 0)
        pos = close + 1
        return s
    }

    /// The union of the byte classes of `base[start..<end]`.
    @inline(__always)
    func classes(_ start: Int, _ end: Int) -> UInt8 {
        byteClasses.withUnsafeBufferPointer { table -> UInt8 in
            var flags: UInt8 = 0
            var i = start
            while i < end {
                flags |= table[Int(base[i])]
                i += 1
            }
            return flags
        }
    }

    /// RFC 3986 section 3.1 scheme check on raw bytes: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`.
    @inline(__always)
    static func startsWithScheme(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard count > 0, isAlpha(p[0]) else { return false }
        var i = 1
        while i < count {
            let b = p[i]
            if b == 0x3A { return true }
            guard isAlpha(b) || isDigit(b) || b == 0x2B || b == 0x2D || b == 0x2E else { return false }
            i += 1
        }
        return false
    }
}
