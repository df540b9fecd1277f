import Foundation
@testable import Mapping
import RDFTestSupport
import Testing

/// Output records validated against an XSD target schema (`schema: enhet.xsd`), in the
/// XML form the XML writer gives them: valid records are written, invalid ones go to the
/// rejects file with the schema's messages; a schema that cannot be used is a mapping
/// error at the `schema:` value; nothing is fetched from the network.
@Suite struct XMLSchemaValidationTests {
    static let records = Fixtures.path("records")

    /// Enhetsregisteret's units as `Tests/Fixtures/records/enhet.xsd` wants them.
    static let xmlMapping = """
        source: {format: json, iterator: "$._embedded.enheter[*]"}
        target: {format: xml, root: enheter, record: enhet, schema: enhet.xsd}
        fields:
          "@organisasjonsnummer": organisasjonsnummer
          navn: navn
          organisasjonsform: organisasjonsform.kode
          registreringsdato: registreringsdatoEnhetsregisteret
          antallAnsatte: {path: antallAnsatte, type: integer}
          forretningsadresse.adresse: "forretningsadresse.adresse[*]"
          forretningsadresse.postnummer: forretningsadresse.postnummer
          forretningsadresse.poststed: forretningsadresse.poststed
          forretningsadresse.kommunenummer: forretningsadresse.kommunenummer
        """

    /// Runs `yaml` (read from `directory`) over `inputs`; the output, the rejects, the summary.
    static func run(_ yaml: String, directory: String = records, inputs: [String] = [ExecutorEnhetsregisteretTests.input],
                    threads: Int? = nil) throws -> (output: String, rejects: String, summary: ExecutorSummary) {
        let spec = try MappingSpec.parse(yaml: yaml, file: "enheter.yaml", directory: directory)
        var bytes: [UInt8] = []
        var rejectBytes: [UInt8] = []
        let output = try ExecutorOutput(target: spec.target) { bytes.append(contentsOf: $0) }
        let rejects = ExecutorRejects { rejectBytes.append(contentsOf: $0) }
        var executor = try MappingExecutor(spec: spec)
        if let threads { executor.threads = threads }
        let summary = try executor.run(inputs: inputs, output: output, rejects: rejects)
        return (String(decoding: bytes, as: UTF8.self), String(decoding: rejectBytes, as: UTF8.self), summary)
    }

    /// The mapping error `yaml` gives, read from `directory`.
    static func mappingError(_ yaml: String, directory: String = records) -> MappingSpecError? {
        do {
            _ = try MappingSpec.parse(yaml: yaml, file: "enheter.yaml", directory: directory)
            return nil
        } catch {
            return error
        }
    }

