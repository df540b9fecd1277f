import Catalog
import Foundation
import RDF
import Store
import Testing

private let test = "https://example.com/test/relasjon/"

@Suite("Catalogue views")
struct CatalogViewTests {
    /// Digdir's DCAT-AP-NO test catalogue and the 2.0 examples, with the vocabularies.
    private func withSamples<T>(_ body: (SQLiteQuadStore) throws -> T) throws -> T {
        let fixture = try CatalogTestStore([CatalogTestStore.dcatTest, CatalogTestStore.dcatExamples])
        defer { fixture.remove() }
        return try body(fixture.store)
    }

    @Test func datasetTitleFollowsTheLanguagePreference() throws {
        try withSamples { store throws in
            let iri = test + "begrep/testDatasett"
            #expect(try CatalogReader(store: store).dataset(iri)?.title == "Test av relasjon til begrep")
            let english = try #require(try CatalogReader(store: store, labels: .preferring("en")).dataset(iri))
            #expect(english.title == "Test of relation to concept")
            #expect(english.titleLanguage == "en")
            #expect(english.publisher?.name == "The Norwegian Digitalisation Agency")
            #expect(try CatalogReader(store: store, labels: LabelChooser(languages: ["nn"])).dataset(iri)?.title == "Test av relasjon til omgrep")
        }
    }

