import Foundation
import RDFTestSupport
import Testing

@Suite("samsvar concepts")
struct ConceptsCommandTests {
    let los = Fixtures.repositoryRoot + "/Vocabularies/los/los-all.rdf"

    @Test func listShowSearchAndTreeFromTheStore() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = dir + "/store.sqlite"
        #expect(try samsvar(["import", los, "--store", store]).status == 0)

        let list = try samsvar(["concepts", "list", "--store", store])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("scheme\t<https://psi.norge.no/los/ontologi/hendelse>\tHendelser\t7 concepts"))

        let show = try samsvar(["concepts", "show", "https://psi.norge.no/los/tema/bygg-og-eiendom", "--store", store, "--lang", "nn"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("Bygg og eigedom\n"))
        #expect(show.stdout.contains("narrower:\n"))
        #expect(show.stdout.contains("  Eigedom <https://psi.norge.no/los/tema/eiendom>"))

        let search = try samsvar(["concepts", "search", "barnehage", "--store", store, "--json"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]])
        #expect(hits.first?["label"] as? String == "Barnehage")

        let tree = try samsvar(["concepts", "tree", "--scheme", "https://psi.norge.no/los/ontologi/tema", "--depth", "0", "--store", store])
        #expect(tree.stdout.split(separator: "\n").count == 14)  // the 14 main themes
    }

    @Test func unknownConceptOrSchemeExits2() throws {
        let missing = try samsvar(["concepts", "show", "urn:nothing", "--file", los])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no concept <urn:nothing>"))
        let scheme = try samsvar(["concepts", "list", "--scheme", "urn:nothing", "--file", los])
        #expect(scheme.status == 2)
    }
}
