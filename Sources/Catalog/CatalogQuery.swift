/// A catalogue search: words, filters, language, page.
///
/// Filters of one kind are alternatives (any theme given), filters of different kinds must
/// all hold (a theme given and a publisher given).
public struct CatalogQuery: Sendable, Hashable {
    /// How hits are ordered.
    public enum Order: String, Sendable, Hashable {
        /// Best score first; equal scores (all of them, without words) by title.
        case relevance
        /// By title, as the label preference shows it.
        case title
    }

    /// Words that must all occur in a dataset's title, keywords or description (the last
    /// one also as the start of a word); empty for every dataset.
    public var text: String
    /// Theme IRIs: a dataset matches with one of them or a narrower theme (LOS, EuroVoc,
    /// any SKOS hierarchy in the store); a LOS life event matches the themes and words it
    /// is related to.
    public var themes: [String]
    /// Publishers: nine-digit organisation numbers or IRIs.
    public var publishers: [String]
    /// Formats: a `dct:format` or `dcat:mediaType` IRI, its label, or the end of its IRI
    /// (`CSV`, `json`, `application/json`), case-insensitively; or a format given as text.
    public var formats: [String]
    /// Access rights: an IRI, its label or its last segment (`PUBLIC`), case-insensitively.
    public var accessRights: [String]
    /// Only words in literals of this language (`nb` also matches `nb-NO`) count.
    public var language: String?
    /// At most this many hits (nil for all of them).
    public var limit: Int?
    /// Hits to skip, for the next page.
    public var offset: Int
    public var order: Order

    public init(text: String = "", themes: [String] = [], publishers: [String] = [], formats: [String] = [],
                accessRights: [String] = [], language: String? = nil, limit: Int? = 20, offset: Int = 0,
                order: Order = .relevance) {
        self.text = text
        self.themes = themes
        self.publishers = publishers
        self.formats = formats
        self.accessRights = accessRights
        self.language = language
        self.limit = limit
        self.offset = offset
        self.order = order
    }
}

/// The answer to a `CatalogQuery`: one page of hits, the number of all of them, and facet
/// counts over all of them.
public struct SearchResult: Sendable, Hashable, Codable {
    /// How many datasets match (on every page).
    public var total: Int
    /// The hits skipped before this page.
    public var offset: Int
    public var hits: [SearchHit]
    public var facets: SearchFacets
}

/// One dataset found.
public struct SearchHit: Sendable, Hashable, Codable {
    public var iri: String
    public var kind: DatasetView.Kind
    public var title: String?
    public var titleLanguage: String?
    /// Relevance (BM25F over title, keywords and description); 0 without words.
    public var score: Double
    public var publisher: Agent?
    public var themes: [LabeledTerm]
    public var formats: [LabeledTerm]
    public var accessRights: [LabeledTerm]
}

/// How many of the matching datasets have one value.
public struct FacetCount: Sendable, Hashable, Codable {
    /// The IRI (or the text of a format given as text).
    public var value: String
    public var label: String?
    public var count: Int
    /// For publishers: the organisation number.
    public var orgnr: String?
}

/// Facet counts over all matching datasets, each list by count, then label.
public struct SearchFacets: Sendable, Hashable, Codable {
    public var themes: [FacetCount]
    /// Publishers with one organisation number are counted as one, under the IRI with the
    /// best label.
    public var publishers: [FacetCount]
    /// `dct:format`, else `dcat:mediaType`, of the distributions.
    public var formats: [FacetCount]
    /// The dataset's own access rights, else its distributions'.
    public var accessRights: [FacetCount]
}
