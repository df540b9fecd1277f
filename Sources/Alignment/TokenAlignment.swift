import Foundation

/// How well the words of two labels line up, weighted by how much each word tells.
///
/// Words are paired greedily: equal stems first, then soft pairs and word synonyms learnt from the vocabularies (one stem of at least four letters a prefix of the other: `ovari`~`ovarian`,
/// `esophag`~`esophagus`). A word left over costs its informativeness (normalised IDF:
/// `muscle` or `tissue` cost little, `portal` or `inferior` much) as much as a matched word gains. Leftovers only at the
/// start of one label (`retina` in `retina inner nuclear layer`) that name something the
/// other concept is a kind or part of are context left unsaid there and cost a quarter; leftovers on both sides are conflicting modifiers (`inferior` against
/// `right`) and cost half again as much.
struct TokenAlignment: Sendable {
    let weights: [String: Double]
    let unknownWeight = 1.0
    let synonyms: WordSynonyms

    init(documents: [[String]], synonyms: WordSynonyms) {
        self.synonyms = synonyms
        var frequency: [String: Int] = [:]
        for d in documents { for w in Set(d) { frequency[w, default: 0] += 1 } }
        let n = Double(max(documents.count, 2))
        let top = log(n)
        weights = frequency.mapValues { df in max(0.05, log(n / Double(df)) / top) }
    }

    func weight(_ w: String) -> Double { weights[w] ?? unknownWeight }

    /// 0…1: the matched weight over matched plus the cost of the leftovers.
    func score(_ a: [String], _ b: [String], contextA: Set<String> = [], contextB: Set<String> = []) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var usedA = Array(repeating: false, count: a.count), usedB = Array(repeating: false, count: b.count)
        var matched = 0.0
        for (i, x) in a.enumerated() {
            if let j = b.indices.first(where: { !usedB[$0] && b[$0] == x }) {
                usedA[i] = true; usedB[j] = true
                matched += 2 * weight(x)
            }
        }
        for (i, x) in a.enumerated() where !usedA[i] {
            if let j = b.indices.first(where: { !usedB[$0] && softlyEqual(x, b[$0]) }) {
                usedA[i] = true; usedB[j] = true
                matched += 0.85 * (weight(x) + weight(b[j]))
            }
        }
        for (i, x) in a.enumerated() where !usedA[i] {
            if let j = b.indices.first(where: { !usedB[$0] && synonyms.areSynonyms(x, b[$0]) }) {
                usedA[i] = true; usedB[j] = true
                matched += 0.9 * (weight(x) + weight(b[j]))
            }
        }
        guard matched > 0 else { return 0 }
        let leftA = a.indices.filter { !usedA[$0] }, leftB = b.indices.filter { !usedB[$0] }
        let conflict = !leftA.isEmpty && !leftB.isEmpty
        func cost(_ left: [Int], _ words: [String], otherContext: Set<String>) -> Double {
            // Leftovers forming a prefix of the label, with the rest all matched, that name
            // what the other concept is a kind or part of: context left unsaid there.
            let isContext = !conflict && left == Array(0..<left.count)
                && left.allSatisfy { i in otherContext.contains { $0 == words[i] || softlyEqual($0, words[i]) || synonyms.areSynonyms($0, words[i]) } }
            return 2 * left.reduce(0) { $0 + weight(words[$1]) } * (isContext ? 0.25 : conflict ? 1.5 : 1)
        }
        let penalty = cost(leftA, a, otherContext: contextB) + cost(leftB, b, otherContext: contextA)
        return matched / (matched + penalty)
    }

    /// One stem a prefix of the other, longer by a suffix of at most three letters that is
    /// not itself a word of the vocabularies (`ovari`~`ovarian`, `esophag`~`esophagus`;
    /// a compound adds a word: `miljøvern` is not `miljø`, `waterway` not `water`).
    func softlyEqual(_ x: String, _ y: String) -> Bool {
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        guard short.count >= 4, long.count - short.count <= 3, long.hasPrefix(short) else { return false }
        let suffix = String(long.dropFirst(short.count))
        return suffix.count < 3 || weights[suffix] == nil
    }
}
