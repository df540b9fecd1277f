import RDF

/// A property path with its predicates resolved to the data graph's term ids, evaluated
/// as SHACL §2.3.1 maps paths to SPARQL property paths (set semantics).
indirect enum IDPath {
    /// nil: the predicate does not occur in the data, so the step reaches nothing.
    case predicate(UInt32?)
    case inverse(IDPath)
    case sequence([IDPath])
    case alternative([IDPath])
    case zeroOrMore(IDPath)
    case oneOrMore(IDPath)
    case zeroOrOne(IDPath)

    init(_ path: PropertyPath, _ predicateID: (String) -> UInt32?) {
        switch path {
        case .predicate(let iri): self = .predicate(predicateID(iri))
        case .inverse(let p): self = .inverse(IDPath(p, predicateID))
        case .sequence(let ps): self = .sequence(ps.map { IDPath($0, predicateID) })
        case .alternative(let ps): self = .alternative(ps.map { IDPath($0, predicateID) })
        case .zeroOrMore(let p): self = .zeroOrMore(IDPath(p, predicateID))
        case .oneOrMore(let p): self = .oneOrMore(IDPath(p, predicateID))
        case .zeroOrOne(let p): self = .zeroOrOne(IDPath(p, predicateID))
        }
    }

    /// The nodes the path reaches from `node`.
    func values(from node: UInt32, in graph: FrozenGraph) -> ArraySlice<UInt32> {
        if case .predicate(let p) = self {
            // Sorted and distinct already: a row of the frozen graph.
            return p.map { graph.objectIDs(node, $0) } ?? []
        }
        return reach(from: [node], inverse: false, in: graph).sorted()[...]
    }

    /// The nodes reached from any of `nodes`, walking the path backwards when `inverse`.
    func reach(from nodes: Set<UInt32>, inverse: Bool, in graph: FrozenGraph) -> Set<UInt32> {
        switch self {
        case .predicate(let p):
            guard let p else { return [] }
            var result = Set<UInt32>()
            for n in nodes { result.formUnion(inverse ? graph.subjectIDs(p, n) : graph.objectIDs(n, p)) }
            return result
        case .inverse(let inner):
            return inner.reach(from: nodes, inverse: !inverse, in: graph)
        case .sequence(let steps):
            var current = nodes
            for step in inverse ? steps.reversed() : steps {
                current = step.reach(from: current, inverse: inverse, in: graph)
                if current.isEmpty { break }
            }
            return current
        case .alternative(let options):
            var result = Set<UInt32>()
            for option in options { result.formUnion(option.reach(from: nodes, inverse: inverse, in: graph)) }
            return result
        case .zeroOrMore(let inner):
            return closure(inner, from: nodes, inverse: inverse, in: graph).union(nodes)
        case .oneOrMore(let inner):
            return closure(inner, from: nodes, inverse: inverse, in: graph)
        case .zeroOrOne(let inner):
            return inner.reach(from: nodes, inverse: inverse, in: graph).union(nodes)
        }
    }

    /// Nodes reached by one or more steps (breadth first; each node expanded once).
    private func closure(_ step: IDPath, from nodes: Set<UInt32>, inverse: Bool, in graph: FrozenGraph) -> Set<UInt32> {
        var reached = Set<UInt32>()
        var frontier = nodes
        while !frontier.isEmpty {
            let next = step.reach(from: frontier, inverse: inverse, in: graph)
            frontier = next.subtracting(reached)
            reached.formUnion(frontier)
        }
        return reached
    }
}
