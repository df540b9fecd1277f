import RDF

extension LanguagePreference {
    /// The best text of `texts` in this order (nil when there are none): by language rank,
    /// then the smaller language tag, then the smaller text, for a stable choice.
    public func choose(_ texts: [LangText]) -> LangText? {
        texts.min { a, b in
            let ra = rank(a.language), rb = rank(b.language)
            if ra != rb { return ra < rb }
            if (a.language ?? "") != (b.language ?? "") { return (a.language ?? "") < (b.language ?? "") }
            return a.text < b.text
        }
    }
}
