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

// MARK: - Hashing

/// Deterministic 64-bit hashing (never seeded per process).
enum IsoHash {
    static let quadSeed: UInt64 = 0x51_7C_C1_B7_27_22_0A_95
    static let selfMarker: UInt64 = 0x2F_1E_A5_C3_77_D0_19_4B
    static let blankTag: UInt64 = 0x6A_09_E6_67_F3_BC_C9_08
    static let defaultGraph: UInt64 = 0xBB_67_AE_85_84_CA_A7_3B
    static let emptyGraphMarker: UInt64 = 0x3C_6E_F3_72_FE_94_F8_2B
    static let initialColour: UInt64 = 0xA5_4F_F5_3A_5F_1D_36_F1
    static let unsetSignature: UInt64 = 0x9B_05_68_8C_2B_3E_6C_1F
    static let individualised: UInt64 = 0x1F_83_D9_AB_FB_41_BD_6B

    /// SplitMix64's finaliser.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 30
        x &*= 0xBF58_476D_1CE4_E5B9
        x ^= x >> 27
        x &*= 0x94D0_49BB_1331_11EB
        x ^= x >> 31
        return x
    }

    /// An order-dependent combination of a running hash and a value.
    @inline(__always)
    static func combine(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        mix(hash ^ (value &+ 0x9E37_79B9_7F4A_7C15 &+ (hash << 6) &+ (hash >> 2)))
    }

    /// FNV-1a over the term's text. Fields are separated by 0xFF, a byte UTF-8 never
    /// contains; language tags are folded to lower case, as `Literal`'s `==` does.
    static func hash(_ term: Term) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        func feed(_ byte: UInt8) {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        func feed(_ text: String) { for byte in text.utf8 { feed(byte) } }
        switch term {
        case .iri(let iri):
            feed(0x49)
            feed(iri)
        case .blankNode(let label):
            feed(0x42)
            feed(label)
        case .literal(let literal):
            feed(0x4C)
            feed(literal.lexicalForm)
            feed(0xFF)
            feed(literal.datatype)
            if let language = literal.language {
                feed(0xFF)
                feed(Literal.asciiLowercased(language))
            }
        }
        return mix(h)
    }
}

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

// MARK: - Colour refinement

/// An ordered partition of a component's nodes into colour classes, refined by hashing,
/// with a trail for undoing changes while backtracking.
///
/// Class ids are assigned in an order determined by the structure alone (splits are
/// processed sorted by parent class and signature), so two isomorphic components refined
/// the same way get the same class ids for corresponding nodes.
///
/// Each class occupies a contiguous range of `order` (as the cells of nauty do): a class
/// splits by moving nodes to the end of its range, which then becomes the new class's
/// range. Undoing a split only restores `classOf` and the sizes; the nodes stay permuted
/// within the parent's range, which is all the representation needs.
struct IsoPartition {
    /// The class of each node.
    var classOf: [Int32]
    /// The number of nodes in each class.
    var size: [Int32]
    /// Where each class's range starts in `order` (fixed once the class exists).
    var start: [Int32]
    /// The colour of each class (fixed once the class exists).
    var colour: [UInt64]
    /// The signature all members of each class share (for a class of one, the signature
    /// its node had when the class was formed: singletons are never refined).
    var signature: [UInt64]
    /// The nodes, grouped by class.
    private var order: [Int32]
    /// The index of each node in `order`.
    private var position: [Int32]
    /// An order-independent hash of all classes (colour, size, signature).
    var hash: UInt64
    /// Counts refinement rounds and individualisations; part of new colours.
    var epoch: UInt64 = 0
    /// Nodes whose signature may have changed.
    var dirty: [Int32]

    var recording = false
    private var trail: [Change] = []
    /// A lazy min-heap of `size << 32 | class` for classes of two or more nodes; entries
    /// whose size is out of date are dropped when they reach the top.
    private var tied: [UInt64] = []
    private var stamp: [UInt32]
    private var stampValue: UInt32 = 0
    private var entries: [Entry] = []
    private var changed: [Int32] = []

    private struct Change {
        var kind: UInt8
        var index: Int32
        var old: UInt64
    }

    private struct Entry {
        var cls: Int32
        var signature: UInt64
        var node: Int32
    }

    struct Mark {
        fileprivate var trail: Int
        fileprivate var classes: Int
        fileprivate var hash: UInt64
        fileprivate var epoch: UInt64
    }

