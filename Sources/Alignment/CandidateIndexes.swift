/// The target side's indexes that propose candidates for a source concept: exact
/// normalised keys, a token (stem) TF-IDF index and a character trigram TF-IDF index, all
/// owned by concept, so a query returns concepts and never walks all pairs.
struct CandidateIndexes: Sendable {
    let exact: ExactLabelIndex
    let tokens: TokenIndex
    let trigrams: TrigramIndex

    init(target: LabelTable) {
        let owners = target.entries.map(\.concept)
        exact = ExactLabelIndex(keys: target.entries.map { $0.label.key(.stemBag) }, owners: owners)
        tokens = TokenIndex(documents: target.entries.map(\.label.stems), owners: owners)
        trigrams = TrigramIndex(texts: target.entries.map { $0.label.key(.tokens) }, owners: owners)
    }

    /// The target concepts worth scoring against source concept `i`.
    func candidates(for i: Int, in source: LabelTable, limit: Int) -> [Int] {
        var found: Set<Int> = []
        var tokenScratch = tokens.makeScratch()
        var trigramScratch = trigrams.makeScratch()
        for e in source.entriesOf[i] {
            let label = source.entries[e].label
            found.formUnion(exact.matches(label.key(.stemBag)))
            for c in tokens.candidates(for: label.stems, limit: limit, minimumScore: 0.2, scratch: &tokenScratch) { found.insert(c.id) }
            for c in trigrams.candidates(for: label.key(.tokens), limit: limit, minimumScore: 0.3, scratch: &trigramScratch) { found.insert(c.id) }
        }
        return found.sorted()
    }
}
