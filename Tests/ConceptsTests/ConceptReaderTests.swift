import Concepts
import Foundation
import RDFTestSupport
import Store
import Testing

private let los = Fixtures.repositoryRoot + "/Vocabularies/los/los-all.rdf"
private let v2 = Fixtures.path("concepts/skos-ap-no-v2-example.ttl")
private let v1 = Fixtures.path("catalogs/fdk/concept-harvester/concept_0.ttl")
private let owl = Fixtures.path("concepts/obo-style.owl")

@Suite("Concepts: reading SKOS, SKOS-XL, SKOS-AP-NO and OWL")
struct ConceptReaderTests {
    @Test func losThemesHaveLabelsAndHierarchy() throws {
        let index = try ConceptLoader.load(file: los)
        let themes = try #require(index.restricted(to: "https://psi.norge.no/los/ontologi/tema"))
        let housing = try #require(themes.concept("https://psi.norge.no/los/tema/bygg-og-eiendom"))
        #expect(housing.label() == "Bygg og eiendom")
        #expect(housing.label(.preferring("nn")) == "Bygg og eigedom")
        #expect(!housing.narrower.isEmpty)
        // Every narrower theme has this one among its ancestors.
        for n in housing.narrower { #expect(themes.ancestors(of: n).contains(housing.id)) }
        #expect(themes.descendants(of: housing.id).count >= housing.narrower.count)
        // The theme structure's top concepts are the 14 main themes.
        let structure = try #require(index.scheme("https://psi.norge.no/los/struktur"))
        #expect(structure.topConcepts.count == 14)
        let events = try #require(index.restricted(to: "https://psi.norge.no/los/ontologi/hendelse"))
        #expect(events.concept("https://psi.norge.no/los/hendelse/alvorlig-sykt-barn")?.label() == "Å ha et alvorlig sykt barn")
    }

    @Test func skosAPNOv2DefinitionsAndGenericRelations() throws {
        let index = try ConceptLoader.load(file: v2)
        let c = try #require(index.concept("https://example.org/tstCpt1"))
        #expect(c.label() == "testbegrep")
        #expect(c.label(.preferring("en")) == "test concept")
        #expect(c.labels(.alternative).map(\.text).sorted() == ["fiktive concept", "fiktivt begrep"])
        #expect(c.labels(.hidden).count == 2)
        #expect(c.definition(.preferring("en")) == "concept only meant to illustrate SKOS-AP-NO-Begrep in RDF/Turtle")
        #expect(c.broader.contains("https://example.org/tstCpt2"))
        #expect(c.narrower.contains("https://example.org/tstCpt3"))
        #expect(c.wholes == ["https://example.org/tstCpt2"])
        #expect(c.parts == ["https://example.org/tstCpt3"])
        // The inverse side knows it too.
        #expect(index.concept("https://example.org/tstCpt3")?.broader.contains(c.id) == true)
        let collection = try #require(index.restricted(to: "https://example.org/tstCat"))
        #expect(collection.concepts.map(\.id) == (1...4).map { "https://example.org/tstCpt\($0)" })
    }

    @Test func skosAPNOv1WithSKOSXLLabels() throws {
        let index = try ConceptLoader.load(file: v1)
        let c = try #require(index.concept("https://example.com/begrep/0"))
        #expect(c.label() == "data.norge.no")
        #expect(c.labels(.alternative).map(\.text) == ["FDK"])
        #expect(c.labels(.hidden).map(\.text) == ["Felles Norge "])
        #expect(c.definition() == "I forbindelse med sammenslåing av data.norge.no og FDK må dette begrepet defineres.")
        #expect(c.collections == ["https://www.example.com/begrepskatalog/0"])
    }

    @Test func owlClassesWithOBOSynonyms() throws {
        let index = try ConceptLoader.load(file: owl, profile: .owl)
        #expect(index.concepts.count == 3)
        let lip = try #require(index.concept("http://example.org/anatomy#A2"))
        #expect(lip.label() == "Lip")
        #expect(lip.labels(.alternative).map(\.text) == ["labium oris"])
        #expect(lip.labels(.related).map(\.text) == ["Lips"])
        #expect(lip.definition() == "Either of the two fleshy folds surrounding the mouth.")
        #expect(lip.broader == ["http://example.org/anatomy#A1"])
        #expect(index.ancestors(of: "http://example.org/anatomy#A3") == ["http://example.org/anatomy#A2", "http://example.org/anatomy#A1"])
        #expect(index.roots.map(\.id) == ["http://example.org/anatomy#A1"])
        // The SKOS profile does not take OWL classes for concepts.
        #expect(try ConceptLoader.load(file: owl, profile: .skos).concepts.isEmpty)
    }

    @Test func searchRanksExactPreferredLabelsFirst() throws {
        let index = try ConceptLoader.load(file: los)
        let hits = index.search("barnehage")
        #expect(hits.first?.concept.label() == "Barnehage")
        #expect(hits.count > 1)
        #expect(index.search("eigedom", language: "nn").contains { $0.concept.id == "https://psi.norge.no/los/tema/bygg-og-eiendom" })
        #expect(index.search("zzzqqq").isEmpty)
    }

    @Test func loadingFromTheStoreByVocabulary() throws {
        let folder = NSTemporaryDirectory() + "samsvar-concepts-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteQuadStore(path: folder + "/store.sqlite")
        try store.importGraph(.file(los), into: "urn:test:los")
        try store.importGraph(.file(v2), into: "urn:test:v2")
        let events = try ConceptLoader.load(from: store, vocabulary: "https://psi.norge.no/los/ontologi/hendelse")
        #expect(events.concepts.allSatisfy { $0.id.hasPrefix("https://psi.norge.no/los/hendelse/") })
        #expect(events.concepts.count == 7)  // LOS has seven life events
        let all = try ConceptLoader.load(from: store)
        #expect(all.concept("https://example.org/tstCpt1") != nil)
        #expect(throws: ConceptError.unknownVocabulary("urn:none")) { try ConceptLoader.load(from: store, vocabulary: "urn:none") }
    }
}
