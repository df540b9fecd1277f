import Alignment

/// YAML scalars and comments for the draft.
enum YAMLText {
    /// `text` plain when it is a word (letters, digits, `_-./`, starting with a letter or
    /// `_`) that YAML reads back as that same text, double-quoted otherwise.
    static func scalar(_ text: String, alwaysQuote: Bool = false) -> String {
        if !alwaysQuote, let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
           text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-./".unicodeScalars.contains($0) }),
           !YAMLScalar.needsQuotes(text) {
            return text
        }
        return YAMLScalar.doubleQuoted(text)
    }

    /// Text for a comment: on one line.
    static func comment(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}
