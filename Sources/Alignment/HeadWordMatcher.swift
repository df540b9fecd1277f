/// Proposes broader/narrower mappings from head words: a label whose head (the last word
/// of a phrase, `lip` in `upper lip`; the head of a Norwegian compound, `adresse` in
/// `bostedsadresse`) is another concept's whole label names something narrower than it.
struct HeadWordMatcher {
    let source: LabelTable
    let target: LabelTable
    let normalizer: LabelNormalizer

    /// Confidence of a head-word proposal, before label-kind weights.
    static let compoundConfidence = 0.7
    static let phraseConfidence = 0.65

    func proposals() -> [Proposal] {
        var vocabulary: Set<String> = []
        for e in source.entries + target.entries where e.label.language.isNorwegian { vocabulary.formUnion(e.label.variantTokens) }
        let splitter = CompoundSplitter(vocabulary: vocabulary)
        let sourceKeys = ExactLabelIndex(keys: source.entries.map { $0.label.key(.stems) }, owners: source.entries.map(\.concept))
        let targetKeys = ExactLabelIndex(keys: target.entries.map { $0.label.key(.stems) }, owners: target.entries.map(\.concept))
        var best: [ConceptPair: Proposal] = [:]
        func keep(_ p: Proposal) {
            if let old = best[p.pair], old.confidence >= p.confidence { return }
            best[p.pair] = p
        }
        // A source label's head is a target concept: the target is broader; a source label
        // listing the target among others (`natur, klima og miljø`): the target is narrower.
        for e in source.entries where e.kind != .hidden {
            for (key, confidence, how, isUnion) in heads(e, splitter) {
                for u in targetKeys.matches(key) {
                    guard let other = target.entriesOf[u].map({ target.entries[$0] }).first(where: {
                        $0.label.key(.stems) == key && $0.kind != .hidden && LabelTable.sameLanguage($0, e)
                    }) else { continue }
                    keep(proposal(source.concepts[e.concept].id, target.concepts[u].id, isUnion ? MappingRelation.narrow : MappingRelation.broad,
                                  confidence * LabelTable.weight(e.kind), e.label.original, other.label.original, how))
                }
            }
        }
        // The same with the sides turned round.
        for e in target.entries where e.kind != .hidden {
            for (key, confidence, how, isUnion) in heads(e, splitter) {
                for u in sourceKeys.matches(key) {
                    guard let other = source.entriesOf[u].map({ source.entries[$0] }).first(where: {
                        $0.label.key(.stems) == key && $0.kind != .hidden && LabelTable.sameLanguage($0, e)
                    }) else { continue }
                    keep(proposal(source.concepts[u].id, target.concepts[e.concept].id, isUnion ? MappingRelation.broad : MappingRelation.narrow,
                                  confidence * LabelTable.weight(e.kind), other.label.original, e.label.original, how))
                }
            }
        }
        return Array(best.values)
    }

    /// Words that join the members of a list label (`natur, klima og miljø`).
    static let conjunctions: Set<String> = ["og", "eller", "and", "or", "&"]

    /// The stems keys a label names something narrower or wider than: its head, or for a
    /// list label each member (`isUnion`), with the confidence and the rule in words.
    func heads(_ e: LabelTable.Entry, _ splitter: CompoundSplitter) -> [(String, Double, String, Bool)] {
        let tokens = e.label.tokens
        if tokens.contains(where: Self.conjunctions.contains) {
            // Members: the words between commas and conjunctions, one or more words each.
            var members: [[String]] = [[]]
            for word in e.label.original.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map({ $0.lowercased() }) {
                if Self.conjunctions.contains(word) { members.append([]) } else { members[members.count - 1].append(word) }
            }
            return members.filter { !$0.isEmpty }.compactMap { member in
                let key = normalizer.normalize(member.joined(separator: " "), language: e.label.language).key(.stems)
                return key.isEmpty ? nil : (key, Self.phraseConfidence, "\"\(member.joined(separator: " "))\" listed in \"\(e.label.original)\"", true)
            }
        }
        return head(e, splitter).map { [($0.0, $0.1, $0.2, false)] } ?? []
    }

    /// The stems key of a label's head, with the confidence and a description of the rule.
    func head(_ e: LabelTable.Entry, _ splitter: CompoundSplitter) -> (String, Double, String)? {
        let words = e.label.variantTokens
        if words.count >= 2, let last = words.last, last.count >= 3 {
            let key = normalizer.normalize(last, language: e.label.language).key(.stems)
            return key.isEmpty ? nil : (key, Self.phraseConfidence, "head word \"\(last)\" of \"\(e.label.original)\"")
        }
        if words.count == 1, e.label.language.isNorwegian, let split = splitter.split(words[0]) {
            let key = normalizer.normalize(split.head, language: e.label.language).key(.stems)
            return key.isEmpty ? nil : (key, Self.compoundConfidence,
                                        "compound \(split.modifier)\(split.linking)+\(split.head) of \"\(e.label.original)\"")
        }
        return nil
    }

    func proposal(_ s: String, _ t: String, _ relation: String, _ confidence: Double, _ sl: String, _ tl: String, _ how: String) -> Proposal {
        Proposal(source: s, target: t, relation: relation, confidence: Aligner.rounded(confidence), sourceLabel: sl, targetLabel: tl,
                 explanation: [FeatureContribution(feature: "headWord", value: 1, contribution: Aligner.rounded(confidence), detail: how)])
    }
}
