#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RDF

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
            let s = strings[slot]
            if s.utf8Equals(bytes, count: count) { return s }
        }
        let s = try make()
        hashes[slot] = h
        strings[slot] = s
        return s
    }
}
