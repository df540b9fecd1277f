/// The ASCII bytes an IRI cannot hold raw — controls, space, `"<>\^`, backtick and `{|}`
/// (RDF 1.1 N-Triples §2.3, IRIREF; RFC 3987 leaves them out of every IRI production) —
/// found quickly: the N-Quads writer and the record mapper check every IRI they make.
public enum IRIBytes {
    /// Bit sets of the forbidden bytes over 0–63 and 64–127.
    @usableFromInline static let forbiddenLow: UInt64 = 0x5000_0005_FFFF_FFFF
    @usableFromInline static let forbiddenHigh: UInt64 = 0x3800_0001_5000_0000

    /// Whether `b` cannot stand raw in an IRI.
    @inlinable @inline(__always)
    public static func isForbidden(_ b: UInt8) -> Bool {
        if b < 0x40 { return forbiddenLow >> UInt64(b) & 1 != 0 }
        if b < 0x80 { return forbiddenHigh >> UInt64(b - 0x40) & 1 != 0 }
        return false
    }

    /// The first byte of `u` that an IRI cannot hold raw, if any. Eight bytes at a time
    /// are screened with word arithmetic (`hasLess` and `hasByte` tell whether any byte of a
    /// word is below a bound or equal to a value, exactly); only a word with a hit is looked
    /// at byte by byte.
    @inlinable
    public static func firstForbidden(_ u: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var i = 0
        if let base = u.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= u.count {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let screened = hasLess(w, 0x21) | hasByte(w, 0x22) | hasByte(w, 0x3C) | hasByte(w, 0x3E)
                    | hasByte(w, 0x5C) | hasByte(w, 0x5E) | hasByte(w, 0x60) | hasByte(w, 0x7B) | hasByte(w, 0x7C)
                    | hasByte(w, 0x7D)
                if screened != 0 { break }
                i += 8
            }
        }
        while i < u.count {
            if isForbidden(u[i]) { return u[i] }
            i += 1
        }
        return nil
    }

    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Non-zero when some byte of `w` is below `n` (n ≤ 128).
    @inlinable @inline(__always)
    static func hasLess(_ w: UInt64, _ n: UInt64) -> UInt64 { (w &- ones &* n) & ~w & highs }

    /// Non-zero when some byte of `w` is `b`.
    @inlinable @inline(__always)
    static func hasByte(_ w: UInt64, _ b: UInt64) -> UInt64 {
        let x = w ^ (ones &* b)
        return (x &- ones) & ~x & highs
    }
}