    /// One class holding every node, all nodes due for their first signature.
    init(_ component: IsoComponent) {
        let n = component.nodeCount
        classOf = [Int32](repeating: 0, count: n)
        size = [Int32(n)]
        start = [0]
        colour = [IsoHash.initialColour]
        signature = [IsoHash.unsetSignature]
        order = Array(0..<Int32(n))
        position = order
        hash = 0
        dirty = order
        stamp = [UInt32](repeating: 0, count: n)
        hash = contribution(0)
        pushTied(0)
    }

    var isDiscrete: Bool { size.count == classOf.count }

    /// The nodes of class `k`.
    func members(_ k: Int32) -> ArraySlice<Int32> {
        let from = Int(start[Int(k)])
        return order[from..<(from + Int(size[Int(k)]))]
    }

    @inline(__always)
    private func contribution(_ k: Int) -> UInt64 {
        IsoHash.mix(IsoHash.combine(IsoHash.combine(colour[k], UInt64(UInt32(bitPattern: size[k]))), signature[k]))
    }

    private mutating func setClass(_ v: Int32, _ k: Int32) {
        if recording { trail.append(Change(kind: 0, index: v, old: UInt64(UInt32(bitPattern: classOf[Int(v)])))) }
        classOf[Int(v)] = k
    }

    private mutating func setSize(_ k: Int, _ value: Int32) {
        if recording { trail.append(Change(kind: 1, index: Int32(k), old: UInt64(UInt32(bitPattern: size[k])))) }
        size[k] = value
        pushTied(k)
    }

    private mutating func setSignature(_ k: Int, _ value: UInt64) {
        if recording { trail.append(Change(kind: 2, index: Int32(k), old: signature[k])) }
        signature[k] = value
    }

    /// Moves the nodes `entries[from..<to]` (all of class `k`) to the end of `k`'s range
    /// and makes that part of the range a new class with the given colour and signature.
    private mutating func carve(_ k: Int, _ from: Int, _ to: Int, colour newColour: UInt64, signature newSignature: UInt64) -> Int {
        var end = Int(start[k] + size[k])
        for t in from..<to {
            let v = entries[t].node
            end -= 1
            let here = Int(position[Int(v)])
            let other = order[end]
            order[here] = other
            position[Int(other)] = Int32(here)
            order[end] = v
            position[Int(v)] = Int32(end)
        }
        let fresh = size.count
        size.append(Int32(to - from))
        start.append(Int32(end))
        colour.append(newColour)
        signature.append(newSignature)
        for t in from..<to { setClass(entries[t].node, Int32(fresh)) }
        setSize(k, size[k] - Int32(to - from))
        pushTied(fresh)
        return fresh
    }

    func mark() -> Mark { Mark(trail: trail.count, classes: size.count, hash: hash, epoch: epoch) }

    /// Restores the state saved by `mark()` (taken while recording).
    mutating func undo(to mark: Mark) {
        while trail.count > mark.trail {
            let change = trail.removeLast()
            switch change.kind {
            case 0:
                classOf[Int(change.index)] = Int32(bitPattern: UInt32(truncatingIfNeeded: change.old))
            case 1:
                size[Int(change.index)] = Int32(bitPattern: UInt32(truncatingIfNeeded: change.old))
                pushTied(Int(change.index))
            default:
                signature[Int(change.index)] = change.old
            }
        }
        let extra = size.count - mark.classes
        if extra > 0 {
            size.removeLast(extra)
            start.removeLast(extra)
            colour.removeLast(extra)
            signature.removeLast(extra)
        }
        hash = mark.hash
        epoch = mark.epoch
        dirty.removeAll(keepingCapacity: true)
    }

