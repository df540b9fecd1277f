/// Splits Norwegian compounds into modifier and head against a vocabulary of known words
/// (typically the words of both label sets), so that `bostedsadresse` yields the head
/// `adresse` and the engine can propose that it is narrower than `adresse`.
///
/// A split is valid when the head is a known word (or has the stem of one) and the
/// modifier is a known word, possibly with a linking `s` or `e` (`bosteds` → `bosted`,
/// `barne` → `barn`), or is itself a valid compound. Stop words are never parts. Among
/// valid splits the longest head wins: it is the closest broader word.
public struct CompoundSplitter: Sendable {
    /// One split of a compound.
    public struct Split: Sendable, Hashable {
        /// The modifier without the linking letter (`bosted`).
        public let modifier: String
        /// The linking letter between modifier and head (`s`, `e`, or empty).
        public let linking: String
        /// The head (`adresse`), as written in the compound.
        public let head: String
    }

    /// The shortest modifier or head considered.
    public var minimumPartLength: Int
    private let words: Set<String>
    private let stems: Set<String>
    private let stopWords: Set<String>
    private let stemmer = NorwegianStemmer()

    /// Creates a splitter knowing `vocabulary` (case-folded words).
    public init<S: Sequence>(vocabulary: S, minimumPartLength: Int = 3) where S.Element == String {
        let stopWords = StopWords.bokmal.union(StopWords.nynorsk)
        var words = Set<String>()
        var stems = Set<String>()
        let stemmer = NorwegianStemmer()
        for word in vocabulary where !stopWords.contains(word) && word.unicodeScalars.count >= minimumPartLength {
            if words.insert(word).inserted { stems.insert(stemmer.stem(word)) }
        }
        self.words = words
        self.stems = stems
        self.stopWords = stopWords
        self.minimumPartLength = minimumPartLength
    }

    /// Whether `word` is in the vocabulary.
    public func knows(_ word: String) -> Bool { words.contains(word) }

    /// The split of `word` with the longest known head, or `nil` if there is none.
    public func split(_ word: String) -> Split? {
        split(Array(word.unicodeScalars), depth: 0)
    }

    /// The head of the compound `word`, or `nil` if it does not split.
    public func head(of word: String) -> String? {
        split(word)?.head
    }

    /// All parts of `word`, splitting modifiers recursively: `folkeregisteradresse` →
    /// `folke`… as far as the vocabulary allows; `[word]` if it does not split.
    public func parts(of word: String) -> [String] {
        guard let split = split(word) else { return [word] }
        let modifierParts = words.contains(split.modifier) ? [split.modifier] : parts(of: split.modifier)
        return modifierParts + [split.head]
    }

    private func split(_ scalars: [Unicode.Scalar], depth: Int) -> Split? {
        let n = scalars.count
        guard n >= 2 * minimumPartLength, depth < 4 else { return nil }
        // Longest head first: the head starts as early as the modifier allows.
        for headStart in minimumPartLength...(n - minimumPartLength) {
            let head = ScalarText.string(scalars[headStart...])
            guard isKnownPart(head) else { continue }
            let modifier = Array(scalars[..<headStart])
            if let (base, linking) = knownModifier(modifier, depth: depth) {
                return Split(modifier: base, linking: linking, head: head)
            }
        }
        return nil
    }

    private func isKnownPart(_ part: String) -> Bool {
        if stopWords.contains(part) { return false }
        return words.contains(part) || stems.contains(stemmer.stem(part))
    }

    /// The modifier as a known word and its linking letter, if it is one.
    private func knownModifier(_ modifier: [Unicode.Scalar], depth: Int) -> (String, String)? {
        let text = ScalarText.string(modifier)
        if words.contains(text), !stopWords.contains(text) { return (text, "") }
        if let last = modifier.last, last == "s" || last == "e", modifier.count > minimumPartLength {
            let base = ScalarText.string(modifier.dropLast())
            if words.contains(base), !stopWords.contains(base) { return (base, String(last)) }
        }
        if stems.contains(stemmer.stem(text)), !stopWords.contains(text) { return (text, "") }
        if let last = modifier.last, last == "s" || last == "e", modifier.count > minimumPartLength {
            let inner = Array(modifier.dropLast())
            if split(inner, depth: depth + 1) != nil { return (ScalarText.string(inner), String(last)) }
        }
        if split(modifier, depth: depth + 1) != nil { return (text, "") }
        return nil
    }
}
