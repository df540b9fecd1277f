import RDF
import RDFIO

/// Reads RDF files into one graph, as validation needs them: the syntax from each file's
/// extension, blank nodes kept apart per file, the prefixes declared collected.
public struct GraphLoader {
    public private(set) var graph = Graph()
    public private(set) var prefixes: [(prefix: String, namespace: String)] = []
    private var files = 0

    public init() {}

    /// Adds a file's triples (quads' graph names are dropped: validation sees one graph).
    /// Throws `RDFSyntaxError` (with line and column) or `RDFInputError`.
    public mutating func load(_ path: String, format: RDFFormat? = nil, base: String? = nil) throws {
        guard let format = format ?? RDFFormat(path: path) else {
            throw RDFInputError("cannot tell the RDF syntax from the file name", source: path)
        }
        files += 1
        let scope = "f\(files)x"
        var triples: [Triple] = []
        let declared = try RDFReader.read(path: path, format: format, base: base) { quad in
            triples.append(Triple(Self.scoped(quad.subject, scope), quad.predicate, Self.scoped(quad.object, scope)))
        }
        // Only a file read completely reaches the graph: a syntax error leaves it unchanged.
        for t in triples { graph.insert(t) }
        for p in declared where !prefixes.contains(where: { $0.prefix == p.prefix || $0.namespace == p.namespace }) {
            prefixes.append(p)
        }
    }

    private static func scoped(_ t: Term, _ scope: String) -> Term {
        if case .blankNode(let label) = t { return .blankNode(scope + label) }
        return t
    }
}
