/// A metadata value as YAML holds it: a string, a list, or a map with ordered keys.
///
/// Scalars are kept as the text that was written (`0.8`, `2022-05-02`), whatever type a
/// YAML resolver would give them.
public indirect enum MappingMetadataValue: Hashable, Sendable {
    /// A scalar.
    case string(String)
    /// A sequence.
    case list([MappingMetadataValue])
    /// A map, keys in the order written.
    case map([MappingMetadataEntry])

    /// The strings of a scalar or of a list of scalars (a multi-valued slot's values).
    public var strings: [String] {
        switch self {
        case .string(let s): [s]
        case .list(let items): items.flatMap(\.strings)
        case .map: []
        }
    }

    /// The scalar's text, or `nil` for a list or map.
    public var string: String? { if case .string(let s) = self { s } else { nil } }
}

/// One key of a metadata map and its value.
public struct MappingMetadataEntry: Hashable, Sendable {
    /// The key.
    public var key: String
    /// The value.
    public var value: MappingMetadataValue

    /// A key and its value.
    public init(key: String, value: MappingMetadataValue) {
        self.key = key
        self.value = value
    }
}

/// The metadata slots of a mapping set that `MappingSet` has no property of its own for,
/// in canonical order: standard slots as the schema's `MappingSet` table orders them,
/// then non-standard keys in the order they were added.
///
/// Standard slots have their SSSOM shape: a multi-valued slot is a `.list` of strings
/// (even with one value), a single-valued one a `.string`; values of `EntityReference`
/// slots are full IRIs. Non-standard keys keep the structure that was read.
public struct MappingSetMetadata: Hashable, Sendable, RandomAccessCollection {
    private var entries: [MappingMetadataEntry] = []

    /// No metadata.
    public init() {}

    /// The position of the first key.
    public var startIndex: Int { entries.startIndex }
    /// The position after the last key.
    public var endIndex: Int { entries.endIndex }
    /// The key at `position`, in canonical order.
    public subscript(position: Int) -> MappingMetadataEntry { entries[position] }

    /// The value of `key`, or `nil`. Setting `nil` removes the key; a new key goes to its
    /// canonical place.
    public subscript(key: String) -> MappingMetadataValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            let existing = entries.firstIndex { $0.key == key }
            guard let newValue else {
                if let existing { entries.remove(at: existing) }
                return
            }
            if let existing {
                entries[existing].value = newValue
                return
            }
            let rank = Self.rank(key)
            let position = entries.firstIndex { Self.rank($0.key) > rank } ?? entries.endIndex
            entries.insert(MappingMetadataEntry(key: key, value: newValue), at: position)
        }
    }

    private static func rank(_ key: String) -> Int {
        SSSOMSchema.mappingSetSlotIndex[key] ?? Int.max - 1
    }
}
