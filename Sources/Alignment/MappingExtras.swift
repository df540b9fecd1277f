/// The slots of a mapping that `Mapping` has no property of its own for, in canonical
/// order: standard SSSOM slots in the order of the schema's slot table, then non-standard
/// columns in the order they were first added.
///
/// Each slot holds its values as strings: one value for a single-valued slot, any number
/// for a multi-valued one. Values of `EntityReference` slots (`subject_source`,
/// `mapping_tool_id` …) are full IRIs; non-standard columns keep the text as read.
public struct MappingExtras: Hashable, Sendable, RandomAccessCollection {
    /// One slot and its values.
    public struct Entry: Hashable, Sendable {
        /// The slot's name (the TSV column).
        public var slot: String
        /// Its values, never empty.
        public var values: [String]

        /// A slot and its values.
        public init(slot: String, values: [String]) {
            self.slot = slot
            self.values = values
        }
    }

    private var entries: [Entry] = []

    /// No extra slots.
    public init() {}

    /// The position of the first slot.
    public var startIndex: Int { entries.startIndex }
    /// The position after the last slot.
    public var endIndex: Int { entries.endIndex }
    /// The slot at `position`, in canonical order.
    public subscript(position: Int) -> Entry { entries[position] }

    /// The values of `slot`, or `nil` when it has none. Setting `nil` or `[]` removes it;
    /// a new slot goes to its canonical place.
    public subscript(slot: String) -> [String]? {
        get { entries.first { $0.slot == slot }?.values }
        set {
            let existing = entries.firstIndex { $0.slot == slot }
            guard let newValue, !newValue.isEmpty else {
                if let existing { entries.remove(at: existing) }
                return
            }
            if let existing {
                entries[existing].values = newValue
                return
            }
            let rank = Self.rank(slot)
            let position = entries.firstIndex { Self.rank($0.slot) > rank } ?? entries.endIndex
            entries.insert(Entry(slot: slot, values: newValue), at: position)
        }
    }

    /// The single value of `slot` (the first, for a multi-valued one).
    public func value(_ slot: String) -> String? { self[slot]?.first }

    /// Standard slots rank by their table position; non-standard ones after all of them,
    /// keeping the order they were added in.
    private static func rank(_ slot: String) -> Int {
        SSSOMSchema.mappingSlotIndex[slot] ?? Int.max - 1
    }
}
