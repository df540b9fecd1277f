import RDF

/// Chooses what to show of text given in several languages: a title, a description, the
/// label of a theme or a licence.
///
/// A literal is ranked by its language tag in a `LanguagePreference` (the preferred
/// languages in order, then untagged literals, then any other language). Ties go to
/// the better label predicate (`labelPredicates` order), then to the smaller language tag
/// and text, so the choice never depends on the order statements were read in. Blank texts
/// and placeholders made of asterisks (LOS writes `*` for a label not yet translated) are
/// never chosen.
public struct LabelChooser: Sendable, Hashable {
    /// Norwegian Bokmål, Nynorsk, Norwegian, English.
    public static let defaultLanguages = LanguagePreference.norwegian.languages

    /// The predicates that label a resource, best first: `skos:prefLabel`, `foaf:name`,
    /// `dct:title`, `rdfs:label`, `vcard:fn`, `vcard:organization-name`, `dc:title`,
    /// `skos:notation`, `dc:identifier`, `dct:identifier`.
    public static let labelPredicates: [String] = [
        DCATTerms.prefLabel, DCATTerms.name, DCATTerms.title, DCATTerms.rdfsLabel, DCATTerms.fn,
        DCATTerms.organizationName, DCATTerms.dcTitle, DCATTerms.notation, DCATTerms.dcIdentifier, DCATTerms.identifier,
    ]

    /// The order of languages.
    public let preference: LanguagePreference

    /// The preferred language tags, best first (lower case).
    public var languages: [String] { preference.languages }

    public init(languages: [String] = LabelChooser.defaultLanguages) {
        preference = LanguagePreference(languages)
    }

    /// The default preference with `language` moved to the front (the default itself for nil).
    public static func preferring(_ language: String?) -> LabelChooser {
        LabelChooser(languages: LanguagePreference.preferring(language).languages)
    }

    /// The rank of a language tag (`LanguagePreference.rank`).
    public func rank(language: String?) -> Int { preference.rank(language) }

    /// The best of `literals`, or nil when there are none.
    public func best(_ literals: [Literal]) -> Literal? {
        literals.filter(Self.isText).min { a, b in isBetter(a, rankA: 0, than: b, rankB: 0) }
    }

    /// False for blank text and for placeholders made of asterisks.
    static func isText(_ literal: Literal) -> Bool {
        literal.lexicalForm.contains { !$0.isWhitespace && $0 != "*" }
    }

    /// The literals in the best language present (all of them for multi-valued text such as
    /// keywords), in text order.
    public func bestLanguage(_ literals: [Literal]) -> [Literal] {
        let literals = literals.filter(Self.isText)
        guard let top = literals.map({ rank(language: $0.language) }).min() else { return [] }
        let chosen = literals.filter { rank(language: $0.language) == top }
        // Of another language, only one tag (the smallest), so keywords do not mix languages.
        let tag = top == languages.count + 1 ? chosen.compactMap { $0.language?.lowercased() }.min() : nil
        return chosen.filter { tag == nil || $0.language?.lowercased() == tag }
            .sorted { $0.lexicalForm < $1.lexicalForm }
    }

    /// The label among a resource's label statements: by language, then by predicate.
    public func label(_ statements: [(predicate: String, literal: Literal)]) -> Literal? {
        statements.filter { Self.isText($0.literal) }.min { a, b in
            isBetter(a.literal, rankA: Self.predicateRank(a.predicate), than: b.literal, rankB: Self.predicateRank(b.predicate))
        }?.literal
    }

    /// The position of a label predicate in `labelPredicates` (past the end for others).
    static func predicateRank(_ predicate: String) -> Int {
        labelPredicates.firstIndex(of: predicate) ?? labelPredicates.count
    }

    /// Orders two candidate labels: language, then predicate, then tag, then text.
    func isBetter(_ a: Literal, rankA: Int, than b: Literal, rankB: Int) -> Bool {
        let la = rank(language: a.language), lb = rank(language: b.language)
        if la != lb { return la < lb }
        if rankA != rankB { return rankA < rankB }
        let ta = a.language?.lowercased() ?? "", tb = b.language?.lowercased() ?? ""
        if ta != tb { return ta < tb }
        return a.lexicalForm < b.lexicalForm
    }
}
