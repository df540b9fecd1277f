import Foundation
@testable import Mapping
import RDF
import Testing

/// RDF output from CSV rows: named graphs, several resources per record, base IRIs,
/// datatypes checked, IRI-safe templates, and rejects for values that cannot be terms.
@Suite struct ExecutorRDFTests {
    private func run(_ yaml: String, csv: String) throws -> (output: String, rejects: [String], summary: ExecutorSummary) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("samsvar-rdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: input))
        let spec = try MappingSpec.parse(yaml: yaml, file: "m.yaml", directory: dir.path)
        var bytes: [UInt8] = []
        var reasons: [String] = []
        let output = try ExecutorOutput(target: spec.target) { bytes.append(contentsOf: $0) }
        let rejects = ExecutorRejects { line in
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            reasons.append("\(object?["record"] ?? ""): \(object?["reason"] ?? "")")
        }
        let summary = try MappingExecutor(spec: spec).run(inputs: [input], output: output, rejects: rejects)
        return (String(decoding: bytes, as: UTF8.self), reasons, summary)
    }

    @Test func graphsResourcesBaseAndChecks() throws {
        let yaml = """
            source: {format: csv, delimiter: ";"}
            target:
              format: nquads
              base: "https://data.example.no/"
              prefixes: {ex: "https://data.example.no/def#"}
              resources:
                - subject: "kommune/{nr}"
                  class: ex:Kommune
                  graph: "graf/{fylke}"
                  properties:
                    - {predicate: [ex:navn, rdfs:label], field: navn, language: "{språk}"}
                    - {predicate: ex:etablert, field: dato, datatype: xsd:date}
                    - {predicate: ex:side, iri: "{nettside}"}
                - subject: "sted/{navn}"
                  when: {field: navn, exists: true}
                  properties:
                    - {predicate: ex:i, iri: "kommune/{nr}"}
                    - {predicate: ex:aktiv, field: aktiv}
            fields:
              nr: {path: nr, required: true}
              navn: navn
              språk: {path: språk, default: nb}
              fylke: fylke
              dato: {path: dato, function: {date: {from: dd.MM.yyyy}}}
              nettside: nettside
              aktiv: {path: aktiv, type: boolean}
            """
        let csv = "nr;navn;språk;fylke;dato;nettside;aktiv\r\n"
            + "0301;Oslo;;03;01.01.1838;https://www.oslo.kommune.no/;ja\r\n"
            + "5001;Trondheim/Tråante;nb;50;01.01.1838;;0\r\n"
            + "1103;Stavanger;nb;11;31.02.1838;;1\r\n"
            + "4601;Bergen;nb;46;01.01.1838;ikke en iri;1\r\n"
            + ";Ingen;nb;00;01.01.2000;;1\r\n"
        let (nq, rejects, summary) = try run(yaml, csv: csv)
        let ex = "https://data.example.no/def#"
        let expected = """
            <https://data.example.no/kommune/0301> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <\(ex)Kommune> <https://data.example.no/graf/03> .
            <https://data.example.no/kommune/0301> <\(ex)navn> "Oslo"@nb <https://data.example.no/graf/03> .
            <https://data.example.no/kommune/0301> <http://www.w3.org/2000/01/rdf-schema#label> "Oslo"@nb <https://data.example.no/graf/03> .
            <https://data.example.no/kommune/0301> <\(ex)etablert> "1838-01-01"^^<http://www.w3.org/2001/XMLSchema#date> <https://data.example.no/graf/03> .
            <https://data.example.no/kommune/0301> <\(ex)side> <https://www.oslo.kommune.no/> <https://data.example.no/graf/03> .
            <https://data.example.no/sted/Oslo> <\(ex)i> <https://data.example.no/kommune/0301> .
            <https://data.example.no/sted/Oslo> <\(ex)aktiv> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
            <https://data.example.no/kommune/5001> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <\(ex)Kommune> <https://data.example.no/graf/50> .
            <https://data.example.no/kommune/5001> <\(ex)navn> "Trondheim/Tråante"@nb <https://data.example.no/graf/50> .
            <https://data.example.no/kommune/5001> <http://www.w3.org/2000/01/rdf-schema#label> "Trondheim/Tråante"@nb <https://data.example.no/graf/50> .
            <https://data.example.no/kommune/5001> <\(ex)etablert> "1838-01-01"^^<http://www.w3.org/2001/XMLSchema#date> <https://data.example.no/graf/50> .
            <https://data.example.no/sted/Trondheim%2FTr\u{E5}ante> <\(ex)i> <https://data.example.no/kommune/5001> .
            <https://data.example.no/sted/Trondheim%2FTr\u{E5}ante> <\(ex)aktiv> "false"^^<http://www.w3.org/2001/XMLSchema#boolean> .

            """
        #expect(nq == expected)
        #expect(summary.read == 5 && summary.written == 2 && summary.rejected == 3)
        #expect(rejects == [
            "3: field 'dato': '31.02.1838' is not a real date or time",
            "4: property <https://data.example.no/def#side>: the object 'https://data.example.no/ikke en iri' is not a valid IRI: it holds a space",
            "5: field 'nr': required but empty (no value at path 'nr')",
        ])
    }
    /// `{+path}` keeps the slashes of a path-like value (RFC 6570 reserved expansion), as
    /// LOS's source gives concept paths such as `hendelse/fa-barn`; `{path}` encodes them.
    @Test func reservedExpansionKeepsSlashes() throws {
        let yaml = """
            source: {format: csv}
            target:
              format: ntriples
              subject: "https://psi.norge.no/los/{+sti}"
              properties:
                - {predicate: rdfs:seeAlso, iri: "https://psi.norge.no/los/{sti}"}
            fields:
              sti: sti
            """
        let (output, rejects, _) = try run(yaml, csv: "sti\nhendelse/fa-barn\nord/a b?c#d%41\n")
        #expect(rejects.isEmpty)
        #expect(output == """
            <https://psi.norge.no/los/hendelse/fa-barn> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <https://psi.norge.no/los/hendelse%2Ffa-barn> .
            <https://psi.norge.no/los/ord/a%20b?c#d%41> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <https://psi.norge.no/los/ord%2Fa%20b%3Fc%23d%2541> .

            """)
        #expect(ExpressionTemplate.iriReservedSafe("a b<c>{d}|e^f`g\"h") == "a%20b%3Cc%3E%7Bd%7D%7Ce%5Ef%60g%22h")
    }
}
