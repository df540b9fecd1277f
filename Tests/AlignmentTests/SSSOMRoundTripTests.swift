import Alignment
import Testing

/// The examples of the SSSOM repository that SSSOM's rules reject, and why.
/// `version.sssom.tsv` illustrates `sssom_version` but has no `mapping_set_id`, which the
/// schema makes required for every mapping set.
private let invalidExamples: [String: String] = [
    "sssom/schema/version.sssom.tsv": "mapping_set_id",
]

@Suite("SSSOM round trip")
struct SSSOMRoundTripTests {
    @Test("the suite has its 31 example files")
    func exampleCount() {
        #expect(MappingFixtures.sssomExamples.count == 31)
    }

    /// Read an example, write it, read that: the same mapping set; and writing again
    /// gives the same text.
    @Test(arguments: MappingFixtures.sssomExamples.filter { invalidExamples[$0] == nil })
    func example(_ file: String) throws {
        let set = try SSSOMReader().read(path: MappingFixtures.path(file))
        #expect(!set.mappings.isEmpty)
        let written = try SSSOMWriter().write(set)
        let reread = try SSSOMReader().read(text: written, source: file + " (written)")
        #expect(reread == set)
        #expect(try SSSOMWriter().write(reread) == written)
    }

    /// The same without propagation on reading and condensation on writing.
    @Test(arguments: MappingFixtures.sssomExamples.filter { invalidExamples[$0] == nil })
    func exampleWithoutPropagation(_ file: String) throws {
        let reader = SSSOMReader(options: .init(propagate: false))
        let writer = SSSOMWriter(options: .init(condense: false))
        let set = try reader.read(path: MappingFixtures.path(file))
        let reread = try reader.read(text: try writer.write(set))
        #expect(reread == set)
    }

    @Test(arguments: invalidExamples.keys.sorted())
    func invalidExample(_ file: String) throws {
        let error = #expect(throws: SSSOMError.self) { try SSSOMReader().read(path: MappingFixtures.path(file)) }
        #expect(error?.message.contains(invalidExamples[file] ?? "?") == true)
        #expect(error?.line == 1)
        // Given the missing metadata, the file reads and round-trips.
        let reader = SSSOMReader(options: .init(defaultMappingSetID: "https://example.org/sets/version"))
        let set = try reader.read(path: MappingFixtures.path(file))
        #expect(set.mappings.count == 2)
        #expect(try SSSOMReader().read(text: try SSSOMWriter().write(set)) == set)
    }

    @Test("embedded and external metadata give the same set")
    func embeddedEqualsExternal() throws {
        let pairs = [
            ("sssom/embedded/foodie-inc-2022-05-01.sssom.tsv", "sssom/external/example1.sssom.tsv"),
            ("sssom/embedded/mp-hp-exact-0.0.1.sssom.tsv", "sssom/external/mp-hp-exact-0.0.1.sssom.tsv"),
        ]
        for (embedded, external) in pairs {
            let a = try SSSOMReader().read(path: MappingFixtures.path(embedded))
            let b = try SSSOMReader().read(path: MappingFixtures.path(external))
            #expect(a == b, "\(embedded) vs \(external)")
        }
    }

    @Test("values that need quoting and escaping survive")
    func awkwardValues() throws {
        var set = MappingSet(id: "https://example.org/sets/awkward", license: "https://creativecommons.org/licenses/by/4.0/",
                             curieMap: ["EX": "https://example.org/e/", "orcid": "https://orcid.org/"])
        set.title = "yes"
        set.description = "- a list? no: a description # with a hash\nand a second line, a tab\tand \"quotes\""
        set.version = "1.10"
        set.creatorIDs = ["https://orcid.org/0000-0002-7356-1779"]
        set.metadata["mapping_tool"] = .string("Samsvar: aligner")
        set.metadata["issue_tracker"] = .string("https://example.org/issues")
        set.metadata["mapping_set_confidence"] = .string("0.8")
        set.metadata["ext_note"] = .map([
            MappingMetadataEntry(key: "when", value: .string("2024-01-01")),
            MappingMetadataEntry(key: "items", value: .list([.string("null"), .string(""), .list([.string("~")])])),
        ])
        var a = Mapping(subjectID: "https://example.org/e/1", predicateID: MappingPredicate.exactMatch,
                        objectID: "https://example.org/e/a b", justification: MappingJustification.lexicalMatching)
        a.subjectLabel = "\"quoted\" at the start"
        a.objectLabel = "tab\there, newline\nthere, CR\rtoo"
        a.comment = "pipe | and backslash \\ and ünïcödé 北京"
        a.extras["author_label"] = ["Alice|Bob", "C\\", "\\|"]
        a.extras["see_also"] = ["https://example.org/x?a=1&b=2"]
        a.extras["my_column"] = ["kept | as it is"]
        a.confidence = 0.123456
        a.similarityScore = 0.5
        var b = Mapping(subjectID: "https://example.org/e/2", predicateID: MappingPredicate.broadMatch,
                        objectID: SSSOMVocabulary.noTermFound, justification: MappingJustification.manualMappingCuration,
                        predicateModifier: .not)
        b.reviewerIDs = ["https://orcid.org/0000-0001-0000-0001"]
        b.confidence = 1
        set.mappings = [a, b]
        let text = try SSSOMWriter().write(set)
        let reread = try SSSOMReader().read(text: text)
        // Reading propagates the set's mapping_tool onto both mappings.
        var propagated = set
        propagated.propagate()
        #expect(propagated.metadata["mapping_tool"] == nil)
        #expect(propagated.mappings.allSatisfy { $0.extras["mapping_tool"] == ["Samsvar: aligner"] })
        #expect(reread == propagated)
    }
}
