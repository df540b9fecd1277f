import Foundation
@testable import Mapping
import RDFTestSupport
import Testing

/// A field whose path reaches nothing in the first records is reported (a likely typo);
/// fields that find values, fields with `when:` and mappings with joins are not.
@Suite struct MappingDiagnosticsTests {
    static let input = Fixtures.repositoryRoot + "/Mappings/enhetsregisteret/enheter.json"

    static func spec(_ fields: String, extra: String = "") throws -> MappingSpec {
        try MappingSpec.parse(yaml: """
            source: {format: json, iterator: "$[*]"}
            target: {format: jsonl}
            fields:
            \(fields)
            \(extra)
            """, file: "m.yaml", directory: Fixtures.repositoryRoot + "/Mappings/enhetsregisteret")
    }

    @Test func misspeltPathIsReported() throws {
        let spec = try Self.spec("""
              orgnr: organisasjonsnummer
              form: organisasjonsform.kod
              hjemmeside: hjemmeside
              slettet: {path: slettedato, when: {path: navn, exists: true}}
              navn: {template: "{navnn}"}
            """)
        let (records, empty) = MappingDiagnostics.emptyPathFields(spec, input: Self.input)
        #expect(records == 9)
        #expect(empty.map(\.field) == ["form"])
        #expect(empty.first?.path == "organisasjonsform.kod")
    }

    @Test func sampleSizeAndNothingToSay() throws {
        let spec = try Self.spec("  orgnr: organisasjonsnummer\n  form: organisasjonsform.kode")
        let (records, empty) = MappingDiagnostics.emptyPathFields(spec, input: Self.input, sample: 3)
        #expect(records == 1 && empty.isEmpty)  // every field found a value in the first record
        #expect(MappingDiagnostics.emptyPathFields(spec, input: "/nonexistent.json").fields.isEmpty)
    }
}
