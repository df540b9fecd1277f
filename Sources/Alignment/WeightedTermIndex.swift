import Foundation

/// The engine under ``TrigramIndex`` and ``TokenIndex``: an inverted index from terms to
/// documents with TF-IDF weights (sublinear term frequency `1 + ln tf`, smoothed inverse
/// document frequency `ln(1 + N / df)`, unit-length document vectors) and an exact top-k
/// cosine query that visits only the postings of the query's terms — never all documents.
struct WeightedTermIndex<Term: Hashable & Sendable>: Sendable {
    let termIDs: [Term: Int32]
    let idf: [Float]
    /// The weight factor of a query term no document has.
    let unseenIDF: Float
    /// Postings of term `t` are at `offsets[t] ..< offsets[t + 1]`.
    let offsets: [Int32]
    let postingDocuments: [Int32]
    let postingWeights: [Float]
    /// The unit vector of document `d` is at `documentOffsets[d] ..< documentOffsets[d + 1]`.
    let documentOffsets: [Int32]
    let documentTerms: [Int32]
    let documentWeights: [Float]
    let owners: [Int32]?
    let ownerCount: Int

    init(documents: [[Term]], owners: [Int]?) {
        precondition(owners == nil || owners!.count == documents.count, "one owner per document")
        var termIDs: [Term: Int32] = [:]
        var documentFrequency: [Int32] = []
        var idsByDocument: [[Int32]] = []
        idsByDocument.reserveCapacity(documents.count)
        for document in documents {
            var ids: [Int32] = []
            ids.reserveCapacity(document.count)
            for term in document {
                if let id = termIDs[term] {
                    ids.append(id)
                } else {
                    let id = Int32(termIDs.count)
                    termIDs[term] = id
                    documentFrequency.append(0)
                    ids.append(id)
                }
            }
            ids.sort()
            var previous: Int32 = -1
            for id in ids where id != previous {
                documentFrequency[Int(id)] += 1
                previous = id
            }
            idsByDocument.append(ids)
        }
        let count = Float(max(documents.count, 1))
        let idf = documentFrequency.map { log(1 + count / Float($0)) }
        self.termIDs = termIDs
        self.idf = idf
        self.unseenIDF = log(1 + count)

        var documentOffsets: [Int32] = [0]
        var documentTerms: [Int32] = []
        var documentWeights: [Float] = []
        documentOffsets.reserveCapacity(documents.count + 1)
        for ids in idsByDocument {
            let vector = Self.unitVector(sortedIDs: ids, idf: idf)
            documentTerms.append(contentsOf: vector.terms)
            documentWeights.append(contentsOf: vector.weights)
            documentOffsets.append(Int32(documentTerms.count))
        }

        var offsets = [Int32](repeating: 0, count: idf.count + 1)
        for (term, frequency) in documentFrequency.enumerated() {
            offsets[term + 1] = offsets[term] + frequency
        }
        var next = offsets
        var postingDocuments = [Int32](repeating: 0, count: documentTerms.count)
        var postingWeights = [Float](repeating: 0, count: documentTerms.count)
        for document in 0..<documents.count {
            for slot in Int(documentOffsets[document])..<Int(documentOffsets[document + 1]) {
                let term = Int(documentTerms[slot])
                let posting = Int(next[term])
                postingDocuments[posting] = Int32(document)
                postingWeights[posting] = documentWeights[slot]
                next[term] += 1
            }
        }
        self.documentOffsets = documentOffsets
        self.documentTerms = documentTerms
        self.documentWeights = documentWeights
        self.offsets = offsets
        self.postingDocuments = postingDocuments
        self.postingWeights = postingWeights
        if let owners {
            self.owners = owners.map { Int32($0) }
            self.ownerCount = (owners.max() ?? -1) + 1
        } else {
            self.owners = nil
            self.ownerCount = 0
        }
    }

    var documentCount: Int { documentOffsets.count - 1 }

    /// The unit TF-IDF vector of document `document`.
    func documentVector(_ document: Int) -> SparseVector {
        let range = Int(documentOffsets[document])..<Int(documentOffsets[document + 1])
        return SparseVector(terms: Array(documentTerms[range]), weights: Array(documentWeights[range]))
    }

    /// How many documents contain term `id`.
    func documentFrequency(_ id: Int32) -> Int {
        Int(offsets[Int(id) + 1] - offsets[Int(id)])
    }

    /// The unit TF-IDF vector of term ids given in increasing order, repeated by frequency.
    private static func unitVector(sortedIDs ids: [Int32], idf: [Float], unseenSquares: Float = 0) -> SparseVector {
        var terms: [Int32] = []
        var weights: [Float] = []
        var index = 0
        var squares = unseenSquares
        while index < ids.count {
            let id = ids[index]
            var frequency = 1
            while index + frequency < ids.count, ids[index + frequency] == id { frequency += 1 }
            let weight = (1 + log(Float(frequency))) * idf[Int(id)]
            terms.append(id)
            weights.append(weight)
            squares += weight * weight
            index += frequency
        }
        guard squares > 0 else { return .zero }
        let scale = 1 / squares.squareRoot()
        return SparseVector(terms: terms, weights: weights.map { $0 * scale })
    }