    private mutating func pushTied(_ k: Int) {
        guard size[k] > 1 else { return }
        tied.append(UInt64(UInt32(bitPattern: size[k])) << 32 | UInt64(k))
        var child = tied.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard tied[child] < tied[parent] else { break }
            tied.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popTied() {
        let last = tied.removeLast()
        guard !tied.isEmpty else { return }
        tied[0] = last
        var parent = 0
        while true {
            var smallest = parent
            let left = 2 * parent + 1
            let right = left + 1
            if left < tied.count && tied[left] < tied[smallest] { smallest = left }
            if right < tied.count && tied[right] < tied[smallest] { smallest = right }
            if smallest == parent { break }
            tied.swapAt(parent, smallest)
            parent = smallest
        }
    }

    /// The smallest class with more than one node (the lowest id among equals), or -1.
    mutating func smallestTiedClass() -> Int32 {
        while let top = tied.first {
            let k = Int(top & 0xFFFF_FFFF)
            if k < size.count && UInt64(UInt32(bitPattern: size[k])) == top >> 32 { return Int32(k) }
            popTied()
        }
        return -1
    }

    /// The sum of the hashes of the node's quads, seen from the node: itself as a marker,
    /// other blank nodes as their class colours, constants as their hashes.
    @inline(__always)
    private func signature(of v: Int32, _ component: IsoComponent) -> UInt64 {
        var total: UInt64 = 0
        var index = component.incidenceStart[Int(v)]
        let end = component.incidenceStart[Int(v) + 1]
        while index < end {
            let base = Int(component.incidence[index]) * 4
            var h = IsoHash.quadSeed
            for i in base..<(base + 4) {
                let w = component.slots[i]
                let x: UInt64
                if w < 0 {
                    x = component.slotHash[i]
                } else if w == v {
                    x = IsoHash.selfMarker
                } else {
                    x = colour[Int(classOf[Int(w)])]
                }
                h = IsoHash.combine(h, x)
            }
            total &+= IsoHash.mix(h)
            index += 1
        }
        return total
    }

    /// Moves `v` into a class of its own and marks its neighbours dirty.
    mutating func individualise(_ v: Int32, _ component: IsoComponent) {
        let k = Int(classOf[Int(v)])
        hash &-= contribution(k)
        entries.removeAll(keepingCapacity: true)
        entries.append(Entry(cls: Int32(k), signature: signature[k], node: v))
        let fresh = carve(k, 0, 1, colour: IsoHash.combine(IsoHash.combine(colour[k], IsoHash.individualised), epoch),
                          signature: signature[k])
        hash &+= contribution(k) &+ contribution(fresh)
        epoch &+= 1
        changed.removeAll(keepingCapacity: true)
        changed.append(v)
        markNeighboursOfChanged(component)
    }

    private mutating func markNeighboursOfChanged(_ component: IsoComponent) {
        stampValue &+= 1
        if stampValue == 0 {
            for i in stamp.indices { stamp[i] = 0 }
            stampValue = 1
        }
        for v in changed {
            var index = component.incidenceStart[Int(v)]
            let end = component.incidenceStart[Int(v) + 1]
            while index < end {
                let base = Int(component.incidence[index]) * 4
                for i in base..<(base + 4) {
                    let w = component.slots[i]
                    // A class of one cannot split, so its node needs no new signature.
                    if w >= 0 && w != v && stamp[Int(w)] != stampValue && size[Int(classOf[Int(w)])] > 1 {
                        stamp[Int(w)] = stampValue
                        dirty.append(w)
                    }
                }
                index += 1
            }
        }
    }

    /// Refines until stable. Returns the trace (one hash per round), or `nil` as soon as
    /// it departs from `expected`.
    mutating func refine(_ component: IsoComponent, expected: [UInt64]?) -> [UInt64]? {
        var trace: [UInt64] = []
        func record(_ value: UInt64) -> Bool {
            if let expected {
                guard trace.count < expected.count, expected[trace.count] == value else { return false }
            }
            trace.append(value)
            return true
        }
        guard record(IsoHash.combine(hash, UInt64(size.count))) else { return nil }
        while !dirty.isEmpty {
            entries.removeAll(keepingCapacity: true)
            for v in dirty {
                let s = signature(of: v, component)
                let k = classOf[Int(v)]
                if s != signature[Int(k)] { entries.append(Entry(cls: k, signature: s, node: v)) }
            }
            dirty.removeAll(keepingCapacity: true)
            entries.sort { $0.cls != $1.cls ? $0.cls < $1.cls : $0.signature < $1.signature }
            changed.removeAll(keepingCapacity: true)
            split()
            epoch &+= 1
            guard record(IsoHash.combine(IsoHash.combine(hash, UInt64(size.count)), UInt64(changed.count))) else {
                dirty.removeAll(keepingCapacity: true)
                return nil
            }
            markNeighboursOfChanged(component)
        }
        if let expected, trace.count != expected.count { return nil }
        return trace
    }

    /// Applies one round of splits from the sorted entries (nodes whose new signature
    /// differs from their class's). Within a class, nodes keeping the old signature keep
    /// the class; if there are none, the largest group (lowest signature among equals)
    /// keeps it. Every other group becomes a new class with a new colour.
    private mutating func split() {
        let total = entries.count
        var i = 0
        while i < total {
            let k = Int(entries[i].cls)
            var j = i
            while j < total && Int(entries[j].cls) == k { j += 1 }
            var keeper = -1
            if Int(size[k]) == j - i {
                var bestLength = 0
                var s = i
                while s < j {
                    var e = s
                    while e < j && entries[e].signature == entries[s].signature { e += 1 }
                    if e - s > bestLength {
                        keeper = s
                        bestLength = e - s
                    }
                    s = e
                }
            }
            hash &-= contribution(k)
            var s = i
            while s < j {
                let g = entries[s].signature
                var e = s
                while e < j && entries[e].signature == g { e += 1 }
                if s == keeper {
                    setSignature(k, g)
                } else {
                    let fresh = carve(k, s, e, colour: IsoHash.combine(IsoHash.combine(colour[k], g), epoch), signature: g)
                    for t in s..<e { changed.append(entries[t].node) }
                    hash &+= contribution(fresh)
                }
                s = e
            }
            hash &+= contribution(k)
            i = j
        }
    }
}

// MARK: - Search

/// Individualisation–refinement search for an isomorphism between two components.
enum IsoSearch {
    private struct Frame {
        var cls: Int32
        var candidates: [Int32]
        var next = 0
        var markA: IsoPartition.Mark
        var markB: IsoPartition.Mark? = nil
        var trace: [UInt64]
    }

