@testable import Mapping
import Testing

@Suite struct RecordPathTests {
    static let record: RecordValue = .object([
        RecordMember("organisasjonsnummer", .string("976030788")),
        RecordMember("navn", .string("SESAM AS")),
        RecordMember("forretningsadresse", .object([
            RecordMember("adresse", .array([.string("Elgeseter gate 1"), .string("Bygg B")])),
            RecordMember("postnummer", .string("7030")),
        ])),
        RecordMember("roller", .array([
            .object([RecordMember("type", .string("DAGL")), RecordMember("person", .object([RecordMember("navn", .string("Kari"))]))]),
            .object([RecordMember("type", .string("LEDE")), RecordMember("person", .object([RecordMember("navn", .string("Ola"))]))]),
        ])),
        RecordMember("Org. nr", .string("x")),
        RecordMember("@id", .string("e1")),
        RecordMember("telefon", .object([RecordMember("@type", .string("mobil")), RecordMember("#text", .string("99"))])),
        RecordMember("faks", .string("22")),
        RecordMember("tom", .null),
    ])

    func values(_ path: String) throws -> [RecordValue] {
        try RecordPath(path).values(in: Self.record)
    }

    @Test func memberSteps() throws {
        #expect(try values("navn") == [.string("SESAM AS")])
        #expect(try values("$.navn") == [.string("SESAM AS")])
        #expect(try values("forretningsadresse.postnummer") == [.string("7030")])
        #expect(try values("finnesikke").isEmpty)
        #expect(try values("navn.mer").isEmpty)
        #expect(try values("tom.mer").isEmpty)
        #expect(try values("") == [Self.record])
        #expect(try values("$") == [Self.record])
    }

    @Test func quotedNames() throws {
        #expect(try values("['Org. nr']") == [.string("x")])
        #expect(try values("[\"forretningsadresse\"][\"postnummer\"]") == [.string("7030")])
    }

    @Test func indexesAndWildcards() throws {
        #expect(try values("forretningsadresse.adresse[0]") == [.string("Elgeseter gate 1")])
        #expect(try values("forretningsadresse.adresse[-1]") == [.string("Bygg B")])
        #expect(try values("forretningsadresse.adresse[2]").isEmpty)
        #expect(try values("forretningsadresse.adresse[*]") == [.string("Elgeseter gate 1"), .string("Bygg B")])
        #expect(try values("roller[1].person.navn") == [.string("Ola")])
        #expect(try values("roller[*].type") == [.string("DAGL"), .string("LEDE")])
        #expect(try values("forretningsadresse.*").count == 2)
    }

    @Test func nameStepsApplyToEachElement() throws {
        #expect(try values("roller.person.navn") == [.string("Kari"), .string("Ola")])
    }

    @Test func singleValuesActAsOneElementArrays() throws {
        #expect(try values("navn[*]") == [.string("SESAM AS")])
        #expect(try values("navn[0]") == [.string("SESAM AS")])
        #expect(try values("navn[1]").isEmpty)
    }

    @Test func xmlAttributesAndText() throws {
        #expect(try values("@id") == [.string("e1")])
        #expect(try values("telefon.@type") == [.string("mobil")])
        #expect(try values("telefon.#text") == [.string("99")])
        #expect(try values("faks.#text") == [.string("22")])
        #expect(try values("faks.@type").isEmpty)
    }

    @Test func firstStopsEarly() throws {
        #expect(try RecordPath("roller[*].type").first(in: Self.record) == .string("DAGL"))
        #expect(try RecordPath("x.y").first(in: Self.record) == nil)
    }

    @Test func badPathsAreRefused() {
        for bad in ["a..b", "a[", "a[x]", "a['b", ".a", "a.", "a[0]b"] {
            #expect(throws: JSONPathError.self, "\(bad)") { _ = try RecordPath(bad) }
        }
    }
    @Test func filtersKeepMatchingElements() throws {
        #expect(try values("roller[?@.type == 'LEDE'].person.navn") == [.string("Ola")])
        #expect(try values("roller[?(@.type != \"LEDE\")].person.navn") == [.string("Kari")])
        #expect(try values("roller[?@.person.navn].type") == [.string("DAGL"), .string("LEDE")])
        #expect(try values("roller[?@.mangler].type").isEmpty)
        #expect(try values("roller[?@.mangler == null].type").count == 2)
        #expect(try values("forretningsadresse.adresse[?@ == 'Bygg B']") == [.string("Bygg B")])
        // A filter on a single value (an XML element that occurred once) tests the value itself.
        #expect(try values("telefon[?@['@type'] == 'mobil'].#text") == [.string("99")])
        #expect(try values("telefon[?@['@type'] == 'fast'].#text").isEmpty)
    }

    @Test func filtersCompareAsText() throws {
        let record: RecordValue = .object([RecordMember("a", .array([
            .object([RecordMember("n", .number("320")), RecordMember("ok", .bool(true))]),
            .object([RecordMember("n", .number("7")), RecordMember("ok", .bool(false))]),
        ]))])
        #expect(try RecordPath("a[?@.n == 320].ok").values(in: record) == [.bool(true)])
        #expect(try RecordPath("a[?@.ok == true].n").values(in: record) == [.number("320")])
        #expect(try RecordPath("a[?@.ok == 'false'].n").values(in: record) == [.number("7")])
    }

    @Test func badFiltersAreRefused() {
        for bad in ["a[?type == 'x']", "a[?@.type = 'x']", "a[?@.type == x]", "a[?@.type == 'x'", "a[?(@.t == 'x']", "a[?@..t]"] {
            #expect(throws: JSONPathError.self, "\(bad)") { _ = try RecordPath(bad) }
        }
    }
    /// Brønnøysund's CSV downloads name columns `organisasjonsform.kode`: the dotted path
    /// reaches such a column when there is no nested member of the first name.
    @Test func dottedColumnNames() throws {
        let row: RecordValue = .object([
            RecordMember("organisasjonsform.kode", .string("AS")),
            RecordMember("forretningsadresse.adresse.linje1", .string("Elgeseter gate 1")),
            RecordMember("a", .object([RecordMember("b", .string("nested"))])),
            RecordMember("a.b", .string("flat")),
        ])
        #expect(try RecordPath("organisasjonsform.kode").values(in: row) == [.string("AS")])
        #expect(try RecordPath("forretningsadresse.adresse.linje1").values(in: row) == [.string("Elgeseter gate 1")])
        #expect(try RecordPath("['organisasjonsform.kode']").values(in: row) == [.string("AS")])
        // A nested member of the first name wins.
        #expect(try RecordPath("a.b").values(in: row) == [.string("nested")])
        #expect(try RecordPath("organisasjonsform.navn").values(in: row).isEmpty)
    }
}
