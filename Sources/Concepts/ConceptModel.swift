import RDF

/// A text with its language tag (nil when untagged).
public struct LangText: Hashable, Sendable, Codable {
    public var text: String
    public var language: String?

    public init(_ text: String, language: String? = nil) {
        self.text = text
        self.language = language
    }
}

/// Which kind of name a label is.
public enum LabelKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// skos:prefLabel, skosxl:prefLabel, rdfs:label (for OWL classes).
    case preferred
    /// skos:altLabel, an exact synonym.
    case alternative
    /// A related (looser) synonym, such as oboInOwl:hasRelatedSynonym.
    case related
    /// skos:hiddenLabel: misspellings and old forms, found by search, never shown.
    case hidden
}

/// One label of a concept.
public struct ConceptLabel: Hashable, Sendable, Codable {
    public var text: String
    public var language: String?
    public var kind: LabelKind

    public init(_ text: String, language: String?, kind: LabelKind) {
        self.text = text
        self.language = language
        self.kind = kind
    }
}

/// A concept (skos:Concept, or an OWL class) with what a steward reads about it.
public struct Concept: Sendable, Codable, Identifiable {
    /// The concept's IRI.
    public var id: String
    public var labels: [ConceptLabel] = []
    public var definitions: [LangText] = []
    public var scopeNotes: [LangText] = []
    public var notations: [String] = []
    /// The schemes it is in (skos:inScheme, skos:topConceptOf, skos:hasTopConcept).
    public var schemes: [String] = []
    /// The collections listing it as a member (directly).
    public var collections: [String] = []
    /// Direct broader concepts (skos:broader, its inverse skos:narrower, generic relations of
    /// SKOS-AP-NO, rdfs:subClassOf between classes).
    public var broader: [String] = []
    /// Direct narrower concepts (the inverse of `broader`).
    public var narrower: [String] = []
    public var related: [String] = []
    /// Partitive relations of SKOS-AP-NO: the wholes this concept is part of, and its parts.
    public var wholes: [String] = []
    public var parts: [String] = []
    /// Existing mapping statements (skos:exactMatch …) by the relation's local name.
    public var mappings: [String: [String]] = [:]

    public init(id: String) { self.id = id }

    /// The labels of one kind.
    public func labels(_ kind: LabelKind) -> [ConceptLabel] { labels.filter { $0.kind == kind } }

    /// The preferred label in the most preferred language, else any label.
    public func label(_ preference: LanguagePreference = .norwegian) -> String? {
        let preferred = labels(.preferred).map { LangText($0.text, language: $0.language) }
        if let best = preference.choose(preferred) { return best.text }
        return preference.choose(labels.filter { $0.kind != .hidden }.map { LangText($0.text, language: $0.language) })?.text
    }

    /// The definition in the most preferred language.
    public func definition(_ preference: LanguagePreference = .norwegian) -> String? {
        preference.choose(definitions)?.text
    }
}

/// A concept scheme (skos:ConceptScheme, or an OWL ontology).
public struct ConceptScheme: Sendable, Codable, Identifiable {
    public var id: String
    public var titles: [LangText] = []
    public var topConcepts: [String] = []

    public init(id: String) { self.id = id }
}

/// A skos:Collection (or skos:OrderedCollection) of concepts or collections.
public struct ConceptCollection: Sendable, Codable, Identifiable {
    public var id: String
    public var titles: [LangText] = []
    public var members: [String] = []
    public var ordered = false

    public init(id: String) { self.id = id }
}