    /// A mapping from the nodes of `a` to those of `b` (by local index), given both
    /// components already refined, or `nil` when they are not isomorphic.
    static func match(_ a: IsoComponent, _ refinedA: IsoPartition,
                      _ b: IsoComponent, _ refinedB: IsoPartition) -> [Int32]? {
        guard a.nodeCount == b.nodeCount, a.quadCount == b.quadCount,
              refinedA.size.count == refinedB.size.count else { return nil }
        var pa = refinedA
        var pb = refinedB
        pa.recording = true
        pb.recording = true
        var stack: [Frame] = []
        var descending = true
        while true {
            if descending {
                if pa.isDiscrete {
                    if let mapping = leaf(a, pa, b, pb) { return mapping }
                } else {
                    let cls = pa.smallestTiedClass()
                    let x = pa.members(cls).first ?? 0
                    var candidates: [Int32] = []
                    if Int(cls) < pb.size.count, pb.size[Int(cls)] == pa.size[Int(cls)],
                       pb.colour[Int(cls)] == pa.colour[Int(cls)] {
                        candidates = Array(pb.members(cls))
                    }
                    let markA = pa.mark()
                    pa.individualise(x, a)
                    let trace = pa.refine(a, expected: nil) ?? []
                    stack.append(Frame(cls: cls, candidates: candidates, markA: markA, trace: trace))
                }
            }
            // Try the next candidate of the innermost choice, or give that choice up.
            guard var top = stack.popLast() else { return nil }
            if let markB = top.markB {
                pb.undo(to: markB)
                top.markB = nil
            }
            var advanced = false
            while top.next < top.candidates.count {
                let y = top.candidates[top.next]
                top.next += 1
                let markB = pb.mark()
                pb.individualise(y, b)
                if pb.refine(b, expected: top.trace) != nil {
                    top.markB = markB
                    advanced = true
                    break
                }
                pb.undo(to: markB)
            }
            if advanced {
                stack.append(top)
                descending = true
            } else {
                pa.undo(to: top.markA)
                descending = false
            }
        }
    }

    /// At a discrete partition class ids pair the nodes; the pairing is kept only if it
    /// maps every quad of `a` onto a quad of `b`.
    private static func leaf(_ a: IsoComponent, _ pa: IsoPartition, _ b: IsoComponent, _ pb: IsoPartition) -> [Int32]? {
        guard pb.isDiscrete else { return nil }
        var nodeOfClassB = [Int32](repeating: 0, count: b.nodeCount)
        for v in 0..<b.nodeCount { nodeOfClassB[Int(pb.classOf[v])] = Int32(v) }
        var mapping = [Int32](repeating: 0, count: a.nodeCount)
        for v in 0..<a.nodeCount { mapping[v] = nodeOfClassB[Int(pa.classOf[v])] }
        for q in 0..<a.quadCount {
            var key = SIMD4<Int32>(0, 0, 0, 0)
            for i in 0..<4 {
                let w = a.slots[4 * q + i]
                key[i] = w >= 0 ? mapping[Int(w)] : w
            }
            guard b.keys.contains(key) else { return nil }
        }
        return mapping
    }
}
