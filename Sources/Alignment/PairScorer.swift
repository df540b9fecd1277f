import Foundation

/// The features of one candidate pair and the confidence they make.
///
/// Lexical evidence is the best over all label pairs of the two concepts: the first
/// normalisation step after which the labels are equal (strongest), else a fuzzy mix of
/// Jaro-Winkler, Levenshtein ratio and token TF-IDF cosine. Definitions, when both have
/// them, and neighbours already aligned add to it; each part is kept for the explanation.
struct PairScorer: Sendable {
    let source: LabelTable
    let target: LabelTable
    let tokens: TokenIndex
    let definitions: TokenIndex
    let words: TokenAlignment
    let options: AlignmentOptions

    /// Strength of equality after each step, before label-kind weights.
    static func equalityStrength(_ step: NormalizationStep) -> Double {
        switch step {
        case .exact, .folded, .tokens: 1.0
        case .contentTokens: 0.97
        case .variants: 0.96
        case .stems: 0.94
        case .stemBag: 0.9
        }
    }

    struct Scored {
        var confidence: Double
        var equality: Double
        var sourceEntry: Int
        var targetEntry: Int
        var explanation: [FeatureContribution]
    }

    /// Scores the pair `s`, `t` (concept indexes); `aligned` gives each source concept's
    /// target from an earlier pass, for the structural feature.
    func score(_ s: Int, _ t: Int, aligned: [Int: Int]? = nil) -> Scored? {
        var bestEquality = 0.0, equalityPair = (-1, -1), equalityStep = NormalizationStep.exact, equalityName = ""
        var bestFuzzy = 0.0, fuzzyPair = (-1, -1), fuzzyParts = (0.0, 0.0, 0.0)
        for i in source.entriesOf[s] {
            let a = source.entries[i]
            for j in target.entriesOf[t] {
                let b = target.entries[j]
                let kinds = LabelTable.weight(a.kind) * LabelTable.weight(b.kind)
                    * (LabelTable.sameLanguage(a, b) ? 1.0 : 0.95)
                if let step = a.label.firstEqualStep(with: b.label) {
                    let strength = Self.equalityStrength(step) * kinds
                    if strength > bestEquality { bestEquality = strength; equalityPair = (i, j); equalityStep = step; equalityName = "\(step)" }
                    continue
                }
                // The same letters with the words broken differently (`metacarpo-phalangeal`).
                if a.label.tokens.count != b.label.tokens.count, a.label.tokens.joined() == b.label.tokens.joined() {
                    let strength = 0.95 * kinds
                    if strength > bestEquality { bestEquality = strength; equalityPair = (i, j); equalityName = "joinedWords" }
                    continue
                }
                // Fuzzy evidence only between names shown to users, in one language.
                guard a.kind != .hidden, b.kind != .hidden, LabelTable.sameLanguage(a, b) else { continue }
                let cosine = words.score(a.label.stems, b.label.stems,
                                         contextA: source.contextStems[s], contextB: target.contextStems[t])
                // Skip the string measures when even perfect ones could not make this label
                // pair the best, nor reach the minimum with every bonus added.
                let ceiling = (options.tokenCosineWeight * cosine + options.jaroWinklerWeight + options.levenshteinWeight) * kinds
                guard ceiling > bestFuzzy, 0.9 * ceiling + 0.15 >= options.minimumConfidence else { continue }
                let jw = StringSimilarity.jaroWinkler(a.text, b.text)
                guard cosine > 0 || jw >= 0.85 else { continue }
                let lev = StringSimilarity.levenshteinRatio(a.text, b.text)
                let fuzzy = (options.jaroWinklerWeight * jw + options.levenshteinWeight * lev + options.tokenCosineWeight * cosine) * kinds
                if fuzzy > bestFuzzy { bestFuzzy = fuzzy; fuzzyPair = (i, j); fuzzyParts = (jw, lev, cosine) }
            }
        }
        guard bestEquality > 0 || bestFuzzy > 0 else { return nil }
        var explanation: [FeatureContribution] = []
        var confidence: Double
        let pair: (Int, Int)
        if bestEquality >= bestFuzzy {
            pair = equalityPair
            confidence = bestEquality
            explanation.append(FeatureContribution(
                feature: "equalAfter:" + equalityName,
                value: equalityName == "joinedWords" ? 0.95 : Self.equalityStrength(equalityStep), contribution: bestEquality,
                detail: labelDetail(equalityPair)))
        } else {
            pair = fuzzyPair
            // A fuzzy match is never as strong as an equal label: scaled into 0…0.9.
            confidence = 0.9 * bestFuzzy
            let scale = 0.9 * bestFuzzy / max(options.jaroWinklerWeight * fuzzyParts.0 + options.levenshteinWeight * fuzzyParts.1
                                               + options.tokenCosineWeight * fuzzyParts.2, 1e-9)
            explanation.append(FeatureContribution(feature: "wordAlignment", value: fuzzyParts.2,
                                                   contribution: options.tokenCosineWeight * fuzzyParts.2 * scale, detail: labelDetail(fuzzyPair)))
            explanation.append(FeatureContribution(feature: "jaroWinkler", value: fuzzyParts.0,
                                                   contribution: options.jaroWinklerWeight * fuzzyParts.0 * scale))
            explanation.append(FeatureContribution(feature: "levenshteinRatio", value: fuzzyParts.1,
                                                   contribution: options.levenshteinWeight * fuzzyParts.1 * scale))
        }
        // Definitions: agreement raises a little, clear disagreement lowers a fuzzy match.
        let ds = source.definitionStems[s], dt = target.definitionStems[t]
        if !ds.isEmpty && !dt.isEmpty {
            let d = definitions.cosine(ds, dt)
            let delta = d >= 0.2 ? 0.05 * d : (bestEquality > 0 ? 0 : -0.05)
            confidence += delta
            if delta != 0 { explanation.append(FeatureContribution(feature: "definitionCosine", value: d, contribution: delta)) }
        }
        if let aligned {
            let (value, delta, detail) = structure(s, t, aligned)
            if delta != 0 {
                confidence += delta
                explanation.append(FeatureContribution(feature: "structure", value: value, contribution: delta, detail: detail))
            }
        }
        explanation.sort { abs($0.contribution) > abs($1.contribution) }
        return Scored(confidence: min(max(confidence, 0), 1), equality: bestEquality, sourceEntry: pair.0, targetEntry: pair.1,
                      explanation: explanation)
    }

