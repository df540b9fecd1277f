@testable import Mapping
import RDFIO
import Testing

/// What a valid mapping file reads as.
@Suite struct MappingSpecTests {
    @Test func sourceAndTargetOptions() throws {
        let spec = try MappingSpec.parse(yaml: """
            description: Enheter fra regneark
            version: 1
            source: {format: csv, delimiter: ";", encoding: windows-1252, header: true, comment: "#", ragged: pad, quote: ~}
            target: {format: csv, delimiter: tab, line-end: lf, list-separator: " | ", columns: [b, a], header: false}
            fields: {a: a, b: b}
            """, file: "m.yaml")
        #expect(spec.source.format == .csv)
        #expect(spec.source.options.dialect.delimiter == ";")
        #expect(spec.source.options.dialect.encoding == .windows1252)
        #expect(spec.source.options.dialect.quote == nil)
        #expect(spec.source.options.dialect.commentPrefix == "#")
        #expect(spec.source.options.dialect.raggedRows == .pad)
        #expect(spec.target.format == .records(.csv))
        #expect(spec.target.columns == [1, 0])
        #expect(spec.target.options.columns == ["b", "a"])
        #expect(spec.target.options.dialect.delimiter == "\t")
        #expect(spec.target.options.dialect.lineTerminator == .lf)
        #expect(spec.target.options.dialect.header == false)
        #expect(spec.target.options.listSeparator == " | ")
    }

    @Test func xmlSourceAndTarget() throws {
        let spec = try MappingSpec.parse(yaml: """
            source: {format: xml, iterator: "//e:enhet", namespaces: {e: "urn:enheter"}, arrays: [adresse]}
            target: {format: xml, root: enheter, record: enhet, pretty: true, namespaces: {"": "urn:ut"}}
            fields: {"@id": "@orgnr", navn: "navn.#text"}
            """, file: "m.yaml")
        #expect(spec.source.options.iterator == "//e:enhet")
        #expect(spec.source.options.namespaces == ["e": "urn:enheter"])
        #expect(spec.source.options.arrayElements == ["adresse"])
        #expect(spec.target.options.root == "enheter" && spec.target.options.record == "enhet" && spec.target.options.pretty)
        #expect(spec.target.options.namespaces == ["": "urn:ut"])
    }

    @Test func anchorsAndMergeKeys() throws {
        let spec = try MappingSpec.parse(yaml: """
            source: {format: json}
            target: {format: json}
            fields:
              navn: &tekst {path: navn, function: [trim, titlecase], default: "-"}
              kortnavn:
                <<: *tekst
                path: kortnavn
            """, file: "m.yaml")
        let field = try #require(spec.field(named: "kortnavn"))
        #expect(field.defaultValue == .string("-"))
        #expect(field.steps.map(\.name) == ["trim", "titlecase"])
        guard case .path(let p) = field.value else { Issue.record("not a path"); return }
        #expect(p.text == "kortnavn")
    }

    @Test func rdfTargetExpandsCURIEs() throws {
        let spec = try MappingSpec.parse(yaml: """
            source: {format: json}
            target:
              format: ttl
              prefixes: {ex: "https://example.org/"}
              subject: "ex:enhet/{id}"
              class: [rov:RegisteredOrganization, "https://example.org/Enhet"]
              properties:
                - {predicate: a, iri: "skos:Concept"}
                - {predicate: [rdfs:label, skos:prefLabel], field: id, language: nb}
            fields: {id: id}
            """, file: "m.yaml")
        #expect(spec.target.format == .rdf(.turtle))
        let rdf = try #require(spec.target.rdf)
        #expect(rdf.resources.count == 1)
        #expect(rdf.resources[0].classes == ["http://www.w3.org/ns/regorg#RegisteredOrganization", "https://example.org/Enhet"])
        #expect(rdf.resources[0].properties[0].predicates == ["http://www.w3.org/1999/02/22-rdf-syntax-ns#type"])
        #expect(rdf.resources[0].properties[1].predicates == ["http://www.w3.org/2000/01/rdf-schema#label",
                                                             "http://www.w3.org/2004/02/skos/core#prefLabel"])
        guard case .iri(.template(let t), _) = rdf.resources[0].subject,
              case .text(let head) = t.parts[0] else { Issue.record("subject"); return }
        #expect(head == "https://example.org/enhet/")
        #expect(rdf.declaredPrefixes.first! == ("ex", "https://example.org/"))
    }

    @Test func nestedNamesCannotCollide() {
        #expect(throws: MappingSpecError("field 'adresse.poststed' nests under 'adresse', which is a field of its own; rename one of them",
                                         source: "m.yaml", line: 2, column: 9)) {
            try MappingSpec.parse(yaml: """
                source: {format: json}
                target: {format: json}
                fields: {adresse: a, adresse.poststed: b}
                """, file: "m.yaml")
        }
        // In CSV the dotted name is just a column name.
        #expect(throws: Never.self) {
            try MappingSpec.parse(yaml: """
                source: {format: json}
                target: {format: csv}
                fields: {adresse: a, adresse.poststed: b}
                """, file: "m.yaml")
        }
    }

    @Test func readsAFile() throws {
        #expect(throws: MappingSpecError("cannot read the mapping file", source: "/finnes/ikke.yaml", line: 1, column: 1)) {
            try MappingSpec.read(path: "/finnes/ikke.yaml")
        }
    }
}
