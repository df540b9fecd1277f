/// A character-trigram index over labels with TF-IDF weights: finds the labels most
/// similar in spelling to a query (cosine of trigram vectors) by visiting only the labels
/// that share a trigram with it, so aligning N × M labels never compares all pairs.
///
/// Texts are expected normalised (``NormalizedLabel/key(_:)`` of ``NormalizationStep/tokens``
/// or later); each space-separated word is padded with a boundary mark at both ends, so
/// word order does not matter and word starts and ends count.
public struct TrigramIndex: Sendable {
    private let index: WeightedTermIndex<UInt64>

    /// Indexes `texts`; document `i` is `texts[i]`. With `owners`, queries return owner ids
    /// (e.g. the concept of each label), each with its best label's score.
    public init(texts: [String], owners: [Int]? = nil) {
        index = WeightedTermIndex(documents: texts.map(Self.trigrams), owners: owners)
    }

    /// The number of indexed texts.
    public var documentCount: Int { index.documentCount }

    /// The number of distinct trigrams.
    public var trigramCount: Int { index.idf.count }

    /// The unit TF-IDF trigram vector of `text`, comparable with ``documentVector(_:)``.
    public func vector(for text: String) -> SparseVector {
        index.vector(Self.trigrams(text))
    }

    /// The unit TF-IDF trigram vector of document `document`.
    public func documentVector(_ document: Int) -> SparseVector {
        index.documentVector(document)
    }

    /// Working memory for ``candidates(for:limit:minimumScore:scratch:)``.
    public func makeScratch() -> IndexScratch { index.makeScratch() }

    /// The `limit` documents (or owners) most similar to `text`, best first.
    public func candidates(for text: String, limit: Int, minimumScore: Double = 0) -> [IndexCandidate] {
        var scratch = makeScratch()
        return candidates(for: text, limit: limit, minimumScore: minimumScore, scratch: &scratch)
    }

    /// The `limit` documents (or owners) most similar to `text`, best first, reusing `scratch`.
    public func candidates(
        for text: String, limit: Int, minimumScore: Double = 0, scratch: inout IndexScratch
    ) -> [IndexCandidate] {
        index.candidates(vector(for: text), limit: limit, minimumScore: minimumScore, scratch: &scratch)
    }

    /// The padded trigrams of `text`, with repetition, each packed into 63 bits.
    static func trigrams(_ text: String) -> [UInt64] {
        var result: [UInt64] = []
        var first: UInt64 = 0  // 0 is the boundary mark
        var second: UInt64 = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if ScalarFolding.isSpace(scalar) {
                if inWord {
                    result.append(first << 42 | second << 21)
                    inWord = false
                }
                continue
            }
            let value = UInt64(scalar.value)
            if !inWord {
                first = 0
                second = 0
                inWord = true
            }
            if second != 0 { result.append(first << 42 | second << 21 | value) }
            first = second
            second = value
        }
        if inWord { result.append(first << 42 | second << 21) }
        return result
    }
}
