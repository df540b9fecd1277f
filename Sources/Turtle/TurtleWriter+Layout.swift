import RDF

/// The shape of a pretty document, worked out from the whole dataset before anything is
/// written: the order of graphs, subjects, predicates and objects, which blank nodes are
/// written in place (`[ … ]`, `( … )`) and which need a label.
struct TurtleLayout {
    /// Every term, by id.
    let terms: [Term]
    /// Sort position of every term (see `TurtleOrder.ranks`).
    let rank: [Int32]
    /// The statements by graph, then subject, predicate (`rdf:type` first) and object.
    let sorted: [TurtleStatement]
    /// For each graph, where each subject's statements lie in `sorted`.
    let ranges: [Int32: [Int32: Range<Int>]]
    /// The graphs in writing order: the default graph first, then named graphs sorted.
    let graphs: [Int32]
    /// For each graph, the subjects written as statements of their own, in order.
    let topLevel: [Int32: [Int32]]
    /// Blank nodes written in place where they are the object, indexed by term id.
    let inline: [Bool]
    /// In-place blank nodes that head a well-formed list, written `( … )`.
    let isList: [Bool]
    /// Blank nodes that are nobody's object and so are written `[]` as subjects.
    let anonymous: [Bool]
    let typeID: Int32?
    let firstID: Int32?
    let restID: Int32?
    let nilID: Int32?

    init(terms: [Term], statements: [TurtleStatement]) {
        self.terms = terms
        let rank = TurtleOrder.ranks(of: terms, statements: statements)
        self.rank = rank
        func find(_ iri: String) -> Int32? {
            terms.firstIndex(of: .iri(iri)).map { Int32($0) }
        }
        let typeID = find(RDFVocabulary.type)
        self.typeID = typeID
        firstID = find(RDFVocabulary.first)
        restID = find(RDFVocabulary.rest)
        nilID = find(RDFVocabulary.nil)

        // Sort: graph, subject, predicate with rdf:type first, object (types by group).
        var typeGroup: [Int32: Int] = [:]
        if let typeID {
            for st in statements where st.p == typeID && typeGroup[st.o] == nil {
                typeGroup[st.o] = TurtleOrder.group(ofType: terms[Int(st.o)])
            }
        }
        // Keys packed into integers once, rather than worked out in every comparison.
        var keyed = statements.map { st -> (UInt64, UInt64, Int32, TurtleStatement) in
            let isType = st.p == typeID
            let graph = st.g < 0 ? 0 : UInt64(rank[Int(st.g)]) + 1
            let predicate = isType ? 0 : UInt64(rank[Int(st.p)]) + 1
            let group = isType ? UInt64(typeGroup[st.o] ?? 0) : 0
            return (graph << 32 | UInt64(rank[Int(st.s)]), predicate << 32 | group, rank[Int(st.o)], st)
        }
        keyed.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        let sorted = keyed.map(\.3)
        keyed = []
        self.sorted = sorted

        var ranges: [Int32: [Int32: Range<Int>]] = [:]
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && sorted[end].s == sorted[start].s && sorted[end].g == sorted[start].g { end += 1 }
            ranges[sorted[start].g, default: [:]][sorted[start].s] = start..<end
            start = end
        }
        self.ranges = ranges
        graphs = ranges.keys.sorted { ($0 < 0 ? -1 : rank[Int($0)]) < ($1 < 0 ? -1 : rank[Int($1)]) }

        // How each blank node is used, across the whole dataset (labels are document-wide).
        let n = terms.count
        var objectRefs = [UInt8](repeating: 0, count: n)
        var refGraph = [Int32](repeating: 0, count: n)
        var subjectGraph = [Int32](repeating: Self.noGraph, count: n)
        var graphName = [Bool](repeating: false, count: n)
        for st in sorted {
            if terms[Int(st.o)].isBlankNode {
                objectRefs[Int(st.o)] = min(objectRefs[Int(st.o)] + 1, 2)
                refGraph[Int(st.o)] = st.g
            }
            let s = Int(st.s)
            if subjectGraph[s] == Self.noGraph { subjectGraph[s] = st.g } else if subjectGraph[s] != st.g { subjectGraph[s] = Self.severalGraphs }
            if st.g >= 0 { graphName[Int(st.g)] = true }
        }
        var inline = [Bool](repeating: false, count: n)
        var anonymous = [Bool](repeating: false, count: n)
        for id in 0..<n where terms[id].isBlankNode && !graphName[id] {
            if objectRefs[id] == 1 && (subjectGraph[id] == Self.noGraph || subjectGraph[id] == refGraph[id]) {
                inline[id] = true
            } else if objectRefs[id] == 0 && subjectGraph[id] != Self.severalGraphs {
                anonymous[id] = true
            }
        }
        Self.breakCycles(&inline, sorted: sorted, ranges: ranges, refGraph: refGraph, rank: rank)
        let isList = Self.lists(inline: inline, sorted: sorted, ranges: ranges, refGraph: refGraph,
                                first: firstID, rest: restID, nil: nilID)
        Self.limitDepth(&inline, isList: isList, sorted: sorted, ranges: ranges, rest: restID)
        self.inline = inline
        self.anonymous = anonymous
        self.isList = isList

