import Foundation
@testable import Mapping
import RDF
import RDFIO
import RDFTestSupport
import Testing

/// End to end: Enhetsregisteret's JSON records (a search page of two units) mapped to CSV
/// and to RDF in the W3C Registered Organization and Organization vocabularies, compared
/// with the exact expected output; the unit whose organisational form the value map lacks
/// goes to the rejects file.
@Suite struct ExecutorEnhetsregisteretTests {
    static let input = Fixtures.path("records/enheter-search-page1-response.json")

    /// Runs `yaml` over the search page; returns the output, the rejects and the summary.
    static func run(_ yaml: String, inputs: [String] = [input]) throws -> (output: String, rejects: String, summary: ExecutorSummary) {
        let spec = try MappingSpec.parse(yaml: yaml, file: "enheter.yaml", directory: Fixtures.path("records"))
        var bytes: [UInt8] = []
        var rejectBytes: [UInt8] = []
        let output = try ExecutorOutput(target: spec.target) { bytes.append(contentsOf: $0) }
        let rejects = ExecutorRejects { rejectBytes.append(contentsOf: $0) }
        let summary = try MappingExecutor(spec: spec).run(inputs: inputs, output: output, rejects: rejects)
        return (String(decoding: bytes, as: UTF8.self), String(decoding: rejectBytes, as: UTF8.self), summary)
    }

    static let csvMapping = """
        source: {format: json, iterator: "$._embedded.enheter[*]"}
        target: {format: csv, columns: [orgnr, navn, orgform, kommune, ansatte, registrert]}
        fields:
          orgnr: {path: organisasjonsnummer, required: true}
          navn: {path: navn, function: titlecase}
          orgform: {path: organisasjonsform.kode, map: orgform}
          kommune: {path: forretningsadresse.kommune, function: titlecase, default: ""}
          ansatte: {path: antallAnsatte, type: integer}
          registrert: {path: registreringsdatoEnhetsregisteret, function: {date: {to: dd.MM.yyyy}}}
        maps:
          orgform: {inline: {AS: Aksjeselskap, ENK: Enkeltpersonforetak}, unmapped: fail}
        """

    @Test func toCSVWithRejects() throws {
        let (csv, rejects, summary) = try Self.run(Self.csvMapping)
        #expect(csv == "orgnr,navn,orgform,kommune,ansatte,registrert\r\n976030788,Sesam As,Aksjeselskap,Trondheim,10,25.01.1996\r\n")
        #expect(summary.read == 2 && summary.written == 1 && summary.rejected == 1 && summary.skipped == 0)
        #expect(summary.description == "read 2, written 1, rejected 1")

        let lines = rejects.split(separator: "\n")
        #expect(lines.count == 1)
        let line = String(lines.first ?? "")
        #expect(line.hasPrefix("{\"record\":2,\"source\":\"\(Self.input)\",\"line\":53,\"input\":{\"organisasjonsnummer\":\"971497017\",\"navn\":\"SESAM FAMILIEBARNEHAGE\","))
        #expect(line.hasSuffix(",\"reason\":\"field 'orgform': 'FLI' is not in value map 'orgform'\"}"))
        // The input is the whole record, as JSON.
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let input = object?["input"] as? [String: Any]
        #expect(input?["antallAnsatte"] as? Int == 0)
        #expect((input?["forretningsadresse"] as? [String: Any])?["poststed"] as? String == "OSLO")
        #expect(input?.count == 19)
    }

    @Test func unmappedKeptOrDefaulted() throws {
        let keep = try Self.run(Self.csvMapping.replacingOccurrences(of: "unmapped: fail", with: "unmapped: keep"))
        #expect(keep.output.hasSuffix("971497017,Sesam Familiebarnehage,FLI,Oslo,0,20.02.1995\r\n"))
        #expect(keep.rejects.isEmpty && keep.summary.written == 2)
        let byDefault = try Self.run(Self.csvMapping.replacingOccurrences(of: "unmapped: fail", with: "unmapped: {default: Annen}"))
        #expect(byDefault.output.hasSuffix("971497017,Sesam Familiebarnehage,Annen,Oslo,0,20.02.1995\r\n"))
    }

