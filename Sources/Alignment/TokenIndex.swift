/// An inverted index from words (typically stems) to labels with TF-IDF weights: finds the
/// labels sharing the most informative words with a query (cosine of word vectors), and
/// gives the token TF-IDF cosine of any two labels.
public struct TokenIndex: Sendable {
    private let index: WeightedTermIndex<String>

    /// Indexes the word lists `documents`; document `i` is `documents[i]`. With `owners`,
    /// queries return owner ids, each with its best document's score.
    public init(documents: [[String]], owners: [Int]? = nil) {
        index = WeightedTermIndex(documents: documents, owners: owners)
    }

    /// The number of indexed documents.
    public var documentCount: Int { index.documentCount }

    /// The number of distinct words.
    public var vocabularySize: Int { index.idf.count }

    /// How many documents contain `token`.
    public func documentFrequency(of token: String) -> Int {
        guard let id = index.termIDs[token] else { return 0 }
        return index.documentFrequency(id)
    }

    /// The unit TF-IDF vector of `tokens`, comparable with ``documentVector(_:)``.
    public func vector(for tokens: [String]) -> SparseVector {
        index.vector(tokens)
    }

    /// The unit TF-IDF vector of document `document`.
    public func documentVector(_ document: Int) -> SparseVector {
        index.documentVector(document)
    }

    /// The TF-IDF cosine of two word lists, weighted by this index's document frequencies.
    public func cosine(_ a: [String], _ b: [String]) -> Double {
        vector(for: a).dot(vector(for: b))
    }

    /// Working memory for ``candidates(for:limit:minimumScore:scratch:)``.
    public func makeScratch() -> IndexScratch { index.makeScratch() }

    /// The `limit` documents (or owners) sharing the most weight with `tokens`, best first.
    public func candidates(for tokens: [String], limit: Int, minimumScore: Double = 0) -> [IndexCandidate] {
        var scratch = makeScratch()
        return candidates(for: tokens, limit: limit, minimumScore: minimumScore, scratch: &scratch)
    }

    /// The `limit` documents (or owners) sharing the most weight with `tokens`, reusing `scratch`.
    public func candidates(
        for tokens: [String], limit: Int, minimumScore: Double = 0, scratch: inout IndexScratch
    ) -> [IndexCandidate] {
        index.candidates(vector(for: tokens), limit: limit, minimumScore: minimumScore, scratch: &scratch)
    }
}
