@testable import Mapping
import Testing

/// The format factory and the Enhetsregisteret samples read through it.
@Suite struct RecordFormatTests {
    typealias T = RecordTesting

    @Test func formatFromExtension() {
        #expect(RecordFormat(path: "enheter.csv") == .csv)
        #expect(RecordFormat(path: "x/enheter.TSV") == .csv)
        #expect(RecordFormat(path: "enheter.json") == .json)
        #expect(RecordFormat(path: "enheter.jsonl") == .jsonl)
        #expect(RecordFormat(path: "enheter.ndjson") == .jsonl)
        #expect(RecordFormat(path: "/tmp/a.b/enheter.xml") == .xml)
        #expect(RecordFormat(path: "enheter.ttl") == nil)
        #expect(RecordFormat(path: "a.dir/enheter") == nil)
        #expect(RecordFormat(path: "enheter") == nil)
    }

    @Test func unknownFormatAndMissingIteratorAreErrors() {
        #expect(T.inputError { _ = try RecordFormat.reader(path: "enheter.dat") } != nil)
        #expect(T.inputError { _ = try RecordFormat.reader(path: "enheter.xml") }?.message.contains("iterator") == true)
        #expect(T.inputError { _ = try RecordFormat.reader(path: "/nonexistent/enheter.csv") }?.message.contains("cannot open") == true)
    }

    @Test func enhetsregisteretSearchPage() throws {
        let reader = try RecordFormat.reader(path: T.fixture("enheter-search-page1-response.json"),
                                             options: RecordReaderOptions(iterator: "$._embedded.enheter[*]"))
        let records = try T.readAllWithPositions(reader)
        #expect(records.map { $0.0.testMember("organisasjonsnummer") } == [.string("976030788"), .string("971497017")])
        #expect(records.map { $0.0.testMember("antallAnsatte") } == [.number("10"), .number("0")])
        #expect(records[0].0.testMember("naeringskode1")?.testMember("kode") == .string("56.101"))
        #expect(records[0].0.testMember("registrertIMvaregisteret") == .bool(true))
        #expect(records.map(\.1.line) == [4, 53])
        let kommuner = try RecordPath("forretningsadresse.kommune").values(in: records[0].0)
        #expect(kommuner == [.string("TRONDHEIM")])
    }

    @Test func enhetsregisteretSubUnitsAndDetails() throws {
        let sub = try T.readAll(RecordFormat.reader(path: T.fixture("underenheter-search-response.json"),
                                                    options: RecordReaderOptions(iterator: "$..underenheter[*]")))
        #expect(sub.map { $0.testMember("organisasjonsnummer") } == [.string("334455660")])
        let details = try T.readAll(RecordFormat.reader(path: T.fixture("enheter-details-response.json")))
        #expect(details.count == 1)
        #expect(details[0].testMember("organisasjonsnummer") == .string("112233445"))
        // The address array holds null and "" as well as text.
        #expect(try RecordPath("forretningsadresse.adresse[*]").values(in: details[0]) == [.string("Tyvholmen 1"), .null, .null, .string("")])
    }

    @Test func enhetsregisteretToCSVAndBack() throws {
        let dir = try T.temporaryDirectory()
        defer { T.remove(dir) }
        let records = try T.readAll(RecordFormat.reader(path: T.fixture("enheter-search-page1-response.json"),
                                                        options: RecordReaderOptions(iterator: "$._embedded.enheter[*]")))
        let flat = records.map { record in
            RecordValue.object([
                RecordMember("orgnr", record.testMember("organisasjonsnummer") ?? .null),
                RecordMember("navn", record.testMember("navn") ?? .null),
                RecordMember("adresse", record.testMember("forretningsadresse")?.testMember("adresse") ?? .null),
            ])
        }
        let path = dir + "/enheter.csv"
        var writer = try RecordFormat.writer(path: path, options: RecordWriterOptions(dialect: .semicolon, listSeparator: " | "))
        for r in flat { try writer.write(r) }
        try writer.finish()
        let back = try T.readAll(RecordFormat.reader(path: path, options: RecordReaderOptions(dialect: .semicolon)))
        #expect(back.map { $0.testMember("orgnr") } == [.string("976030788"), .string("971497017")])
        #expect(back[0].testMember("adresse") == .string("Elgeseter gate 1"))
    }
}
