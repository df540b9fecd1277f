#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Code point order, compared on the UTF-8 bytes (UTF-8 byte order is code point
    /// order): total, fast, and the same in every locale and on every platform — what
    /// writers sort by so their output is deterministic.
    public func utf8Precedes(_ other: String) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { x in
            other.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let n = Swift.min(x.count, y.count)
                var i = 0
                while i < n {
                    if x[i] != y[i] { return x[i] < y[i] }
                    i += 1
                }
                return x.count < y.count
            }
        }
        if let fast, let result = fast { return result }
        return utf8.lexicographicallyPrecedes(other.utf8)
    }

    /// True when the string's UTF-8 is exactly the `count` bytes at `bytes`: how the
    /// parsers' token caches check a hit against the input buffer without making a
    /// `String` of it. Safe for empty strings and empty buffers.
    @inlinable
    public func utf8Equals(_ bytes: UnsafePointer<UInt8>?, count: Int) -> Bool {
        var string = self
        return string.withUTF8 { u in
            u.count == count && (count == 0 || memcmp(u.baseAddress!, bytes!, count) == 0)
        }
    }
}

extension String {
    /// True when the two strings have the same UTF-8 bytes. RDF compares terms by code
    /// points (RDF 1.1 Concepts §3.2: IRIs, literals and blank nodes are equal when their
    /// strings are equal character by character), not by Swift's canonical equivalence,
    /// which would merge `"é"` written precomposed and decomposed.
    @inlinable
    public func utf8Identical(_ other: String) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { x in
            other.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
        if let fast, let result = fast { return result }
        return utf8.elementsEqual(other.utf8)
    }

    /// `ByteHash` of the UTF-8 bytes: consistent with `utf8Identical`, and cheaper than
    /// `String`'s own hashing, which normalises to NFC first.
    @inlinable
    public var utf8Hash: UInt64 {
        if let h = utf8.withContiguousStorageIfAvailable({ ByteHash.hash($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }) {
            return h
        }
        let bytes = Array(utf8)
        return bytes.withUnsafeBufferPointer { ByteHash.hash($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
    }
}
