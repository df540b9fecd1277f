#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RDF

/// A direct-mapped cache from UTF-8 bytes to the `String` made from them.
///
/// RDF/XML repeats the same `xml:lang` tags over and over. Looking a value up costs a
/// hash and a `memcmp`; a miss costs what making the string would have cost anyway.
/// Equal values then share one string's storage, which also helps whatever the quads
/// are stored in. (IRI-valued attributes have their own cache, IRICache.swift; `hash`
/// is the hash both use.)
struct StringCache {
    private struct Entry {
        var hash: UInt64 = 0
        var string = ""
    }

    /// Hash and string side by side: a lookup touches one cache line of the table.
    private var entries: [Entry]
    private let mask: Int

    /// A cache of `1 << bits` slots.
    init(bits: Int) {
        entries = Array(repeating: Entry(), count: 1 << bits)
        mask = (1 << bits) - 1
    }

    /// The cached string equal to `bytes`, if there is one.
    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> String? {
        entries.withUnsafeBufferPointer { table -> String? in
            let entry = table.baseAddress! + (Int(truncatingIfNeeded: h) & mask)
            guard entry.pointee.hash == h else { return nil }
            let s = entry.pointee.string
            return s.utf8Equals(bytes.baseAddress, count: bytes.count) ? s : nil
        }
    }

    /// Remembers `string` as the value for bytes hashing to `h`.
    @inline(__always)
    mutating func insert(_ string: String, hash h: UInt64) {
        entries[Int(truncatingIfNeeded: h) & mask] = Entry(hash: h, string: string)
    }

    /// The string for `bytes`, from the cache or decoded and remembered.
    @inline(__always)
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let h = Self.hash(bytes)
        if let s = lookup(bytes, hash: h) { return s }
        let s = String(decoding: bytes, as: UTF8.self)
        insert(s, hash: h)
        return s
    }

    /// The cache's hash of a byte string (`ByteHash`, shared with the Turtle readers);
    /// never 0, so an empty slot never matches.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 1 }
        return ByteHash.hash(base, bytes.count) | 1
    }
}
