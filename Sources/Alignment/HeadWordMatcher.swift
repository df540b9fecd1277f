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
        // A source label's head is a target concept: the target is broader.
        for e in source.entries where e.kind != .hidden {
            guard let (key, confidence, how) = head(e, splitter) else { continue }
            for u in targetKeys.matches(key) {
                let t = target.concepts[u]
                let targetLabel = target.entriesOf[u].map { target.entries[$0] }.first { $0.label.key(.stems) == key }
                keep(proposal(source.concepts[e.concept].id, t.id, MappingRelation.broad, confidence * LabelTable.weight(e.kind),
                              e.label.original, targetLabel?.label.original ?? "", how))
            }
        }
        // A target label's head is a source concept: the target is narrower.
        for e in target.entries where e.kind != .hidden {
            guard let (key, confidence, how) = head(e, splitter) else { continue }
            for u in sourceKeys.matches(key) {
                let s = source.concepts[u]
                let sourceLabel = source.entriesOf[u].map { source.entries[$0] }.first { $0.label.key(.stems) == key }
                keep(proposal(s.id, target.concepts[e.concept].id, MappingRelation.narrow, confidence * LabelTable.weight(e.kind),
                              sourceLabel?.label.original ?? "", e.label.original, how))
            }
        }
        return Array(best.values)
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
