import Foundation

/// A concept found by `ConceptIndex.search`, with the label that matched.
public struct ConceptHit: Sendable {
    public var concept: Concept
    public var matched: ConceptLabel
    /// Higher is better: exact label 4, label prefix 3, word prefix 2, substring 1; a
    /// preferred label scores above other kinds.
    public var score: Double
}

extension ConceptIndex {
    /// The concepts with a label matching `text` (case and diacritics folded), best first.
    public func search(_ text: String, language: String? = nil, limit: Int = 20) -> [ConceptHit] {
        let query = Self.fold(text)
        guard !query.isEmpty else { return [] }
        var hits: [ConceptHit] = []
        for c in concepts {
            var best: ConceptHit?
            for label in c.labels {
                if let language, !(label.language?.lowercased() == language.lowercased()
                                   || label.language?.lowercased().hasPrefix(language.lowercased() + "-") == true) { continue }
                let folded = Self.fold(label.text)
                var score: Double
                if folded == query { score = 4 }
                else if folded.hasPrefix(query) { score = 3 }
                else if folded.split(separator: " ").contains(where: { $0.hasPrefix(query) }) { score = 2 }
                else if folded.contains(query) { score = 1 }
                else { continue }
                score += label.kind == .preferred ? 0.5 : label.kind == .hidden ? 0 : 0.25
                if best == nil || score > best!.score { best = ConceptHit(concept: c, matched: label, score: score) }
            }
            if let best { hits.append(best) }
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.matched.text.count != $1.matched.text.count ? $0.matched.text.count < $1.matched.text.count : $0.concept.id < $1.concept.id }
        return Array(hits.prefix(limit))
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace || $0 == "_" }).joined(separator: " ")
    }
}
