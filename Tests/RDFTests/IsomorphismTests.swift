import Testing
@testable import RDF

/// A small deterministic generator (SplitMix64), so relabellings are reproducible.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private let p = Term.iri("http://example.org/p")
private let q = Term.iri("http://example.org/q")
private let x = Term.iri("http://example.org/x")

private func b(_ label: String) -> Term { .blankNode(label) }

/// Renames every blank node through `rename`.
private func relabel(_ quads: [Quad], _ rename: (String) -> String) -> [Quad] {
    func term(_ t: Term) -> Term {
        if case .blankNode(let label) = t { return .blankNode(rename(label)) }
        return t
    }
    return quads.map { Quad(term($0.subject), term($0.predicate), term($0.object), graph: $0.graph.map(term)) }
}

/// Renames blank nodes to random fresh labels and shuffles the quads.
private func scramble(_ quads: [Quad], seed: UInt64) -> [Quad] {
    var generator = SeededGenerator(state: seed)
    var labels: Set<String> = []
    for quad in quads {
        for t in [quad.subject, quad.predicate, quad.object] + (quad.graph.map { [$0] } ?? []) {
            if case .blankNode(let label) = t { labels.insert(label) }
        }
    }
    let sorted = labels.sorted()
    let fresh = (0..<sorted.count).map { "r\($0)" }.shuffled(using: &generator)
    let mapping = Dictionary(uniqueKeysWithValues: zip(sorted, fresh))
    return relabel(quads, { mapping[$0]! }).shuffled(using: &generator)
}

/// Checks that `mapping` really carries `a` onto `b`.
private func carries(_ mapping: [String: String], _ a: [Quad], _ b: [Quad]) -> Bool {
    guard Set(mapping.values).count == mapping.count else { return false }
    return Set(relabel(a, { mapping[$0] ?? "unmapped" })) == Set(b)
}

private func chain(_ n: Int, prefix: String = "n") -> [Quad] {
    (0..<(n - 1)).map { Quad(b("\(prefix)\($0)"), p, b("\(prefix)\($0 + 1)")) }
}

private func ring(_ n: Int, prefix: String = "n") -> [Quad] {
    (0..<n).map { Quad(b("\(prefix)\($0)"), p, b("\(prefix)\(($0 + 1) % n)")) }
}

/// A complete graph on `n` blank nodes, with an edge each way between every two nodes.
private func complete(_ n: Int) -> [Quad] {
    var quads: [Quad] = []
    for i in 0..<n { for j in 0..<n where i != j { quads.append(Quad(b("k\(i)"), p, b("k\(j)"))) } }
    return quads
}

@Suite struct IsomorphismTests {
    @Test func groundGraphsCompareAsSets() {
        let a = [Quad(x, p, .string("a")), Quad(x, q, x)]
        #expect(Isomorphism.bijection(a, a.reversed()) == [:])
        #expect(!Isomorphism.areIsomorphic(a, [Quad(x, p, .string("a")), Quad(x, q, .string("x"))]))
        #expect(!Isomorphism.areIsomorphic(a, [Quad(x, p, .string("a"))]))
        #expect(Isomorphism.areIsomorphic([], []))
    }

    @Test func relabelledGraphIsIsomorphic() throws {
        let a = [
            Quad(b("a"), p, b("b")), Quad(b("b"), p, b("c")), Quad(b("a"), q, .string("lit")),
            Quad(x, p, b("a")), Quad(b("c"), q, .langString("hei", language: "nb")),
        ]
        let other = relabel(a, { "z" + $0 })
        let mapping = try #require(Isomorphism.bijection(a, other.reversed()))
        #expect(mapping == ["a": "za", "b": "zb", "c": "zc"])
        #expect(carries(mapping, a, other))
    }

    @Test func oneDifferentTripleIsNotIsomorphic() {
        let a = [Quad(b("a"), p, b("b")), Quad(b("b"), p, b("c")), Quad(b("c"), q, .string("v"))]
        let other = [Quad(b("a"), p, b("b")), Quad(b("b"), p, b("c")), Quad(b("c"), q, .string("w"))]
        #expect(!Isomorphism.areIsomorphic(a, other))
        let reversedEdge = [Quad(b("a"), p, b("b")), Quad(b("c"), p, b("b")), Quad(b("c"), q, .string("v"))]
        #expect(!Isomorphism.areIsomorphic(a, reversedEdge))
    }

    @Test func differentCountsAreNotIsomorphic() {
        let a = [Quad(b("a"), p, x), Quad(b("b"), p, x)]
        #expect(!Isomorphism.areIsomorphic(a, [Quad(b("a"), p, x)]))
        // Same number of triples, different number of blank nodes.
        #expect(!Isomorphism.areIsomorphic(a, [Quad(b("a"), p, x), Quad(b("a"), q, x)]))
    }

