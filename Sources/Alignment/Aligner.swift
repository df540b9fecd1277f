import Concepts
import Foundation

/// Aligns the concepts of a source vocabulary with a target's: candidates from indexes
/// (never all pairs), features and a confidence per pair, 1:1 selection of equivalences,
/// broader/narrower from head words and compounds, and SKOS consistency.
public struct Aligner: Sendable {
    public var options: AlignmentOptions
    public var normalizer: LabelNormalizer

    public init(options: AlignmentOptions = AlignmentOptions(), normalizer: LabelNormalizer = LabelNormalizer()) {
        self.options = options
        self.normalizer = normalizer
    }

    /// The proposals for `source` → `target`, best first; pairs in `rejected` are never proposed.
    public func align(_ source: ConceptIndex, _ target: ConceptIndex, rejected: Set<ConceptPair> = []) -> [Proposal] {
        let s = LabelTable(source, normalizer: normalizer, untagged: options.untaggedLanguage)
        let t = LabelTable(target, normalizer: normalizer, untagged: options.untaggedLanguage)
        let indexes = CandidateIndexes(target: t)
        let definitionIndex = TokenIndex(documents: s.definitionStems + t.definitionStems)
        let words = TokenAlignment(documents: s.entries.map(\.label.stems) + t.entries.map(\.label.stems),
                                   synonyms: WordSynonyms([s, t]))
        let scorer = PairScorer(source: s, target: t, tokens: indexes.tokens, definitions: definitionIndex, words: words, options: options)

        // Pass 1: lexical scores of every candidate pair, the source concepts shared out
        // over the cores.
        let candidates = parallelMap(0..<s.concepts.count) { i in indexes.candidates(for: i, in: s, limit: options.candidatesPerLabel) }
        let rejectedIndexes = Set(rejected.compactMap { pair -> Int64? in
            guard let a = s.position[pair.source], let b = t.position[pair.target] else { return nil }
            return Self.key(a, b)
        })
        let first = parallelMap(0..<s.concepts.count) { i -> [(Int, PairScorer.Scored)] in
            candidates[i].compactMap { j in
                guard !rejectedIndexes.contains(Self.key(i, j)), let scored = scorer.score(i, j) else { return nil }
                return (j, scored)
            }
        }
        var equivalences = select(first)

        // Pass 2: with the first alignment known, neighbours confirm or weaken each pair.
        if options.structural {
            let aligned = Dictionary(uniqueKeysWithValues: equivalences
                .filter { $0.scored.confidence >= options.exactThreshold }.map { ($0.source, $0.target) })
            let second = parallelMap(0..<s.concepts.count) { i -> [(Int, PairScorer.Scored)] in
                first[i].map { (j, scored) in (j, scorer.withStructure(scored, i, j, aligned)) }
            }
            equivalences = select(second)
        }

        var proposals = equivalences.map { e in
            Proposal(source: s.concepts[e.source].id, target: t.concepts[e.target].id,
                     relation: e.scored.confidence >= options.exactThreshold ? MappingRelation.exact : MappingRelation.close,
                     confidence: Self.rounded(e.scored.confidence),
                     sourceLabel: s.entries[e.scored.sourceEntry].label.original,
                     targetLabel: t.entries[e.scored.targetEntry].label.original,
                     explanation: e.scored.explanation.map(Self.rounded))
        }
        if options.hierarchical {
            let equivalent = Set(proposals.map(\.pair))
            let hierarchy = HeadWordMatcher(source: s, target: t, normalizer: normalizer).proposals()
            // SKOS consistency: no broad or narrow match on a pair already equivalent.
            proposals += hierarchy.filter { !equivalent.contains($0.pair) && !rejected.contains($0.pair) && $0.confidence >= options.minimumConfidence }
        }
        return proposals.sorted { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : ($0.source, $0.target) < ($1.source, $1.target) }
    }

    struct Selected {
        var source: Int
        var target: Int
        var scored: PairScorer.Scored
    }

    /// 1:1 equivalences: best pairs first, each concept used once on each side; pairs
    /// under the minimum confidence dropped.
    func select(_ scored: [[(Int, PairScorer.Scored)]]) -> [Selected] {
        var all: [Selected] = []
        for (i, list) in scored.enumerated() {
            for (j, s) in list where s.confidence >= options.minimumConfidence { all.append(Selected(source: i, target: j, scored: s)) }
        }
        all.sort { a, b in
            if a.scored.confidence != b.scored.confidence { return a.scored.confidence > b.scored.confidence }
            if a.scored.equality != b.scored.equality { return a.scored.equality > b.scored.equality }
            return (a.source, a.target) < (b.source, b.target)
        }
        var usedSource: Set<Int> = [], usedTarget: Set<Int> = []
        var chosen: [Selected] = []
        for candidate in all where !usedSource.contains(candidate.source) && !usedTarget.contains(candidate.target) {
            usedSource.insert(candidate.source)
            usedTarget.insert(candidate.target)
            chosen.append(candidate)
        }
        return chosen
    }

    static func key(_ a: Int, _ b: Int) -> Int64 { Int64(a) << 32 | Int64(b) }

    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    static func rounded(_ c: FeatureContribution) -> FeatureContribution {
        var c = c
        c.value = rounded(c.value)
        c.contribution = rounded(c.contribution)
        return c
    }
}

/// `transform` over `range` on all cores, results in order.
func parallelMap<T: Sendable>(_ range: Range<Int>, _ transform: @Sendable (Int) -> T) -> [T] {
    let count = range.count
    guard count > 0 else { return [] }
    let chunks = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount * 4))
    let results = ParallelResults<T>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let lower = range.lowerBound + chunk * count / chunks
        let upper = range.lowerBound + (chunk + 1) * count / chunks
        results.set(chunk, (lower..<upper).map(transform))
    }
    return results.joined()
}

/// Per-chunk results written from several threads, each slot once.
final class ParallelResults<T: Sendable>: @unchecked Sendable {
    private var slots: [[T]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ slot: Int, _ values: [T]) {
        lock.lock()
        slots[slot] = values
        lock.unlock()
    }

    func joined() -> [T] { slots.flatMap { $0 } }
}