    /// A new temporary directory holding `files` (name → text).
    static func folder(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "samsvar-xsd-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }

    @Test func validRecordsAreWrittenAndInvalidOnesRejected() throws {
        let (output, rejects, summary) = try Self.run(Self.xmlMapping)
        #expect(summary.read == 2 && summary.written == 1 && summary.rejected == 1)
        #expect(output == """
            <?xml version="1.0" encoding="UTF-8"?>
            <enheter><enhet organisasjonsnummer="976030788"><navn>SESAM AS</navn><organisasjonsform>AS</organisasjonsform>\
            <registreringsdato>1996-01-25</registreringsdato><antallAnsatte>10</antallAnsatte><forretningsadresse>\
            <adresse>Elgeseter gate 1</adresse><postnummer>7030</postnummer><poststed>TRONDHEIM</poststed>\
            <kommunenummer>5001</kommunenummer></forretningsadresse></enhet></enheter>

            """)
        // The association (FLI) is not a form the target register takes.
        #expect(rejects.contains("\"record\":2"))
        #expect(rejects.contains("the output record does not match the target schema: /enhet/organisasjonsform: "
                                 + "[facet 'enumeration'] The value 'FLI' is not an element of the set {'AS', 'ASA', 'ENK'}"))
    }

    @Test func problemsAreNamedByPathThreeAtMost() throws {
        let yaml = Self.xmlMapping
            .replacingOccurrences(of: "\"@organisasjonsnummer\": organisasjonsnummer",
                                  with: "\"@organisasjonsnummer\": {path: organisasjonsnummer, function: {prefix: NO}}")
            .replacingOccurrences(of: "navn: navn", with: "navn: {path: navn, when: {path: konkurs, equals: true}}")
            .replacingOccurrences(of: "forretningsadresse.postnummer: forretningsadresse.postnummer",
                                  with: "forretningsadresse.postnummer: {value: \"70 30\"}")
        let (_, rejects, summary) = try Self.run(yaml)
        #expect(summary.written == 0 && summary.rejected == 2)
        let first = try #require(rejects.split(separator: "\n").first)
        #expect(first.contains("/enhet/@organisasjonsnummer: [facet 'pattern'] The value 'NO976030788' is not accepted by the pattern '[0-9]{9}'"))
        #expect(first.contains("/enhet/organisasjonsform: This element is not expected. Expected is ( navn )"))
        // Line and column of the record's XML form mean nothing to the reader: not given.
        #expect(!first.contains("record.xml"))
    }

    @Test(arguments: ["csv", "jsonl", "json"])
    func anyTargetFormatIsValidatedInItsXMLForm(format: String) throws {
        let yaml = """
            source: {format: json, iterator: "$._embedded.enheter[*]"}
            target: {format: \(format), record: enhet, schema: enhet.xsd}
            fields:
              "@organisasjonsnummer": organisasjonsnummer
              navn: navn
              organisasjonsform: organisasjonsform.kode
              registreringsdato: registreringsdatoEnhetsregisteret
            """
        let (output, rejects, summary) = try Self.run(yaml)
        #expect(summary.written == 1 && summary.rejected == 1)
        #expect(output.contains("976030788") && !output.contains("971497017"))
        #expect(rejects.contains("/enhet/organisasjonsform: [facet 'enumeration'] The value 'FLI'"))
    }

    @Test func aFieldThatIsNoXMLNameRejectsTheRecord() throws {
        let yaml = """
            source: {format: json, iterator: "$._embedded.enheter[*]"}
            target: {format: csv, record: enhet, schema: enhet.xsd}
            fields:
              "Org nr": organisasjonsnummer
            """
        let (_, rejects, summary) = try Self.run(yaml)
        #expect(summary.rejected == 2)
        #expect(rejects.contains("the record has no XML form: \\\"Org nr\\\" is not an XML name"))
    }

    @Test func namespacedRecordElement() throws {
        let dir = try Self.folder(["enhet-ns.xsd": """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:samsvar:test:enhet">
              <xs:element name="enhet">
                <xs:complexType>
                  <xs:sequence><xs:element name="navn" type="xs:string"/></xs:sequence>
                  <xs:attribute name="orgnr" use="required">
                    <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="97[0-9]{7}"/></xs:restriction></xs:simpleType>
                  </xs:attribute>
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let yaml = """
            source: {format: json, iterator: "$._embedded.enheter[*]"}
            target: {format: TARGET, record: "e:enhet", namespaces: {e: "urn:samsvar:test:enhet"}, schema: enhet-ns.xsd}
            fields:
              "@orgnr": organisasjonsnummer
              navn: navn
            """
        for format in ["xml", "jsonl"] {
            let (output, rejects, summary) = try Self.run(yaml.replacingOccurrences(of: "TARGET", with: format), directory: dir)
            #expect(summary.written == 2 && summary.rejected == 0, "\(format): \(rejects)")
            if format == "xml" {
                #expect(output.contains("<records xmlns:e=\"urn:samsvar:test:enhet\"><e:enhet orgnr=\"976030788\"><navn>SESAM AS</navn></e:enhet>"))
            }
        }
        // The record element in no namespace is not the schema's.
        let error = try #require(Self.mappingError(yaml.replacingOccurrences(of: "TARGET", with: "xml")
            .replacingOccurrences(of: "record: \"e:enhet\"", with: "record: enhet"), directory: dir))
        #expect(error.line == 2 && error.message.contains("declares no global element 'enhet' (in no namespace)"))
    }

    @Test func brokenSchemaIsAMappingErrorAtTheSchemaValue() throws {
        let dir = try Self.folder([
            "broken.xsd": """
                <?xml version="1.0"?>
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:element name="enhet" type="xs:string">
                </xs:schema>
                """,
            "unresolved.xsd": """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:element name="enhet" type="Ukjent"/>
                </xs:schema>
                """,
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let yaml = """
            source: {format: json}
            target:
              format: xml
              record: enhet
              schema: broken.xsd
            fields:
              navn: navn
            """
        let broken = try #require(Self.mappingError(yaml, directory: dir))
        #expect(broken.line == 5 && broken.column == 11)
        #expect(broken.message.hasPrefix("cannot use the XML Schema 'broken.xsd': broken.xsd:4:"))
        #expect(broken.message.contains("mismatch"))
        let unresolved = try #require(Self.mappingError(yaml.replacingOccurrences(of: "broken.xsd", with: "unresolved.xsd"), directory: dir))
        #expect(unresolved.line == 5 && unresolved.message.contains("unresolved.xsd:2: "))
        #expect(unresolved.message.contains("'Ukjent' does not resolve to a(n) type definition"))
        let missing = try #require(Self.mappingError(yaml.replacingOccurrences(of: "broken.xsd", with: "missing.xsd"), directory: dir))
        #expect(missing.line == 5 && missing.message.contains("cannot read the file"))
        // The record element must be one the schema declares.
        let undeclared = try #require(Self.mappingError(Self.xmlMapping.replacingOccurrences(of: "record: enhet", with: "record: unit")))
        #expect(undeclared.line == 2 && undeclared.message.contains("declares no global element 'unit'"))
        // An XSD under another name is read as a JSON Schema, and the error says so.
        try FileManager.default.copyItem(atPath: Self.records + "/enhet.xsd", toPath: dir + "/enhet.xml")
        let misnamed = try #require(Self.mappingError(yaml.replacingOccurrences(of: "broken.xsd", with: "enhet.xml"), directory: dir))
        #expect(misnamed.message.contains("its name ends in .xsd"))
    }

    @Test func localIncludesAreReadAndRemoteImportsNeverFetched() throws {
        let listener = try LocalListener()
        let remote = "http://127.0.0.1:\(listener.port)/typer.xsd"
        let dir = try Self.folder([
            "typer.xsd": """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:simpleType name="Navn"><xs:restriction base="xs:string"><xs:minLength value="1"/></xs:restriction></xs:simpleType>
                </xs:schema>
                """,
            "enhet.xsd": """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:r="urn:samsvar:test:remote">
                  <xs:include schemaLocation="typer.xsd"/>
                  <xs:import namespace="urn:samsvar:test:remote" schemaLocation="\(remote)"/>
                  <xs:element name="enhet"><xs:complexType><xs:sequence>
                    <xs:element name="navn" type="Navn"/>
                  </xs:sequence></xs:complexType></xs:element>
                </xs:schema>
                """,
            "uses-remote.xsd": """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:r="urn:samsvar:test:remote">
                  <xs:import namespace="urn:samsvar:test:remote" schemaLocation="\(remote)"/>
                  <xs:element name="enhet" type="r:Enhet"/>
                </xs:schema>
                """,
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let yaml = """
            source: {format: json, iterator: "$._embedded.enheter[*]"}
            target: {format: jsonl, record: enhet, schema: enhet.xsd}
            fields:
              navn: navn
            """
        // The remote import is skipped (nothing uses it); the local include is read.
        let (_, rejects, summary) = try Self.run(yaml, directory: dir)
        #expect(summary.written == 2, "\(rejects)")
        // Using what the remote import would declare is an error, and names what was not fetched.
        let error = try #require(Self.mappingError(yaml.replacingOccurrences(of: "enhet.xsd", with: "uses-remote.xsd"), directory: dir))
        #expect(error.line == 2 && error.message.contains("not fetched") && error.message.contains(remote))
        #expect(!listener.wasContacted)
    }

    @Test func validationOnSeveralThreadsAtOnce() throws {
        // 2,000 records, every third with a bad organisation number, mapped in batches
        // split across four threads, each with its own validation context.
        var lines = ""
        for i in 0..<2_000 {
            let orgnr = i % 3 == 0 ? "x\(i)" : String(900_000_000 + i)
            lines += "{\"organisasjonsnummer\":\"\(orgnr)\",\"navn\":\"Enhet \(i)\",\"organisasjonsform\":{\"kode\":\"AS\"},"
                + "\"registreringsdatoEnhetsregisteret\":\"2001-02-03\"}\n"
        }
        let dir = try Self.folder(["enheter.jsonl": lines])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let yaml = """
            source: {format: jsonl}
            target: {format: xml, root: enheter, record: enhet, schema: enhet.xsd}
            fields:
              "@organisasjonsnummer": organisasjonsnummer
              navn: navn
              organisasjonsform: organisasjonsform.kode
              registreringsdato: registreringsdatoEnhetsregisteret
            """
        let (output, rejects, summary) = try Self.run(yaml, inputs: [dir + "/enheter.jsonl"], threads: 4)
        #expect(summary.read == 2_000 && summary.rejected == 667 && summary.written == 1_333)
        #expect(rejects.split(separator: "\n").allSatisfy { $0.contains("/enhet/@organisasjonsnummer: [facet 'pattern']") })
        // Written in input order.
        #expect(output.contains("<enhet organisasjonsnummer=\"900000001\"><navn>Enhet 1</navn>"))
        #expect(output.range(of: "900000001")!.lowerBound < output.range(of: "900001999")!.lowerBound)
    }
}
