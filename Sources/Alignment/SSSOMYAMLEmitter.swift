/// Writes SSSOM metadata as block-style YAML: scalars plain when YAML would read them
/// back as the same string, double-quoted otherwise (`YAMLScalar`); lists as block
/// sequences.
enum SSSOMYAMLEmitter {
    /// The YAML lines of the entries (without the `#` that SSSOM/TSV puts before each).
    static func lines(_ entries: [MappingMetadataEntry]) -> [String] {
        var lines: [String] = []
        for entry in entries {
            let numeric: Bool = if case .double = SSSOMSchema.slots[entry.key]?.kind { true } else { false }
            emit(key: entry.key, value: entry.value, indent: 0, numeric: numeric, into: &lines)
        }
        return lines
    }

    private static func emit(key: String, value: MappingMetadataValue, indent: Int, numeric: Bool = false,
                             into lines: inout [String]) {
        let head = String(repeating: " ", count: indent) + YAMLScalar.scalar(key) + ":"
        switch value {
        case .string(let text):
            lines.append(head + " " + (numeric && Double(text) != nil ? text : YAMLScalar.scalar(text)))
        case .list(let items) where items.isEmpty:
            lines.append(head + " []")
        case .map(let entries) where entries.isEmpty:
            lines.append(head + " {}")
        case .list(let items):
            lines.append(head)
            for item in items { emit(item: item, indent: indent + 2, into: &lines) }
        case .map(let entries):
            lines.append(head)
            for entry in entries { emit(key: entry.key, value: entry.value, indent: indent + 2, into: &lines) }
        }
    }

    private static func emit(item: MappingMetadataValue, indent: Int, into lines: inout [String]) {
        let dash = String(repeating: " ", count: indent) + "-"
        switch item {
        case .string(let text):
            lines.append(dash + " " + YAMLScalar.scalar(text))
        case .list(let items) where items.isEmpty:
            lines.append(dash + " []")
        case .map(let entries) where entries.isEmpty:
            lines.append(dash + " {}")
        case .list(let items):
            lines.append(dash)
            for nested in items { emit(item: nested, indent: indent + 2, into: &lines) }
        case .map(let entries):
            // The first key goes on the dash's line, the others line up under it.
            var nested: [String] = []
            for entry in entries { emit(key: entry.key, value: entry.value, indent: indent + 2, into: &nested) }
            nested[0] = dash + " " + nested[0].dropFirst(indent + 2)
            lines.append(contentsOf: nested)
        }
    }
}
