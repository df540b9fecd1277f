/// RDF graph and dataset isomorphism (RDF 1.1 Concepts, section 3.6) and canonical
/// blank-node labels.
///
/// Two sets of quads are isomorphic when a bijection between their blank nodes maps one
/// onto the other; IRIs and literals map to themselves (literals compare with `Literal`'s
/// `==`, so language tags compare case-insensitively). Blank nodes may be subjects,
/// predicates (generalised RDF), objects or graph names, and one bijection covers all
/// positions. Duplicate quads are ignored: both sides are sets.
///
/// The algorithm:
/// 1. Quads without blank nodes are compared as plain sets. The rest are split into
///    connected components (blank nodes sharing a quad are connected), which are matched
///    between the two sides independently.
/// 2. Each component is coloured by hash-based iterative colour refinement: a blank
///    node's signature is an order-independent sum of hashes of its quads, seen with
///    itself as a marker and every other blank node as its current colour. Classes split
///    when their members' signatures differ, and only the neighbours of nodes that
///    changed colour are recomputed in the next round, so a long chain costs a few
///    operations per round rather than a pass over the graph.
/// 3. When refinement leaves blank nodes tied, the smallest tied class is chosen, one of
///    its nodes is individualised on the first side and each candidate of the same class
///    in turn on the other, and refinement runs again; a candidate whose refinement trace
///    diverges is abandoned at once. Changes are undone from a trail, so backtracking
///    never copies the whole state, and the search is iterative (no deep recursion).
///    Every candidate bijection is verified quad by quad before it is returned.
///
/// The answer is exact, not probabilistic: hashes only steer the search. Every step is a
/// deterministic function of the structure, so an isomorphism is always found along the
/// branch that follows it, and a bijection is returned only after verification. Symmetric
/// structures (rings, complete graphs, identical components, stars) cost one successful
/// candidate per choice. Only pairs that refinement cannot tell apart yet are not
/// isomorphic, inside one component, make the search try several candidates per choice
/// (in the worst case, highly regular constructions, exponentially many).
///
/// All hashing is a fixed 64-bit mixing of the terms' UTF-8 bytes (FNV-1a and a
/// SplitMix64 finaliser), never Swift's per-process seeded `Hasher`, so colours and
/// `canonicalLabels(_:)` are identical from run to run and machine to machine.
public enum Isomorphism {
    /// True when the two sets of quads are isomorphic.
    public static func areIsomorphic(_ a: [Quad], _ b: [Quad]) -> Bool {
        bijection(a, b) != nil
    }

    /// A bijection from the blank-node labels of `a` to those of `b` under which the two
    /// sets of quads are equal, or `nil` when they are not isomorphic. Inputs without
    /// blank nodes give an empty map when they are equal.
    public static func bijection(_ a: [Quad], _ b: [Quad]) -> [String: String]? {
        bijection(a, emptyGraphsOfA: [], b, emptyGraphsOfB: [])
    }

