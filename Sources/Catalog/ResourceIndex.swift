import RDF

/// The catalogue resources of one graph, by kind, each with a description of its triples
/// for the diff.
///
/// A resource with an IRI is described by its statements as subject, blank node objects
/// replaced by their own statements (a few levels deep), so two parses of the same
/// content describe it alike though blank node labels differ. Blank node resources have
/// no identity across versions: they are only counted.
struct ResourceIndex {
    /// IRI resources by kind, with their descriptions.
    var byKind: [ResourceKind: [Term: Set<String>]] = [:]
    /// Blank node resources by kind, counted.
    var blankCounts: [ResourceKind: Int] = [:]

    /// The kind of resource an rdf:type IRI makes.
    static func kind(ofType type: String) -> ResourceKind? {
        switch type {
        case Namespace.dcat("Catalog"): .catalogues
        case Namespace.dcat("Dataset"), Namespace.dcat("DatasetSeries"): .datasets
        case Namespace.dcat("DataService"): .dataServices
        case Namespace.skos("Concept"): .concepts
        default: nil
        }
    }

    init(_ triples: [Triple]) {
        var statements: [Term: [(Term, Term)]] = [:]
        var kinds: [Term: ResourceKind] = [:]
        let type = Term.iri(RDFVocabulary.type)
        for t in triples {
            statements[t.subject, default: []].append((t.predicate, t.object))
            if t.predicate == type, case .iri(let typeIRI) = t.object, let kind = Self.kind(ofType: typeIRI) {
                // A resource of several kinds counts once, as the first in ResourceKind order.
                if let known = kinds[t.subject],
                   ResourceKind.allCases.firstIndex(of: known)! <= ResourceKind.allCases.firstIndex(of: kind)! { continue }
                kinds[t.subject] = kind
            }
        }
        func describe(_ term: Term, depth: Int) -> String {
            guard case .blankNode = term else { return Self.key(term) }
            guard depth > 0 else { return "[]" }
            let inner = (statements[term] ?? []).map { Self.key($0.0) + " " + describe($0.1, depth: depth - 1) }.sorted()
            return "[" + inner.joined(separator: "; ") + "]"
        }
        for (resource, kind) in kinds {
            if case .blankNode = resource {
                blankCounts[kind, default: 0] += 1
                continue
            }
            let description = Set((statements[resource] ?? []).map { Self.key($0.0) + " " + describe($0.1, depth: 4) })
            byKind[kind, default: [:]][resource] = description
        }
    }

    /// Added, changed and removed resources of each kind going from `old` to this.
    func diff(from old: ResourceIndex) -> [ResourceKind: ResourceCounts] {
        var result: [ResourceKind: ResourceCounts] = [:]
        for kind in ResourceKind.allCases {
            var counts = ResourceCounts()
            let new = byKind[kind] ?? [:], previous = old.byKind[kind] ?? [:]
            for (resource, description) in new {
                if let was = previous[resource] {
                    if was != description { counts.changed += 1 }
                } else {
                    counts.added += 1
                }
            }
            counts.removed = previous.keys.filter { new[$0] == nil }.count
            let blankDelta = (blankCounts[kind] ?? 0) - (old.blankCounts[kind] ?? 0)
            if blankDelta > 0 { counts.added += blankDelta } else { counts.removed -= blankDelta }
            result[kind] = counts
        }
        return result
    }

    private static func key(_ term: Term) -> String {
        switch term {
        case .iri(let v): "<\(v)>"
        case .blankNode: "_"
        case .literal(let l):
            if let lang = l.language { "\"\(l.lexicalForm)\"@\(lang)" } else { "\"\(l.lexicalForm)\"^^<\(l.datatype)>" }
        }
    }
}
