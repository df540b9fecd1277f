#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small direct-mapped cache from token bytes to the `String` made from them, so the
/// IRIs that repeat on every line (predicates, classes, datatypes, the current subject)
/// are decoded and allocated once rather than once per statement.
struct TokenCache {
    private var hashes: [UInt64]
    private var strings: [String]
    private let mask: Int

    /// A cache of `1 << bits` slots.
    init(bits: Int = 12) {
        hashes = Array(repeating: 0, count: 1 << bits)
        strings = Array(repeating: "", count: 1 << bits)
        mask = (1 << bits) - 1
    }

    /// The string for `bytes`, from the cache or made by `make` and remembered.
    @inline(__always)
    mutating func string(_ bytes: UnsafePointer<UInt8>, _ count: Int, make: () throws(LexError) -> String) throws(LexError) -> String {
        let h = ByteHash.hash(bytes, count) | 1  // never 0, so empty slots never match
        let slot = Int(truncatingIfNeeded: h) & mask
        if hashes[slot] == h {
            var s = strings[slot]
            let same = s.withUTF8 { u in u.count == count && memcmp(u.baseAddress!, bytes, count) == 0 }
            if same { return s }
        }
        let s = try make()
        hashes[slot] = h
        strings[slot] = s
        return s
    }
}

/// A fast 64-bit hash of raw token bytes, eight bytes at a time, for the token caches.
enum ByteHash {
    @inline(__always)
    static func hash(_ start: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(start)
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: count)
        var i = 0
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < count {
            tail |= UInt64(start[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 29)
    }
}
