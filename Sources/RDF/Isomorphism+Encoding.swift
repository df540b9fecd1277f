// Quads encoded as integer node ids per side, split into blank-node components.

// MARK: - Encoding

/// IRIs and literals interned to exact ids shared by both sides of a comparison, with
/// their deterministic hashes.
struct IsoConstants {
    private var ids: [Term: Int32] = [:]
    private(set) var hashes: [UInt64] = []

    /// Slot code of the default graph.
    static let defaultGraphCode: Int32 = -1
    /// Slot code of the marker recording an empty named graph.
    static let emptyGraphCode: Int32 = -2

    /// The (negative) slot code and hash of a constant term.
    mutating func code(_ term: Term) -> (code: Int32, hash: UInt64) {
        if let id = ids[term] { return (-(id + 3), hashes[Int(id)]) }
        let id = Int32(hashes.count)
        ids[term] = id
        let hash = IsoHash.hash(term)
        hashes.append(hash)
        return (-(id + 3), hash)
    }
}

/// One side of a comparison: ground quads as a set, and the quads with blank nodes encoded
/// as four slots each (a blank-node index ≥ 0, or a negative constant code).
struct IsoSide {
    var ground: Set<Quad> = []
    /// IRI (or literal) names of empty named graphs.
    var groundNames: Set<Term> = []
    /// Blank-node labels by index.
    var labels: [String] = []
    var slots: [Int32] = []
    var slotHashes: [UInt64] = []
    /// The encoded quads with blank nodes, for removing duplicates.
    var keys: Set<SIMD4<Int32>> = []

    init(_ quads: [Quad], emptyGraphs: [Term], constants: inout IsoConstants) {
        var index: [String: Int32] = [:]
        func encode(_ term: Term) -> (Int32, UInt64) {
            if case .blankNode(let label) = term {
                if let i = index[label] { return (i, 0) }
                let i = Int32(labels.count)
                index[label] = i
                labels.append(label)
                return (i, 0)
            }
            return constants.code(term)
        }
        func append(_ s: (Int32, UInt64), _ p: (Int32, UInt64), _ o: (Int32, UInt64), _ g: (Int32, UInt64)) {
            guard keys.insert(SIMD4(s.0, p.0, o.0, g.0)).inserted else { return }
            slots += [s.0, p.0, o.0, g.0]
            slotHashes += [s.1, p.1, o.1, g.1]
        }
        for quad in quads {
            guard quad.subject.isBlankNode || quad.predicate.isBlankNode || quad.object.isBlankNode
                    || quad.graph?.isBlankNode == true else {
                ground.insert(quad)
                continue
            }
            let g = quad.graph.map { encode($0) } ?? (IsoConstants.defaultGraphCode, IsoHash.defaultGraph)
            append(encode(quad.subject), encode(quad.predicate), encode(quad.object), g)
        }
        let marker = (IsoConstants.emptyGraphCode, IsoHash.emptyGraphMarker)
        for name in emptyGraphs {
            if name.isBlankNode {
                append(encode(name), marker, marker, marker)
            } else {
                groundNames.insert(name)
            }
        }
    }

