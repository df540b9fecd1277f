import Foundation
import RDF
import RDFIO

/// Something triples can be added to: a `Graph`, or a `FrozenGraph.Builder`.
public protocol TripleCollection {
    init()
    mutating func add(_ triple: Triple)
    /// A hint: about this many more distinct terms are coming.
    mutating func expect(terms: Int)
}

extension Graph: TripleCollection {
    public mutating func add(_ triple: Triple) { insert(triple) }
    public mutating func expect(terms: Int) {}
}

extension FrozenGraph.Builder: TripleCollection {
    public mutating func add(_ triple: Triple) { insert(triple) }
    public mutating func expect(terms: Int) { reserveCapacity(terms: termCount + terms) }
}

/// Reads RDF files into one graph, as validation needs them: the syntax from each file's
/// extension, blank nodes kept apart per file, the prefixes declared collected.
public struct GraphLoader<Collection: TripleCollection> {
    public private(set) var graph: Collection
    public private(set) var prefixes: [(prefix: String, namespace: String)] = []
    private var files = 0

    public init() { graph = Collection() }

    /// Adds a file's triples (quads' graph names are dropped: validation sees one graph).
    /// Throws `RDFSyntaxError` (with line and column) or `RDFInputError`; after an error
    /// the collection holds part of the file and must be discarded.
    /// `-` reads standard input, its syntax sniffed from the first bytes.
    public mutating func load(_ path: String, format: RDFFormat? = nil, base: String? = nil) throws {
        var stdin: [UInt8] = []
        if path == "-" { stdin = Array(FileHandle.standardInput.readDataToEndOfFile()) }
        guard let format = format ?? (path == "-" ? RDFFormat.sniff(stdin) : RDFFormat(path: path)) else {
            throw RDFInputError("cannot tell the RDF syntax from the file name", source: path)
        }
        files += 1
        let scope = "f\(files)x"
        // Triples go straight in: a syntax error ends the whole load (the caller discards
        // the collection), so nothing is kept half-read.
        // The collection moves into the sink (so it is not copied on write) and back.
        var collection = graph
        graph = Collection()
        defer { graph = collection }
        // Generated and real catalogues hold a new term every 150 to 250 bytes.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int {
            collection.expect(terms: size / 200)
        }
        let sink: QuadSink = { quad in
            collection.add(Triple(Self.scoped(quad.subject, scope), quad.predicate, Self.scoped(quad.object, scope)))
        }
        let declared = path == "-"
            ? try RDFReader.read(bytes: stdin, format: format, base: base, source: "<stdin>", sink: sink)
            : try RDFReader.read(path: path, format: format, base: base, sink: sink)
        for p in declared where !prefixes.contains(where: { $0.prefix == p.prefix || $0.namespace == p.namespace }) {
            prefixes.append(p)
        }
    }

    private static func scoped(_ t: Term, _ scope: String) -> Term {
        if case .blankNode(let label) = t { return .blankNode(scope + label) }
        return t
    }
}
