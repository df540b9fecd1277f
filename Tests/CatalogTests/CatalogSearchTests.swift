import Catalog
import Foundation
import RDFIO
import Store
import Testing

private let ds = "https://data.example.no/datasets/"
private let los = "https://psi.norge.no/los/"
private let euTheme = "http://publications.europa.eu/resource/authority/data-theme/"

/// The local names of the hits' IRIs (`skoler` for `…/datasets/skoler`).
private func names(_ result: SearchResult) -> [String] {
    result.hits.map { $0.iri.hasPrefix(ds) ? String($0.iri.dropFirst(ds.count)) : $0.iri }
}

/// A facet as label → count.
private func counts(_ facet: [FacetCount]) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: facet.map { ($0.label ?? $0.value, $0.count) })
}

@Suite("Catalogue search")
final class CatalogSearchTests {
    /// The search catalogue with the vocabularies, made for each test and removed after it.
    private let fixture: CatalogTestStore

    init() throws {
        fixture = try CatalogTestStore([CatalogTestStore.searchCatalog], vocabularies: CatalogTestStore.searchVocabularies)
    }

    deinit { fixture.remove() }

    /// Runs a query with a label choice (default: nb, nn, no, en).
    private func search(_ query: CatalogQuery, labels: LabelChooser = LabelChooser()) throws -> SearchResult {
        try CatalogSearch(store: fixture.store, labels: labels).search(query)
    }

