import Concepts

/// One side of an alignment: its concepts and every label normalised once.
struct LabelTable: Sendable {
    struct Entry: Sendable {
        /// The concept's index in `concepts`.
        var concept: Int
        var kind: LabelKind
        var label: NormalizedLabel
        /// The primary language subtag as written (`nb`, `fr`), nil when untagged.
        var tag: String?
        /// The words joined by single spaces, as scalars (for Jaro-Winkler and Levenshtein).
        var text: [Unicode.Scalar]
    }

    let concepts: [Concept]
    let entries: [Entry]
    /// Entry indexes per concept.
    let entriesOf: [[Int]]
    /// Concept index by IRI.
    let position: [String: Int]
    /// The stems of each concept's definitions (empty when it has none).
    let definitionStems: [[String]]
    /// The stems of the labels of what each concept is a kind or a part of (broader and
    /// whole concepts, three levels up): the context a label may leave unsaid.
    let contextStems: [Set<String>]

    init(_ index: ConceptIndex, normalizer: LabelNormalizer, untagged: LabelLanguage?) {
        concepts = index.concepts
        var position: [String: Int] = [:]
        for (i, c) in concepts.enumerated() { position[c.id] = i }
        self.position = position
        let fallback = untagged ?? Self.dominantLanguage(index.concepts)
        func language(_ tag: String?) -> LabelLanguage {
            guard let tag, !tag.isEmpty else { return fallback }
            return LabelLanguage(tag: tag)
        }
        var entries: [Entry] = []
        var entriesOf: [[Int]] = Array(repeating: [], count: concepts.count)
        var definitionStems: [[String]] = Array(repeating: [], count: concepts.count)
        for (i, c) in concepts.enumerated() {
            var seen: Set<String> = []
            for l in c.labels.sorted(by: { Self.rank($0.kind) < Self.rank($1.kind) }) {
                let normalized = normalizer.normalize(l.text, language: language(l.language))
                guard !normalized.tokens.isEmpty else { continue }
                // The same text under two kinds counts once, as the better kind.
                guard seen.insert(normalized.key(.tokens) + "\u{1}" + normalized.language.rawValue).inserted else { continue }
                entriesOf[i].append(entries.count)
                let tag = l.language.flatMap { $0.split(separator: "-").first.map { $0.lowercased() } }
                entries.append(Entry(concept: i, kind: l.kind, label: normalized, tag: tag?.isEmpty == true ? nil : tag,
                                     text: Array(normalized.key(.tokens).unicodeScalars)))
            }
            for d in c.definitions {
                definitionStems[i] += normalizer.normalize(d.text, language: language(d.language)).stems
            }
        }
        self.entries = entries
        self.entriesOf = entriesOf
        self.definitionStems = definitionStems
        var contexts: [Set<String>] = Array(repeating: [], count: concepts.count)
        for (i, c) in concepts.enumerated() {
            var frontier = [c]
            var seen: Set<String> = [c.id]
            for _ in 0..<3 {
                var next: [Concept] = []
                for f in frontier {
                    for up in f.broader + f.wholes where seen.insert(up).inserted {
                        guard let k = position[up] else { continue }
                        for e in entriesOf[k] { contexts[i].formUnion(entries[e].label.stems) }
                        next.append(concepts[k])
                    }
                }
                frontier = next
            }
        }
        contextStems = contexts
    }

    /// The language most tagged labels have, English when none is tagged.
    static func dominantLanguage(_ concepts: [Concept]) -> LabelLanguage {
        var counts: [LabelLanguage: Int] = [:]
        for c in concepts {
            for l in c.labels.sorted(by: { Self.rank($0.kind) < Self.rank($1.kind) }) {
                guard let tag = l.language, !tag.isEmpty else { continue }
                counts[LabelLanguage(tag: tag), default: 0] += 1
            }
        }
        return counts.filter { $0.key != .undetermined }.max { $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue }?.key ?? .english
    }

    /// Whether two labels are in one language: equal primary subtags, Norwegian's three
    /// (`nb`, `nn`, `no`) counting as one; an untagged label matches any.
    static func sameLanguage(_ a: Entry, _ b: Entry) -> Bool {
        guard let x = a.tag, let y = b.tag else { return true }
        let norwegian: Set<String> = ["nb", "nn", "no", "nob", "nno", "nor"]
        return x == y || (norwegian.contains(x) && norwegian.contains(y))
    }

    static func rank(_ kind: LabelKind) -> Int { LabelKind.allCases.firstIndex(of: kind) ?? 0 }

    /// How much a label kind is trusted as a name of the concept.
    static func weight(_ kind: LabelKind) -> Double {
        switch kind {
        case .preferred: 1.0
        case .alternative: 0.96
        case .related: 0.9
        case .hidden: 0.85
        }
    }
}
