/// An in-memory RDF dataset: a default graph and named graphs, each an indexed `Graph`.
public struct Dataset: Sendable {
    /// The default graph.
    public var defaultGraph = Graph()
    /// The named graphs by name (an IRI or a blank node).
    public var namedGraphs: [Term: Graph] = [:]

    public init() {}

    /// A dataset holding the given quads.
    public init<S: Sequence>(_ quads: S) where S.Element == Quad {
        for q in quads { insert(q) }
    }

    /// Adds a quad; returns false if it was already present.
    @discardableResult
    public mutating func insert(_ quad: Quad) -> Bool {
        if let g = quad.graph {
            return namedGraphs[g, default: Graph()].insert(quad.triple)
        }
        return defaultGraph.insert(quad.triple)
    }

    /// The total number of quads.
    public var count: Int { namedGraphs.values.reduce(defaultGraph.count) { $0 + $1.count } }

    /// All quads, default graph first, in unspecified order within a graph.
    public var quads: [Quad] {
        var result = defaultGraph.triples.map { Quad($0.subject, $0.predicate, $0.object) }
        for (name, graph) in namedGraphs {
            result += graph.triples.map { Quad($0.subject, $0.predicate, $0.object, graph: name) }
        }
        return result
    }
}
