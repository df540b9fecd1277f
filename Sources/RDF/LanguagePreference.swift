/// An order of languages to show text in: the preferred language tags first, in order, then
/// untagged text, then any other language. A tag matches a preference when it equals it or
/// starts with it and `-`, case-insensitively (`nb` matches `nb-NO`; RFC 4647 §3.3.1 basic
/// filtering). The catalogue's labels and the concept views both rank languages by it.
public struct LanguagePreference: Sendable, Hashable {
    /// Language tags, most preferred first (lower case, no duplicates).
    public let languages: [String]

    public init(_ languages: [String]) {
        var seen = Set<String>()
        self.languages = languages.map { $0.lowercased() }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Bokmål, Nynorsk, Norwegian, English.
    public static let norwegian = LanguagePreference(["nb", "nn", "no", "en"])

    /// `language` first, then the Norwegian order (the Norwegian order itself for nil or "").
    public static func preferring(_ language: String?) -> LanguagePreference {
        guard let language, !language.isEmpty else { return .norwegian }
        return LanguagePreference([language] + norwegian.languages)
    }

    /// The rank of a language tag: 0 … `languages.count - 1` for the preferences,
    /// `languages.count` for no tag, `languages.count + 1` for any other tag.
    public func rank(_ language: String?) -> Int {
        guard let language, !language.isEmpty else { return languages.count }
        let tag = language.lowercased()
        for (i, range) in languages.enumerated() where Self.matches(tag, range: range) { return i }
        return languages.count + 1
    }

    /// True when a (lower-case) tag falls under a (lower-case) language range: `nb` covers `nb` and `nb-NO`.
    public static func matches(_ tag: String, range: String) -> Bool {
        tag == range || (tag.hasPrefix(range) && tag.utf8.dropFirst(range.utf8.count).first == UInt8(ascii: "-"))
    }
}
