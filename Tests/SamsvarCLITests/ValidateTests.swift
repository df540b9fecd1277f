import Foundation
import RDF
import RDFIO
import RDFTestSupport
import Testing

/// `samsvar validate`: verdicts, exit statuses, report formats and bad input.
@Suite("samsvar validate")
struct ValidateTests {
    func fixture(_ name: String) -> String { Fixtures.path("validate/" + name) }
    var shapes: String { fixture("shapes.ttl") }

    @Test func conformingDataExitsZero() throws {
        let run = try samsvar(["validate", fixture("good.ttl"), "--shapes", shapes, "--vocab", fixture("themes.ttl")])
        #expect(run.status == 0, Comment(rawValue: run.stderr))
        #expect(run.stdout.contains("Conforms"))
    }

    @Test func dataFromStandardInput() throws {
        let text = try String(contentsOfFile: fixture("bad-date.ttl"), encoding: .utf8)
        let run = try samsvar(["validate", "-", "--shapes", shapes, "--report", "json"], stdin: text)
        #expect(run.status == 1, Comment(rawValue: run.stderr))
        #expect(run.stdout.contains("http://example.org/d2"))
        let broken = try samsvar(["validate", "-", "--shapes", shapes], stdin: "@prefix ex: <http://example.org/> .\nex:a ex:b \"x .\n")
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("<stdin>:2:"))
    }

    @Test func classChecksNeedTheBackgroundVocabulary() throws {
        let run = try samsvar(["validate", fixture("good.ttl"), "--shapes", shapes, "--report", "json"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("http://www.w3.org/ns/shacl#ClassConstraintComponent"))
    }

    @Test func backgroundDataIsNotItselfValidated() throws {
        // themes.ttl holds an unlabelled concept that ConceptShape would flag.
        let run = try samsvar(["validate", fixture("good.ttl"), "--shapes", shapes, "--vocab", fixture("themes.ttl"), "--report", "json"])
        #expect(!run.stdout.contains("unlabelled"))
        let asData = try samsvar(["validate", fixture("good.ttl"), fixture("themes.ttl"), "--shapes", shapes, "--report", "json"])
        #expect(asData.status == 1)
        #expect(asData.stdout.contains("http://example.org/unlabelled"))
    }

    @Test func illTypedDateIsAViolationWithTheShapesMessage() throws {
        let run = try samsvar(["validate", fixture("bad-date.ttl"), "--shapes", shapes, "--vocab", fixture("themes.ttl"), "--lang", "nb"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("issued må være xsd:date"))
        #expect(run.stdout.contains("\"Thu Oct 01 2015\"^^xsd:date"))
        #expect(run.stdout.contains("1 violation, 0 warnings"))
    }

    @Test func warningsFailOnlyWithFailOnWarning() throws {
        let args = ["validate", fixture("untitled.ttl"), "--shapes", shapes]
        let lenient = try samsvar(args)
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("0 violations, 1 warning"))
        let strict = try samsvar(args + ["--fail-on", "warning"])
        #expect(strict.status == 1)
    }

    @Test func jsonReportIsStableAndComplete() throws {
        let run = try samsvar(["validate", fixture("bad-date.ttl"), "--shapes", shapes, "--report", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["conforms"] as? Bool == false)
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 1)  // bad-date.ttl has a title and no theme: only the datatype fails
        let datatype = try #require(results.first { ($0["constraintComponent"] as? String)?.hasSuffix("DatatypeConstraintComponent") == true })
        #expect(datatype["focusNode"] as? String == "http://example.org/d2")
        #expect(datatype["path"] as? String == "<http://example.org/issued>")
        #expect(datatype["value"] as? String == "\"Thu Oct 01 2015\"^^<http://www.w3.org/2001/XMLSchema#date>")
        #expect(datatype["severity"] as? String == "Violation")
        let again = try samsvar(["validate", fixture("bad-date.ttl"), "--shapes", shapes, "--report", "json"])
        #expect(again.stdout == run.stdout)
    }

    @Test func turtleReportIsTheSHACLReportGraph() throws {
        let dir = try temporaryDirectory()
        let out = dir + "/report.ttl"
        let run = try samsvar(["validate", fixture("bad-date.ttl"), "--shapes", shapes, "--report", "turtle", "-o", out])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Does not conform"))
        let graph = Graph(try RDFReader.quads(path: out, format: .turtle).map(\.triple))
        let sh = Namespace.sh
        #expect(graph.subjects(.iri(RDFVocabulary.type), sh.term("ValidationReport")).count == 1)
        #expect(graph.triples(matching: nil, sh.term("conforms"), .typed("false", datatype: XSD.boolean)).count == 1)
        #expect(graph.triples(matching: nil, sh.term("sourceConstraintComponent"), sh.term("DatatypeConstraintComponent")).count == 1)
    }

    @Test func junitReportHasACasePerFocusNodeAndShape() throws {
        let run = try samsvar(["validate", fixture("good.ttl"), fixture("bad-date.ttl"), "--shapes", shapes,
                               "--vocab", fixture("themes.ttl"), "--report", "junit"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("<testsuites name=\"samsvar validate\" tests=\"2\" failures=\"1\">"))
        #expect(run.stdout.contains("<testcase classname=\"ex:DatasetShape\" name=\"ex:d1\"/>"))
        #expect(run.stdout.contains("<failure message=\"issued must be an xsd:date\""))
    }

    @Test func realDCATAPNOCatalogue() throws {
        let run = try samsvar(["validate", Fixtures.path("samples/dcat-ap-no/test.ttl"), "--profile", "dcat-ap-no"])
        #expect(run.status == 1, Comment(rawValue: run.stderr))
        #expect(run.stdout.contains("1 violation, 5 warnings"))
        #expect(run.stdout.contains("dcat:packageFormat kan ha maks. én verdi som skal være IRI"))
        let examples = try samsvar(["validate", Fixtures.path("samples/dcat-ap-no/DCAT-AP-NO2.0-examples.ttl"), "--profile", "dcat-ap-no"])
        #expect(examples.status == 0, Comment(rawValue: examples.stdout + examples.stderr))
    }

    @Test func badDataIsExitTwoWithPosition() throws {
        let run = try samsvar(["validate", fixture("broken.ttl"), "--shapes", shapes])
        #expect(run.status == 2)
        #expect(run.stderr.contains("broken.ttl:3:"))
    }

    @Test func illFormedShapesAreExitTwo() throws {
        let run = try samsvar(["validate", fixture("good.ttl"), "--shapes", fixture("ill-formed-shapes.ttl")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("sh:minCount"))
    }

    @Test func usageErrorsAreExitTwo() throws {
        #expect(try samsvar(["validate", fixture("good.ttl")]).status == 2)
        #expect(try samsvar(["validate", fixture("good.ttl"), "--shapes", shapes, "--profile", "dcat-ap-no"]).status == 2)
        let unknown = try samsvar(["validate", fixture("good.ttl"), "--profile", "no-such-profile"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("dcat-ap-no"))
        #expect(try samsvar(["validate", fixture("missing.ttl"), "--shapes", shapes]).status == 2)
    }

    @Test func failedRunLeavesNoReportFile() throws {
        let dir = try temporaryDirectory()
        let out = dir + "/report.json"
        let run = try samsvar(["validate", fixture("broken.ttl"), "--shapes", shapes, "--report", "json", "-o", out])
        #expect(run.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }
}

@Suite("samsvar validate: shapes graph checks")
struct ValidateShapesLintTests {
    @Test func misspeltSHACLTermsAreReported() throws {
        let run = try samsvar(["validate", Fixtures.path("validate/untitled.ttl"), "--shapes", Fixtures.path("validate/misspelt-shapes.ttl")])
        #expect(run.status == 0)
        #expect(run.stderr.contains("sh:targetSubjectOf, which SHACL does not define"))
        #expect(run.stderr.contains("did you mean sh:targetSubjectsOf?"))
    }
}
