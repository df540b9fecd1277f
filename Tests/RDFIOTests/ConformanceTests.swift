import RDFIO
import RDFTestSupport
import Testing

/// The W3C suites Samsvar runs; a new syntax plugs in with one line here.
let conformanceSuites: [ConformanceSuite] = [
    ConformanceSuite(name: "N-Triples", manifest: "rdf11/rdf-n-triples/manifest.ttl", format: .nTriples, expectedCount: 70),
    ConformanceSuite(name: "N-Quads", manifest: "rdf11/rdf-n-quads/manifest.ttl", format: .nQuads, expectedCount: 87),
    ConformanceSuite(name: "Turtle", manifest: "rdf11/rdf-turtle/manifest.ttl", format: .turtle, expectedCount: 313),
    ConformanceSuite(name: "TriG", manifest: "rdf11/rdf-trig/manifest.ttl", format: .trig, expectedCount: 356),
    ConformanceSuite(name: "N-Triples 1.2 syntax", manifest: "rdf12/rdf-n-triples/syntax/manifest.ttl", format: .nTriples, expectedCount: 29),
    ConformanceSuite(name: "N-Triples 1.2 C14N", manifest: "rdf12/rdf-n-triples/c14n/manifest.ttl", format: .nTriples, expectedCount: 41),
    ConformanceSuite(name: "N-Quads 1.2 syntax", manifest: "rdf12/rdf-n-quads/syntax/manifest.ttl", format: .nQuads, expectedCount: 27),
    ConformanceSuite(name: "N-Quads 1.2 C14N", manifest: "rdf12/rdf-n-quads/c14n/manifest.ttl", format: .nQuads, expectedCount: 41),
    ConformanceSuite(name: "Turtle 1.2 syntax", manifest: "rdf12/rdf-turtle/syntax/manifest.ttl", format: .turtle, expectedCount: 74),
    ConformanceSuite(name: "Turtle 1.2 eval", manifest: "rdf12/rdf-turtle/eval/manifest.ttl", format: .turtle, expectedCount: 29),
    ConformanceSuite(name: "TriG 1.2 syntax", manifest: "rdf12/rdf-trig/syntax/manifest.ttl", format: .trig, expectedCount: 35),
    ConformanceSuite(name: "TriG 1.2 eval", manifest: "rdf12/rdf-trig/eval/manifest.ttl", format: .trig, expectedCount: 25),
    ConformanceSuite(name: "RDF/XML", manifest: "rdf11/rdf-xml/manifest.ttl", format: .rdfXML, expectedCount: 166),
    ConformanceSuite(name: "RDF/XML 1.2 eval", manifest: "rdf12/rdf-xml/eval/manifest.ttl", format: .rdfXML, expectedCount: 31),
]

@Suite("W3C conformance")
struct ConformanceTests {
    /// One Swift Testing case per W3C test. Known failures are expected through
    /// `withKnownIssue` with their reason, so none is skipped silently.
    @Test("W3C test", arguments: conformanceSuites.flatMap(\.cases))
    func w3c(_ c: ConformanceCase) {
        let failure = ConformanceHarness.failure(of: c.test, format: c.format)
        if let reason = KnownFailures.reason(for: c.test.id) {
            withKnownIssue(Comment(rawValue: reason)) {
                if let failure { Issue.record(Comment(rawValue: failure)) }
            }
        } else if let failure {
            Issue.record(Comment(rawValue: failure))
        }
    }

    /// Prints `N-Triples: 70/70` per suite and checks the manifest lists every test.
    @Test("Suite summary", arguments: conformanceSuites)
    func summary(_ suite: ConformanceSuite) {
        let result = ConformanceHarness.run(suite)
        let known = suite.cases.filter { KnownFailures.reason(for: $0.test.id) != nil }.count
        print("\(suite.name): \(result.passed)/\(result.total)" + (known > 0 ? " (\(known) known failures listed in KnownFailures.swift)" : ""))
        #expect(result.total == suite.expectedCount, "manifest lists \(result.total) tests")
        #expect(result.unexpected.isEmpty, "unexpected results: \(result.unexpected)")
    }
}
