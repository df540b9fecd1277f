import Alignment
import Testing

private let skos = "http://www.w3.org/2004/02/skos/core#"

/// A small alignment in the Alignment API's own spelling (namespace with `#`), with each
/// relation once.
private func alignment(cells: String) -> String {
    """
    <?xml version="1.0" encoding="utf-8"?>
    <rdf:RDF xmlns="http://knowledgeweb.semanticweb.org/heterogeneity/alignment#"
             xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
             xmlns:xsd="http://www.w3.org/2001/XMLSchema#">
    <Alignment>
      <xml>yes</xml>
      <level>0</level>
      <type>**</type>
      <onto1><Ontology rdf:about="http://example.org/a"/></onto1>
      <onto2>http://example.org/b</onto2>
      \(cells)
    </Alignment>
    </rdf:RDF>
    """
}

private func cell(_ entity1: String, _ entity2: String, relation: String = "=", measure: String = "1.0") -> String {
    """
    <map><Cell>
      <entity1 rdf:resource="http://example.org/a#\(entity1)"/>
      <entity2 rdf:resource="http://example.org/b#\(entity2)"/>
      <relation>\(relation)</relation>
      <measure rdf:datatype="http://www.w3.org/2001/XMLSchema#float">\(measure)</measure>
    </Cell></map>
    """
}

@Suite("OAEI alignment reader")
struct OAEIReaderTests {
    @Test func anatomyReference() throws {
        let alignment = try OAEIAlignmentReader().read(path: MappingFixtures.path("alignment/oaei-anatomy/reference.xml"))
        // The file holds 1,516 <Cell> elements, all "=" with measure 1.0.
        #expect(alignment.mappings.count == 1516)
        #expect(alignment.level == "0")
        #expect(alignment.type == "??")
        #expect(alignment.mappings.allSatisfy { $0.predicateID == skos + "exactMatch" && $0.confidence == 1.0 })
        #expect(alignment.mappings.allSatisfy { $0.subjectID?.hasPrefix("http://mouse.owl#MA_") == true })
        #expect(alignment.mappings.allSatisfy { $0.objectID?.hasPrefix("http://human.owl#NCI_") == true })
        let first = try #require(alignment.mappings.first)
        #expect(first.subjectID == "http://mouse.owl#MA_0002401")
        #expect(first.objectID == "http://human.owl#NCI_C52561")
        #expect(first.justification == MappingJustification.unspecifiedMatching)
        // No pair twice.
        #expect(Set(alignment.mappings.map { [$0.subjectID, $0.objectID] }).count == 1516)
    }

    @Test(arguments: MappingFixtures.dhBenchmarkPairs.map(\.pair))
    func dhBenchmarkReference(_ pair: String) throws {
        let expected = try #require(MappingFixtures.dhBenchmarkPairs.first { $0.pair == pair }?.cells)
        let path = MappingFixtures.path("alignment/dh-benchmark/\(pair)/reference.rdf")
        let alignment = try OAEIAlignmentReader().read(path: path)
        #expect(alignment.mappings.count == expected)
        #expect(alignment.mappings.allSatisfy { $0.predicateID == skos + "exactMatch" && $0.confidence == 1.0 })
        #expect(alignment.ontology1 != nil && alignment.ontology2 != nil)
        let gold = try GoldAlignment.read(path: path)
        #expect(gold.format == .oaei)
        #expect(gold.mappings == alignment.mappings)
    }

    @Test func dhBenchmarkOntologies() throws {
        let alignment = try OAEIAlignmentReader().read(
            path: MappingFixtures.path("alignment/dh-benchmark/arch1_defc-pactols/reference.rdf"))
        #expect(alignment.ontology1 == "https://vocabs.acdh.oeaw.ac.at/defcthesaurus/")
        #expect(alignment.ontology2 == "https://ark.frantiq.fr/ark:/26678/")
        #expect(alignment.mappings[0].subjectID == "https://vocabs.acdh.oeaw.ac.at/defcthesaurus/tell/4.2")
        #expect(alignment.mappings[0].objectID == "https://ark.frantiq.fr/ark:/26678/pcrtx4sFxmENjb")
    }

