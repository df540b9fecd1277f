import Alignment
import Foundation
import Testing

@Suite("SSSOM writer")
struct SSSOMWriterTests {
    /// A small set written out in full: the canonical layout the writer promises.
    @Test func canonicalLayout() throws {
        var set = MappingSet(id: "https://example.org/sets/1", license: "https://creativecommons.org/licenses/by/4.0/",
                             curieMap: ["orcid": "https://orcid.org/", "B": "https://b.example/", "A": "https://a.example/"])
        set.title = "Test"
        set.creatorIDs = ["https://orcid.org/0000-0001"]
        set.metadata["sssom_version"] = .string("1.1")
        set.metadata["ext_b"] = .string("true")
        var first = Mapping(subjectID: "https://a.example/1", predicateID: MappingPredicate.exactMatch,
                            objectID: "https://b.example/1", justification: MappingJustification.lexicalMatching,
                            subjectLabel: "one", confidence: 0.9)
        first.mappingDate = "2024-05-01"
        first.subjectPreprocessing = [MappingJustification.namespace("Stemming")]
        first.similarityMeasure = "trigram"
        var second = Mapping(subjectID: "https://a.example/2", predicateID: MappingPredicate.broadMatch,
                             objectID: "https://b.example/2", justification: MappingJustification.lexicalMatching,
                             predicateModifier: .not, confidence: 1, comment: "rejected\tby review")
        second.mappingDate = "2024-05-01"
        second.reviewerIDs = ["https://orcid.org/0000-0002"]
        second.similarityMeasure = "trigram"
        set.mappings = [first, second]
        let expected = """
            #sssom_version: "1.1"
            #curie_map:
            #  A: https://a.example/
            #  B: https://b.example/
            #  orcid: https://orcid.org/
            #mapping_set_id: https://example.org/sets/1
            #mapping_set_title: Test
            #creator_id:
            #  - orcid:0000-0001
            #license: https://creativecommons.org/licenses/by/4.0/
            #mapping_date: "2024-05-01"
            #similarity_measure: trigram
            #ext_b: "true"
            subject_id\tsubject_label\tpredicate_id\tpredicate_modifier\tobject_id\tmapping_justification\treviewer_id\tconfidence\tsubject_preprocessing\tcomment
            A:1\tone\tskos:exactMatch\t\tB:1\tsemapv:LexicalMatching\t\t0.9\tsemapv:Stemming\t
            A:2\t\tskos:broadMatch\tNot\tB:2\tsemapv:LexicalMatching\torcid:0000-0002\t1.0\t\t"rejected\tby review"

            """
        #expect(try SSSOMWriter().write(set) == expected)
        #expect(try SSSOMReader().read(text: expected) == set)
    }

    @Test func withoutCondensationValuesStayOnTheMappings() throws {
        var set = MappingSet(id: "https://example.org/sets/1", license: "https://example.org/licence")
        var mapping = Mapping(subjectID: "http://www.w3.org/2004/02/skos/core#a", predicateID: MappingPredicate.exactMatch,
                              objectID: "http://www.w3.org/2004/02/skos/core#b", justification: MappingJustification.lexicalMatching)
        mapping.mappingDate = "2024-05-01"
        set.mappings = [mapping]
        let text = try SSSOMWriter(options: .init(condense: false)).write(set)
        #expect(!text.contains("#mapping_date"))
        #expect(text.hasSuffix("skos:a\tskos:exactMatch\tskos:b\tsemapv:LexicalMatching\t2024-05-01\n"))
    }

    @Test func numbers() throws {
        var set = MappingSet(id: "https://example.org/s", license: "https://example.org/l")
        set.mappings = [0.0, 0.25, 1.0 / 3.0, 0.1 + 0.2].map {
            Mapping(subjectID: "https://w3id.org/sssom/a", predicateID: MappingPredicate.exactMatch,
                    objectID: "https://w3id.org/sssom/b", justification: MappingJustification.lexicalMatching, confidence: $0)
        }
        let text = try SSSOMWriter().write(set)
        let cells = text.split(separator: "\n").dropFirst(3).map { $0.split(separator: "\t").last.map(String.init) ?? "" }
        // Three decimals where they are exact; all the digits needed where they are not.
        #expect(cells == ["0.0", "0.25", "0.3333333333333333", "0.30000000000000004"])
        #expect(try SSSOMReader().read(text: text) == set)
    }

    @Test func anIRIWithoutAPrefixIsRefused() {
        var set = MappingSet(id: "https://example.org/s", license: "https://example.org/l")
        set.mappings = [Mapping(subjectID: "https://elsewhere.example/x", predicateID: MappingPredicate.exactMatch,
                                objectID: "https://w3id.org/sssom/b", justification: MappingJustification.lexicalMatching)]
        let error = #expect(throws: SSSOMError.self) { try SSSOMWriter().write(set) }
        #expect(error?.message.contains("<https://elsewhere.example/x> (subject_id of mapping 1)") == true)
    }

    @Test func aMappingWithoutSubjectMustBeALiteralMapping() throws {
        var set = MappingSet(id: "https://example.org/s", license: "https://example.org/l")
        var literal = Mapping(subjectID: nil, predicateID: MappingPredicate.exactMatch,
                              objectID: "https://w3id.org/sssom/b", justification: MappingJustification.lexicalMatching,
                              subjectLabel: "bokmål")
        set.mappings = [literal]
        #expect(throws: SSSOMError.self) { try SSSOMWriter().write(set) }
        literal.extras["subject_type"] = ["rdfs literal"]
        set.mappings = [literal]
        #expect(try SSSOMReader().read(text: try SSSOMWriter().write(set)) == set)
    }

    @Test func writesFilesWhole() throws {
        let set = try SSSOMReader().read(path: MappingFixtures.path("sssom/schema/review_date.sssom.tsv"))
        let path = NSTemporaryDirectory() + "samsvar-sssom-writer-\(UUID().uuidString).sssom.tsv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SSSOMWriter().write(set, toFile: path)
        #expect(try SSSOMReader().read(path: path) == set)
        #expect(throws: SSSOMError.self) { try SSSOMWriter().write(set, toFile: "/nonexistent-folder/x.sssom.tsv") }
    }

    @Test func anEmptySetKeepsItsHeader() throws {
        let set = MappingSet(id: "https://example.org/s", license: "https://example.org/l")
        let text = try SSSOMWriter().write(set)
        #expect(text.hasSuffix("subject_id\tpredicate_id\tobject_id\tmapping_justification\n"))
        #expect(try SSSOMReader().read(text: text) == set)
    }

    @Test func slotsWithPropertiesAreNotTakenFromExtras() {
        var set = MappingSet(id: "https://example.org/s", license: "https://example.org/l")
        set.metadata["license"] = .string("https://example.org/other")
        #expect(throws: SSSOMError.self) { try SSSOMWriter().write(set) }
        set.metadata["license"] = nil
        var mapping = Mapping(subjectID: "https://w3id.org/sssom/a", predicateID: MappingPredicate.exactMatch,
                              objectID: "https://w3id.org/sssom/b", justification: MappingJustification.lexicalMatching)
        mapping.extras["confidence"] = ["0.5"]
        set.mappings = [mapping]
        let error = #expect(throws: SSSOMError.self) { try SSSOMWriter().write(set) }
        #expect(error?.message.contains("'confidence'") == true)
    }
}
