/// A candidate returned by an index query: a document (or owner) id and its cosine score.
public struct IndexCandidate: Sendable, Hashable {
    /// The document id, or the owner id when the index has owners.
    public let id: Int
    /// The cosine similarity of the TF-IDF vectors, 0…1.
    public let score: Double

    /// Creates a candidate.
    public init(id: Int, score: Double) {
        self.id = id
        self.score = score
    }
}

/// Reusable working memory for index queries, so that a loop of queries allocates nothing.
/// Make one per index (``TrigramIndex/makeScratch()``) and per thread.
public struct IndexScratch: Sendable {
    /// Score so far of each document; 0 for documents not touched by the current query.
    var scores: [Float]
    /// The documents touched by the current query: the first `touchedCount` entries.
    var touched: [Int32]
    var touchedCount = 0
    /// Best score of each owner; -1 for owners not touched by the current query.
    var ownerScores: [Float]
    var touchedOwners: [Int32] = []
    var heap: [(Float, Int32)] = []

    init(documents: Int, owners: Int) {
        scores = [Float](repeating: 0, count: documents)
        touched = [Int32](repeating: 0, count: documents)
        ownerScores = [Float](repeating: -1, count: owners)
    }
}
