import Foundation

/// How proposed mappings are matched against a gold alignment.
public struct EvaluationOptions: Hashable, Sendable {
    /// Count a proposal as correct only if its relation agrees with the gold one, not
    /// just its pair of entities (default `false`, as OAEI scores equivalence tracks).
    /// Relations are compared by meaning: `skos:exactMatch`, `owl:equivalentClass`,
    /// `owl:equivalentProperty` and `owl:sameAs` are all equivalence; `skos:broadMatch`,
    /// `rdfs:subClassOf` and `rdfs:subPropertyOf` all say the subject is narrower.
    public var relationAware: Bool
    /// Let a proposal B → A match a gold A → B (default `true`): the gold and the aligner
    /// need not agree on which vocabulary is the subject. In relation-aware evaluation the
    /// relation turns round with the pair (broad ↔ narrow).
    public var ignoreDirection: Bool

    /// Options; the defaults score pairs in either direction, whatever their relation.
    public init(relationAware: Bool = false, ignoreDirection: Bool = true) {
        self.relationAware = relationAware
        self.ignoreDirection = ignoreDirection
    }
}

/// Precision, recall and F1 of proposed mappings against a gold alignment.
///
/// Both sides are sets of entity pairs: a pair proposed twice counts once, negated
/// mappings (`predicate_modifier: Not`, a reviewer's rejections) and mappings without two
/// entity IRIs (literal mappings, `sssom:NoTermFound`) take no part. Neither do
/// `owl:disjointWith` mappings (OAEI's `%`, incompatible) unless the evaluation is
/// relation-aware: they say the pair does *not* correspond.
public struct Evaluation: Hashable, Sendable {
    /// Proposed pairs that are in the gold alignment.
    public var truePositives: Int
    /// Proposed pairs that are not.
    public var falsePositives: Int
    /// Gold pairs that were not proposed.
    public var falseNegatives: Int
    /// The gold mappings that were not proposed, in gold order.
    public var missed: [Mapping]
    /// The proposed mappings that are not in the gold alignment, in proposed order.
    public var wrong: [Mapping]

    /// Evaluates `proposed` against `gold`.
    public init(proposed: [Mapping], gold: [Mapping], options: EvaluationOptions = EvaluationOptions()) {
        let goldPairs = Self.pairs(gold, options)
        let proposedPairs = Self.pairs(proposed, options)
        let goldKeys = Set(goldPairs.map(\.key))
        let proposedKeys = Set(proposedPairs.map(\.key))
        truePositives = proposedKeys.intersection(goldKeys).count
        falsePositives = proposedKeys.count - truePositives
        falseNegatives = goldKeys.count - truePositives
        missed = goldPairs.filter { !proposedKeys.contains($0.key) }.map(\.mapping)
        wrong = proposedPairs.filter { !goldKeys.contains($0.key) }.map(\.mapping)
    }

    /// How many distinct pairs were proposed.
    public var proposedCount: Int { truePositives + falsePositives }
    /// How many distinct pairs the gold alignment holds.
    public var goldCount: Int { truePositives + falseNegatives }

    /// Correct proposals over all proposals (1 when nothing was proposed).
    public var precision: Double { proposedCount == 0 ? 1 : Double(truePositives) / Double(proposedCount) }
    /// Correct proposals over all gold pairs (1 when the gold alignment is empty).
    public var recall: Double { goldCount == 0 ? 1 : Double(truePositives) / Double(goldCount) }
    /// The harmonic mean of precision and recall (0 when both are 0).
    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    /// The three figures with their counts, one per line.
    public var text: String {
        func figure(_ value: Double) -> String { String(format: "%.3f", value) }
        return """
            precision \(figure(precision))  \(truePositives) of \(proposedCount) proposed mappings are in the gold alignment
            recall    \(figure(recall))  \(truePositives) of \(goldCount) gold mappings were proposed
            F1        \(figure(f1))  (\(truePositives) true positives, \(falsePositives) false positives, \(falseNegatives) false negatives)
            """
    }

    /// What identifies a pair: its two entities and, in relation-aware evaluation, the
    /// kind of relation between them.
    private struct Key: Hashable {
        var first: String
        var second: String
        var relation: String?
    }

    /// The distinct pairs of `mappings` that take part, each with the first mapping that
    /// gave it.
    private static func pairs(_ mappings: [Mapping], _ options: EvaluationOptions) -> [(key: Key, mapping: Mapping)] {
        var seen = Set<Key>()
        var pairs: [(key: Key, mapping: Mapping)] = []
        for mapping in mappings where !mapping.isNegated {
            if !options.relationAware, mapping.predicateID == MappingPredicate.disjointWith { continue }
            guard let subject = mapping.subjectID, let object = mapping.objectID,
                  subject != SSSOMVocabulary.noTermFound, object != SSSOMVocabulary.noTermFound
            else { continue }
            var relation = options.relationAware ? relationKind(mapping.predicateID) : nil
            var key = Key(first: subject, second: object, relation: relation)
            if options.ignoreDirection, object < subject {
                if let kind = relation { relation = inverseKind(kind) }
                key = Key(first: object, second: subject, relation: relation)
            }
            if seen.insert(key).inserted { pairs.append((key, mapping)) }
        }
        return pairs
    }

    /// Predicates grouped by what they say: `=` equivalence, `<` the subject is narrower,
    /// `>` broader, `%` disjoint; any other predicate stands for itself.
    private static func relationKind(_ predicate: String) -> String {
        switch predicate {
        case MappingPredicate.exactMatch, MappingPredicate.equivalentClass, MappingPredicate.equivalentProperty,
             MappingPredicate.sameAs:
            "="
        case MappingPredicate.broadMatch, MappingPredicate.subClassOf, MappingPredicate.subPropertyOf: "<"
        case MappingPredicate.narrowMatch: ">"
        case MappingPredicate.disjointWith: "%"
        default: predicate
        }
    }

    /// The kind of relation with subject and object swapped.
    private static func inverseKind(_ kind: String) -> String {
        switch kind {
        case "<": ">"
        case ">": "<"
        case "=", "%": kind
        default: MappingPredicate.inverse(of: kind) ?? "inverse " + kind
        }
    }
}
