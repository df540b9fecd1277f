/// The knobs of an alignment run. The defaults are the ones evaluated on the OAEI anatomy
/// track and the DH benchmark; nothing in them names one vocabulary.
public struct AlignmentOptions: Sendable {
    /// Proposals below this confidence are dropped. Below 0.6 fuzzy equivalences were
    /// mostly wrong on every gold alignment tried (OAEI anatomy, the DH benchmark).
    public var minimumConfidence: Double = 0.6
    /// Candidates taken from each index per source label.
    public var candidatesPerLabel: Int = 12
    /// Confidence from which an equivalence is `skos:exactMatch` (below: `closeMatch`).
    public var exactThreshold: Double = 0.85
    /// Propose broader/narrower from compound heads and head words.
    public var hierarchical = true
    /// Use neighbours already aligned (a second pass) to raise or lower a pair.
    public var structural = true
    /// Weight of the lexical features in the fuzzy score (they sum to 1): whole-string
    /// Jaro-Winkler and Levenshtein ratio, and the IDF-weighted word alignment.
    public var jaroWinklerWeight = 0.15
    public var levenshteinWeight = 0.1
    public var tokenCosineWeight = 0.75
    /// Language for untagged labels; nil: the language most tagged labels of that side have,
    /// else English.
    public var untaggedLanguage: LabelLanguage?

    public init() {}
}

/// A source–target concept pair, by IRI.
public struct ConceptPair: Hashable, Sendable {
    public var source: String
    public var target: String

    public init(_ source: String, _ target: String) {
        self.source = source
        self.target = target
    }
}
