import RDF

/// Which classes make concepts and which properties give their labels, synonyms,
/// definitions and hierarchy: configurable, so SKOS vocabularies and OWL ontologies
/// (`rdfs:label`, `oboInOwl:hasExactSynonym` …) are read alike.
///
/// A label, synonym or definition property's value is a literal, or a resource holding
/// the text (SKOS-XL `skosxl:literalForm`, SKOS-AP-NO v2 `euvoc:xlDefinition` → `rdf:value`,
/// v1 `skosno:definisjon` → `rdfs:label`, OBO synonym nodes with `rdfs:label`).
public struct ConceptProfile: Sendable {
    /// Classes whose instances are concepts.
    public var conceptTypes: [String]
    /// Properties by the label kind they give.
    public var labels: [LabelKind: [String]]
    public var definitions: [String]
    public var scopeNotes: [String]
    public var notations: [String]
    /// Properties pointing to a broader concept, and to a narrower one.
    public var broader: [String]
    public var narrower: [String]
    public var related: [String]
    /// Concepts whose type is not among `conceptTypes` are still concepts when they are
    /// in a scheme (skos:inScheme, skos:topConceptOf).
    public var includeSchemeMembers = true

    public init(conceptTypes: [String], labels: [LabelKind: [String]], definitions: [String], scopeNotes: [String],
                notations: [String], broader: [String], narrower: [String], related: [String]) {
        self.conceptTypes = conceptTypes
        self.labels = labels
        self.definitions = definitions
        self.scopeNotes = scopeNotes
        self.notations = notations
        self.broader = broader
        self.narrower = narrower
        self.related = related
    }

    static let oboInOwl = "http://www.geneontology.org/formats/oboInOwl#"
    static let iaoDefinition = "http://purl.obolibrary.org/obo/IAO_0000115"

    /// SKOS, SKOS-XL and SKOS-AP-NO v1 and v2.
    public static let skos = ConceptProfile(
        conceptTypes: [Namespace.skos("Concept")],
        labels: [
            .preferred: [Namespace.skos("prefLabel"), Namespace.skosxl("prefLabel")],
            .alternative: [Namespace.skos("altLabel"), Namespace.skosxl("altLabel")],
            .hidden: [Namespace.skos("hiddenLabel"), Namespace.skosxl("hiddenLabel")],
        ],
        definitions: [Namespace.skos("definition"), Namespace.euvoc("xlDefinition"), Namespace.skosnoV1("definisjon"),
                      Namespace.skosnoV1("betydningsbeskrivelse"), Namespace.skosno("definisjon")],
        scopeNotes: [Namespace.skos("scopeNote"), Namespace.skosnoV1("merknad")],
        notations: [Namespace.skos("notation")],
        broader: [Namespace.skos("broader"), Namespace.skos("broaderTransitive")],
        narrower: [Namespace.skos("narrower"), Namespace.skos("narrowerTransitive")],
        related: [Namespace.skos("related")])

    /// OWL classes with `rdfs:label` and the oboInOwl synonyms, `rdfs:subClassOf` as broader.
    public static let owl = ConceptProfile(
        conceptTypes: [Namespace.owl("Class"), Namespace.rdfs("Class")],
        labels: [
            .preferred: [Namespace.rdfs("label"), Namespace.skos("prefLabel")],
            .alternative: [oboInOwl + "hasExactSynonym", oboInOwl + "hasSynonym", Namespace.skos("altLabel")],
            .related: [oboInOwl + "hasRelatedSynonym", oboInOwl + "hasNarrowSynonym", oboInOwl + "hasBroadSynonym"],
            .hidden: [Namespace.skos("hiddenLabel")],
        ],
        definitions: [oboInOwl + "hasDefinition", iaoDefinition, Namespace.skos("definition")],
        scopeNotes: [Namespace.rdfs("comment")],
        notations: [oboInOwl + "id"],
        broader: [Namespace.rdfs("subClassOf")],
        narrower: [],
        related: [])

    /// SKOS and OWL together: whatever a file uses.
    public static let any: ConceptProfile = {
        var p = skos
        p.conceptTypes += owl.conceptTypes
        for (kind, properties) in owl.labels { p.labels[kind, default: []] += properties.filter { !p.labels[kind, default: []].contains($0) } }
        p.definitions += owl.definitions.filter { !p.definitions.contains($0) }
        p.scopeNotes += owl.scopeNotes
        p.notations += owl.notations
        p.broader += owl.broader
        return p
    }()

    /// A profile by name: `skos`, `owl` or `any`.
    public static func named(_ name: String) -> ConceptProfile? {
        switch name.lowercased() {
        case "skos": .skos
        case "owl": .owl
        case "any", "auto": .any
        default: nil
        }
    }
}