    static let rdfMapping = """
        source: {format: json, iterator: "$._embedded.enheter[*]"}
        target:
          format: ntriples
          prefixes:
            enhet: "https://data.brreg.no/enhetsregisteret/api/enheter/"
            orgform: "https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/"
          subject: "enhet:{orgnr}"
          class: [rov:RegisteredOrganization]
          properties:
            - {predicate: rov:legalName, field: navn, language: nb}
            - {predicate: rov:orgType, iri: "orgform:{orgform}"}
            - predicate: rov:registration
              resource:
                class: [adms:Identifier]
                properties:
                  - {predicate: skos:notation, field: orgnr}
                  - {predicate: dct:issued, field: registrert, datatype: xsd:date}
            - predicate: org:hasRegisteredSite
              when: {field: postnummer, exists: true}
              resource:
                subject: "enhet:{orgnr}#forretningsadresse"
                class: [org:Site]
                properties:
                  - predicate: org:siteAddress
                    resource:
                      class: [locn:Address]
                      properties:
                        - {predicate: locn:thoroughfare, field: gate}
                        - {predicate: locn:postCode, field: postnummer}
                        - {predicate: locn:postName, field: poststed}
            - {predicate: org:subOrganizationOf, iri: "enhet:{overordnet}", when: {field: overordnet, exists: true}}
            - {predicate: schema:numberOfEmployees, field: ansatte}
            - {predicate: dct:description, template: "{navn} i {poststed}", language: nb, when: {field: ansatte, equals: 0}}
        fields:
          orgnr: {path: organisasjonsnummer, required: true}
          navn: {path: navn}
          orgform: organisasjonsform.kode
          registrert: registreringsdatoEnhetsregisteret
          gate: {path: "forretningsadresse.adresse[*]"}
          postnummer: forretningsadresse.postnummer
          poststed: {path: forretningsadresse.poststed, function: titlecase}
          overordnet: overordnetEnhet
          ansatte: antallAnsatte
        """

    @Test func toRDFInRegOrg() throws {
        let (nt, rejects, summary) = try Self.run(Self.rdfMapping)
        let e = "<https://data.brreg.no/enhetsregisteret/api/enheter/"
        let rov = "<http://www.w3.org/ns/regorg#", org = "<http://www.w3.org/ns/org#", locn = "<http://www.w3.org/ns/locn#"
        let type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
        let expected = """
            \(e)976030788> \(type) \(rov)RegisteredOrganization> .
            \(e)976030788> \(rov)legalName> "SESAM AS"@nb .
            \(e)976030788> \(rov)orgType> <https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/AS> .
            _:r1n1 \(type) <http://www.w3.org/ns/adms#Identifier> .
            _:r1n1 <http://www.w3.org/2004/02/skos/core#notation> "976030788" .
            _:r1n1 <http://purl.org/dc/terms/issued> "1996-01-25"^^<http://www.w3.org/2001/XMLSchema#date> .
            \(e)976030788> \(rov)registration> _:r1n1 .
            \(e)976030788#forretningsadresse> \(type) \(org)Site> .
            _:r1n2 \(type) \(locn)Address> .
            _:r1n2 \(locn)thoroughfare> "Elgeseter gate 1" .
            _:r1n2 \(locn)postCode> "7030" .
            _:r1n2 \(locn)postName> "Trondheim" .
            \(e)976030788#forretningsadresse> \(org)siteAddress> _:r1n2 .
            \(e)976030788> \(org)hasRegisteredSite> \(e)976030788#forretningsadresse> .
            \(e)976030788> <https://schema.org/numberOfEmployees> "10"^^<http://www.w3.org/2001/XMLSchema#integer> .
            \(e)971497017> \(type) \(rov)RegisteredOrganization> .
            \(e)971497017> \(rov)legalName> "SESAM FAMILIEBARNEHAGE"@nb .
            \(e)971497017> \(rov)orgType> <https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/FLI> .
            _:r2n1 \(type) <http://www.w3.org/ns/adms#Identifier> .
            _:r2n1 <http://www.w3.org/2004/02/skos/core#notation> "971497017" .
            _:r2n1 <http://purl.org/dc/terms/issued> "1995-02-20"^^<http://www.w3.org/2001/XMLSchema#date> .
            \(e)971497017> \(rov)registration> _:r2n1 .
            \(e)971497017#forretningsadresse> \(type) \(org)Site> .
            _:r2n2 \(type) \(locn)Address> .
            _:r2n2 \(locn)thoroughfare> "Colletts gate 44" .
            _:r2n2 \(locn)postCode> "0169" .
            _:r2n2 \(locn)postName> "Oslo" .
            \(e)971497017#forretningsadresse> \(org)siteAddress> _:r2n2 .
            \(e)971497017> \(org)hasRegisteredSite> \(e)971497017#forretningsadresse> .
            \(e)971497017> <https://schema.org/numberOfEmployees> "0"^^<http://www.w3.org/2001/XMLSchema#integer> .
            \(e)971497017> <http://purl.org/dc/terms/description> "SESAM FAMILIEBARNEHAGE i Oslo"@nb .

            """
        #expect(nt == expected)
        #expect(rejects.isEmpty)
        #expect(summary.read == 2 && summary.written == 2 && summary.statements == 31)
    }

