#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RDF

/// A small direct-mapped map from the raw bytes of a token (a prefixed name such as
/// `dcat:Dataset`, or a namespace key such as `dcat:`) to the IRI it expands to, so a
/// name repeated throughout a document is expanded once and then shared.
///
/// Keys are compared straight against the input buffer, without making a `String` of
/// them. Each slot keeps one key (up to `maxKeyLength` bytes, in a fixed-stride arena)
/// and its value; a colliding key replaces it. Memory is fixed at about 400 KiB.
struct PrefixedNameCache {
    private struct Slot {
        var hash: UInt64 = 0
        var length: Int = -1
        var value: String = ""
    }

    /// Keys longer than this are not cached.
    static let maxKeyLength = 64
    private static let slotBits = 12

    private var slots: [Slot] = []
    private var keys: [UInt8] = []

    /// The hash the cache is keyed by (shared with `TokenCache`).
    @inline(__always)
    static func hash(_ start: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        ByteHash.hash(start, count)
    }

    @inline(__always)
    private static func slot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> 40) & ((1 << slotBits) - 1)
    }

    /// The value cached for the `count` bytes at `start`, whose hash is `hash`.
    @inline(__always)
    func find(_ start: UnsafePointer<UInt8>, _ count: Int, hash: UInt64) -> String? {
        guard count <= Self.maxKeyLength, !slots.isEmpty else { return nil }
        let i = Self.slot(hash)
        return slots.withUnsafeBufferPointer { slots -> String? in
            let slot = slots.baseAddress! + i
            guard slot.pointee.hash == hash, slot.pointee.length == count else { return nil }
            let same = keys.withUnsafeBufferPointer { keys in
                memcmp(keys.baseAddress! + i * Self.maxKeyLength, start, count) == 0
            }
            return same ? slot.pointee.value : nil
        }
    }

    /// Caches `value` for the `count` bytes at `start`.
    mutating func insert(_ start: UnsafePointer<UInt8>, _ count: Int, hash: UInt64, value: String) {
        guard count <= Self.maxKeyLength else { return }
        if slots.isEmpty {
            slots = Array(repeating: Slot(), count: 1 << Self.slotBits)
            keys = Array(repeating: 0, count: (1 << Self.slotBits) * Self.maxKeyLength)
        }
        let i = Self.slot(hash)
        slots[i] = Slot(hash: hash, length: count, value: value)
        keys.withUnsafeMutableBufferPointer { keys in
            _ = memcpy(keys.baseAddress! + i * Self.maxKeyLength, start, count)
        }
    }

    /// Forgets every entry (after a prefix is redefined).
    mutating func removeAll() {
        for i in slots.indices { slots[i].length = -1 }
    }
}
