/// One feature's part in a proposal's confidence.
public struct FeatureContribution: Sendable, Hashable, Codable {
    /// The feature (`equalAfter:stems`, `jaroWinkler`, `tokenCosine`, `structure` …).
    public var feature: String
    /// Its value for the pair, 0…1.
    public var value: Double
    /// How much it added to (or, negative, took from) the confidence.
    public var contribution: Double
    /// A readable detail: the labels compared, the neighbours aligned.
    public var detail: String?

    public init(feature: String, value: Double, contribution: Double, detail: String? = nil) {
        self.feature = feature
        self.value = value
        self.contribution = contribution
        self.detail = detail
    }
}

/// A proposed mapping from a source concept to a target concept, with its explanation.
public struct Proposal: Sendable, Hashable, Codable {
    public var source: String
    public var target: String
    /// A SKOS mapping property IRI (`skos:exactMatch` …).
    public var relation: String
    public var confidence: Double
    /// The labels that matched best.
    public var sourceLabel: String
    public var targetLabel: String
    /// The features, largest contribution first.
    public var explanation: [FeatureContribution]

    public var pair: ConceptPair { ConceptPair(source, target) }

    /// Whether the proposal says the two concepts mean the same (exact or close match).
    public var isEquivalence: Bool { MappingRelation.isEquivalence(relation) }

    /// The relation's local name (`exactMatch`).
    public var relationName: String {
        relation.split(separator: "#").last.map(String.init) ?? relation
    }
}

/// The SKOS mapping relations an alignment proposes.
enum MappingRelation {
    static let exact = MappingPredicate.exactMatch
    static let close = MappingPredicate.closeMatch
    static let broad = MappingPredicate.broadMatch
    static let narrow = MappingPredicate.narrowMatch

    /// Whether a relation says the two concepts mean the same (exact or close).
    static func isEquivalence(_ relation: String) -> Bool { relation == exact || relation == close }
}
