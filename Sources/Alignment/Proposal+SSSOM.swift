extension Proposal {
    /// The proposal as an SSSOM mapping: lexical matching, its confidence and the feature
    /// that carried it as similarity measure, the explanation as comment.
    public var mapping: Mapping {
        var m = Mapping(subjectID: source, predicateID: relation, objectID: target,
                        justification: MappingJustification.lexicalMatching,
                        subjectLabel: sourceLabel, objectLabel: targetLabel, confidence: confidence,
                        similarityScore: explanation.first?.value, similarityMeasure: explanation.first.map { "samsvar:" + $0.feature },
                        comment: explanationText)
        m.subjectPreprocessing = Self.preprocessing
        m.objectPreprocessing = Self.preprocessing
        return m
    }

    /// The SEMAPV preprocessing steps labels go through before they are compared.
    static let preprocessing = ["RegexRemoval", "StopWordRemoval", "Stemming"].map { MappingJustification.namespace($0) }

    /// The explanation in one line: `feature=value (+contribution; detail)`, largest first.
    public var explanationText: String {
        explanation.map { c in
            let sign = c.contribution >= 0 ? "+" : ""
            return "\(c.feature)=\(c.value) (\(sign)\(c.contribution)" + (c.detail.map { "; \($0)" } ?? "") + ")"
        }.joined(separator: ", ")
    }
}
