@testable import Mapping
import Testing

/// Each function of a field's `function` list, written as in a mapping file.
@Suite struct ExpressionFunctionTests {
    private let record = MappingTestSupport.record("""
        {"navn": "  SESAM STASJON AS ", "orgnr": "112233445", "antall": 1234.5, "kode": "as",
         "adresse": ["Tyvholmen 1", null, null, ""], "dato": "20.10.2017", "tid": "2017-10-20T13:45:07Z",
         "beløp": "1 234,567", "tom": "", "flagg": true, "liste": "a, b,c"}
        """)

    private func value(_ yaml: String, extra: String = "") throws -> RecordValue? {
        (try? MappingTestSupport.field(yaml, record, extra: extra).get()) ?? nil
    }

    private func reason(_ yaml: String, extra: String = "") throws -> String? {
        if case .failure(let r) = try MappingTestSupport.field(yaml, record, extra: extra) { return r.reason }
        return nil
    }

    @Test func textCase() throws {
        #expect(try value("{path: navn, function: trim}") == .string("SESAM STASJON AS"))
        #expect(try value("{path: navn, function: [trim, lower]}") == .string("sesam stasjon as"))
        #expect(try value("{path: kode, function: upper}") == .string("AS"))
        #expect(try value("{path: navn, function: [trim, titlecase]}") == .string("Sesam Stasjon As"))
        #expect(ExpressionFunction.titlecased("o'BRIEN-SMITH AS/ØST 2b") == "O'brien-Smith As/Øst 2b")
    }

    @Test func listsSplitJoinFirstLastCompact() throws {
        #expect(try value("{path: liste, function: [{split: \",\"}, trim]}") == .array([.string("a"), .string("b"), .string("c")]))
        #expect(try value("{path: \"adresse[*]\", function: {join: \", \"}}") == .string("Tyvholmen 1"))
        #expect(try value("{path: adresse, function: compact}") == .array([.string("Tyvholmen 1")]))
        #expect(try value("{path: adresse, function: first}") == .string("Tyvholmen 1"))
        #expect(try value("{path: adresse, function: last}") == .string(""))
        #expect(try value("{path: liste, function: [{split: \",\"}, trim, last, upper]}") == .string("C"))
    }

    @Test func prefixSuffixPadSubstring() throws {
        #expect(try value("{path: kode, function: {prefix: \"orgform:\"}}") == .string("orgform:as"))
        #expect(try value("{path: kode, function: {suffix: \"-1\"}}") == .string("as-1"))
        #expect(try value("{value: \"42\", function: {pad: {width: 5, char: \"0\"}}}") == .string("00042"))
        #expect(try value("{value: \"42\", function: {pad: {width: 4, side: right}}}") == .string("42  "))
        #expect(try value("{value: \"123456\", function: {pad: {width: 3, char: \"0\"}}}") == .string("123456"))
        #expect(try value("{path: orgnr, function: {substring: {start: 0, length: 3}}}") == .string("112"))
        #expect(try value("{path: orgnr, function: {substring: {start: -3}}}") == .string("445"))
        #expect(try value("{path: orgnr, function: {substring: {start: 7, length: 10}}}") == .string("45"))
        #expect(try value("{value: \"Ærø\", function: {substring: {start: 1, length: 1}}}") == .string("r"))
    }

    @Test func replaceWithRegularExpression() throws {
        #expect(try value(#"{path: navn, function: [trim, {replace: {pattern: "\\s+AS$", with: ""}}]}"#) == .string("SESAM STASJON"))
        #expect(try value(#"{path: orgnr, function: {replace: {pattern: "^(\\d{3})(\\d{3})(\\d{3})$", with: "$1 $2 $3"}}}"#) == .string("112 233 445"))
        #expect(try value(#"{path: kode, function: {replace: {pattern: "AS", with: "aksjeselskap", flags: i}}}"#) == .string("aksjeselskap"))
    }

    @Test func numberFormatting() throws {
        #expect(try value("{path: antall, function: {number: {decimals: 2, decimal: \",\", thousands: \" \"}}}") == .string("1 234,50"))
        #expect(try value("{path: antall, function: {number: {decimals: 0}}}") == .string("1235"))
        #expect(try value("{path: beløp, function: {number: {from-decimal: \",\", decimals: 2}}}") == .string("1234.57"))
        #expect(try value("{value: \"-0.004\", function: {number: {decimals: 2}}}") == .string("0.00"))
        #expect(try value("{value: \"9.995\", function: {number: {decimals: 2}}}") == .string("10.00"))
        #expect(try value("{value: \"1.5E3\", function: number}") == .string("1500"))
        #expect(try value("{value: \"12e-3\", function: number}") == .string("0.012"))
        #expect(try value("{value: \"1234567.891\", function: {number: {thousands: \",\", decimals: 1}}}") == .string("1,234,567.9"))
        #expect(try reason("{path: navn, function: number}") == "field 'f': '  SESAM STASJON AS ' is not a number")
        #expect(try reason("{value: \"1,5\", function: number}") == "field 'f': '1,5' is not a number")
    }

    @Test func dates() throws {
        #expect(try value("{path: dato, function: {date: {from: dd.MM.yyyy}}}") == .string("2017-10-20"))
        #expect(try value("{path: dato, function: {date: {from: dd.MM.yyyy, to: \"d/M yy\"}}}") == .string("20/10 17"))
        #expect(try value("{path: tid, function: {date: {to: \"dd.MM.yyyy 'kl.' HH:mm\"}}}") == .string("20.10.2017 kl. 13:45"))
        #expect(try value("{path: tid, function: date}") == .string("2017-10-20T13:45:07Z"))
        #expect(try value("{value: \"2024-02-29\", function: date}") == .string("2024-02-29"))
        #expect(try reason("{value: \"2023-02-29\", function: date}") == "field 'f': '2023-02-29' is not a real date or time")
        #expect(try reason("{path: dato, function: date}") == "field 'f': '20.10.2017' does not match the date pattern 'iso'")
        #expect(try reason("{value: \"31.04.2020\", function: {date: {from: dd.MM.yyyy}}}") == "field 'f': '31.04.2020' is not a real date or time")
    }

    @Test func lookupAndDefaultSteps() throws {
        let maps = """
            maps:
              orgform: {inline: {AS: Aksjeselskap, ENK: Enkeltpersonforetak}}
            """
        #expect(try value("{path: kode, function: [upper, {lookup: orgform}]}", extra: maps) == .string("Aksjeselskap"))
        #expect(try value("{path: kode, function: upper, map: orgform}", extra: maps) == .string("Aksjeselskap"))
        #expect(try value("{path: tom, function: {default: ukjent}}") == .string("ukjent"))
        #expect(try value("{path: kode, function: {default: ukjent}}") == .string("as"))
    }

    @Test func nullPassesThroughEverything() throws {
        #expect(try value("{path: mangler, function: [trim, upper, {split: \",\"}, {date: {from: dd.MM.yyyy}}, number]}") == .null)
    }

    @Test func objectsAreRejected() throws {
        let r = MappingTestSupport.record(#"{"a": {"b": 1}}"#)
        let result = try MappingTestSupport.field("{path: a, function: trim}", r)
        #expect(result == .failure(ExpressionRejection("field 'f': trim needs text, found an object")))
    }
}
