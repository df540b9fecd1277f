import RDF
import RDFIO
import SHACL

/// The shapes and background vocabularies every source of a harvest is validated with:
/// compiled and read once per run, not once per source.
public struct HarvestProfile: Sendable {
    public let validator: Validator
    /// The background vocabularies' triples (blank nodes already kept apart per file).
    public let background: [Triple]

    public init(shapes: ShapesGraph, background: [Triple]) {
        validator = Validator(shapes: shapes)
        self.background = background
    }

    /// A shipped profile (`dcat-ap-no`) with its background, as `samsvar validate --profile` loads it.
    public static func named(_ name: String, vocabularies: String) throws -> HarvestProfile {
        let profile = try Profile.named(name, vocabularies: vocabularies)
        var shapesLoader = GraphLoader<Graph>()
        for file in profile.shapesFiles { try shapesLoader.load(file) }
        var backgroundLoader = GraphLoader<TripleList>()
        for file in profile.backgroundFiles { try backgroundLoader.load(file) }
        return HarvestProfile(shapes: try ShapesGraph(shapesLoader.graph), background: backgroundLoader.graph.triples)
    }

    /// Validates one source's triples with the background merged in; only the source's
    /// own nodes are validated. Blank node labels are prefixed so they cannot meet the
    /// background's (`f1x…`).
    func validate(_ triples: [Triple]) -> ValidationReport {
        var builder = FrozenGraph.Builder()
        builder.reserveCapacity(terms: triples.count + background.count)
        for t in triples { builder.insert(Triple(Self.scoped(t.subject), t.predicate, Self.scoped(t.object))) }
        let scope = ValidationScope(data: builder)
        for t in background { builder.insert(t) }
        return validator.validate(builder.freeze(), scope: scope)
    }

    private static func scoped(_ t: Term) -> Term {
        if case .blankNode(let label) = t { return .blankNode("h" + label) }
        return t
    }
}

/// Triples in the order read (the background needs no set: it is inserted into a graph).
struct TripleList: TripleCollection {
    var triples: [Triple] = []
    init() {}
    mutating func add(_ triple: Triple) { triples.append(triple) }
    mutating func expect(terms: Int) {}
}
