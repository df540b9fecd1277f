import Foundation
import RDF
import RDFIO
import SHACL

/// Runs one SHACL test under the suite's full-compliance rule: the report graph, cut
/// down to the predicates the suite compares, must be isomorphic to the expected one
/// (data-shapes-test-suite/index.html, "Running the tests").
enum SHACLHarness {
    static let sh = Namespace.sh.iri
    /// The predicates the expected reports use; everything else is removed first.
    static let compared: Set<String> = [
        RDFVocabulary.type, sh + "result", sh + "conforms", sh + "focusNode", sh + "resultPath",
        sh + "resultSeverity", sh + "sourceConstraint", sh + "sourceConstraintComponent", sh + "sourceShape", sh + "value",
    ]

    /// Why the test fails, or nil when it passes.
    static func failure(of test: SHACLTest) -> String? {
        let report: ValidationReport
        do {
            let data = try SHACLSuite.graph(test.dataPath)
            let shapes = try ShapesGraph(try SHACLSuite.graph(test.shapesPath))
            report = Validator(shapes: shapes).validate(data)
        } catch {
            return test.expectsFailure ? nil : "unexpected failure: \(error)"
        }
        if test.expectsFailure { return "expected a failure, got a report" }
        do {
            let expected = try expectedReport(test)
            let actual = filtered(report.triples(), keepingMessages: Set(expected.compactMap {
                $0.predicate == .iri(sh + "resultMessage") ? $0.object : nil
            }))
            let a = actual.map { Quad($0.subject, $0.predicate, $0.object) }
            let e = expected.map { Quad($0.subject, $0.predicate, $0.object) }
            if Isomorphism.areIsomorphic(a, e) { return nil }
            return "report differs\nexpected:\n\(dump(e))\nactual:\n\(dump(a))"
        } catch {
            return "cannot read the expected report: \(error)"
        }
    }

    /// The expected report: the triples of the `mf:result` node, of each `sh:result`, and
    /// the blank-node structure of result paths.
    static func expectedReport(_ test: SHACLTest) throws -> [Triple] {
        let g = try SHACLSuite.graph(test.manifestPath)
        guard let report = g.objects(.iri(test.id), .iri(SHACLSuite.mf + "result")).first else { return [] }
        var triples = g.triples(matching: report, nil, nil)
        for result in g.objects(report, .iri(sh + "result")) {
            let own = g.triples(matching: result, nil, nil)
            triples += own
            for t in own where t.predicate == .iri(sh + "resultPath") { triples += closure(g, t.object) }
        }
        return triples
    }

    /// Every triple reachable from a blank node (a path's list cells and inverse nodes).
    static func closure(_ g: Graph, _ node: Term) -> [Triple] {
        guard node.isBlankNode else { return [] }
        var out: [Triple] = []
        var queue = [node]
        var seen: Set<Term> = [node]
        while let n = queue.popLast() {
            for t in g.triples(matching: n, nil, nil) {
                out.append(t)
                if t.object.isBlankNode, seen.insert(t.object).inserted { queue.append(t.object) }
            }
        }
        return out
    }

    /// The actual report with only the compared predicates (and the messages the
    /// expected report lists), path structures kept.
    static func filtered(_ triples: [Triple], keepingMessages messages: Set<Term>) -> [Triple] {
        let pathPredicates: Set<String> = [
            RDFVocabulary.first, RDFVocabulary.rest, sh + "inversePath", sh + "alternativePath",
            sh + "zeroOrMorePath", sh + "oneOrMorePath", sh + "zeroOrOnePath",
        ]
        return triples.filter { t in
            guard let p = t.predicate.iriValue else { return false }
            if p == sh + "resultMessage" { return messages.contains(t.object) }
            return compared.contains(p) || pathPredicates.contains(p)
        }
    }

    static func dump(_ quads: [Quad]) -> String {
        quads.map { "\($0.subject) \($0.predicate) \($0.object)" }.sorted().joined(separator: "\n")
    }
}