        var topLevel: [Int32: [Int32]] = [:]
        for (g, subjects) in ranges {
            let keyed = subjects.compactMap { s, range -> ((Int, Int, Int32, Int32), Int32)? in
                if inline[Int(s)] { return nil }
                var group = TurtleOrder.untyped
                var typeRank: Int32 = 0
                if sorted[range.lowerBound].p == typeID {
                    let type = sorted[range.lowerBound].o
                    group = typeGroup[type] ?? TurtleOrder.otherType
                    if group == TurtleOrder.otherType { typeRank = rank[Int(type)] }
                }
                return ((terms[Int(s)].isBlankNode ? 1 : 0, group, typeRank, rank[Int(s)]), s)
            }
            topLevel[g] = keyed.sorted { $0.0 < $1.0 }.map(\.1)
        }
        self.topLevel = topLevel
    }

    private static let noGraph: Int32 = -2
    private static let severalGraphs: Int32 = -3

    /// The statements of `subject` in `graph`, sorted.
    func statements(of subject: Int32, in graph: Int32) -> ArraySlice<TurtleStatement> {
        guard let range = ranges[graph]?[subject] else { return [] }
        return sorted[range]
    }

    /// In-place blank nodes that only reach each other in a cycle (`_:a :p _:b . _:b :p
    /// _:a .`) would never be written: the first of them (by rank) becomes a labelled
    /// subject, repeatedly, until every in-place node hangs from a written subject.
    private static func breakCycles(_ inline: inout [Bool], sorted: [TurtleStatement],
                                    ranges: [Int32: [Int32: Range<Int>]], refGraph: [Int32], rank: [Int32]) {
        var reached = [Bool](repeating: false, count: inline.count)
        var stack: [(node: Int32, graph: Int32)] = []
        func walk(from root: Int32, in graph: Int32) {
            stack.append((root, graph))
            while let (node, g) = stack.popLast() {
                for st in sorted[ranges[g]?[node] ?? 0..<0] where inline[Int(st.o)] && !reached[Int(st.o)] {
                    reached[Int(st.o)] = true
                    stack.append((st.o, g))
                }
            }
        }
        var candidates: [Int32] = []
        for (g, subjects) in ranges {
            for s in subjects.keys {
                if inline[Int(s)] { candidates.append(s) } else { walk(from: s, in: g) }
            }
        }
        candidates.sort { rank[Int($0)] < rank[Int($1)] }
        for node in candidates where !reached[Int(node)] {
            inline[Int(node)] = false
            reached[Int(node)] = true
            walk(from: node, in: refGraph[Int(node)])
        }
    }

    /// The deepest nesting of `[ … ]` written; a blank node deeper than this gets a label
    /// and becomes a subject of its own, so a long chain cannot make lines run off to
    /// the right (or the writer recurse without bound). The nodes of a list do not nest.
    static let maxNestingDepth = 32

    private static func limitDepth(_ inline: inout [Bool], isList: [Bool], sorted: [TurtleStatement],
                                   ranges: [Int32: [Int32: Range<Int>]], rest: Int32?) {
        var stack: [(node: Int32, graph: Int32, depth: Int)] = []
        for (g, subjects) in ranges {
            for s in subjects.keys where !inline[Int(s)] { stack.append((s, g, 0)) }
        }
        // Each in-place node has one parent, so its depth does not depend on the walk order.
        while let (node, g, depth) = stack.popLast() {
            for st in sorted[ranges[g]?[node] ?? 0..<0] where inline[Int(st.o)] {
                let d = isList[Int(node)] && st.p == rest ? depth : depth + 1
                if d > maxNestingDepth {
                    inline[Int(st.o)] = false
                    stack.append((st.o, g, 0))
                } else {
                    stack.append((st.o, g, d))
                }
            }
        }
    }

    /// Marks the in-place blank nodes that head a well-formed list: each node of the list
    /// has exactly one `rdf:first` and one `rdf:rest` and nothing else, every node after
    /// the head is in place too (so its only reference is the previous `rdf:rest`), and
    /// the last `rdf:rest` is `rdf:nil`.
    private static func lists(inline: [Bool], sorted: [TurtleStatement], ranges: [Int32: [Int32: Range<Int>]],
                              refGraph: [Int32], first: Int32?, rest: Int32?, nil nilID: Int32?) -> [Bool] {
        var result = [Bool](repeating: false, count: inline.count)
        guard let first, let rest, let nilID else { return result }
        // 0 unknown, 1 list, 2 not a list, 3 on the chain being walked.
        var state = [UInt8](repeating: 0, count: inline.count)
        var chain: [Int32] = []
        for start in inline.indices where inline[start] && state[start] == 0 {
            chain.removeAll(keepingCapacity: true)
            var node = Int32(start)
            var isList = false
            while true {
                if state[Int(node)] == 1 { isList = true; break }
                if state[Int(node)] != 0 { break }
                state[Int(node)] = 3
                chain.append(node)
                guard let range = ranges[refGraph[Int(node)]]?[node], range.count == 2 else { break }
                let a = sorted[range.lowerBound], b = sorted[range.lowerBound + 1]
                let next: Int32
                if a.p == first && b.p == rest { next = b.o } else if a.p == rest && b.p == first { next = a.o } else { break }
                if next == nilID { isList = true; break }
                guard inline[Int(next)] else { break }
                node = next
            }
            for node in chain { state[Int(node)] = isList ? 1 : 2 }
        }
        for id in state.indices where state[id] == 1 { result[id] = true }
        return result
    }
}
