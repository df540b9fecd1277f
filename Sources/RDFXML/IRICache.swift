#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// IRIs by the attribute value they were written as (`&xsd;date`, `&theme;ECON`,
/// `http://…`): a direct-mapped cache that turns a recurring `rdf:about`, `rdf:resource`
/// or `rdf:datatype` value into its `String` with one hash, one probe and one `memcmp`.
///
/// Profiling on a large catalogue showed the cache's memory traffic, not its arithmetic,
/// to be the cost: the input streams through the CPU caches and evicts the tables, so
/// every probe and every string touched is a likely cache miss. Hence:
///
/// - Probing reads a dense array of 32-bit tags (8 KiB); the full hash, the key bytes
///   (kept in an arena, `maxKeyLength` bytes a slot) and the string are touched only on
///   a tag match, and a hit retains nothing but the string it returns.
/// - A value is admitted only the second time it is seen (`seen` remembers a tag of each
///   value that missed). Most IRIs in real data are used once (dataset and distribution
///   IRIs, landing pages); storing them would evict the recurring ones and release the
///   evicted strings from cold memory.
///
/// Keys are attribute values as libxml2 reports them, before entity expansion. In that
/// form `&` always starts a reference, so a value without `&` is its own expansion, and
/// already-expanded text without `&` can share the cache. `metered` is the replacement
/// text a key with references stands for, charged to the entity meter on every hit.
///
/// The memory is the parser's: `free()` releases it (RDFXMLParser's deinit calls it).
struct IRICache {
    private struct Slot {
        var hash: UInt64 = 0
        var keyLength = 0
        var metered = 0
    }

    /// Keys longer than this are not cached (they are rarely repeated).
    static let maxKeyLength = 96

    private let tags: UnsafeMutablePointer<UInt32>
    private let slots: UnsafeMutablePointer<Slot>
    private let iris: UnsafeMutablePointer<String>
    private let keys: UnsafeMutablePointer<UInt8>
    private let seen: UnsafeMutablePointer<UInt32>
    private let mask: Int
    private let seenMask: Int

    /// A cache of `1 << bits` slots, remembering up to `1 << (bits + 1)` values seen once.
    init(bits: Int) {
        let count = 1 << bits
        mask = count - 1
        seenMask = 2 * count - 1
        tags = .allocate(capacity: count)
        tags.initialize(repeating: 0, count: count)
        slots = .allocate(capacity: count)
        slots.initialize(repeating: Slot(), count: count)
        iris = .allocate(capacity: count)
        iris.initialize(repeating: "", count: count)
        keys = .allocate(capacity: count * Self.maxKeyLength)
        seen = .allocate(capacity: 2 * count)
        seen.initialize(repeating: 0, count: 2 * count)
    }

    func free() {
        iris.deinitialize(count: mask + 1)
        iris.deallocate()
        tags.deallocate()
        slots.deallocate()
        keys.deallocate()
        seen.deallocate()
    }

    /// The IRI cached for `key` (hashing to `h`, see `StringCache.hash`) and the
    /// replacement text it stands for, if there is one.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (iri: String, metered: Int)? {
        let i = Int(truncatingIfNeeded: h) & mask
        guard tags[i] == Self.tag(h), slots[i].hash == h, slots[i].keyLength == key.count else { return nil }
        if key.count > 0, memcmp(keys + i * Self.maxKeyLength, key.baseAddress!, key.count) != 0 { return nil }
        return (iris[i], slots[i].metered)
    }

    /// The bits of a hash a slot's tag holds (never 0, the tag of an empty slot).
    @inline(__always)
    private static func tag(_ h: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: h >> 32) | 1 }

    /// Remembers `iri` for `key` if `key` has been offered before.
    func insert(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt64, iri: String, metered: Int) {
        guard key.count <= Self.maxKeyLength else { return }
        let s = Int(truncatingIfNeeded: h >> 20) & seenMask
        if seen[s] != Self.tag(h) {
            seen[s] = Self.tag(h)
            return
        }
        let i = Int(truncatingIfNeeded: h) & mask
        tags[i] = Self.tag(h)
        slots[i] = Slot(hash: h, keyLength: key.count, metered: metered)
        iris[i] = iri
        if let base = key.baseAddress { (keys + i * Self.maxKeyLength).update(from: base, count: key.count) }
    }
}
