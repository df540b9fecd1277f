/// The concepts of one or more vocabularies, with their schemes and collections, indexed by
/// IRI; hierarchy links are made two-way (a `skos:narrower` statement also gives the
/// narrower concept its `broader`).
public struct ConceptIndex: Sendable {
    /// Sorted by IRI.
    public private(set) var concepts: [Concept]
    public private(set) var schemes: [ConceptScheme]
    public private(set) var collections: [ConceptCollection]
    private var position: [String: Int] = [:]

    public init(concepts: [Concept], schemes: [ConceptScheme] = [], collections: [ConceptCollection] = []) {
        var byID: [String: Concept] = [:]
        for c in concepts { byID[c.id] = c }
        // Inverse links, so each side knows both directions.
        for c in concepts {
            for b in c.broader where byID[b] != nil { byID[b]!.narrower.append(c.id) }
            for n in c.narrower where byID[n] != nil { byID[n]!.broader.append(c.id) }
            for r in c.related where byID[r] != nil { byID[r]!.related.append(c.id) }
            for w in c.wholes where byID[w] != nil { byID[w]!.parts.append(c.id) }
            for p in c.parts where byID[p] != nil { byID[p]!.wholes.append(c.id) }
        }
        for s in schemes { for top in s.topConcepts where byID[top] != nil { byID[top]!.schemes.append(s.id) } }
        for k in collections { for m in k.members where byID[m] != nil { byID[m]!.collections.append(k.id) } }
        self.concepts = byID.values.map { c in
            var c = c
            c.broader = Self.unique(c.broader.filter { $0 != c.id })
            c.narrower = Self.unique(c.narrower.filter { $0 != c.id })
            c.related = Self.unique(c.related.filter { $0 != c.id })
            c.wholes = Self.unique(c.wholes)
            c.parts = Self.unique(c.parts)
            c.schemes = Self.unique(c.schemes)
            c.collections = Self.unique(c.collections)
            c.labels = Self.unique(c.labels)
            c.definitions = Self.unique(c.definitions)
            return c
        }.sorted { $0.id < $1.id }
        self.schemes = schemes.map { s in
            var s = s
            s.topConcepts = Self.unique(s.topConcepts)
            s.titles = Self.unique(s.titles)
            return s
        }.sorted { $0.id < $1.id }
        self.collections = collections.map { k in
            var k = k
            if !k.ordered { k.members = Self.unique(k.members) }
            return k
        }.sorted { $0.id < $1.id }
        for (i, c) in self.concepts.enumerated() { position[c.id] = i }
    }

    private static func unique<T: Hashable>(_ list: [T]) -> [T] {
        var seen: Set<T> = []
        return list.filter { seen.insert($0).inserted }
    }

    /// The concept with this IRI.
    public func concept(_ iri: String) -> Concept? {
        position[iri].map { concepts[$0] }
    }

    public func scheme(_ iri: String) -> ConceptScheme? { schemes.first { $0.id == iri } }
    public func collection(_ iri: String) -> ConceptCollection? { collections.first { $0.id == iri } }

    /// All broader concepts, transitively (nearest first, each once; cycles are cut).
    public func ancestors(of iri: String) -> [String] {
        closure(from: iri) { concept($0)?.broader ?? [] }
    }

    /// All narrower concepts, transitively (nearest first, each once; cycles are cut).
    public func descendants(of iri: String) -> [String] {
        closure(from: iri) { concept($0)?.narrower ?? [] }
    }

    private func closure(from start: String, _ next: (String) -> [String]) -> [String] {
        var seen: Set<String> = [start]
        var order: [String] = []
        var frontier = [start]
        while !frontier.isEmpty {
            var following: [String] = []
            for iri in frontier {
                for n in next(iri) where seen.insert(n).inserted {
                    order.append(n)
                    following.append(n)
                }
            }
            frontier = following
        }
        return order
    }

    /// The concepts of one vocabulary: a scheme's concepts, or a collection's members
    /// (nested collections included); nil when the index has no such scheme or collection.
    public func restricted(to vocabulary: String) -> ConceptIndex? {
        if schemes.contains(where: { $0.id == vocabulary }) {
            let members = concepts.filter { $0.schemes.contains(vocabulary) }
            return ConceptIndex(concepts: members, schemes: schemes.filter { $0.id == vocabulary })
        }
        guard collections.contains(where: { $0.id == vocabulary }) else { return nil }
        var wanted: Set<String> = []
        var pending = [vocabulary]
        var visited: Set<String> = []
        while let next = pending.popLast() {
            guard visited.insert(next).inserted, let k = collection(next) else { continue }
            for m in k.members {
                if collection(m) != nil { pending.append(m) } else { wanted.insert(m) }
            }
        }
        return ConceptIndex(concepts: concepts.filter { wanted.contains($0.id) },
                            collections: collections.filter { visited.contains($0.id) })
    }

    /// The top of the hierarchy: concepts with no broader concept in this index.
    public var roots: [Concept] {
        concepts.filter { c in !c.broader.contains { position[$0] != nil } }
    }
}
