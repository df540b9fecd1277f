import Foundation
import RDF
import RDFIO
import Turtle

/// A W3C test suite run against one syntax: its manifest and the format that reads it.
/// The harness is generic over syntax; a new reader plugs in with one `ConformanceSuite`.
public struct ConformanceSuite: Sendable, CustomStringConvertible {
    /// The name printed in the summary line (`N-Triples: 70/70`).
    public let name: String
    /// The manifest, relative to `Tests/Fixtures/rdf-tests/rdf/`.
    public let manifest: String
    /// The syntax under test.
    public let format: RDFFormat
    /// How many tests the manifest lists (checked, so a lost entry cannot pass unseen).
    public let expectedCount: Int

    public init(name: String, manifest: String, format: RDFFormat, expectedCount: Int) {
        self.name = name
        self.manifest = manifest
        self.format = format
        self.expectedCount = expectedCount
    }

    public var description: String { name }

    /// The suite's tests, or none if the manifest cannot be read (the summary test then fails).
    public var cases: [ConformanceCase] {
        ((try? W3CManifest.tests(manifest)) ?? []).map { ConformanceCase(suite: name, format: format, test: $0) }
    }
}

/// One test of one suite, as a Swift Testing argument.
public struct ConformanceCase: Codable, Hashable, Sendable, CustomStringConvertible {
    public let suite: String
    public let format: RDFFormat
    public let test: W3CTest
    public var description: String { "\(suite): \(test.name)" }
}

extension RDFFormat: Codable {}

/// Runs W3C tests: positive syntax must parse, negative syntax must fail, eval results
/// must be isomorphic to the expected N-Triples/N-Quads, and canonical (C14N) output
/// must match the expected bytes.
public enum ConformanceHarness {
    /// Why the test fails, or `nil` when it passes.
    public static func failure(of test: W3CTest, format: RDFFormat) -> String? {
        let parsed: [Quad]
        do {
            parsed = try RDFReader.quads(path: test.actionPath, format: format, base: test.action)
        } catch {
            return test.kind == .negativeSyntax ? nil : "unexpected error: \(error)"
        }
        switch test.kind {
        case .negativeSyntax:
            return "parsed \(parsed.count) statements but the input is invalid"
        case .positiveSyntax:
            return nil
        case .eval:
            guard let resultPath = test.resultPath else { return "eval test without mf:result" }
            do {
                let expected = try RDFReader.quads(path: resultPath, format: resultFormat(resultPath), base: test.result)
                if Isomorphism.areIsomorphic(parsed, expected) { return nil }
                return "not isomorphic to \(test.result ?? "")\nexpected:\n\(dump(expected))\ngot:\n\(dump(parsed))"
            } catch {
                return "cannot read expected result: \(error)"
            }
        case .canonical:
            guard let resultPath = test.resultPath,
                  let expected = try? String(contentsOfFile: resultPath, encoding: .utf8) else {
                return "canonical test without a readable mf:result"
            }
            do {
                let written = try NQuadsWriter.string(for: parsed, syntax: format == .nQuads ? .nQuads : .nTriples)
                return written == expected ? nil : "canonical form differs\nexpected:\n\(expected)\ngot:\n\(written)"
            } catch {
                return "cannot write: \(error)"
            }
        }
    }

    /// Runs a whole suite: how many pass, and the failures that are not known.
    public static func run(_ suite: ConformanceSuite) -> (passed: Int, total: Int, unexpected: [String]) {
        var passed = 0
        var unexpected: [String] = []
        let cases = suite.cases
        for c in cases {
            let failure = failure(of: c.test, format: c.format)
            if failure == nil { passed += 1 }
            if (failure == nil) == (KnownFailures.reason(for: c.test.id) != nil) {
                unexpected.append(c.test.name)
            }
        }
        return (passed, cases.count, unexpected)
    }

    static func resultFormat(_ path: String) -> RDFFormat {
        path.hasSuffix(".nq") ? .nQuads : .nTriples
    }

    static func dump(_ quads: [Quad]) -> String {
        (try? NQuadsWriter.string(for: quads)) ?? "\(quads)"
    }
}
