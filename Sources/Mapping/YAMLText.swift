import Foundation

/// YAML scalars and comments for the draft.
enum YAMLText {
    private static let reserved: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"]

    /// `text` plain when YAML reads it back as that same text, double-quoted otherwise.
    static func scalar(_ text: String, alwaysQuote: Bool = false) -> String {
        if !alwaysQuote, let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
           text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-./".unicodeScalars.contains($0) }),
           !reserved.contains(text.lowercased()) {
            return text
        }
        var out = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    out += String(format: "\\x%02X", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// Text for a comment: on one line.
    static func comment(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}
