/// An order of languages to choose a label in: the first language with a text wins, then
/// untagged text, then any text (the smallest language tag, for a stable choice).
public struct LanguagePreference: Sendable, Hashable {
    /// Language tags, most preferred first; a tag also matches its subtags (`nb` → `nb-NO`).
    public var languages: [String]

    public init(_ languages: [String]) {
        self.languages = languages.map { $0.lowercased() }
    }

    /// Bokmål, Nynorsk, Norwegian, English.
    public static let norwegian = LanguagePreference(["nb", "nn", "no", "en"])

    /// `lang` first, then the Norwegian order.
    public static func preferring(_ lang: String?) -> LanguagePreference {
        guard let lang, !lang.isEmpty else { return .norwegian }
        return LanguagePreference([lang] + norwegian.languages.filter { $0 != lang.lowercased() })
    }

    /// The rank of a language tag: its place in the list, then untagged, then the rest.
    public func rank(_ language: String?) -> Int {
        guard let tag = language?.lowercased(), !tag.isEmpty else { return languages.count }
        for (i, l) in languages.enumerated() where tag == l || tag.hasPrefix(l + "-") { return i }
        return languages.count + 1
    }

    /// The best text of `texts` in this order (nil when there are none).
    public func choose(_ texts: [LangText]) -> LangText? {
        texts.min { a, b in
            let ra = rank(a.language), rb = rank(b.language)
            if ra != rb { return ra < rb }
            if (a.language ?? "") != (b.language ?? "") { return (a.language ?? "") < (b.language ?? "") }
            return a.text < b.text
        }
    }
}