    /// The connected components of blank nodes (two blank nodes in one quad are
    /// connected), each with its own dense node numbering.
    func components() -> [IsoComponent] {
        let n = labels.count
        var parent = [Int32](0..<Int32(n))
        func find(_ x: Int32) -> Int32 {
            var root = x
            while parent[Int(root)] != root { root = parent[Int(root)] }
            var y = x
            while parent[Int(y)] != root {
                let next = parent[Int(y)]
                parent[Int(y)] = root
                y = next
            }
            return root
        }
        let quadCount = slots.count / 4
        for q in 0..<quadCount {
            var first: Int32 = -1
            for i in 0..<4 {
                let w = slots[4 * q + i]
                guard w >= 0 else { continue }
                if first < 0 { first = find(w); continue }
                let r = find(w)
                if r != first { parent[Int(r)] = first }
            }
        }
        var componentOf = [Int32](repeating: -1, count: n)
        var local = [Int32](repeating: 0, count: n)
        var nodes: [[Int32]] = []
        for v in 0..<n {
            let r = Int(find(Int32(v)))
            if componentOf[r] < 0 {
                componentOf[r] = Int32(nodes.count)
                nodes.append([])
            }
            let c = Int(componentOf[r])
            local[v] = Int32(nodes[c].count)
            nodes[c].append(Int32(v))
        }
        var quadsOf = [[Int32]](repeating: [], count: nodes.count)
        for q in 0..<quadCount {
            for i in 0..<4 where slots[4 * q + i] >= 0 {
                quadsOf[Int(componentOf[Int(find(slots[4 * q + i]))])].append(Int32(q))
                break
            }
        }
        var result: [IsoComponent] = []
        result.reserveCapacity(nodes.count)
        for c in 0..<nodes.count {
            let members = nodes[c]
            var componentSlots: [Int32] = []
            var componentHashes: [UInt64] = []
            componentSlots.reserveCapacity(quadsOf[c].count * 4)
            componentHashes.reserveCapacity(quadsOf[c].count * 4)
            for q in quadsOf[c] {
                for i in 0..<4 {
                    let w = slots[4 * Int(q) + i]
                    componentSlots.append(w >= 0 ? local[Int(w)] : w)
                    componentHashes.append(slotHashes[4 * Int(q) + i])
                }
            }
            result.append(IsoComponent(labels: members.map { labels[Int($0)] },
                                       slots: componentSlots, slotHashes: componentHashes))
        }
        return result
    }
}

/// A connected component of blank nodes with the quads that mention them.
struct IsoComponent {
    /// Original labels by local node index.
    let labels: [String]
    /// Four slots per quad: a local node index ≥ 0, or a negative constant code.
    let slots: [Int32]
    /// Four per quad: the constant's hash, 0 for blank nodes.
    let slotHash: [UInt64]
    /// Incidence lists (compressed rows): the quads of node `v` are
    /// `incidence[incidenceStart[v] ..< incidenceStart[v + 1]]`, each listed once.
    let incidenceStart: [Int]
    let incidence: [Int32]
    /// The encoded quads, for verifying a candidate bijection.
    let keys: Set<SIMD4<Int32>>

    var nodeCount: Int { labels.count }
    var quadCount: Int { slots.count / 4 }

    init(labels: [String], slots: [Int32], slotHashes: [UInt64]) {
        self.labels = labels
        self.slots = slots
        self.slotHash = slotHashes
        let n = labels.count
        let quadCount = slots.count / 4
        var counts = [Int](repeating: 0, count: n + 1)
        func forEachDistinctNode(_ q: Int, _ body: (Int) -> Void) {
            for i in 0..<4 {
                let w = slots[4 * q + i]
                guard w >= 0 else { continue }
                var seen = false
                for j in 0..<i where slots[4 * q + j] == w { seen = true }
                if !seen { body(Int(w)) }
            }
        }
        for q in 0..<quadCount { forEachDistinctNode(q) { counts[$0 + 1] += 1 } }
        for v in 0..<n { counts[v + 1] += counts[v] }
        var fill = counts
        var incidence = [Int32](repeating: 0, count: counts[n])
        for q in 0..<quadCount {
            forEachDistinctNode(q) { v in
                incidence[fill[v]] = Int32(q)
                fill[v] += 1
            }
        }
        self.incidenceStart = counts
        self.incidence = incidence
        var keys = Set<SIMD4<Int32>>(minimumCapacity: quadCount)
        for q in 0..<quadCount {
            keys.insert(SIMD4(slots[4 * q], slots[4 * q + 1], slots[4 * q + 2], slots[4 * q + 3]))
        }
        self.keys = keys
    }
}