    @Test func relationsAndMeasures() throws {
        let text = alignment(cells: [
            cell("x", "X"),
            cell("narrow", "broad", relation: "&lt;", measure: "0.75"),
            cell("broad", "narrow", relation: "&gt;"),
            cell("p", "q", relation: "%"),
            cell("r", "s", relation: "fr.inrialpes.exmo.align.impl.rel.SubsumedRelation", measure: "0.5"),
        ].joined(separator: "\n"))
        let read = try OAEIAlignmentReader(justification: MappingJustification.manualMappingCuration)
            .read(bytes: Array(text.utf8), source: "inline.rdf")
        #expect(read.ontology1 == "http://example.org/a")
        #expect(read.ontology2 == "http://example.org/b")
        #expect(read.mappings.map(\.predicateID) == [
            skos + "exactMatch", skos + "broadMatch", skos + "narrowMatch",
            "http://www.w3.org/2002/07/owl#disjointWith", skos + "broadMatch",
        ])
        #expect(read.mappings.map(\.confidence) == [1.0, 0.75, 1.0, 1.0, 0.5])
        #expect(read.mappings[1].subjectID == "http://example.org/a#narrow")
        #expect(read.mappings[1].objectID == "http://example.org/b#broad")
        #expect(read.mappings.allSatisfy { $0.justification == MappingJustification.manualMappingCuration })
    }

    @Test func badCells() {
        let unknown = #expect(throws: OAEIAlignmentError.self) {
            try OAEIAlignmentReader().read(bytes: Array(alignment(cells: cell("a", "b", relation: "~")).utf8), source: "x.rdf")
        }
        #expect(unknown?.description == "x.rdf: error: cell 1: '~' is not a relation (=, <, >, %)")
        let measure = #expect(throws: OAEIAlignmentError.self) {
            try OAEIAlignmentReader().read(bytes: Array(alignment(cells: cell("a", "b", measure: "1.5")).utf8))
        }
        #expect(measure?.message.contains("measure '1.5'") == true)
        let half = alignment(cells: "<map><Cell><entity1 rdf:resource=\"http://example.org/a#a\"/></Cell></map>")
        let missing = #expect(throws: OAEIAlignmentError.self) { try OAEIAlignmentReader().read(bytes: Array(half.utf8)) }
        #expect(missing?.message.contains("no entity2") == true)
    }

    @Test func goldAlignmentFromSKOSTriples() throws {
        let turtle = """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix a: <http://example.org/a#> .
            @prefix b: <http://example.org/b#> .
            a:x skos:exactMatch b:x ; skos:prefLabel "x" .
            a:y skos:broadMatch b:z .
            a:y skos:broadMatch b:z .
            """
        let gold = try GoldAlignment.read(bytes: Array(turtle.utf8), format: .turtle)
        #expect(gold.format == .skos)
        #expect(gold.mappings.map(\.predicateID) == [skos + "exactMatch", skos + "broadMatch"])
        #expect(throws: OAEIAlignmentError.self) {
            try GoldAlignment.read(bytes: Array("<http://a> <http://b> <http://c> .\n".utf8), format: .nTriples)
        }
    }

    @Test func goldAlignmentFromSSSOM() throws {
        let embedded = try GoldAlignment.read(path: MappingFixtures.path("sssom/embedded/mp-hp-exact-0.0.1.sssom.tsv"))
        #expect(embedded.format == .sssom)
        #expect(embedded.mappings.count == 42)
        // External metadata: the header is the first line.
        let external = try GoldAlignment.read(path: MappingFixtures.path("sssom/external/mp-hp-exact-0.0.1.sssom.tsv"))
        #expect(external.format == .sssom)
        #expect(external.mappings == embedded.mappings)
        // The anatomy reference is told apart from SSSOM by its content.
        let anatomy = try GoldAlignment.read(path: MappingFixtures.path("alignment/oaei-anatomy/reference.xml"))
        #expect(anatomy.format == .oaei)
        #expect(anatomy.mappings.count == 1516)
    }
}