    @Test func duplicatesAreIgnored() {
        let a = [Quad(b("a"), p, x), Quad(b("a"), p, x), Quad(x, p, x)]
        let other = [Quad(b("z"), p, x), Quad(x, p, x), Quad(x, p, x)]
        #expect(Isomorphism.bijection(a, other) == ["a": "z"])
    }

    @Test func languageTagsCompareCaseInsensitively() {
        let a = [Quad(b("a"), p, .langString("colour", language: "en")), Quad(x, p, .langString("x", language: "en-GB"))]
        let other = [Quad(b("z"), p, .langString("colour", language: "EN")), Quad(x, p, .langString("x", language: "en-gb"))]
        #expect(Isomorphism.areIsomorphic(a, other))
        let differentText = [Quad(b("z"), p, .langString("Colour", language: "en")), Quad(x, p, .langString("x", language: "en-gb"))]
        #expect(!Isomorphism.areIsomorphic(a, differentText))
        // Canonical labels do not depend on the case of language tags either.
        #expect(Isomorphism.canonicalLabels(a)["a"] == Isomorphism.canonicalLabels(other)["z"])
    }

    @Test func blankGraphNamesMapWithTheBijection() throws {
        let a = [
            Quad(b("s"), p, x, graph: b("g")),
            Quad(b("g"), q, .string("about g")),
            Quad(b("s"), p, b("t"), graph: b("h")),
            Quad(x, p, b("t"), graph: b("g")),
        ]
        let other = relabel(a, { ["s": "1", "t": "2", "g": "3", "h": "4"][$0]! })
        let mapping = try #require(Isomorphism.bijection(a, other.shuffled()))
        #expect(mapping == ["s": "1", "t": "2", "g": "3", "h": "4"])
        // Swapping which graph holds which triples is a different dataset.
        let swapped = [
            Quad(b("s"), p, x, graph: b("h")),
            Quad(b("g"), q, .string("about g")),
            Quad(b("s"), p, b("t"), graph: b("g")),
            Quad(x, p, b("t"), graph: b("h")),
        ]
        #expect(!Isomorphism.areIsomorphic(a, swapped))
        // A blank graph name is not interchangeable with an IRI graph name.
        let named = a.map { Quad($0.subject, $0.predicate, $0.object, graph: $0.graph == b("h") ? x : $0.graph) }
        #expect(!Isomorphism.areIsomorphic(a, named))
        // A default-graph triple is not a named-graph triple.
        #expect(!Isomorphism.areIsomorphic([Quad(b("a"), p, x)], [Quad(b("a"), p, x, graph: b("g"))]))
    }

    @Test func chainOf2000RelabelledIsIsomorphic() throws {
        let a = chain(2000)
        let other = scramble(a, seed: 1)
        let mapping = try #require(Isomorphism.bijection(a, other))
        #expect(mapping.count == 2000)
        #expect(carries(mapping, a, other))
        #expect(!Isomorphism.areIsomorphic(a, chain(1999) + [Quad(b("n0"), p, b("extra"))]))
    }

    @Test func ringOf1000RelabelledIsIsomorphic() throws {
        let a = ring(1000)
        let other = scramble(a, seed: 2)
        let mapping = try #require(Isomorphism.bijection(a, other))
        #expect(carries(mapping, a, other))
        #expect(!Isomorphism.areIsomorphic(a, chain(1000) + [Quad(b("n999"), p, b("n999"))]))
    }

    @Test func undirectedRingNeedsNestedChoices() throws {
        // Edges both ways: after one choice, the two directions around the ring stay tied.
        let a = ring(1000) + relabel(ring(1000), { $0 }).map { Quad($0.object, p, $0.subject) }
        let other = scramble(a, seed: 3)
        let mapping = try #require(Isomorphism.bijection(a, other))
        #expect(carries(mapping, a, other))
    }

    @Test func twoRingsAreNotOneRing() {
        let two = ring(500, prefix: "a") + ring(500, prefix: "b")
        let one = ring(1000)
        #expect(!Isomorphism.areIsomorphic(two, one))
        #expect(!Isomorphism.areIsomorphic(one, two))
        #expect(Isomorphism.areIsomorphic(two, scramble(two, seed: 4)))
    }

    @Test func twoRingsAreNotOneRingWhenConnected() {
        // A hub joined to every ring node makes one component in which every ring node
        // looks alike to refinement; only the search can tell the sides apart.
        func hub(_ quads: [Quad]) -> [Quad] {
            var nodes: Set<Term> = []
            for quad in quads { nodes.insert(quad.subject) }
            return quads + nodes.map { Quad(b("hub"), q, $0) }
        }
        let two = hub(ring(200, prefix: "a") + ring(200, prefix: "b"))
        let one = hub(ring(400))
        #expect(!Isomorphism.areIsomorphic(two, one))
        #expect(Isomorphism.areIsomorphic(one, scramble(one, seed: 5)))
        #expect(Isomorphism.areIsomorphic(two, scramble(two, seed: 6)))
    }

