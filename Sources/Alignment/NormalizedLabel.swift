/// The successive normalisations of a label; two labels that are equal after one step are
/// equal after every later step.
public enum NormalizationStep: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// The label exactly as written, scalar for scalar.
    case exact
    /// NFC, case-folded, white space collapsed.
    case folded
    /// Punctuation removed: the words, in order.
    case tokens
    /// Stop words removed.
    case contentTokens
    /// Bokmål/Nynorsk spellings made canonical.
    case variants
    /// Each word stemmed.
    case stems
    /// The set of stems, order and repetition ignored.
    case stemBag

    /// Earlier steps come first.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A label with the result of every normalisation step, for exact-match keys, token
/// indexes and the "equal after step k" features.
public struct NormalizedLabel: Sendable, Hashable {
    /// The label as written.
    public let original: String
    /// The language the label was normalised as.
    public let language: LabelLanguage
    /// NFC, case-folded, white space collapsed to single spaces, punctuation kept.
    public let folded: String
    /// The words: runs of letters, digits and marks; apostrophes dropped.
    public let tokens: [String]
    /// ``tokens`` without stop words (all of them if every word is a stop word).
    public let contentTokens: [String]
    /// ``contentTokens`` with canonical Bokmål/Nynorsk spellings.
    public let variantTokens: [String]
    /// The stems of ``variantTokens``, made canonical too.
    public let stems: [String]

    /// Creates a label from already computed steps.
    public init(
        original: String, language: LabelLanguage, folded: String, tokens: [String],
        contentTokens: [String], variantTokens: [String], stems: [String]
    ) {
        self.original = original
        self.language = language
        self.folded = folded
        self.tokens = tokens
        self.contentTokens = contentTokens
        self.variantTokens = variantTokens
        self.stems = stems
    }

    /// The comparison key of `step`: strings equal exactly when the labels are equal after it
    /// (for ``NormalizationStep/exact``, Swift's string equality already identifies
    /// canonically equivalent labels; ``isEqual(to:after:)`` compares scalars).
    public func key(_ step: NormalizationStep) -> String {
        switch step {
        case .exact: original
        case .folded: folded
        case .tokens: tokens.joined(separator: " ")
        case .contentTokens: contentTokens.joined(separator: " ")
        case .variants: variantTokens.joined(separator: " ")
        case .stems: stems.joined(separator: " ")
        case .stemBag: Set(stems).sorted().joined(separator: " ")
        }
    }

    /// Whether the two labels are equal after `step`.
    public func isEqual(to other: NormalizedLabel, after step: NormalizationStep) -> Bool {
        switch step {
        case .exact: original.unicodeScalars.elementsEqual(other.original.unicodeScalars)
        case .folded: folded == other.folded
        case .tokens: tokens == other.tokens
        case .contentTokens: contentTokens == other.contentTokens
        case .variants: variantTokens == other.variantTokens
        case .stems: stems == other.stems
        case .stemBag: Set(stems) == Set(other.stems)
        }
    }

    /// The earliest step after which the labels are equal, or `nil` if they never are.
    public func firstEqualStep(with other: NormalizedLabel) -> NormalizationStep? {
        NormalizationStep.allCases.first { isEqual(to: other, after: $0) }
    }
}