    /// Deterministic canonical labels (`c0`, `c1`, …) for the blank nodes of `quads`,
    /// keyed by their current labels.
    ///
    /// Labels follow the colours that refinement gives each blank node, which depend only
    /// on the structure of the quads and the text of their IRIs and literals, so
    /// isomorphic inputs receive corresponding labels whenever refinement separates every
    /// blank node, or the nodes it leaves tied are symmetric (interchangeable by an
    /// automorphism, as in a ring or in identical disjoint components). Ties are broken
    /// deterministically: among tied nodes the one with the smallest current label is
    /// individualised first, so the same input always gets the same labels, but for
    /// rare structures with ties that are not symmetries a relabelled input may get a
    /// different (still valid) labelling.
    public static func canonicalLabels(_ quads: [Quad]) -> [String: String] {
        var constants = IsoConstants()
        let side = IsoSide(quads, emptyGraphs: [], constants: &constants)
        var ordered: [(hash: UInt64, least: String, labels: [String])] = []
        for component in side.components() {
            var partition = IsoPartition(component)
            _ = partition.refine(component, expected: nil)
            var labelRank: [Int32] = []
            if !partition.isDiscrete {
                labelRank = [Int32](repeating: 0, count: component.nodeCount)
                let byLabel = (0..<component.nodeCount).sorted { component.labels[$0] < component.labels[$1] }
                for (rank, v) in byLabel.enumerated() { labelRank[v] = Int32(rank) }
            }
            while !partition.isDiscrete {
                let cls = partition.smallestTiedClass()
                var chosen: Int32 = -1
                for v in partition.members(cls) where chosen < 0 || labelRank[Int(v)] < labelRank[Int(chosen)] {
                    chosen = v
                }
                partition.individualise(chosen, component)
                _ = partition.refine(component, expected: nil)
            }
            // Discrete: class ids (assigned in a structure-determined order) rank the nodes.
            var rank = [Int](repeating: 0, count: component.nodeCount)
            var byRank = [String](repeating: "", count: component.nodeCount)
            for v in 0..<component.nodeCount {
                rank[v] = Int(partition.classOf[v])
                byRank[rank[v]] = component.labels[v]
            }
            var hash: UInt64 = 0
            for q in 0..<component.quadCount {
                var h = IsoHash.quadSeed
                for i in 0..<4 {
                    let w = component.slots[4 * q + i]
                    h = IsoHash.combine(h, w >= 0 ? IsoHash.combine(IsoHash.blankTag, UInt64(rank[Int(w)])) : component.slotHash[4 * q + i])
                }
                hash &+= IsoHash.mix(h)
            }
            hash = IsoHash.combine(hash, UInt64(component.nodeCount))
            ordered.append((hash, component.labels.min() ?? "", byRank))
        }
        ordered.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.least < $1.least }
        var result: [String: String] = [:]
        result.reserveCapacity(side.labels.count)
        var next = 0
        for component in ordered {
            for label in component.labels {
                result[label] = "c\(next)"
                next += 1
            }
        }
        return result
    }

    /// The bijection for two datasets, where each side may also hold empty named graphs
    /// (which RDF 1.1 dataset isomorphism counts: a blank name of an empty graph must map
    /// to a blank name of an empty graph).
    static func bijection(_ a: [Quad], emptyGraphsOfA: [Term], _ b: [Quad], emptyGraphsOfB: [Term]) -> [String: String]? {
        var constants = IsoConstants()
        let sideA = IsoSide(a, emptyGraphs: emptyGraphsOfA, constants: &constants)
        let sideB = IsoSide(b, emptyGraphs: emptyGraphsOfB, constants: &constants)
        guard sideA.ground.count == sideB.ground.count,
              sideA.keys.count == sideB.keys.count,
              sideA.labels.count == sideB.labels.count,
              sideA.groundNames == sideB.groundNames,
              sideA.ground == sideB.ground else { return nil }
        if sideA.labels.isEmpty { return [:] }

        let componentsA = sideA.components()
        let componentsB = sideB.components()
        guard componentsA.count == componentsB.count else { return nil }

        // Refine every component on its own; the trace is an isomorphism invariant.
        func refined(_ components: [IsoComponent]) -> [(partition: IsoPartition, invariant: UInt64)] {
            components.map { component in
                var partition = IsoPartition(component)
                let trace = partition.refine(component, expected: nil) ?? []
                var invariant = IsoHash.combine(UInt64(component.nodeCount), UInt64(component.quadCount))
                for t in trace { invariant = IsoHash.combine(invariant, t) }
                return (partition, invariant)
            }
        }
        let refinedA = refined(componentsA)
        let refinedB = refined(componentsB)

        var unmatched: [UInt64: [Int]] = [:]
        for (index, entry) in refinedB.enumerated() { unmatched[entry.invariant, default: []].append(index) }

        // Isomorphism is an equivalence relation, so matching each component of `a` with
        // any isomorphic, still unmatched component of `b` is exact.
        var result: [String: String] = [:]
        result.reserveCapacity(sideA.labels.count)
        for (indexA, entryA) in refinedA.enumerated() {
            guard var candidates = unmatched[entryA.invariant], !candidates.isEmpty else { return nil }
            let componentA = componentsA[indexA]
            var found = false
            for position in candidates.indices.reversed() {
                let indexB = candidates[position]
                let componentB = componentsB[indexB]
                guard let mapping = IsoSearch.match(componentA, entryA.partition, componentB, refinedB[indexB].partition) else { continue }
                for v in 0..<componentA.nodeCount {
                    result[componentA.labels[v]] = componentB.labels[Int(mapping[v])]
                }
                candidates.swapAt(position, candidates.count - 1)
                candidates.removeLast()
                unmatched[entryA.invariant] = candidates
                found = true
                break
            }
            if !found { return nil }
        }
        return result
    }
}
