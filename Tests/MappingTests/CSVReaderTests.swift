@testable import Mapping
import Testing

@Suite struct CSVReaderTests {
    typealias T = RecordTesting

    func read(_ text: String, _ dialect: CSVDialect = .rfc4180, chunkSize: Int = 64 << 10) throws -> [RecordValue] {
        try T.readAll(CSVRecordReader(data: T.bytes(text), source: "t.csv", dialect: dialect, chunkSize: chunkSize))
    }

    func readBytes(_ data: [UInt8], _ dialect: CSVDialect) throws -> [RecordValue] {
        try T.readAll(CSVRecordReader(data: data, source: "t.csv", dialect: dialect))
    }

    func error(_ text: String, _ dialect: CSVDialect = .rfc4180) -> RecordInputError? {
        T.inputError { _ = try read(text, dialect) }
    }

    @Test func headerNamesTheMembersInOrder() throws {
        let records = try read("orgnr,navn\n974760673,Brønnøysundregistrene\n971526920,Statistisk sentralbyrå\n")
        #expect(records == [
            T.strings(["orgnr": "974760673", "navn": "Brønnøysundregistrene"]),
            T.strings(["orgnr": "971526920", "navn": "Statistisk sentralbyrå"]),
        ])
    }

    @Test func quotedFieldsHoldNewlinesDelimitersAndDoubledQuotes() throws {
        let text = "a,b,c\r\n\"line one\r\nline two\",\"x, y\",\"she said \"\"hei\"\"\"\r\n\"\",plain,\"\"\"\"\r\n"
        let records = try read(text)
        #expect(records.count == 2)
        #expect(records[0].testMember("a") == .string("line one\r\nline two"))
        #expect(records[0].testMember("b") == .string("x, y"))
        #expect(records[0].testMember("c") == .string("she said \"hei\""))
        #expect(records[1] == T.strings(["a": "", "b": "plain", "c": "\""]))
    }

    @Test func recordsKnowTheLineTheyStartOn() throws {
        let reader = try CSVRecordReader(data: T.bytes("a,b\n1,\"x\ny\"\n2,z\n"), source: "t.csv")
        let positions = try T.readAllWithPositions(reader).map(\.1)
        #expect(positions == [RecordPosition(source: "t.csv", number: 1, line: 2),
                              RecordPosition(source: "t.csv", number: 2, line: 4)])
    }

    @Test func semicolonDialect() throws {
        let records = try read("kommunenr;navn;areal\n0301;Oslo;454,12\n5001;Trondheim;\n", .semicolon)
        #expect(records == [
            T.strings(["kommunenr": "0301", "navn": "Oslo", "areal": "454,12"]),
            T.strings(["kommunenr": "5001", "navn": "Trondheim", "areal": ""]),
        ])
    }

    @Test(arguments: [CSVDialect.tab, .pipe])
    func otherDelimiters(_ dialect: CSVDialect) throws {
        let d = Character(dialect.delimiter)
        let records = try read("a\(d)b\n1\(d)\"2\(d)3\"\n", dialect)
        #expect(records == [T.strings(["a": "1", "b": "2\(d)3"])])
    }

    @Test func latin1IsDecoded() throws {
        // "navn;sted\nBlåbær;Ørsta\n" in ISO 8859-1.
        let data: [UInt8] = Array("navn;sted\nBl".utf8) + [0xE5, 0x62, 0xE6, 0x72, 0x3B, 0xD8] + Array("rsta\n".utf8)
        var dialect = CSVDialect.semicolon
        dialect.encoding = .iso8859_1
        #expect(try readBytes(data, dialect) == [T.strings(["navn": "Blåbær", "sted": "Ørsta"])])
    }

    @Test func windows1252IsDecoded() throws {
        let data: [UInt8] = Array("pris\n".utf8) + [0x80, 0x20, 0x35, 0x0A] + [0x84, 0x73, 0x69, 0x74, 0x61, 0x74, 0x93, 0x0A]
        var dialect = CSVDialect()
        dialect.encoding = .windows1252
        #expect(try readBytes(data, dialect) == [T.strings(["pris": "€ 5"]), T.strings(["pris": "„sitat“"])])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let data: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("orgnr,navn\n1,a\n".utf8)
        let records = try readBytes(data, .rfc4180)
        #expect(records.first?.testMemberNames == ["orgnr", "navn"])
    }

    @Test func utf16IsRefused() {
        let e = T.inputError { _ = try readBytes([0xFF, 0xFE, 0x61, 0x00], .rfc4180) }
        #expect(e?.message.contains("UTF-16") == true)
    }

    @Test func withoutHeaderColumnsAreNumbered() throws {
        var dialect = CSVDialect()
        dialect.header = false
        let records = try read("x,y,z\n1,2,3\n", dialect)
        #expect(records == [T.strings(["1": "x", "2": "y", "3": "z"]), T.strings(["1": "1", "2": "2", "3": "3"])])
    }

    @Test func trimmingAndComments() throws {
        var dialect = CSVDialect(trim: true, commentPrefix: "#")
        let text = "# exported 2024-05-01\n a , b \n# a comment between rows\n 1 ,  \"  two \"  \n\n3,4"
        #expect(try read(text, dialect) == [T.strings(["a": "1", "b": "  two "]), T.strings(["a": "3", "b": "4"])])
        dialect.trim = false
        #expect(try read("a,b\n 1 , 2\n", dialect) == [T.strings(["a": " 1 ", "b": " 2"])])
    }

    @Test func lineEndsMayBeCRLFLFOrCR() throws {
        #expect(try read("a\r\n1\n2\r3") == [T.strings(["a": "1"]), T.strings(["a": "2"]), T.strings(["a": "3"])])
    }

    @Test func emptyTrailingFieldAndNoFinalNewline() throws {
        #expect(try read("a,b\n1,") == [T.strings(["a": "1", "b": ""])])
    }

    @Test func quoteInsideUnquotedFieldIsOrdinary() throws {
        #expect(try read("size\n5\" pipe\n") == [T.strings(["size": "5\" pipe"])])
    }

    @Test func backslashEscapeDialect() throws {
        let dialect = CSVDialect(escape: "\\")
        #expect(try read("a,b\n\"x\\\"y\",\"p\\\\q\"\n", dialect) == [T.strings(["a": "x\"y", "b": "p\\q"])])
    }

    @Test func tinyChunksGiveTheSameRecords() throws {
        let text = "navn,beskrivelse,sum\n\"Ås kommune\",\"Lang \"\"tekst\"\"\nover to linjer\",12.50\r\nBærum,,7\n"
        let whole = try read(text)
        for size in [1, 2, 3, 5, 7, 16] {
            #expect(try read(text, chunkSize: size) == whole, "chunk size \(size)")
        }
        #expect(whole.count == 2)
    }

    // MARK: Errors

    @Test func unterminatedQuoteNamesTheOpeningQuote() {
        let e = error("a,b\n1,2\n3,\"open\nmore text\n")
        #expect(e?.line == 3)
        #expect(e?.column == 3)
        #expect(e?.source == "t.csv")
        #expect(e?.message.contains("closing quote") == true)
    }

    @Test func columnsCountCharactersNotBytes() {
        let e = error("a,b,c\næøå,\"ÆØÅ\",\"x")
        #expect(e?.line == 2)
        #expect(e?.column == 11)
    }

    @Test func tooManyFieldsNamesTheFirstExtraField() {
        let e = error("a,b\n1,2\n1,2,3\n")
        #expect(e?.line == 3)
        #expect(e?.column == 5)
        #expect(e?.message == "the row has 3 fields where the header has 2")
    }

    @Test func tooFewFieldsNamesTheRowsEnd() {
        let e = error("a,b,c\nxx,yy\n")
        #expect(e?.line == 2)
        #expect(e?.column == 6)
    }

    @Test func readingGoesOnAfterABadRow() throws {
        let reader = try CSVRecordReader(data: T.bytes("a,b\n1,2\n1,2,3\n4,5\n6,\"x\"y\n7,8\n"), source: "t.csv")
        let results = T.readRecovering(reader)
        #expect(results.count == 5)
        #expect(try results[0].get() == T.strings(["a": "1", "b": "2"]))
        #expect(throws: RecordInputError.self) { try results[1].get() }
        #expect(try results[2].get() == T.strings(["a": "4", "b": "5"]))
        if case .failure(let e) = results[3] {
            #expect(e.line == 5)
            #expect(e.column == 6)
            #expect(e.message.contains("after the closing quote"))
        } else {
            Issue.record("expected an error for the stray character")
        }
        #expect(try results[4].get() == T.strings(["a": "7", "b": "8"]))
    }

    @Test func raggedRowsMayBePadded() throws {
        var dialect = CSVDialect()
        dialect.raggedRows = .pad
        let records = try read("a,b\n1\n1,2,3\n", dialect)
        #expect(records[0] == .object([RecordMember("a", .string("1")), RecordMember("b", .null)]))
        #expect(records[1] == T.strings(["a": "1", "b": "2", "3": "3"]))
    }

    @Test func invalidUTF8IsAnError() {
        let data: [UInt8] = Array("a,b\nok,Bl".utf8) + [0xE5] + Array("b\n".utf8)
        let e = T.inputError { _ = try readBytes(data, .rfc4180) }
        #expect(e?.line == 2)
        #expect(e?.column == 4)
        #expect(e?.message.contains("UTF-8") == true)
    }

    @Test func duplicateColumnNamesAreAnError() {
        let e = error("id,navn,id\n1,2,3\n")
        #expect(e?.line == 1)
        #expect(e?.column == 9)
    }

    @Test func badDialectIsRefused() {
        let e = T.inputError { _ = try CSVRecordReader(data: [], dialect: CSVDialect(delimiter: "\"")) }
        #expect(e != nil)
    }

    @Test func emptyInputHasNoRecords() throws {
        #expect(try read("").isEmpty)
        #expect(try read("a,b\n").isEmpty)
    }
}