    @Test func turtleHoldsTheSameGraph() throws {
        let nt = try Self.run(Self.rdfMapping).output
        let ttl = try Self.run(Self.rdfMapping.replacingOccurrences(of: "format: ntriples", with: "format: turtle")).output
        #expect(ttl.contains("@prefix enhet: <https://data.brreg.no/enhetsregisteret/api/enheter/> ."))
        #expect(ttl.contains("rov:RegisteredOrganization"))
        var a = Dataset(), b = Dataset()
        try RDFReader.read(bytes: Array(nt.utf8), format: .nTriples) { a.insert($0) }
        try RDFReader.read(bytes: Array(ttl.utf8), format: .turtle) { b.insert($0) }
        #expect(a.count == 31)
        #expect(a.isIsomorphic(to: b))
    }

    @Test func subUnitWithParentLinksToIt() throws {
        let yaml = Self.rdfMapping.replacingOccurrences(of: "$._embedded.enheter[*]", with: "$._embedded.underenheter[*]")
        let (nt, _, summary) = try Self.run(yaml, inputs: [Fixtures.path("records/underenheter-search-response.json")])
        #expect(summary.read == 1 && summary.written == 1 && summary.rejected == 0)
        let e = "<https://data.brreg.no/enhetsregisteret/api/enheter/"
        #expect(nt.contains("\(e)334455660> <http://www.w3.org/ns/org#subOrganizationOf> \(e)443322119> .\n"))
        // No business address, so no site: the condition left it out.
        #expect(!nt.contains("hasRegisteredSite"))
    }
}

/// Output records validated against the target's JSON Schema: the one that fails goes to
/// the rejects file with the schema's error.
@Suite struct ExecutorTargetSchemaTests {
    @Test func recordsFailingTheTargetSchemaAreRejected() throws {
        let folder = NSTemporaryDirectory() + "samsvar-schema-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try """
            {"type": "object", "required": ["orgnr", "ansatte"],
             "properties": {"orgnr": {"type": "string", "pattern": "^[0-9]{9}$"}, "ansatte": {"type": "integer", "minimum": 1}}}
            """.write(toFile: folder + "/enhet.schema.json", atomically: true, encoding: .utf8)
        let yaml = """
            source: {format: json, iterator: "$._embedded.enheter[*]"}
            target: {format: jsonl, schema: enhet.schema.json}
            fields:
              orgnr: organisasjonsnummer
              ansatte: {path: antallAnsatte, type: integer}
            """
        let spec = try MappingSpec.parse(yaml: yaml, file: "enheter.yaml", directory: folder)
        var bytes: [UInt8] = []
        var rejectBytes: [UInt8] = []
        let output = try ExecutorOutput(target: spec.target) { bytes.append(contentsOf: $0) }
        let rejects = ExecutorRejects { rejectBytes.append(contentsOf: $0) }
        let summary = try MappingExecutor(spec: spec).run(inputs: [ExecutorEnhetsregisteretTests.input], output: output, rejects: rejects)
        #expect(summary.written == 1 && summary.rejected == 1)
        #expect(String(decoding: bytes, as: UTF8.self) == "{\"orgnr\":\"976030788\",\"ansatte\":10}\n")
        #expect(String(decoding: rejectBytes, as: UTF8.self).contains("does not match the target schema: /ansatte:"))
        // A schema file that is missing is a mapping error with line and column.
        #expect(throws: MappingSpecError.self) {
            try MappingSpec.parse(yaml: yaml.replacingOccurrences(of: "enhet.schema.json", with: "missing.json"), file: "enheter.yaml", directory: folder)
        }
    }
}
