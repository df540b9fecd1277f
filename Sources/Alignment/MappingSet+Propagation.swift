/// Propagation and condensation of a set's propagatable slots (spec-model, "Propagatable
/// slots"): a value on the set stands for the same value on every mapping in it.
extension MappingSet {
    /// Moves the set's values of propagatable slots onto its mappings, where that is
    /// allowed: when every mapping either has no value of its own for the slot or already
    /// has the set's value (the spec allows the first case; the second means the same and
    /// is what condensation undoes). A set without mappings keeps its values.
    public mutating func propagate() {
        guard !mappings.isEmpty else { return }
        for slot in SSSOMSchema.propagatableSlots {
            guard let value = metadata[slot]?.strings, !value.isEmpty else { continue }
            guard mappings.allSatisfy({ let own = $0.values(ofPropagatable: slot); return own.isEmpty || own == value })
            else { continue }
            for index in mappings.indices { mappings[index].setValues(value, ofPropagatable: slot) }
            metadata[slot] = nil
        }
    }

    /// This set with every propagatable slot that all its mappings share moved up to the
    /// set, as canonical SSSOM/TSV writers do. A slot whose set value differs from the
    /// mappings' stays as it is.
    public func condensed() -> MappingSet {
        var set = self
        guard let first = mappings.first else { return set }
        for slot in SSSOMSchema.propagatableSlots {
            let value = first.values(ofPropagatable: slot)
            guard !value.isEmpty, mappings.allSatisfy({ $0.values(ofPropagatable: slot) == value }) else { continue }
            if let existing = set.metadata[slot], existing.strings != value { continue }
            let multivalued = SSSOMSchema.slots[slot]?.multivalued ?? false
            set.metadata[slot] = multivalued ? .list(value.map(MappingMetadataValue.string)) : .string(value[0])
            for index in set.mappings.indices { set.mappings[index].setValues([], ofPropagatable: slot) }
        }
        return set
    }
}

extension Mapping {
    /// The values of a slot, wherever `Mapping` keeps them.
    func values(ofPropagatable slot: String) -> [String] {
        if let field = MappingField.bySlot[slot] { return field.values(of: self) }
        return extras[slot] ?? []
    }

    /// Sets the values of a slot (`[]` clears it).
    mutating func setValues(_ values: [String], ofPropagatable slot: String) {
        if let field = MappingField.bySlot[slot] {
            field.set(values, on: &self)
        } else {
            extras[slot] = values
        }
    }
}
