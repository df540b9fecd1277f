/// YAML scalars that any YAML 1.1 or 1.2 reader reads back as the same string: plain when
/// that is safe, double-quoted otherwise. Written by the SSSOM writer and by the mapping
/// drafts (`samsvar map suggest`).
package enum YAMLScalar {
    /// A scalar in plain style when that is safe, in double quotes otherwise.
    package static func scalar(_ text: String) -> String {
        needsQuotes(text) ? doubleQuoted(text) : text
    }

    /// True when a plain scalar would not read back as this string: empty, starting with
    /// an indicator or a space, holding `: `, ` #`, control or line-break characters, or
    /// looking like a null, a boolean, a number or a date to a YAML 1.1 or 1.2 reader.
    package static func needsQuotes(_ text: String) -> Bool {
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

    /// `text` in double quotes: `"`, `\`, line breaks and the characters YAML does not
    /// allow unescaped (C0 and C1 controls, DEL, U+2028, U+2029, U+FEFF) escaped.
    package static func doubleQuoted(_ text: String) -> String {
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
