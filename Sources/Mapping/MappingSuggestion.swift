/// What `MappingSuggester` found for one pair of record types: for each target field, the
/// source field it maps from (or the suggestions to review, or nothing), and the value maps.
public struct MappingSuggestion: Sendable {
    /// The schemas and the record types paired.
    public var source: SchemaModel
    public var target: SchemaModel
    public var sourceType: SchemaRecordType
    public var targetType: SchemaRecordType
    /// One entry per target field, in the target's order.
    public var fields: [FieldSuggestion]
    /// Source fields that name a concept but were neither mapped nor suggested for any
    /// target field.
    public var unusedSourceFields: [SchemaField]

    /// Target fields mapped from a source field.
    public var mappedCount: Int { fields.filter { $0.mapped != nil }.count }
    /// Target fields with only weaker matches, to review.
    public var suggestedCount: Int { fields.filter { $0.mapped == nil && !$0.suggestions.isEmpty }.count }
    /// Target fields with nothing at all.
    public var unmatchedCount: Int { fields.filter { $0.mapped == nil && $0.suggestions.isEmpty }.count }
    /// The value maps the draft declares.
    public var valueMaps: [ValueMapSuggestion] { fields.compactMap(\.valueMap) }
}

/// The suggestion for one target field.
public struct FieldSuggestion: Sendable {
    /// The target field.
    public var target: SchemaField
    /// The source field it maps from: the same concept, or an accepted `exactMatch`.
    public var mapped: FieldCandidate?
    /// Other source fields that would do as well (same concept or `exactMatch`).
    public var alternatives: [FieldCandidate]
    /// Source fields related by weaker accepted matches (`closeMatch`, `broadMatch`,
    /// `narrowMatch`, `relatedMatch`), best first, for a person to review.
    public var suggestions: [FieldCandidate]
    /// The value map translating the mapped field's codes, when both have code lists.
    public var valueMap: ValueMapSuggestion?
    /// A note for the reviewer about codes (the same code list on both sides, or a code
    /// list on one side only).
    public var codeNote: String?
}

/// A source field that matches a target field, and why.
public struct FieldCandidate: Sendable {
    public var source: SchemaField
    public var evidence: MatchEvidence
}

/// Why two fields (or two codes) match.
public enum MatchEvidence: Sendable, Hashable {
    /// Both name this concept.
    case sameConcept(String)
    /// The source's concept has this accepted relation to the target's.
    case aligned(source: String, target: String, link: ConceptAlignments.Link)
    /// Two codes without IRIs that are written the same.
    case sameCode

    /// The relation from source to target (`exactMatch` for the same concept or code).
    public var relation: ConceptAlignments.Relation {
        if case .aligned(_, _, let link) = self { return link.relation }
        return .exactMatch
    }

    /// How good a match this is: 0 the same concept, 1 `exactMatch`, then weaker relations.
    var rank: Int {
        switch self {
        case .sameConcept, .sameCode: 0
        case .aligned(_, _, let link): 1 + ConceptAlignments.Relation.allCases.firstIndex(of: link.relation)!
        }
    }
}

/// A value map for a coded field.
public struct ValueMapSuggestion: Sendable {
    /// One pair of codes.
    public struct Entry: Sendable {
        public var source: SchemaCode
        public var target: SchemaCode
        public var evidence: MatchEvidence
    }

    /// Where its pairs come from.
    public enum Kind: Sendable {
        /// An inline table of the codes that match (`entries`).
        case inline
        /// The accepted alignments in the store (`store: accepted`); codes are concept IRIs.
        /// `reverse` when the alignments run from the target's codes to the source's.
        case store(reverse: Bool)
    }

    /// The map's name in the draft.
    public var name: String
    public var kind: Kind
    public var sourceList: SchemaCodeList
    public var targetList: SchemaCodeList
    /// The pairs with an `exactMatch` (or the same concept, or the same code).
    public var entries: [ValueMapSuggestion.Entry]
    /// Pairs with weaker relations, for review.
    public var weakerEntries: [ValueMapSuggestion.Entry]
    /// Source codes without a match.
    public var unmatched: [SchemaCode]
}
