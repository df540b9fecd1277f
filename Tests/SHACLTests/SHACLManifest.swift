import Foundation
import RDF
import RDFIO
import RDFTestSupport

/// One `sht:Validate` test of the W3C SHACL test suite.
struct SHACLTest: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The test's IRI (`http://datashapes.org/sh/tests/core/node/class-001`).
    let id: String
    let label: String
    /// Local paths of the data and shapes graphs and of the manifest holding the result.
    let dataPath: String
    let shapesPath: String
    let manifestPath: String
    /// True when the test expects a failure (`sht:Failure`) rather than a report.
    let expectsFailure: Bool

    var description: String { String(id.dropFirst(SHACLSuite.web.count)) }
}

/// Reads the vendored suite (`Tests/Fixtures/shacl`), whose files resolve against the
/// suite's own namespace `http://datashapes.org/sh/tests/`.
enum SHACLSuite {
    static let web = "http://datashapes.org/sh/tests/"
    static let mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
    static let sht = "http://www.w3.org/ns/shacl-test#"

    static func local(_ iri: String) -> String { Fixtures.path("shacl/" + iri.dropFirst(web.count)) }
    static func webIRI(_ relative: String) -> String { web + relative }

    /// A vendored file as a graph, with its web IRI as base.
    static func graph(_ path: String) throws -> Graph {
        let relative = String(path.dropFirst(Fixtures.path("shacl/").count))
        return Graph(try RDFReader.quads(path: path, format: .turtle, base: webIRI(relative)).map(\.triple))
    }

    /// The tests of a manifest, following `mf:include`.
    static func tests(_ relative: String) -> [SHACLTest] {
        (try? load(Fixtures.path("shacl/" + relative))) ?? []
    }

    static func load(_ path: String) throws -> [SHACLTest] {
        let g = try graph(path)
        var tests: [SHACLTest] = []
        for manifest in g.subjects(.iri(RDFVocabulary.type), .iri(mf + "Manifest")) {
            for include in g.objects(manifest, .iri(mf + "include")) {
                if let iri = include.iriValue { tests += try load(local(iri)) }
            }
            for list in g.objects(manifest, .iri(mf + "entries")) {
                for entry in members(g, list) {
                    guard let id = entry.iriValue,
                          g.contains(Triple(entry, .iri(RDFVocabulary.type), .iri(sht + "Validate"))),
                          let action = g.objects(entry, .iri(mf + "action")).first,
                          let data = g.objects(action, .iri(sht + "dataGraph")).first?.iriValue,
                          let shapes = g.objects(action, .iri(sht + "shapesGraph")).first?.iriValue,
                          let result = g.objects(entry, .iri(mf + "result")).first else { continue }
                    let label = g.objects(entry, .iri(Namespace.rdfs("label"))).first?.literalValue?.lexicalForm ?? id
                    tests.append(SHACLTest(id: id, label: label, dataPath: local(data), shapesPath: local(shapes),
                                           manifestPath: path, expectsFailure: result == .iri(sht + "Failure")))
                }
            }
        }
        return tests
    }

    static func members(_ g: Graph, _ head: Term) -> [Term] {
        var out: [Term] = []
        var node = head
        while node != .iri(RDFVocabulary.nil), let first = g.objects(node, .iri(RDFVocabulary.first)).first {
            out.append(first)
            node = g.objects(node, .iri(RDFVocabulary.rest)).first ?? .iri(RDFVocabulary.nil)
        }
        return out
    }
}
