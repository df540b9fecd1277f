import Foundation
import RDF
import Turtle

/// One test of a W3C RDF test manifest (the `mf:` / `rdft:` vocabulary).
public struct W3CTest: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The test's IRI (`…/manifest.ttl#nt-syntax-file-01`).
    public let id: String
    /// `mf:name`.
    public let name: String
    /// The local name of its `rdf:type` (`TestNTriplesPositiveSyntax`, `TestTurtleEval` …).
    public let type: String
    /// `mf:action`: the web IRI of the input, which is also its base IRI.
    public let action: String
    /// `mf:result`: the web IRI of the expected output, for eval and c14n tests.
    public let result: String?

    public var description: String { name }

    /// The local path of the input.
    public var actionPath: String { Fixtures.localPath(ofWebIRI: action) ?? action }
    /// The local path of the expected output.
    public var resultPath: String? { result.map { Fixtures.localPath(ofWebIRI: $0) ?? $0 } }

    /// What the test expects.
    public enum Kind: Sendable { case positiveSyntax, negativeSyntax, eval, canonical }

    public var kind: Kind {
        if type.hasSuffix("C14N") { return .canonical }
        if type.contains("Negative") { return .negativeSyntax }
        if type.hasSuffix("Eval") { return .eval }
        return .positiveSyntax
    }
}

/// Reads W3C test manifests (Turtle), following `mf:include`, in the order of `mf:entries`.
public enum W3CManifest {
    static let mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"

    /// All tests of the manifest at `relativePath` under `Tests/Fixtures/rdf-tests/rdf/`.
    public static func tests(_ relativePath: String) throws -> [W3CTest] {
        try load(Fixtures.path("rdf-tests/rdf/" + relativePath))
    }

    static func load(_ path: String) throws -> [W3CTest] {
        guard let base = Fixtures.webIRI(ofLocalPath: path) else { throw ManifestError("not a vendored manifest: \(path)") }
        var graph = Graph()
        let parser = TurtleParser(syntax: .turtle, base: base, source: path) { graph.insert($0.triple) }
        try parser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let rdfType = Term.iri(RDFVocabulary.type)
        let manifests = graph.subjects(rdfType, .iri(mf + "Manifest"))
        var tests: [W3CTest] = []
        for manifest in manifests {
            for include in graph.objects(manifest, .iri(mf + "include")).flatMap({ list(graph, $0) }) {
                guard let iri = include.iriValue, let local = Fixtures.localPath(ofWebIRI: iri) else { continue }
                tests += try load(local)
            }
            for entry in graph.objects(manifest, .iri(mf + "entries")).flatMap({ list(graph, $0) }) {
                guard let id = entry.iriValue,
                      let type = graph.objects(entry, rdfType).first?.iriValue,
                      let action = graph.objects(entry, .iri(mf + "action")).first?.iriValue else {
                    throw ManifestError("\(path): entry \(entry) lacks a type or an action")
                }
                let name = graph.objects(entry, .iri(mf + "name")).first?.literalValue?.lexicalForm
                    ?? String(id.split(separator: "#").last ?? "")
                let result = graph.objects(entry, .iri(mf + "result")).first?.iriValue
                let typeName = String(type.split(separator: "#").last ?? "")
                tests.append(W3CTest(id: id, name: name, type: typeName, action: action, result: result))
            }
        }
        return tests
    }

    /// The members of an RDF collection.
    static func list(_ graph: Graph, _ head: Term) -> [Term] {
        var members: [Term] = []
        var node = head
        var seen = Set<Term>()
        while node != .iri(RDFVocabulary.nil), seen.insert(node).inserted {
            guard let first = graph.objects(node, .iri(RDFVocabulary.first)).first else { break }
            members.append(first)
            guard let rest = graph.objects(node, .iri(RDFVocabulary.rest)).first else { break }
            node = rest
        }
        return members
    }
}

/// A manifest that cannot be read.
public struct ManifestError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