    @Test func identicalDisjointComponents() throws {
        var a: [Quad] = []
        for i in 0..<300 {
            a += [Quad(b("s\(i)"), p, b("o\(i)")), Quad(b("o\(i)"), q, x)]
        }
        a += [Quad(b("odd"), p, .string("one of a kind"))]
        let other = scramble(a, seed: 7)
        let mapping = try #require(Isomorphism.bijection(a, other))
        #expect(carries(mapping, a, other))
        var fewer = a
        fewer.removeLast()
        fewer.append(Quad(b("odd"), p, x))
        #expect(!Isomorphism.areIsomorphic(a, fewer))
    }

    @Test func completeGraphOfEight() throws {
        let k8 = complete(8)
        let other = scramble(k8, seed: 8)
        let mapping = try #require(Isomorphism.bijection(k8, other))
        #expect(carries(mapping, k8, other))
        // Removing one edge (and adding a self-loop to keep the count) breaks it.
        var broken = k8.filter { $0 != Quad(b("k0"), p, b("k1")) }
        broken.append(Quad(b("k0"), p, b("k0")))
        #expect(!Isomorphism.areIsomorphic(k8, broken))
        #expect(!Isomorphism.areIsomorphic(k8, complete(7)))
    }

    @Test func blankPredicatesAndSelfLoops() {
        let a = [Quad(b("a"), b("a"), b("b")), Quad(b("b"), p, b("b"))]
        #expect(Isomorphism.areIsomorphic(a, relabel(a, { $0.uppercased() })))
        #expect(!Isomorphism.areIsomorphic(a, [Quad(b("a"), b("b"), b("b")), Quad(b("b"), p, b("b"))]))
    }

    @Test func canonicalLabelsAreStableUnderRelabelling() {
        let tree: [Quad] = (1..<40).map { Quad(b("t\($0 / 3)"), p, b("t\($0)")) } + [Quad(b("t0"), q, .string("root"))]
        for quads in [chain(300), ring(300), tree, complete(6), ring(50, prefix: "a") + ring(50, prefix: "b")] {
            let labels = Isomorphism.canonicalLabels(quads)
            #expect(Set(labels.values) == Set((0..<labels.count).map { "c\($0)" }))
            #expect(labels == Isomorphism.canonicalLabels(quads.reversed()))
            let scrambled = scramble(quads, seed: 9)
            let scrambledLabels = Isomorphism.canonicalLabels(scrambled)
            #expect(Set(relabel(quads, { labels[$0]! })) == Set(relabel(scrambled, { scrambledLabels[$0]! })))
        }
        #expect(Isomorphism.canonicalLabels([Quad(x, p, x)]).isEmpty)
    }

    @Test func graphExtension() {
        let a = Graph([Triple(b("a"), p, b("b")), Triple(b("b"), q, .string("v"))])
        let other = Graph([Triple(b("y"), q, .string("v")), Triple(b("x"), p, b("y"))])
        #expect(a.isIsomorphic(to: other))
        #expect(!a.isIsomorphic(to: Graph([Triple(b("x"), p, b("y")), Triple(b("x"), q, .string("v"))])))
        #expect(Graph().isIsomorphic(to: Graph()))
    }

    @Test func datasetExtension() {
        let a = Dataset([Quad(b("a"), p, x), Quad(b("a"), q, x, graph: b("g")), Quad(b("g"), p, .string("g"))])
        let other = Dataset([Quad(b("g2"), p, .string("g")), Quad(b("z"), p, x), Quad(b("z"), q, x, graph: b("g2"))])
        #expect(a.isIsomorphic(to: other))
        let otherGraph = Dataset([Quad(b("g2"), p, .string("g")), Quad(b("z"), p, x), Quad(b("z"), q, x, graph: b("g3"))])
        #expect(!a.isIsomorphic(to: otherGraph))

        // Empty named graphs count, and a blank name must map consistently.
        var withEmpty = a
        withEmpty.namedGraphs[b("e")] = Graph()
        var otherWithEmpty = other
        otherWithEmpty.namedGraphs[b("f")] = Graph()
        #expect(withEmpty.isIsomorphic(to: otherWithEmpty))
        #expect(!withEmpty.isIsomorphic(to: other))
        var emptyIRI = other
        emptyIRI.namedGraphs[x] = Graph()
        #expect(!withEmpty.isIsomorphic(to: emptyIRI))
        // The empty graph's blank name is also the subject of a triple on one side only.
        var reused = other
        reused.namedGraphs[b("z")] = Graph()
        var fresh = a
        fresh.namedGraphs[b("e")] = Graph()
        #expect(!fresh.isIsomorphic(to: reused))
    }
}
