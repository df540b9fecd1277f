/// A sparse vector of term weights, ordered by term id: the TF-IDF vector of a label in a
/// ``TrigramIndex`` or ``TokenIndex``.
public struct SparseVector: Sendable, Hashable {
    /// Term ids, strictly increasing.
    public let terms: [Int32]
    /// The weight of each term.
    public let weights: [Float]

    /// Creates a vector; `terms` must be strictly increasing and as long as `weights`.
    public init(terms: [Int32], weights: [Float]) {
        precondition(terms.count == weights.count, "one weight per term")
        self.terms = terms
        self.weights = weights
    }

    /// The empty vector.
    public static let zero = SparseVector(terms: [], weights: [])

    /// Whether no term has a weight.
    public var isEmpty: Bool { terms.isEmpty }

    /// The dot product; for the unit vectors an index hands out, their cosine similarity.
    public func dot(_ other: SparseVector) -> Double {
        var i = 0
        var j = 0
        var sum: Float = 0
        while i < terms.count, j < other.terms.count {
            let a = terms[i]
            let b = other.terms[j]
            if a == b {
                sum += weights[i] * other.weights[j]
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(sum)
    }

    /// The Euclidean length.
    public var norm: Double {
        Double(weights.reduce(0) { $0 + $1 * $1 }.squareRoot())
    }

    /// The cosine similarity, 0 if either vector is empty.
    public func cosine(_ other: SparseVector) -> Double {
        let lengths = norm * other.norm
        return lengths > 0 ? min(1, dot(other) / lengths) : 0
    }
}
