import Alignment
import Testing

private let skos = "http://www.w3.org/2004/02/skos/core#"
private let semapv = "https://w3id.org/semapv/vocab/"

private func read(_ file: String, options: SSSOMReader.Options = .init()) throws -> MappingSet {
    try SSSOMReader(options: options).read(path: MappingFixtures.path("sssom/" + file))
}

/// Reads `text` and returns the error it must raise.
private func failure(_ text: String) -> SSSOMError? {
    #expect(throws: SSSOMError.self) { try SSSOMReader().read(text: text, source: "test.sssom.tsv") }
}

/// A valid metadata block for the error tests.
private let header = """
    #curie_map:
    #  EX: https://example.org/
    #mapping_set_id: https://example.org/set
    #license: https://creativecommons.org/licenses/by/4.0/

    """

@Suite("SSSOM reader")
struct SSSOMReaderTests {
    @Test func foodieExample() throws {
        let set = try read("embedded/foodie-inc-2022-05-01.sssom.tsv")
        #expect(set.id == "https://w3id.org/sssom/tutorial/example1.sssom.tsv")
        #expect(set.license == "https://creativecommons.org/licenses/by/4.0/")
        #expect(set.version == "2022-05-01")
        #expect(set.description?.hasPrefix("Manually curated alignment of KEWL FOODIE INC") == true)
        // Built-in prefixes declared in the file are not kept in the curie_map.
        #expect(set.curieMap == [
            "FOODON": "http://purl.obolibrary.org/obo/FOODON_", "KF_FOOD": "https://kewl-foodie.inc/food/",
            "orcid": "https://orcid.org/", "wikidata": "https://www.wikidata.org/wiki/",
        ])
        #expect(set.mappings.count == 5)
        let apple = set.mappings[0]
        #expect(apple.subjectID == "https://kewl-foodie.inc/food/F001")
        #expect(apple.subjectLabel == "apple")
        #expect(apple.predicateID == skos + "exactMatch")
        #expect(apple.objectID == "http://purl.obolibrary.org/obo/FOODON_00002473")
        #expect(apple.justification == semapv + "ManualMappingCuration")
        #expect(apple.authorIDs == ["https://orcid.org/0000-0002-7356-1779"])
        #expect(apple.confidence == 0.95)
        #expect(apple.mappingDate == "2022-05-02")
        #expect(apple.comment == "We could map to FOODON:03310788 instead to cover sliced apples, but only \"whole\" apple types exist.")
        // Propagated from the set: subject_source and object_source reach every mapping.
        #expect(set.mappings.allSatisfy { $0.extras["subject_source"] == ["https://kewl-foodie.inc/food/DB"] })
        #expect(set.mappings.allSatisfy { $0.extras["object_source"] == ["https://www.wikidata.org/wiki/Q55118395"] })
        #expect(set.metadata["subject_source"] == nil)
        // mapping_date was on the set and on every row with the same value: one value, on the rows.
        #expect(set.metadata["mapping_date"] == nil)
        // comment is not propagatable: it stays on the set.
        #expect(set.metadata["comment"]?.string?.hasPrefix("We could map to FOODON:00004187") == true)
        #expect(set.mappings[3].objectID == "https://w3id.org/sssom/NoMapping")
        #expect(set.mappings[3].objectLabel == nil)
        #expect(set.mappings[4].predicateID == skos + "broadMatch")
    }

    @Test func withoutPropagationTheSetKeepsItsValues() throws {
        let set = try read("embedded/foodie-inc-2022-05-01.sssom.tsv", options: .init(propagate: false))
        #expect(set.metadata["subject_source"] == .string("https://kewl-foodie.inc/food/DB"))
        #expect(set.metadata["mapping_date"] == .string("2022-05-02"))
        #expect(set.mappings.allSatisfy { $0.extras["subject_source"] == nil })
    }

    @Test func externalMetadataIsFoundBesideTheFile() throws {
        let set = try read("external/mp-hp-exact-0.0.1.sssom.tsv")
        #expect(set.id == "https://w3id.org/sssom/mappings/27f85fe9-8a72-4e76-909b-7ba4244d9ede")
        #expect(set.mappings.count == 42)
        #expect(set.mappings.last?.subjectID == "http://purl.obolibrary.org/obo/HP_0400001")
        #expect(set.mappings.last?.objectLabel == "cleft chin")  // no CR left from the CRLF line ends
        #expect(set.mappings.allSatisfy { $0.extras["mapping_provider"] == ["http://purl.obolibrary.org/obo/upheno.owl"] })
    }

    @Test func pipeEscaping() throws {
        let set = try read("schema/pipe-escaping.sssom.tsv")
        #expect(set.mappings[0].extras["author_label"] == ["Alice|Bob", "Charlie"])
        #expect(set.mappings[1].extras["author_label"] == ["Alice\\Bob", "Charlie\\", "David\\|Eve\\"])
        // Folded YAML (>-) in the metadata.
        #expect(set.metadata["comment"]?.string?.hasPrefix("This mapping set is intended to demonstrate the backslash-based escaping") == true)
    }

    @Test func escapedPipesInAMultivaluedMatchString() throws {
        let set = try read("schema/cxsmiles_pipe.sssom.tsv")
        #expect(set.mappings[0].extras["match_string"] == [
            "c12c3c4c5c1[Fe]23451234c5c1c2c3c45 |C:4.5,0.6,1.7,2.8,3.9,7.12,6.10,9.16,10.18,8.14|",
        ])
        #expect(set.mappings[0].extras["subject_match_field"] == ["http://www.wikidata.org/entity/P10718"])
    }

    @Test func literalMappingsHaveNoSubjectID() throws {
        let set = try read("schema/literals.sssom.tsv")
        #expect(set.mappings.count == 4)
        #expect(set.mappings[0].subjectID == nil)
        #expect(set.mappings[0].subjectLabel == "alice")
        #expect(set.mappings[0].extras["subject_type"] == ["rdfs literal"])
    }

    @Test func noTermFoundAndSetLevelCreators() throws {
        let set = try read("schema/no_term_found.sssom.tsv")
        #expect(set.mappings[1].objectID == SSSOMVocabulary.noTermFound)
        #expect(set.creatorIDs == ["https://orcid.org/0000-0002-7356-1779"])
        #expect(set.mappings.allSatisfy { $0.extras["subject_source"] == ["http://purl.obolibrary.org/obo/hp"] })
        // A lone scalar for a multi-valued slot is read as a one-item list.
        let inrae = try read("schema/curation_rule_text2.sssom.tsv")
        #expect(inrae.creatorIDs == ["https://ror.org/02kvxyf05"])
        #expect(inrae.metadata["creator_label"] == .list([.string("INRAE")]))
        #expect(inrae.mappings[0].objectID == "http://www.cropontology.org/rdf/CO_321:0000080")
    }

    @Test func similarityScoreAndMeasure() throws {
        let set = try read("schema/similarity_score.sssom.tsv")
        #expect(set.mappings.map(\.similarityScore) == [0.8, 0.4, 1.0])
        // similarity_measure is a string slot: a CURIE there is kept as written.
        #expect(set.mappings[0].similarityMeasure == "wikidata:Q865360")
        #expect(set.mappings[0].justification == semapv + "LexicalSimilarityThresholdMatching")
    }

    @Test func extensionSlotsAreKept() throws {
        let set = try read("schema/extension-slots.sssom.tsv")
        #expect(set.title == "Sample set EXO2C with extension slots")
        #expect(set.metadata["ext_foo"] == .string("Foo A"))
        #expect(set.metadata["ext_undeclared_foo"] == .string("Foo B"))
        guard case .list(let definitions) = set.metadata["extension_definitions"] else {
            Issue.record("extension_definitions is not a list")
            return
        }
        #expect(definitions.count == 3)
        #expect(set.mappings[0].extras["ext_bar"] == ["111"])
        #expect(set.mappings[0].extras["ext_baz"] == ["ORGENT:BAZ_0001"])
        #expect(set.mappings[2].extras["ext_baz"] == nil)
        #expect(set.mappings[2].extras["ext_undeclared_baz"] == ["Baz C"])
    }

    @Test func reviewerSlots() throws {
        let set = try read("schema/reviewer_agreement.sssom.tsv")
        #expect(set.mappings[2].reviewerIDs == ["https://orcid.org/0000-0003-4423-4370"])
        #expect(set.mappings[2].extras["reviewer_agreement"] == ["-0.99"])
        #expect(set.mappings[1].authorIDs == [])
    }

    @Test func compositeEntitiesExpandLikeAnyCURIE() throws {
        let set = try read("schema/composite-entities.sssom.tsv")
        #expect(set.mappings[0].subjectID == "http://example.org/schema0001/(disease:'MONDO:0005148',phenotype:'HP:0009124')")
    }

    @Test func rejectedMappingWithPredicateModifier() throws {
        let set = try SSSOMReader().read(text: header + """
            subject_id\tpredicate_id\tpredicate_modifier\tobject_id\tmapping_justification\treviewer_id\tconfidence
            EX:a\tskos:exactMatch\tNot\tEX:b\tsemapv:ManualMappingCuration\tEX:alice|EX:bob\t0.9

            """)
        #expect(set.mappings[0].isNegated)
        #expect(set.mappings[0].reviewerIDs == ["https://example.org/alice", "https://example.org/bob"])
    }

    @Test func quotedValuesSpanLines() throws {
        let set = try SSSOMReader().read(text: header + """
            subject_id\tpredicate_id\tobject_id\tmapping_justification\tcomment
            EX:a\tskos:exactMatch\tEX:b\tsemapv:LexicalMatching\t"one\ttab, ""quotes""
            and a second line"
            EX:c\tskos:exactMatch\tEX:d\tsemapv:LexicalMatching\tplain "inner" quotes
            """)
        #expect(set.mappings.map(\.comment) == ["one\ttab, \"quotes\"\nand a second line", "plain \"inner\" quotes"])
    }

    @Test func preOneZeroColumnsAreConverted() throws {
        let set = try SSSOMReader().read(text: header + """
            subject_id\tpredicate_id\tobject_id\tmatch_type\tmatch_term_type\tsemantic_similarity_score
            EX:a\tskos:exactMatch\tEX:b\tLexical\tClassMatch\t0.7

            """)
        #expect(set.mappings[0].justification == semapv + "LexicalMatching")
        #expect(set.mappings[0].extras["subject_type"] == ["owl class"])
        #expect(set.mappings[0].similarityScore == 0.7)
    }

    @Test func setLevelMappingToolIsPropagated() throws {
        let text = """
            #mapping_set_id: https://example.org/set
            #license: https://creativecommons.org/licenses/by/4.0/
            #mapping_tool: Samsvar
            #subject_preprocessing:
            #  - semapv:Stemming
            subject_id\tpredicate_id\tobject_id\tmapping_justification\tmapping_tool
            skos:a\tskos:exactMatch\tskos:b\tsemapv:LexicalMatching\t
            skos:c\tskos:exactMatch\tskos:d\tsemapv:LexicalMatching\tother

            """
        let set = try SSSOMReader().read(text: text)
        // One row has its own mapping_tool, so the set's value stays on the set.
        #expect(set.metadata["mapping_tool"] == .string("Samsvar"))
        #expect(set.mappings.map { $0.extras["mapping_tool"] } == [nil, ["other"]])
        // No row has preprocessing: the set's value moves to every row.
        #expect(set.metadata["subject_preprocessing"] == nil)
        #expect(set.mappings.allSatisfy { $0.subjectPreprocessing == [semapv + "Stemming"] })
    }

    // MARK: Errors, with their positions

    @Test func undeclaredPrefix() {
        let error = failure(header + "subject_id\tpredicate_id\tobject_id\tmapping_justification\nEX:a\tskos:exactMatch\tFOO:b\tsemapv:LexicalMatching\n")
        #expect(error?.line == 6)
        #expect(error?.column == 22)
        #expect(error?.message.contains("'FOO'") == true)
        #expect(error?.description.hasPrefix("test.sssom.tsv:6:22: error:") == true)
    }

    @Test func iriWhereACURIEBelongs() {
        let error = failure(header + "subject_id\tpredicate_id\tobject_id\tmapping_justification\nhttps://example.org/a\tskos:exactMatch\tEX:b\tsemapv:LexicalMatching\n")
        #expect(error?.line == 6)
        #expect(error?.column == 1)
        #expect(error?.message.contains("is an IRI") == true)
    }

    @Test func unclosedQuote() {
        let error = failure(header + "subject_id\tpredicate_id\tobject_id\tmapping_justification\tcomment\nEX:a\tskos:exactMatch\tEX:b\tsemapv:LexicalMatching\t\"never closed\n")
        #expect(error?.line == 6)
        #expect(error?.column == 50)
    }

    @Test func textAfterAClosingQuote() {
        let error = failure(header + "subject_id\tpredicate_id\tobject_id\tmapping_justification\n\"EX:a\"x\tskos:exactMatch\tEX:b\tsemapv:LexicalMatching\n")
        #expect(error?.line == 6)
        #expect(error?.column == 7)
    }

    @Test func tooManyValues() {
        let error = failure(header + "subject_id\tpredicate_id\tobject_id\tmapping_justification\nEX:a\tskos:exactMatch\tEX:b\tsemapv:LexicalMatching\textra\n")
        #expect(error?.line == 6)
        #expect(error?.column == 50)
        #expect(error?.message.contains("5 values but the header names 4 columns") == true)
    }

    @Test func confidenceOutOfRange() {
        let error = failure(header + "subject_id\tpredicate_id\tobject_id\tmapping_justification\tconfidence\nEX:a\tskos:exactMatch\tEX:b\tsemapv:LexicalMatching\t1.5\n")
        #expect(error?.line == 6)
        #expect(error?.column == 50)
        #expect(error?.message.contains("confidence") == true)
    }

    @Test func unknownPredicateModifier() {
        let error = failure(header + "subject_id\tpredicate_id\tpredicate_modifier\tobject_id\tmapping_justification\nEX:a\tskos:exactMatch\tNo\tEX:b\tsemapv:LexicalMatching\n")
        #expect(error?.column == 22)
    }

    @Test func missingRequiredColumnAndValues() {
        let noJustification = failure(header + "subject_id\tpredicate_id\tobject_id\nEX:a\tskos:exactMatch\tEX:b\n")
        #expect(noJustification?.line == 5)
        #expect(noJustification?.message.contains("mapping_justification") == true)
        let emptySubject = failure(header + "subject_id\tpredicate_id\tobject_id\tmapping_justification\n\tskos:exactMatch\tEX:b\tsemapv:LexicalMatching\n")
        #expect(emptySubject?.line == 6)
        #expect(emptySubject?.message.contains("subject_id is empty") == true)
    }

    @Test func yamlErrorsPointIntoTheFile() {
        // libyaml notices the missing "]" at the end of the block; the message says where the
        // list began, in the file's columns (shifted by "# ").
        let error = failure("# mapping_set_id: https://example.org/set\n# license: x\n# curie_map: [unclosed\nsubject_id\n")
        #expect(error?.line == 4)
        #expect(error?.message.contains("flow sequence that starts at line 3, column 14") == true, "\(String(describing: error))")
    }

    @Test func builtInPrefixCannotBeRedefined() {
        let error = failure("#curie_map:\n#  skos: https://example.org/not-skos#\n#mapping_set_id: https://example.org/set\n#license: x\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\n")
        #expect(error?.line == 2)
        #expect(error?.column == 10)
    }

    @Test func missingLicense() {
        let error = failure("#mapping_set_id: https://example.org/set\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\n")
        #expect(error?.message.contains("license") == true)
    }

    @Test func invalidUTF8() {
        var bytes = Array((header + "subject_id\tpredicate_id\tobject_id\tmapping_justification\tcomment\nEX:a\tskos:exactMatch\tEX:b\tsemapv:LexicalMatching\t").utf8)
        bytes += [0xC3, 0x28, 0x0A]
        #expect(throws: SSSOMError.self) { try SSSOMReader().read(bytes: bytes) }
    }
}
