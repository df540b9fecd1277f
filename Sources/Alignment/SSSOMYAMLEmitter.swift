/// Writes SSSOM metadata as block-style YAML: scalars plain when YAML would read them
/// back as the same string, double-quoted otherwise; lists as block sequences.
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
        let head = String(repeating: " ", count: indent) + scalar(key) + ":"
        switch value {
        case .string(let text):
            lines.append(head + " " + (numeric && Double(text) != nil ? text : scalar(text)))
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
            lines.append(dash + " " + scalar(text))
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

    /// A scalar in plain style when that is safe, in double quotes otherwise.
    static func scalar(_ text: String) -> String {
        needsQuotes(text) ? doubleQuoted(text) : text
    }

    /// True when a plain scalar would not read back as this string: empty, starting with
    /// an indicator or a space, holding `: `, ` #`, control or line-break characters, or
    /// looking like a null, a boolean, a number or a date to a YAML 1.1 or 1.2 reader.
    private static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || first == " " || last == " " || last == ":" {
            return true
        }
        if text.contains(": ") || text.contains(" #") { return true }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
                || $0.value == 0x2028 || $0.value == 0x2029 || $0.value == 0xFEFF }) {
            return true
        }
        let lowered = text.lowercased()
        if ["~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
            ".inf", "+.inf", "-.inf", ".nan"].contains(lowered) {
            return true
        }
        if lowered.hasPrefix("0x") || lowered.hasPrefix("0o") || lowered.hasPrefix("0b") { return true }
        let numberish = Set("0123456789._:+-e".unicodeScalars)
        return (("0"..."9").contains(first) || first == "+" || first == ".")
            && lowered.unicodeScalars.allSatisfy(numberish.contains)
    }

    private static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