    /// `scored` with the structural feature added, for the second pass.
    func withStructure(_ scored: Scored, _ s: Int, _ t: Int, _ aligned: [Int: Int]) -> Scored {
        let (value, delta, detail) = structure(s, t, aligned)
        guard delta != 0 else { return scored }
        var result = scored
        result.confidence = min(max(scored.confidence + delta, 0), 1)
        result.explanation.append(FeatureContribution(feature: "structure", value: value, contribution: delta, detail: detail))
        result.explanation.sort { abs($0.contribution) > abs($1.contribution) }
        return result
    }

    /// The share of the pair's broader and narrower neighbours that are aligned with each
    /// other: raises the pair by up to 0.1; a pair whose neighbours are aligned elsewhere
    /// (and none with each other) is lowered by 0.05.
    func structure(_ s: Int, _ t: Int, _ aligned: [Int: Int]) -> (Double, Double, String?) {
        let sc = source.concepts[s], tc = target.concepts[t]
        let targetUp = Set(tc.broader.compactMap { target.position[$0] })
        let targetDown = Set(tc.narrower.compactMap { target.position[$0] })
        var agree = 0, disagree = 0
        for b in sc.broader.compactMap({ source.position[$0] }) {
            guard let m = aligned[b] else { continue }
            if targetUp.contains(m) { agree += 1 } else { disagree += 1 }
        }
        for n in sc.narrower.compactMap({ source.position[$0] }) {
            guard let m = aligned[n] else { continue }
            if targetDown.contains(m) { agree += 1 } else { disagree += 1 }
        }
        guard agree + disagree > 0 else { return (0, 0, nil) }
        let share = Double(agree) / Double(agree + disagree)
        let delta = agree > 0 ? 0.1 * share : -0.05
        return (share, delta, "\(agree) of \(agree + disagree) aligned neighbours agree")
    }

    func labelDetail(_ pair: (Int, Int)) -> String {
        guard pair.0 >= 0 else { return "" }
        let a = source.entries[pair.0], b = target.entries[pair.1]
        return "\"\(a.label.original)\" (\(a.kind.rawValue)) ~ \"\(b.label.original)\" (\(b.kind.rawValue))"
    }
}