    /// The unit query vector of `terms`; terms no document has add to its length only.
    func vector(_ terms: [Term]) -> SparseVector {
        var ids: [Int32] = []
        ids.reserveCapacity(terms.count)
        var unseen: [Term: Int] = [:]
        for term in terms {
            if let id = termIDs[term] {
                ids.append(id)
            } else {
                unseen[term, default: 0] += 1
            }
        }
        ids.sort()
        var unseenSquares: Float = 0
        for frequency in unseen.values {
            let weight = (1 + log(Float(frequency))) * unseenIDF
            unseenSquares += weight * weight
        }
        return Self.unitVector(sortedIDs: ids, idf: idf, unseenSquares: unseenSquares)
    }

    func makeScratch() -> IndexScratch {
        IndexScratch(documents: documentCount, owners: ownerCount)
    }

    // MARK: Queries

    /// The `limit` documents (or owners) with the highest cosine to `query`, best first,
    /// ties by increasing id.
    func candidates(
        _ query: SparseVector, limit: Int, minimumScore: Double, scratch: inout IndexScratch
    ) -> [IndexCandidate] {
        guard limit > 0, !query.isEmpty else { return [] }
        accumulate(query, into: &scratch)
        return Self.candidates(select(limit: limit, threshold: Float(minimumScore), scratch: &scratch))
    }

    private static func candidates(_ heap: [(Float, Int32)]) -> [IndexCandidate] {
        heap.map { IndexCandidate(id: Int($0.1), score: min(1, Double($0.0))) }
    }

    /// Adds each document's share of the cosine with `query` to `scratch.scores`, noting the
    /// documents touched for the first time.
    private func accumulate(_ query: SparseVector, into scratch: inout IndexScratch) {
        var touchedCount = scratch.touchedCount
        postingDocuments.withUnsafeBufferPointer { documents in
            postingWeights.withUnsafeBufferPointer { weights in
                scratch.scores.withUnsafeMutableBufferPointer { scores in
                    scratch.touched.withUnsafeMutableBufferPointer { touched in
                        for (term, queryWeight) in zip(query.terms, query.weights) {
                            let term = Int(term)
                            for slot in Int(offsets[term])..<Int(offsets[term + 1]) {
                                let document = Int(documents[slot])
                                let previous = scores[document]
                                if previous == 0 {
                                    touched[touchedCount] = Int32(truncatingIfNeeded: document)
                                    touchedCount += 1
                                }
                                scores[document] = previous + queryWeight * weights[slot]
                            }
                        }
                    }
                }
            }
        }
        scratch.touchedCount = touchedCount
    }

    /// The best `limit` touched documents (or owners) scoring at least `threshold`, best
    /// first; clears the scores for the next query.
    private func select(limit: Int, threshold: Float, scratch: inout IndexScratch) -> [(Float, Int32)] {
        scratch.heap.removeAll(keepingCapacity: true)
        let touchedCount = scratch.touchedCount
        scratch.touchedCount = 0
        if let owners {
            for position in 0..<touchedCount {
                let document = Int(scratch.touched[position])
                let owner = Int(owners[document])
                let score = scratch.scores[document]
                scratch.scores[document] = 0
                if scratch.ownerScores[owner] < 0 {
                    scratch.touchedOwners.append(Int32(owner))
                    scratch.ownerScores[owner] = score
                } else if score > scratch.ownerScores[owner] {
                    scratch.ownerScores[owner] = score
                }
            }
            for owner in scratch.touchedOwners {
                let score = scratch.ownerScores[Int(owner)]
                scratch.ownerScores[Int(owner)] = -1
                if score >= threshold { Self.offer((score, owner), limit: limit, heap: &scratch.heap) }
            }
            scratch.touchedOwners.removeAll(keepingCapacity: true)
        } else {
            for position in 0..<touchedCount {
                let document = scratch.touched[position]
                let score = scratch.scores[Int(document)]
                scratch.scores[Int(document)] = 0
                if score >= threshold { Self.offer((score, document), limit: limit, heap: &scratch.heap) }
            }
        }
        return scratch.heap.sorted { Self.isBetter($0, than: $1) }
    }

    @inline(__always)
    private static func isBetter(_ a: (Float, Int32), than b: (Float, Int32)) -> Bool {
        a.0 > b.0 || (a.0 == b.0 && a.1 < b.1)
    }

    /// Keeps the best `limit` entries in a binary min-heap whose root is the worst kept.
    @inline(__always)
    private static func offer(_ entry: (Float, Int32), limit: Int, heap: inout [(Float, Int32)]) {
        if heap.count < limit {
            heap.append(entry)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard isBetter(heap[parent], than: heap[child]) else { break }
                heap.swapAt(parent, child)
                child = parent
            }
            return
        }
        guard isBetter(entry, than: heap[0]) else { return }
        heap[0] = entry
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var worst = parent
            if left < heap.count, isBetter(heap[worst], than: heap[left]) { worst = left }
            if right < heap.count, isBetter(heap[worst], than: heap[right]) { worst = right }
            if worst == parent { break }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
