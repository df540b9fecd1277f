/// One correspondence between two entities: a row of an SSSOM mapping set, a cell of an
/// OAEI alignment, or a proposal of Samsvar's aligner.
///
/// Identifiers (`subjectID`, `predicateID`, `objectID`, `justification`, author and
/// reviewer ids, preprocessing steps) are full IRIs; SSSOM/TSV's CURIEs are expanded on
/// reading and contracted again on writing. Every other SSSOM slot, and any non-standard
/// column, is kept in `extras` so that reading and writing a file loses nothing.
public struct Mapping: Hashable, Sendable {
    /// The IRI of the subject entity; `nil` only for a literal mapping (`subject_type`
    /// `rdfs literal`, the literal being `subjectLabel`).
    public var subjectID: String?
    /// The subject's label, as the mapping's author saw it.
    public var subjectLabel: String?
    /// The mapping predicate's IRI (`skos:exactMatch`, `skos:broadMatch` …).
    public var predicateID: String
    /// `.not` when the mapping states that the predicate does *not* hold: how a reviewer
    /// records a rejected proposal.
    public var predicateModifier: MappingPredicateModifier?
    /// The IRI of the object entity; `nil` only for a literal mapping.
    public var objectID: String?
    /// The object's label.
    public var objectLabel: String?
    /// Why the mapping holds: a SEMAPV term's IRI (`semapv:LexicalMatching`,
    /// `semapv:ManualMappingCuration` …).
    public var justification: String
    /// Who made the mapping (IRIs, e.g. ORCID).
    public var authorIDs: [String]
    /// Who reviewed the mapping (IRIs).
    public var reviewerIDs: [String]
    /// When the mapping was made (`YYYY-MM-DD`, as written).
    public var mappingDate: String?
    /// The author's confidence that the mapping is right, 0…1.
    public var confidence: Double?
    /// The preprocessing applied to the subject before matching (IRIs of SEMAPV terms
    /// such as `semapv:Stemming`).
    public var subjectPreprocessing: [String]
    /// The preprocessing applied to the object before matching.
    public var objectPreprocessing: [String]
    /// The similarity of subject and object under `similarityMeasure`, 0…1.
    public var similarityScore: Double?
    /// The measure that produced `similarityScore` (free text or a CURIE, as SSSOM allows).
    public var similarityMeasure: String?
    /// A free-text comment.
    public var comment: String?
    /// Every other slot with a value, standard or not, in canonical column order.
    public var extras: MappingExtras

    /// A mapping with the four slots SSSOM requires; the rest can be set afterwards.
    public init(
        subjectID: String?,
        predicateID: String,
        objectID: String?,
        justification: String,
        subjectLabel: String? = nil,
        objectLabel: String? = nil,
        predicateModifier: MappingPredicateModifier? = nil,
        confidence: Double? = nil,
        similarityScore: Double? = nil,
        similarityMeasure: String? = nil,
        comment: String? = nil
    ) {
        self.subjectID = subjectID
        self.subjectLabel = subjectLabel
        self.predicateID = predicateID
        self.predicateModifier = predicateModifier
        self.objectID = objectID
        self.objectLabel = objectLabel
        self.justification = justification
        self.authorIDs = []
        self.reviewerIDs = []
        self.mappingDate = nil
        self.confidence = confidence
        self.subjectPreprocessing = []
        self.objectPreprocessing = []
        self.similarityScore = similarityScore
        self.similarityMeasure = similarityMeasure
        self.comment = comment
        self.extras = MappingExtras()
    }

    /// True when the predicate is negated (`predicate_modifier: Not`).
    public var isNegated: Bool { predicateModifier == .not }
}

/// SSSOM's `predicate_modifier_enum`.
public enum MappingPredicateModifier: String, Hashable, Sendable {
    /// The predicate does not hold between subject and object.
    case not = "Not"
}
