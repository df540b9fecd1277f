/// Exact lookup of normalised label keys (``NormalizedLabel/key(_:)``): the first and
/// cheapest candidate source, a hash probe per query label.
public struct ExactLabelIndex: Sendable {
    private let documents: [String: [Int]]

    /// Indexes `keys`; document `i` has key `keys[i]`. With `owners`, lookups return owner
    /// ids (each once) instead of document ids.
    public init(keys: [String], owners: [Int]? = nil) {
        precondition(owners == nil || owners!.count == keys.count, "one owner per key")
        var documents: [String: [Int]] = [:]
        for (document, key) in keys.enumerated() where !key.isEmpty {
            let id = owners?[document] ?? document
            if documents[key]?.last != id { documents[key, default: []].append(id) }
        }
        self.documents = documents.mapValues { Array(Set($0)).sorted() }
    }

    /// The ids whose key is exactly `key`, in increasing order.
    public func matches(_ key: String) -> [Int] {
        documents[key] ?? []
    }

    /// The number of distinct keys.
    public var keyCount: Int { documents.count }
}
