import Alignment

/// The accepted concept alignments `samsvar map suggest` matches fields by: SKOS mapping
/// relations between concept IRIs, looked up from either end.
public struct ConceptAlignments: Sendable {
    /// A SKOS mapping relation, read from one concept to another.
    public enum Relation: String, Sendable, Hashable, CaseIterable, Comparable {
        case exactMatch, closeMatch, broadMatch, narrowMatch, relatedMatch

        /// The relation read the other way round (`broadMatch` ↔ `narrowMatch`).
        public var inverse: Relation {
            switch self {
            case .broadMatch: .narrowMatch
            case .narrowMatch: .broadMatch
            default: self
            }
        }

        init?(iri: String) {
            let prefix = "http://www.w3.org/2004/02/skos/core#"
            guard iri.hasPrefix(prefix), let r = Relation(rawValue: String(iri.dropFirst(prefix.count))) else { return nil }
            self = r
        }

        public static func < (a: Relation, b: Relation) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// One relation from a concept to another, as accepted.
    public struct Link: Sendable, Hashable {
        /// The relation from the concept looked up to `other`.
        public var relation: Relation
        /// The other concept.
        public var other: String
        /// The confidence the proposal had (or the decision, when no proposal is kept).
        public var confidence: Double?
        /// The labels of the concept looked up and of the other, as the alignment has them.
        public var label: String?
        public var otherLabel: String?
        /// Whether the alignment was stated from the concept looked up to `other`.
        public var forward: Bool
    }

    private var links: [String: [Link]] = [:]

    /// No alignments: only fields naming the very same concept match.
    public init() {}

    /// The accepted (not negated) SKOS mappings among `mappings`; `proposals` supply the
    /// confidence of pairs whose decision has none of its own.
    public init(accepted mappings: [Mapping], proposals: [Mapping] = []) {
        var confidence: [String: Double] = [:]
        for p in proposals {
            if let s = p.subjectID, let o = p.objectID, let c = p.confidence { confidence[s + " " + o] = c }
        }
        for m in mappings where !m.isNegated {
            guard let s = m.subjectID, let o = m.objectID, let relation = Relation(iri: m.predicateID) else { continue }
            add(s, relation, o, confidence: confidence[s + " " + o] ?? m.confidence, subjectLabel: m.subjectLabel,
                objectLabel: m.objectLabel)
        }
    }

    /// The decisions accepted in review, with the confidence of their proposals.
    public init(reviewLog: ReviewLog) throws {
        self.init(accepted: try reviewLog.decisions(), proposals: try reviewLog.proposals())
    }

    /// Adds `subject relation object`.
    public mutating func add(_ subject: String, _ relation: Relation, _ object: String, confidence: Double? = nil,
                             subjectLabel: String? = nil, objectLabel: String? = nil) {
        guard subject != object else { return }
        links[subject, default: []].append(Link(relation: relation, other: object, confidence: confidence, label: subjectLabel,
                                                otherLabel: objectLabel, forward: true))
        links[object, default: []].append(Link(relation: relation.inverse, other: subject, confidence: confidence,
                                               label: objectLabel, otherLabel: subjectLabel, forward: false))
    }

    /// The relations from `concept` to others, strongest first.
    public func links(from concept: String) -> [Link] {
        (links[concept] ?? []).sorted { ($0.relation, $0.other) < ($1.relation, $1.other) }
    }

    /// The strongest relation from `concept` to `other`, if one was accepted.
    public func link(from concept: String, to other: String) -> Link? {
        links(from: concept).first { $0.other == other }
    }

    /// Whether no alignment is known.
    public var isEmpty: Bool { links.isEmpty }
}
