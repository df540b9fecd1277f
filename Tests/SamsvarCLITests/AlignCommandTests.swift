import Foundation
import RDFTestSupport
import Testing

@Suite("samsvar align and alignments")
struct AlignCommandTests {
    static let bokmal = """
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <urn:a:s> a skos:ConceptScheme .
        <urn:a:bosted> a skos:Concept ; skos:inScheme <urn:a:s> ; skos:prefLabel "bosted"@nb .
        <urn:a:virksomhet> a skos:Concept ; skos:inScheme <urn:a:s> ; skos:prefLabel "virksomhet"@nb .
        <urn:a:adresse> a skos:Concept ; skos:inScheme <urn:a:s> ; skos:prefLabel "adresse"@nb .
        """
    static let nynorsk = """
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <urn:b:s> a skos:ConceptScheme .
        <urn:b:bustad> a skos:Concept ; skos:inScheme <urn:b:s> ; skos:prefLabel "bustad"@nn .
        <urn:b:verksemd> a skos:Concept ; skos:inScheme <urn:b:s> ; skos:prefLabel "verksemd"@nn .
        <urn:b:bustadadresse> a skos:Concept ; skos:inScheme <urn:b:s> ; skos:prefLabel "bustadadresse"@nn .
        """

    @Test func alignWritesSSSOMAndReviewIsRemembered() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.bokmal.write(toFile: dir + "/a.ttl", atomically: true, encoding: .utf8)
        try Self.nynorsk.write(toFile: dir + "/b.ttl", atomically: true, encoding: .utf8)
        let store = dir + "/store.sqlite"

        let run = try samsvar(["align", dir + "/a.ttl", dir + "/b.ttl", "-o", dir + "/out.sssom.tsv", "--store", store])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("exactMatch\t<urn:a:bosted> \"bosted\"\t<urn:b:bustad> \"bustad\""))
        #expect(run.stdout.contains("narrowMatch\t<urn:a:adresse>"))
        // Files are imported on the fly, so their concepts can be shown later.
        let show = try samsvar(["concepts", "show", "urn:b:bustad", "--store", store])
        #expect(show.stdout.hasPrefix("bustad\n"), "\(show.stderr)")
        let sssom = try String(contentsOfFile: dir + "/out.sssom.tsv", encoding: .utf8)
        #expect(sssom.contains("mapping_set_id:"))
        #expect(sssom.contains("semapv:LexicalMatching"))

        #expect(try samsvar(["alignments", "reject", "urn:a:bosted", "urn:b:bustad", "--reviewer", "kari", "--comment", "nei",
                             "--store", store]).status == 0)
        #expect(try samsvar(["alignments", "accept", "urn:a:virksomhet", "urn:b:verksemd", "--reviewer", "orcid:0000-0002-1825-0097",
                             "--store", store]).status == 0)
        let list = try samsvar(["alignments", "list", "--status", "rejected", "--store", store])
        #expect(list.stdout.contains("rejected\t-\texactMatch\t<urn:a:bosted>"))
        // A rejected pair is not proposed again.
        let again = try samsvar(["align", dir + "/a.ttl", dir + "/b.ttl", "--store", store])
        #expect(!again.stdout.contains("<urn:a:bosted> \"bosted\"\t<urn:b:bustad>"))
        let export = try samsvar(["alignments", "export", "--store", store])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("predicate_modifier"))
        #expect(export.stdout.contains("semapv:ManualMappingCuration"))
        #expect(export.stdout.contains("orcid:0000-0002-1825-0097"))
    }

    @Test func evaluatePrintsPrecisionRecallAndF1() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pair = Fixtures.path("alignment/dh-benchmark/arch1_defc-pactols")
        let run = try samsvar(["align", pair + "/source.rdf", pair + "/target.rdf", "--evaluate", pair + "/reference.rdf",
                               "--limit", "0", "--store", dir + "/store.sqlite"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("precision"))
        #expect(run.stderr.contains("F1"))
    }
}
