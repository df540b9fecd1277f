@testable import Mapping
import Testing

/// Sources of values (paths, fields, constants, templates, concat, coalesce), conditions,
/// defaults, `required` and types.
@Suite struct ExpressionTests {
    private let record = MappingTestSupport.record("""
        {"organisasjonsnummer": "112233445", "navn": "SESAM STASJON", "antallAnsatte": 50, "konkurs": false,
         "forretningsadresse": {"postnummer": "0101", "poststed": "OSLO", "adresse": ["Tyvholmen 1", null, ""]},
         "postadresse": {"postnummer": "0122", "poststed": "OSLO", "adresse": ["c/o reder K. Rusing", "Postboks 1752 Vika"]},
         "roller": [{"type": "DAGL", "navn": "Kari"}, {"type": "LEDE", "navn": "Ola"}], "tom": ""}
        """)

    private func value(_ yaml: String) throws -> RecordValue? { (try? MappingTestSupport.field(yaml, record).get()) ?? nil }

    private func reason(_ yaml: String) throws -> String? {
        if case .failure(let r) = try MappingTestSupport.field(yaml, record) { return r.reason }
        return nil
    }

    @Test func paths() throws {
        #expect(try value("organisasjonsnummer") == .string("112233445"))
        #expect(try value("{path: forretningsadresse.poststed}") == .string("OSLO"))
        #expect(try value("{path: \"postadresse.adresse[1]\"}") == .string("Postboks 1752 Vika"))
        #expect(try value("{path: \"roller[*].type\"}") == .array([.string("DAGL"), .string("LEDE")]))
        #expect(try value("{path: antallAnsatte}") == .number("50"))
        #expect(try value("{path: konkurs}") == .bool(false))
        #expect(try value("{path: finnes.ikke}") == .null)
    }

    @Test func constantsAreTextAsWritten() throws {
        // YAML would read NO as false and 0301 as 301; a mapping keeps what was written.
        #expect(try value("{value: NO}") == .string("NO"))
        #expect(try value("{value: 0301}") == .string("0301"))
        #expect(try value("{value: 0301, type: integer}") == .number("0301"))
    }

    @Test func templates() throws {
        #expect(try value("{template: \"{forretningsadresse.postnummer} {forretningsadresse.poststed}\"}") == .string("0101 OSLO"))
        #expect(try value("{template: \"{roller[*].type}:{organisasjonsnummer}\"}") == .array([.string("DAGL:112233445"), .string("LEDE:112233445")]))
        #expect(try value(#"{template: "\\{{navn}\\}"}"#) == .string("{SESAM STASJON}"))
        // A reference without a value leaves the whole template without one.
        #expect(try value("{template: \"{navn} {mangler}\"}") == .null)
        #expect(try value("{template: \"{navn} {mangler}\", default: ukjent}") == .string("ukjent"))
    }

    @Test func iriTemplatesPercentEncode() {
        #expect(ExpressionTemplate.iriSafe("Tyvholmen 1/2") == "Tyvholmen%201%2F2")
        #expect(ExpressionTemplate.iriSafe("Ærøy-sø_r.~") == "Ærøy-sø_r.~")
        #expect(ExpressionTemplate.iriSafe("a?b#c&d=e") == "a%3Fb%23c%26d%3De")
        #expect(ExpressionTemplate.iriSafe("100%") == "100%25")
    }

    @Test func concatAndCoalesce() throws {
        #expect(try value("{concat: [\"{postadresse.adresse[*]}\", \"{postadresse.postnummer} {postadresse.poststed}\"], separator: \", \"}")
                == .string("c/o reder K. Rusing, Postboks 1752 Vika, 0122 OSLO"))
        #expect(try value("{concat: [{path: \"forretningsadresse.adresse\"}, NO], separator: \"|\"}") == .string("Tyvholmen 1|NO"))
        #expect(try value("{coalesce: [\"{tom}\", \"{mangler}\", {path: navn, function: lower}]}") == .string("sesam stasjon"))
        #expect(try value("{coalesce: [\"{tom}\", \"{mangler}\"]}") == .null)
    }

    @Test func earlierFields() throws {
        let spec = try MappingTestSupport.spec(fields: """
              orgnr: organisasjonsnummer
              uri: {template: "https://data.brreg.no/enhetsregisteret/api/enheter/{organisasjonsnummer}"}
              kort: {field: orgnr, function: {substring: {start: 0, length: 3}}}
            """)
        let result = try MappingTestSupport.mapper(spec).map(record, sequence: 1)
        guard case .record(.object(let members)) = result else { Issue.record("not mapped: \(result)"); return }
        #expect(members.map(\.name) == ["orgnr", "uri", "kort"])
        #expect(members[2].value == .string("112"))
    }

    @Test func requiredDefaultAndTypes() throws {
        #expect(try reason("{path: mangler, required: true}") == "field 'f': required but empty (no value at path 'mangler')")
        #expect(try reason("{path: tom, required: true}") == "field 'f': required but empty (no value at path 'tom')")
        #expect(try value("{path: tom, default: \"-\", required: true}") == .string("-"))
        #expect(try value("{path: antallAnsatte, type: string}") == .string("50"))
        #expect(try value("{path: organisasjonsnummer, type: integer}") == .number("112233445"))
        #expect(try value("{value: ja, type: boolean}") == .bool(true))
        #expect(try value("{path: konkurs, type: boolean}") == .bool(false))
        #expect(try reason("{path: navn, type: number}") == "field 'f': 'SESAM STASJON' is not a number")
        #expect(try reason("{value: kanskje, type: boolean}") == "field 'f': 'kanskje' is not a boolean (true, false, 1, 0, yes, no, ja, nei)")
    }

    @Test func conditions() throws {
        #expect(try value("{path: navn, when: {path: konkurs, equals: false}}") == .string("SESAM STASJON"))
        #expect(try value("{path: navn, when: {path: konkurs, equals: true}}") == nil)
        #expect(try value("{path: navn, when: {path: \"roller[*].type\", in: [LEDE, NEST]}}") == .string("SESAM STASJON"))
        #expect(try value("{path: navn, when: {path: navn, matches: \"^sesam\", flags: i}}") == .string("SESAM STASJON"))
        #expect(try value("{path: navn, when: {path: tom, exists: false}}") == .string("SESAM STASJON"))
        #expect(try value("{path: navn, when: {path: antallAnsatte, equals: 50}}") == .string("SESAM STASJON"))
        #expect(try value("{path: navn, when: {all: [{path: konkurs, equals: false}, {not: {path: tom, exists: true}}]}}") == .string("SESAM STASJON"))
        #expect(try value("{path: navn, when: {any: [{path: konkurs, equals: true}, {path: antallAnsatte, matches: \"^5\"}]}}") == .string("SESAM STASJON"))
        // A field whose condition is false is not required and gets no default.
        #expect(try value("{path: mangler, required: true, default: x, when: {path: konkurs, equals: true}}") == nil)
    }

    @Test func filterSkipsRecords() throws {
        let spec = try MappingTestSupport.spec(fields: "  navn: navn", extra: "filter: {path: konkurs, equals: true}")
        guard case .skipped = try MappingTestSupport.mapper(spec).map(record, sequence: 1) else {
            Issue.record("the record should be skipped")
            return
        }
    }
}
