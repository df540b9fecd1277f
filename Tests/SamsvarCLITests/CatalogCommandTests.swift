import Foundation
import RDFTestSupport
import Testing

@Suite("samsvar catalog")
struct CatalogCommandTests {
    let datasets = "https://data.example.no/datasets/"

    /// A store with the search test catalogue, LOS and the EU tables the labels come from.
    private func makeStore() throws -> (dir: String, store: String) {
        let dir = try temporaryDirectory()
        let store = dir + "/store.sqlite"
        let vocabularies = ["eu/data-theme.ttl", "eu/access-right.ttl", "eu/file-type-skos.rdf", "los/los-all.rdf"]
            .map { Fixtures.repositoryRoot + "/Vocabularies/" + $0 }
        let run = try samsvar(["import", Fixtures.path("catalog/search-catalog.ttl")] + vocabularies + ["--store", store])
        #expect(run.status == 0, "\(run.stderr)")
        return (dir, store)
    }

    @Test func searchPrintsRankedHitsAndFacetsAsJSON() throws {
        let (dir, store) = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try samsvar(["catalog", "search", "skole", "--json", "--store", store])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["total"] as? Int == 4)
        let hits = try #require(json["hits"] as? [[String: Any]])
        #expect(hits.compactMap { $0["iri"] as? String } == ["skolerute", "skoler", "luft", "barnehager"].map { datasets + $0 })
        let facets = try #require(json["facets"] as? [String: [[String: Any]]])
        let publishers = try #require(facets["publishers"])
        #expect(publishers.compactMap { $0["label"] as? String } == ["Oslo kommune", "Folkehelseinstituttet"])
        #expect(publishers.compactMap { $0["count"] as? Int } == [3, 1])

        let text = try samsvar(["catalog", "search", "skole", "--publisher", "974760673", "--limit", "1", "--store", store])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("3 datasets match \"skole\" (1–1 shown)\n"), "\(text.stdout)")
        #expect(text.stdout.contains("1. Skolerute  (score "))
        #expect(text.stdout.contains("Publishers:    Oslo kommune [974760673] (3)\n"))
    }

    @Test func listFindsDatasetsByLifeEventAndTheme() throws {
        let (dir, store) = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let event = try samsvar(["catalog", "list", "--life-event", "fa-barn", "--store", store])
        #expect(event.status == 0, "\(event.stderr)")
        #expect(event.stdout == """
            <\(datasets)barnehager>\tBarnehager i Oslo\tOslo kommune
            <\(datasets)sykehus>\tSykehus og fødeavdelinger\tFolkehelseinstituttet

            """)
        let theme = try samsvar(["catalog", "list", "--theme", "https://psi.norge.no/los/tema/helse-og-omsorg", "--store", store])
        #expect(theme.stdout.split(separator: "\n").count == 2)
        #expect(try samsvar(["catalog", "search", "--limit", "-1", "--store", store]).status == 2)
    }

    @Test func showPrintsADatasetPageOrExits2() throws {
        let (dir, store) = try makeStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try samsvar(["catalog", "show", datasets + "skoler", "--store", store])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Skoler i Oslo\nDataset <\(datasets)skoler>\n"))
        #expect(run.stdout.contains("Themes:         Grunnskole <https://psi.norge.no/los/tema/grunnskole>\n"))
        #expect(run.stdout.contains("Contact point:  Utdanningsetaten · postmottak@ude.oslo.kommune.no\n"))
        #expect(run.stdout.contains("Distributions (2):"))
        #expect(run.stdout.contains("Format:         CSV <http://publications.europa.eu/resource/authority/file-type/CSV>"))

        let json = try samsvar(["catalog", "show", datasets + "skoler", "--json", "--lang", "en", "--store", store])
        let page = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(page["title"] as? String == "Schools in Oslo")
        #expect((page["distributions"] as? [Any])?.count == 2)

        let missing = try samsvar(["catalog", "show", datasets + "nothing", "--store", store])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error: no dataset, series, data service or catalogue <\(datasets)nothing>"))
    }
}
