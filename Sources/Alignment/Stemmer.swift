/// A suffix-stripping stemmer working on the Unicode scalars of one lower-case word.
public protocol Stemmer: Sendable {
    /// Replaces `word` (lower-case, NFC) by its stem.
    func stem(_ word: inout [Unicode.Scalar])
}

extension Stemmer {
    /// The stem of a lower-case word.
    public func stem(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        stem(&scalars)
        return ScalarText.string(scalars)
    }
}