    @Test func noWordsListsEveryDatasetByTitleWithFacets() throws {
        let result = try search(CatalogQuery(limit: nil))
        #expect(result.total == 9)
        #expect(result.hits.map { $0.title ?? "" } == [
            "Barnehager i Oslo", "Budsjett 2024", "Budsjett for Oslo kommune", "Luftkvalitet", "Pollenvarsel",
            "Skoler i Oslo", "Skolerute", "Sykehus og fødeavdelinger", "Vannkvalitet på badeplasser",
        ])
        #expect(result.hits.allSatisfy { $0.score == 0 })
        #expect(result.hits.first { $0.iri == ds + "budsjett" }?.kind == .series)
        #expect(result.hits.first { $0.iri == ds + "budsjett-2024" }?.kind == .dataset)
        #expect(counts(result.facets.publishers) == ["Oslo kommune": 5, "Folkehelseinstituttet": 3, "Kartverket": 1])
        #expect(result.facets.publishers.map(\.orgnr) == ["974760673", "983544622", "971040238"])
        #expect(counts(result.facets.accessRights) == ["public": 7, "restricted": 1, "non-public": 1])
        #expect(counts(result.facets.formats) == ["CSV": 3, "JSON": 3, "application/json": 1, "XLSX": 1])
        #expect(result.facets.themes.count == 9)
        let economy = try #require(result.facets.themes.first { $0.value == euTheme + "ECON" })
        #expect(economy.label == "Økonomi og finans" && economy.count == 2)
        #expect(result.facets.themes.first { $0.value == los + "ord/allergi" }?.label == "Allergi")
    }

    @Test func titleWordsRankAboveDescriptionWords() throws {
        // "skole" is the last word, so it also matches as a prefix: Skoler, Skolerute, skolen.
        let result = try search(CatalogQuery(text: "skole"))
        #expect(result.total == 4)
        #expect(names(result) == ["skolerute", "skoler", "luft", "barnehager"])
        let scores = result.hits.map(\.score)
        #expect(scores == scores.sorted(by: >))
        #expect(scores[1] > 1.5 * scores[2], "a title and keyword match outweighs a description match: \(scores)")
    }

    @Test func everyWordMustMatchSomewhereInTheDataset() throws {
        // Only the last word is also a prefix: "skole" is not "skolen" (Barnehager i Oslo).
        let result = try search(CatalogQuery(text: "skole oslo"))
        #expect(Set(names(result)) == ["skoler", "skolerute"])
        #expect(Set(names(try search(CatalogQuery(text: "oslo skole")))) == ["skoler", "skolerute", "barnehager"])
        #expect(try search(CatalogQuery(text: "skole zzzz")).total == 0)
        let none = try search(CatalogQuery(text: "qwertyuiop"))
        #expect(none.total == 0 && none.hits.isEmpty && none.facets.themes.isEmpty && none.facets.publishers.isEmpty)
    }

    @Test func languageRestrictsTheLiteralsThatMatch() throws {
        #expect(names(try search(CatalogQuery(text: "oslo", language: "en"))) == ["skoler"])
        #expect(Set(names(try search(CatalogQuery(text: "oslo", language: "nb")))) == ["skoler", "skolerute", "barnehager", "budsjett"])
        #expect(try search(CatalogQuery(text: "air", language: "nb")).total == 0)
        let english = try search(CatalogQuery(text: "air"), labels: .preferring("en"))
        #expect(names(english) == ["luft"])
        #expect(english.hits.first?.title == "Air quality")
        #expect(english.hits.first?.titleLanguage == "en")
    }

    @Test func themeFilterTakesNarrowerLOSThemes() throws {
        #expect(Set(names(try search(CatalogQuery(themes: [los + "tema/skole-og-utdanning"])))) == ["skoler", "skolerute"])
        // ord/allergi → tema/folkehelse → tema/helse-og-omsorg; ord/sykehus → tema/helsetjenester → tema/helse-og-omsorg.
        #expect(Set(names(try search(CatalogQuery(themes: [los + "tema/helse-og-omsorg"])))) == ["pollen", "sykehus"])
        #expect(names(try search(CatalogQuery(themes: [los + "tema/familie-og-barn"]))) == ["barnehager"])
        #expect(Set(names(try search(CatalogQuery(themes: [euTheme + "ENVI"])))) == ["luft", "vann"])
        #expect(try search(CatalogQuery(themes: ["https://example.org/no-such-theme"])).total == 0)
        // Alternatives: either theme.
        #expect(try search(CatalogQuery(themes: [euTheme + "ENVI", euTheme + "ECON"])).total == 4)
    }

    @Test func lifeEventFindsTheWordsItIsRelatedTo() throws {
        // hendelse/fa-barn is skos:related to ord/barnehageplass and ord/sykehus (among 16 words).
        let result = try search(CatalogQuery(themes: [los + "hendelse/fa-barn"]))
        #expect(Set(names(result)) == ["barnehager", "sykehus"])
        #expect(counts(result.facets.themes) == ["Barnehageplass": 1, "Sykehus": 1])
    }

    @Test func publisherFilterTakesOrganisationNumbersAndIRIs() throws {
        #expect(try search(CatalogQuery(publishers: ["974760673"])).total == 5)
        #expect(names(try search(CatalogQuery(publishers: ["971040238"]))) == ["vann"])   // from the IRI only
        #expect(try search(CatalogQuery(publishers: ["https://data.brreg.no/enhetsregisteret/api/enheter/983544622"])).total == 3)
        #expect(try search(CatalogQuery(publishers: ["000000000"])).total == 0)
    }

    @Test func formatFilterMatchesIRIsTheirEndsLabelsAndText() throws {
        #expect(Set(names(try search(CatalogQuery(formats: ["csv"])))) == ["skoler", "skolerute", "vann"])
        #expect(names(try search(CatalogQuery(formats: ["text/csv"]))) == ["skoler"])
        #expect(Set(names(try search(CatalogQuery(formats: ["JSON"])))) == ["skoler", "barnehager", "pollen", "luft"])
        #expect(names(try search(CatalogQuery(formats: ["application/json"]))) == ["luft"])
        #expect(names(try search(CatalogQuery(formats: ["xlsx"]))) == ["sykehus"])
    }

    @Test func accessRightsFilterMatchesIRIsLastSegmentsAndLabels() throws {
        #expect(try search(CatalogQuery(accessRights: ["PUBLIC"])).total == 7)
        #expect(names(try search(CatalogQuery(accessRights: ["restricted"]))) == ["luft"])
        #expect(names(try search(CatalogQuery(accessRights: ["non-public"]))) == ["sykehus"])
        #expect(names(try search(CatalogQuery(accessRights: ["http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC"]))) == ["sykehus"])
    }

    @Test func filtersCombineWithWordsAndFacetsCountEveryMatchNotThePage() throws {
        let result = try search(CatalogQuery(text: "skole", publishers: ["974760673"], limit: 1))
        #expect(result.total == 3)
        #expect(names(result) == ["skolerute"])
        #expect(counts(result.facets.publishers) == ["Oslo kommune": 3])
        #expect(counts(result.facets.formats) == ["CSV": 2, "JSON": 2])

        let page = try search(CatalogQuery(limit: 2, offset: 1))
        #expect(page.total == 9 && page.offset == 1)
        #expect(page.hits.map { $0.title ?? "" } == ["Budsjett 2024", "Budsjett for Oslo kommune"])
        #expect(counts(page.facets.publishers)["Oslo kommune"] == 5)
    }

    @Test func hitsCarryLabelledThemesFormatsAndPublisher() throws {
        let hit = try #require(try search(CatalogQuery(text: "schools")).hits.first)
        #expect(hit.iri == ds + "skoler")
        #expect(hit.publisher == Agent(iri: "https://data.brreg.no/enhetsregisteret/api/enheter/974760673", name: "Oslo kommune", orgnr: "974760673"))
        #expect(hit.themes.map(\.text) == ["Grunnskole", "Utdanning, kultur og sport"])
        #expect(hit.formats.map(\.text) == ["CSV", "JSON"])
        #expect(hit.accessRights.map(\.text) == ["public"])
    }

    @Test func theIndexIsKeptInTheStoreUntilAGraphChanges() throws {
        let fixture = try CatalogTestStore([CatalogTestStore.searchCatalog], vocabularies: [])
        defer { fixture.remove() }
        let first = try CatalogSearch(store: fixture.store)
        #expect(first.indexSource == .built)
        #expect(first.datasetCount == 9)
        let second = try CatalogSearch(store: fixture.store)
        #expect(second.indexSource == .stored)
        #expect(try second.search(CatalogQuery(text: "skole")).total == 4)

        let extra = "<https://data.example.no/datasets/ny> a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/title> \"Nye skoler\"@nb .\n"
        try fixture.store.importGraph(ImportSource(bytes: Array(extra.utf8), format: .turtle, base: nil, location: "extra"), into: "urn:test:extra")
        let third = try CatalogSearch(store: fixture.store)
        #expect(third.indexSource == .built)
        #expect(third.datasetCount == 10)
        #expect(try third.search(CatalogQuery(text: "skole")).total == 5)
        try fixture.store.deleteGraph("urn:test:extra")
        #expect(try CatalogSearch(store: fixture.store).datasetCount == 9)
    }

    @Test func validationReportGraphsAreIgnored() throws {
        let fixture = try CatalogTestStore([CatalogTestStore.searchCatalog], vocabularies: [])
        defer { fixture.remove() }
        let ghost = "<https://data.example.no/datasets/ghost> a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/title> \"Skole ghost\"@nb .\n"
        try fixture.store.importGraph(ImportSource(bytes: Array(ghost.utf8), format: .turtle, base: nil, location: "ghost"),
                                      into: "urn:test:catalog" + Harvester.validationSuffix)
        let search = try CatalogSearch(store: fixture.store)
        #expect(search.datasetCount == 9)
        #expect(try search.search(CatalogQuery(text: "ghost")).total == 0)
        #expect(try CatalogReader(store: fixture.store).dataset(ds + "ghost") == nil)
    }
}