    @Test func datasetPageHasLabelledTermsContactAndDistributions() throws {
        try withSamples { store throws in
            let d = try #require(try CatalogReader(store: store).dataset(test + "begrep/testDatasett"))
            #expect(d.kind == .dataset)
            #expect(d.description == "Dette er en test av å relatere til begrep i forbindelse med høsting av datasett_1311_2.")
            #expect(d.publisher == Agent(iri: "https://data.brreg.no/enhetsregisteret/api/enheter/991825827",
                                         name: "Digitaliseringsdirektoratet", orgnr: "991825827"))
            // LOS and EU data-theme labels; EuroVoc is not among the vocabularies, so its IRIs stay unlabelled.
            #expect(d.themes.map(\.text) == ["Allergi", "Energi", "http://eurovoc.europa.eu/100145", "http://eurovoc.europa.eu/100181"])
            #expect(d.languages.map(\.text) == ["Norsk"])
            #expect(d.spatial.map(\.text) == ["Brønnøy"])
            #expect(d.types.map(\.text) == ["Kodeliste"])
            #expect(d.temporal == [PeriodOfTime(start: "2002-01-01", end: "2024-01-01")])
            #expect(d.landingPages == ["https://www.digdir.no/"])
            #expect(d.contactPoints == [ContactPoint(organizationUnit: "Informasjonsforvaltningsgruppen",
                                                     email: "fellesdatakatalog@digdir.no", telephone: "1233456")])
            #expect(d.inSeries.map(\.text) == ["Test datasettserie"])
            #expect(d.graphs == [URL(fileURLWithPath: CatalogTestStore.dcatTest).standardizedFileURL.absoluteString])

            #expect(d.distributions.map { $0.title ?? "" } == ["Distribusjon1", "Distribusjon2", "Distribusjon3", "Distribusjon4"])
            let first = d.distributions[0]
            #expect(first.formats == [LabeledTerm(iri: "http://publications.europa.eu/resource/authority/file-type/JSON", label: "JSON", language: "en")])
            #expect(first.mediaTypes.map(\.text) == ["application/json"])
            #expect(first.accessRights?.label == "non-public")
            #expect(first.downloadURLs == [test + "begrep/testDistribusjon1/downloadURL"])
            #expect(first.modified == "2023-03-17")
            #expect(d.distributions[3].formats.isEmpty)
        }
    }

    @Test func seriesKnowsItsMembersAndCatalogue() throws {
        try withSamples { store throws in
            let series = try #require(try CatalogReader(store: store).dataset(test + "begrep/testDatasettserie"))
            #expect(series.kind == .series)
            #expect(series.title == "Test datasettserie")
            #expect(series.seriesMembers == [LabeledTerm(iri: test + "begrep/testDatasett", label: "Test av relasjon til begrep", language: "nb")])
            #expect(series.catalogs.map(\.text) == ["Test av relasjoner"])
            #expect(try CatalogReader(store: store).types(of: test + "begrep/testDatasettserie") == [.series])
        }
    }

    @Test func catalogueAndExamplesDataset() throws {
        try withSamples { store throws in
            let reader = CatalogReader(store: store)
            let catalog = try #require(try reader.catalog(test + "testKatalog"))
            #expect(catalog.title == "Test av relasjoner")
            #expect(catalog.datasets == [test + "begrep/testDatasettserie"])
            #expect(catalog.publisher?.orgnr == "991825827")
            #expect(try reader.catalogs().map { $0.title ?? "" }.sorted() == ["Eksempelkatalog", "Test av relasjoner"])

            let buildings = try #require(try reader.dataset("https://examples.org/dcatno_Examples#dsBuildings"))
            #expect(buildings.title == "Bygninger - et eksempeldatasett")
            #expect(buildings.themes.map(\.text) == ["Forvaltning og offentlig sektor"])
            // The publisher has no name anywhere: the number comes from the IRI.
            #expect(buildings.publisher == Agent(iri: "https://organization-catalog.fellesdatakatalog.digdir.no/organizations/991825827", name: nil, orgnr: "991825827"))
            let english = try #require(try CatalogReader(store: store, labels: .preferring("en")).dataset("https://examples.org/dcatno_Examples#dsBuildings"))
            #expect(english.themes.map(\.text) == ["Government and public sector"])
        }
    }

    @Test func unknownResourcesAreNil() throws {
        try withSamples { store throws in
            let reader = CatalogReader(store: store)
            #expect(try reader.dataset("https://example.org/nothing") == nil)
            #expect(try reader.dataService(test + "begrep/testDatasett") == nil)
            #expect(try reader.catalog(test + "begrep/testDatasett") == nil)
            #expect(try reader.types(of: "https://example.org/nothing").isEmpty)
        }
    }

    @Test func labelChooserRanksLanguagesThenUntaggedThenAny() {
        let chooser = LabelChooser()
        #expect(chooser.rank(language: "nb") == 0)
        #expect(chooser.rank(language: "NB-no") == 0)
        #expect(chooser.rank(language: "nbx") == 5)
        #expect(chooser.rank(language: "en") == 3)
        #expect(chooser.rank(language: nil) == 4)
        #expect(chooser.rank(language: "de") == 5)
        let labels = [Literal("Hallo", language: "de"), Literal("untagged"), Literal("English", language: "en"), Literal("*", language: "nb")]
        #expect(chooser.best(labels)?.lexicalForm == "English")
        #expect(chooser.best([Literal("untagged"), Literal("*", language: "nb")])?.lexicalForm == "untagged")
        #expect(LabelChooser(languages: ["fr"]).best(labels)?.lexicalForm == "untagged")
        #expect(LabelChooser.preferring("en").languages == ["en", "nb", "nn", "no"])
        #expect(chooser.bestLanguage([Literal("b", language: "en"), Literal("a", language: "en"), Literal("c", language: "de")]).map(\.lexicalForm) == ["a", "b"])
    }

    @Test func organisationNumbers() {
        #expect(Agent.orgnr(in: "https://data.brreg.no/enhetsregisteret/api/enheter/991825827") == "991825827")
        #expect(Agent.orgnr(in: "991 825 827") == "991825827")
        #expect(Agent.orgnr(in: "https://example.org/org/1991825827") == nil)
        #expect(Agent.orgnr(in: "https://example.org/org/99182582x") == nil)
        #expect(Agent.orgnr(in: "12345") == nil)
    }

    @Test func themeIndexExpandsLOSThemesAndLifeEvents() throws {
        let fixture = try CatalogTestStore([CatalogTestStore.vocabularies.last!], vocabularies: [])
        defer { fixture.remove() }
        let themes = try ThemeIndex(store: fixture.store)
        let los = "https://psi.norge.no/los/"
        let names = ["tema/helse-og-omsorg", "tema/folkehelse", "ord/allergi", "tema/arbeid", "hendelse/fa-barn", "ord/barnehageplass"]
        let ids = try fixture.store.termIDs(names.map { .iri(los + $0) }).map { try #require($0) }
        let health = themes.expansion(of: ids[0])
        #expect(health.count == 87)
        #expect(health.isSuperset(of: [ids[0], ids[1], ids[2]]))
        #expect(!health.contains(ids[3]))
        #expect(themes.expansion(of: ids[2]) == [ids[2]])
        #expect(themes.isLifeEvent(ids[4]))
        #expect(!themes.isLifeEvent(ids[0]))
        let birth = themes.expansion(of: ids[4])
        #expect(birth.count == 17)
        #expect(birth.contains(ids[5]))
    }
}
