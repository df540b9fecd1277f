extension Graph {
    /// True when the two graphs are isomorphic (RDF 1.1 Concepts, section 3.6): equal up to
    /// a bijection between their blank nodes.
    public func isIsomorphic(to other: Graph) -> Bool {
        guard count == other.count else { return false }
        return Isomorphism.areIsomorphic(quads, other.quads)
    }

    /// The triples as default-graph quads.
    private var quads: [Quad] { triples.map { Quad($0.subject, $0.predicate, $0.object) } }
}

extension Dataset {
    /// True when the two datasets are isomorphic (RDF 1.1 Concepts, section 4.1): one
    /// bijection between blank nodes, graph names included, maps the default graph and
    /// every named graph of one onto those of the other. Empty named graphs count.
    public func isIsomorphic(to other: Dataset) -> Bool {
        guard count == other.count, namedGraphs.count == other.namedGraphs.count else { return false }
        return Isomorphism.bijection(quads, emptyGraphsOfA: emptyGraphNames,
                                     other.quads, emptyGraphsOfB: other.emptyGraphNames) != nil
    }

    /// The names of named graphs that hold no triple.
    private var emptyGraphNames: [Term] { namedGraphs.compactMap { $0.value.isEmpty ? $0.key : nil } }
}
