import Foundation
import RDF
import RDFTestSupport
import Testing
@testable import Turtle

// Round trips through the pretty writer: every W3C Turtle and TriG eval test, and
// exhaustive short strings, local names, keyword-like prefixes and relative IRIs.


@Suite("Turtle writer round trips")
struct TurtleWriterRoundTripTests {
    @Test func everyShortStringOfAwkwardCharactersRoundTrips() throws {
        let alphabet: [String] = ["\"", "'", "\\", "\n", "\r", "a", "\t", "\u{1}", "\u{FFFE}", "é"]
        var strings: [String] = [""]
        var level: [String] = [""]
        for _ in 0..<4 {
            level = level.flatMap { prefix in alphabet.map { prefix + $0 } }
            strings += level
        }
        let quads = strings.enumerated().map {
            Quad(.iri("http://example.org/s\($0.offset)"), .iri(ex + "p"), .langString($0.element, language: "nb"))
        }
        let written = try TurtleWriter.string(for: quads, prefixes: exPrefix)
        #expect(Isomorphism.areIsomorphic(quads, try turtleQuads(written)))
    }

    @Test func everyShortLocalNameRoundTrips() throws {
        let alphabet: [String] = ["a", "-", ".", "%", "4", "1", "_", ":", "/", "~", "#", "é", "\u{B7}", "\u{300}", "[", "F"]
        var locals: [String] = []
        var level: [String] = [""]
        for _ in 0..<3 {
            level = level.flatMap { prefix in alphabet.map { prefix + $0 } }
            locals += level
        }
        // IRIs with dot segments are left out: readers remove them (RFC 3986 section 5.2.2).
        let quads = locals.map { Quad(.iri(ex + $0), .iri(ex + "p"), .iri("http://example.org/" + $0)) }
            .filter { !hasDotSegment($0.object.iriValue!) }
        let written = try TurtleWriter.string(for: quads, prefixes: exPrefix + [(prefix: "", namespace: "http://example.org/")])
        let reread = try turtleQuads(written)
        #expect(Set(quads) == Set(reread), "\(Set(quads).subtracting(reread).prefix(5)) became \(Set(reread).subtracting(quads).prefix(5))")
        #expect(written.contains("ex:a.a ex:p :a.a ."))
    }

    @Test func prefixNamesThatLookLikeKeywordsRoundTrip() throws {
        let names = ["a", "true", "false", "PREFIX", "BASE", "GRAPH", "prefix", "base", "graph", "a.b", "x-1"]
        let prefixes = names.enumerated().map { (prefix: $0.element, namespace: "http://example.org/\($0.offset)/") }
        let quads = prefixes.map { Quad(.iri($0.namespace + "s"), .iri($0.namespace + "p"), .iri($0.namespace + "o")) }
        for syntax in [TurtleSyntax.turtle, .trig] {
            let written = try TurtleWriter.string(for: quads, syntax: syntax, prefixes: prefixes)
            #expect(Isomorphism.areIsomorphic(quads, try turtleQuads(written, syntax)), "\(written)")
        }
    }

    /// (IRIs with dot segments, `http://a/b/..`, are left out: a reader that resolves
    /// against a base removes them from absolute IRIs too, RFC 3986 section 5.2.2.)
    @Test func relativeIRIsReadBackTheSameAgainstManyBases() throws {
        let bases = ["http://a/b/c/d;p?q", "http://a/b/c/", "http://a", "http://a/", "file:///x/y.ttl",
                     "http://a/b#frag", "http://a/b?q#f", "urn:x:y", "http://a/b/../c/./d"]
        let iris = ["http://a/b/c/d;p?q", "http://a/b/c/g", "http://a/b/c/g/h", "http://a/b/c/d;p?q#s", "http://a/b/c/",
                    "http://a", "http://a/", "http://a/g:h", "http://a/b/c/?y", "http://a/b/c/%2E%2E/x",
                    "http://a/b", "http://a/b#x", "http://a/b?q#g", "file:///x/z", "file:///x/y.ttl#a", "urn:x:z", "urn:x:y#a",
                    "http://b/c", "http://a/b/c/d;p?q#"]
        for base in bases {
            let quads = iris.map { Quad(.iri($0), .iri("http://p/p"), .iri($0)) }
            let written = try TurtleWriter.string(for: quads, base: base)
            #expect(Isomorphism.areIsomorphic(quads, try turtleQuads(written, base: nil)), "base \(base):\n\(written)")
        }
    }

    // MARK: W3C suites

    @Test func w3cEvalTestsAreAllFound() {
        #expect(w3cEvalTests.filter { $0.type.contains("Turtle") }.count == 145)
        #expect(w3cEvalTests.filter { $0.type.contains("Trig") }.count == 143)
    }

    /// Every W3C Turtle and TriG eval test: its expected result (N-Triples / N-Quads)
    /// written with the pretty writer reads back isomorphic, with the same bytes for
    /// shuffled input; and its input, written back with the prefixes it declared and
    /// relative to its own IRI as base, reads back as the expected result too.
    @Test("W3C eval round-trips through the pretty writer", arguments: w3cEvalTests)
    func w3cEvalRoundTrips(_ test: W3CTest) throws {
        let resultPath = try #require(test.resultPath)
        let isQuads = resultPath.hasSuffix(".nq")
        let syntax: TurtleSyntax = isQuads ? .trig : .turtle
        var expected: [Quad] = []
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: resultPath)))
        try NQuadsParser(syntax: isQuads ? .nQuads : .nTriples) { expected.append($0) }.parse(bytes)
        expected = Array(Set(expected))

        let written = try TurtleWriter.string(for: expected, syntax: syntax)
        #expect(Isomorphism.areIsomorphic(expected, Array(Set(try turtleQuads(written, syntax)))), "written:\n\(written)")
        #expect(try TurtleWriter.string(for: expected.reversed(), syntax: syntax) == written)
        if !isQuads {
            #expect(try TurtleWriter.string(for: expected, syntax: .trig) == written, "TriG differs from Turtle for a default graph")
        }

        var input: [Quad] = []
        let parser = TurtleParser(syntax: syntax, base: test.action) { input.append($0) }
        try parser.parse(Array(Data(contentsOf: URL(fileURLWithPath: test.actionPath))))
        let pretty = try TurtleWriter.string(for: input, syntax: syntax, prefixes: parser.declaredPrefixes, base: test.action)
        #expect(Isomorphism.areIsomorphic(expected, Array(Set(try turtleQuads(pretty, syntax)))), "written:\n\(pretty)")
    }
}

/// True when the path of `iri` has a `.` or `..` segment.
private func hasDotSegment(_ iri: String) -> Bool {
    let path = iri.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
    return path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == "." || $0 == ".." }
}

/// The eval tests of the W3C Turtle and TriG suites.
private let w3cEvalTests: [W3CTest] = ["rdf11/rdf-turtle/manifest.ttl", "rdf11/rdf-trig/manifest.ttl"].flatMap {
    ((try? W3CManifest.tests($0)) ?? []).filter { $0.kind == .eval }
}
