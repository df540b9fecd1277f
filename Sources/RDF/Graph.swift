/// An in-memory RDF graph: a set of triples whose terms are interned to integer ids and
/// indexed three ways (SPO, POS, OSP), so every triple pattern is answered by hash
/// look-ups rather than a scan.
public struct Graph: Sendable {
    typealias Index = [UInt32: [UInt32: Set<UInt32>]]

    public private(set) var dictionary = TermDictionary()
    private var spo: Index = [:]
    private var pos: Index = [:]
    private var osp: Index = [:]
    /// The number of triples.
    public private(set) var count = 0

    public init() {}

    /// A graph holding the given triples.
    public init<S: Sequence>(_ triples: S) where S.Element == Triple {
        for t in triples { insert(t) }
    }

    /// True when the graph holds no triple.
    public var isEmpty: Bool { count == 0 }

    /// Adds a triple; returns false if it was already present.
    @discardableResult
    public mutating func insert(_ triple: Triple) -> Bool {
        let s = dictionary.intern(triple.subject)
        let p = dictionary.intern(triple.predicate)
        let o = dictionary.intern(triple.object)
        guard spo[s, default: [:]][p, default: []].insert(o).inserted else { return false }
        pos[p, default: [:]][o, default: []].insert(s)
        osp[o, default: [:]][s, default: []].insert(p)
        count += 1
        return true
    }

    /// Removes a triple; returns false if it was not present.
    @discardableResult
    public mutating func remove(_ triple: Triple) -> Bool {
        guard let s = dictionary.id(of: triple.subject), let p = dictionary.id(of: triple.predicate),
              let o = dictionary.id(of: triple.object),
              spo[s]?[p]?.remove(o) != nil else { return false }
        Self.prune(&spo, s, p)
        pos[p]?[o]?.remove(s)
        Self.prune(&pos, p, o)
        osp[o]?[s]?.remove(p)
        Self.prune(&osp, o, s)
        count -= 1
        return true
    }

    private static func prune(_ index: inout Index, _ a: UInt32, _ b: UInt32) {
        if index[a]?[b]?.isEmpty == true { index[a]?[b] = nil }
        if index[a]?.isEmpty == true { index[a] = nil }
    }

    /// True when the graph holds the triple.
    public func contains(_ triple: Triple) -> Bool {
        guard let s = dictionary.id(of: triple.subject), let p = dictionary.id(of: triple.predicate),
              let o = dictionary.id(of: triple.object) else { return false }
        return spo[s]?[p]?.contains(o) ?? false
    }

    /// All triples in unspecified order.
    public var triples: [Triple] { triples(matching: nil, nil, nil) }

    /// The triples matching a pattern; `nil` leaves a position unbound.
    public func triples(matching subject: Term?, _ predicate: Term?, _ object: Term?) -> [Triple] {
        var result: [Triple] = []
        forEachMatch(subject, predicate, object) { s, p, o in
            result.append(Triple(dictionary[s], dictionary[p], dictionary[o]))
        }
        return result
    }

    /// The objects of triples with this subject and predicate.
    public func objects(_ subject: Term, _ predicate: Term) -> [Term] {
        triples(matching: subject, predicate, nil).map(\.object)
    }

    /// The subjects of triples with this predicate and object.
    public func subjects(_ predicate: Term, _ object: Term) -> [Term] {
        triples(matching: nil, predicate, object).map(\.subject)
    }

    /// Calls `body` with the ids of each triple matching the pattern, choosing the index
    /// whose leading positions are bound.
    func forEachMatch(_ subject: Term?, _ predicate: Term?, _ object: Term?,
                      _ body: (UInt32, UInt32, UInt32) -> Void) {
        func lookup(_ t: Term?) -> UInt32?? {
            guard let t else { return .some(nil) }
            guard let id = dictionary.id(of: t) else { return nil }
            return .some(id)
        }
        guard let s = lookup(subject), let p = lookup(predicate), let o = lookup(object) else { return }
        switch (s, p, o) {
        case let (s?, p?, o?):
            if spo[s]?[p]?.contains(o) == true { body(s, p, o) }
        case let (s?, p?, nil):
            for o in spo[s]?[p] ?? [] { body(s, p, o) }
        case let (s?, nil, o?):
            for p in osp[o]?[s] ?? [] { body(s, p, o) }
        case let (s?, nil, nil):
            for (p, os) in spo[s] ?? [:] { for o in os { body(s, p, o) } }
        case let (nil, p?, o?):
            for s in pos[p]?[o] ?? [] { body(s, p, o) }
        case let (nil, p?, nil):
            for (o, ss) in pos[p] ?? [:] { for s in ss { body(s, p, o) } }
        case let (nil, nil, o?):
            for (s, ps) in osp[o] ?? [:] { for p in ps { body(s, p, o) } }
        case (nil, nil, nil):
            for (s, ps) in spo { for (p, os) in ps { for o in os { body(s, p, o) } } }
        }
    }
}
