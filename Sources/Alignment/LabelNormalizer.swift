/// Normalises labels step by step: NFC, case folding, punctuation to spaces, words, stop
/// words, Nynorsk spellings made Bokmål, and stems (Snowball Norwegian or English).
public struct LabelNormalizer: Sendable {
    /// The spelling variants applied to Nynorsk labels.
    public var variants: SpellingVariants
    /// Whether stop words are removed (``NormalizationStep/contentTokens``).
    public var removesStopWords: Bool

    private let norwegian = NorwegianStemmer()
    private let english = EnglishStemmer()

    /// Creates a normaliser with the given spelling variants.
    public init(variants: SpellingVariants = .standard, removesStopWords: Bool = true) {
        self.variants = variants
        self.removesStopWords = removesStopWords
    }

    /// Every normalisation step of `label`, read as `language`.
    public func normalize(_ label: String, language: LabelLanguage) -> NormalizedLabel {
        let (folded, words) = Self.foldAndSplit(label)
        var tokens: [String] = []
        tokens.reserveCapacity(words.count)
        for word in words { tokens.append(ScalarText.string(word)) }

        let stopWords = removesStopWords ? StopWords.list(for: language) : []
        var keep = tokens.indices.filter { !stopWords.contains(tokens[$0]) }
        if keep.isEmpty { keep = Array(tokens.indices) }
        let contentTokens = keep.count == tokens.count ? tokens : keep.map { tokens[$0] }

        var variantTokens = contentTokens
        var stems: [String] = []
        stems.reserveCapacity(keep.count)
        switch language {
        case .nynorsk:
            for (position, index) in keep.enumerated() {
                var scalars: [Unicode.Scalar]
                if let rewritten = variants.rewrite(token: tokens[index], scalars: words[index]) {
                    variantTokens[position] = rewritten.text
                    scalars = rewritten.scalars
                } else {
                    scalars = words[index]
                }
                norwegian.stem(&scalars)
                stems.append(variants.canonicalStem(ScalarText.string(scalars), scalars: &scalars))
            }
        case .bokmal:
            for index in keep {
                var scalars = words[index]
                norwegian.stem(&scalars)
                stems.append(ScalarText.string(scalars))
            }
        case .english:
            for index in keep {
                var scalars = words[index]
                english.stem(&scalars)
                stems.append(ScalarText.string(scalars))
            }
        case .undetermined:
            stems = contentTokens
        }
        return NormalizedLabel(
            original: label, language: language, folded: folded, tokens: tokens,
            contentTokens: contentTokens, variantTokens: variantTokens, stems: stems)
    }

    /// The NFC, case-folded form of `label` with white space collapsed, and its words.
    static func foldAndSplit(_ label: String) -> (folded: String, words: [[Unicode.Scalar]]) {
        let text = ScalarFolding.nfc(label)
        var folded: [Unicode.Scalar] = []
        folded.reserveCapacity(text.unicodeScalars.count)
        var words: [[Unicode.Scalar]] = []
        var word: [Unicode.Scalar] = []
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if ScalarFolding.isSpace(scalar) {
                pendingSpace = !folded.isEmpty
                if !word.isEmpty {
                    words.append(word)
                    word.removeAll(keepingCapacity: true)
                }
                continue
            }
            if pendingSpace {
                folded.append(" ")
                pendingSpace = false
            }
            let start = folded.count
            ScalarFolding.appendFolded(scalar, to: &folded)
            for index in start..<folded.count {
                let part = folded[index]
                if ScalarFolding.isWordScalar(part) {
                    word.append(part)
                } else if !ScalarFolding.isApostrophe(part), !word.isEmpty {
                    words.append(word)
                    word.removeAll(keepingCapacity: true)
                }
            }
        }
        if !word.isEmpty { words.append(word) }
        return (ScalarText.string(folded), words)
    }
}
