import Foundation
@testable import Mapping
import Testing

@Suite struct JSONReaderTests {
    typealias T = RecordTesting

    func read(_ text: String, _ iterator: String? = nil, chunkSize: Int = 64 << 10) throws -> [RecordValue] {
        try T.readAll(JSONRecordReader(data: T.bytes(text), source: "t.json", iterator: iterator, chunkSize: chunkSize))
    }

    func error(_ text: String, _ iterator: String? = nil) -> RecordInputError? {
        T.inputError { _ = try read(text, iterator) }
    }

    @Test func topLevelArrayElementsAreRecordsByDefault() throws {
        let records = try read(#"[{"a": 1}, {"a": 2.50}, {"a": -0.1e+3}]"#)
        #expect(records == [.object([RecordMember("a", .number("1"))]),
                            .object([RecordMember("a", .number("2.50"))]),
                            .object([RecordMember("a", .number("-0.1e+3"))])])
    }

    @Test func anObjectIsOneRecordByDefault() throws {
        let records = try read(#"{"a": [true, false, null], "b": {"c": "d"}}"#)
        #expect(records == [.object([
            RecordMember("a", .array([.bool(true), .bool(false), .null])),
            RecordMember("b", .object([RecordMember("c", .string("d"))])),
        ])])
    }

    @Test func dollarSelectsTheWholeDocument() throws {
        #expect(try read("[1,2]", "$") == [.array([.number("1"), .number("2")])])
        #expect(try read(" \"x\" ", "$") == [.string("x")])
    }

    @Test func nestedArrayIterator() throws {
        let text = #"{"_links": {"self": {"href": "x"}}, "_embedded": {"enheter": [{"n": "1"}, {"n": "2"}], "other": [9]}, "page": {"size": 20}}"#
        let records = try read(text, "$._embedded.enheter[*]")
        #expect(records.map { $0.testMember("n") } == [.string("1"), .string("2")])
        #expect(try read(text, "$['_embedded']['enheter'][1]").count == 1)
        #expect(try read(text, "$.page").first?.testMember("size") == .number("20"))
        #expect(try read(text, "$._embedded.*").count == 2)
    }

    @Test func descendantIterator() throws {
        let text = #"{"a": {"adresse": ["x", "y"]}, "b": [{"adresse": ["z"]}, {"c": {"adresse": []}}]}"#
        #expect(try read(text, "$..adresse[*]") == [.string("x"), .string("y"), .string("z")])
        #expect(try read(text, "$..adresse").count == 3)
    }

    @Test func stringsAreUnescaped() throws {
        let text = #"["a\"b\\c\/d\b\f\n\r\t", "\u00e6\u00F8\u00e5", "\ud83d\ude00", "Ørsta 😀"]"#
        #expect(try read(text) == [.string("a\"b\\c/d\u{8}\u{C}\n\r\t"), .string("æøå"), .string("😀"), .string("Ørsta 😀")])
    }

    @Test func membersKeepTheirOrderAndDuplicates() throws {
        let records = try read(#"{"z": 1, "a": 2, "z": 3}"#)
        #expect(records.first?.testMemberNames == ["z", "a", "z"])
    }

    @Test func tinyChunksGiveTheSameRecords() throws {
        let text = #"{"items": [{"navn": "Ås \"kommune\"", "tall": 12.50e-3, "ok": true, "x": null, "u": "\u00e6\ud83d\ude00"}, [1, [2, {}], []]], "tail": "xyz"}"#
        let whole = try read(text, "$.items[*]")
        #expect(whole.count == 2)
        for size in [1, 2, 3, 5, 11] {
            #expect(try read(text, "$.items[*]", chunkSize: size) == whole, "chunk size \(size)")
        }
    }

    @Test func positionsGiveTheRecordsLine() throws {
        let reader = try JSONRecordReader(data: T.bytes("[\n {\"a\": 1},\n\n {\"a\": 2}\n]"), source: "t.json")
        let positions = try T.readAllWithPositions(reader).map(\.1)
        #expect(positions.map(\.line) == [2, 4])
        #expect(positions.map(\.number) == [1, 2])
    }

    /// A file several times the read buffer, iterated over a nested array.
    @Test func nestedArrayInAFileLargerThanTheBuffer() throws {
        let dir = try T.temporaryDirectory()
        defer { T.remove(dir) }
        let path = dir + "/big.json"
        var text = #"{"meta": {"note": "skipped", "list": [1, 2, 3]}, "data": {"rows": ["#
        let count = 8_000
        for i in 0..<count {
            if i > 0 { text += ",\n" }
            text += #"{"id": \#(i), "price": \#(i).50, "name": "rad nummer \#(i) med tekst – æøå", "tags": ["a", "b"], "nested": {"deep": [null, true]}}"#
        }
        text += "]}, \"after\": [\"not a record\"]}"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > 1_000_000)

        let reader = try JSONRecordReader(path: path, iterator: "$.data.rows[*]")
        var n = 0
        var reader2 = reader
        while let (record, position) = try reader2.next() {
            #expect(record.testMember("id") == .number(String(n)))
            #expect(record.testMember("price") == .number("\(n).50"))
            #expect(position.line == n + 1)
            n += 1
        }
        #expect(n == count)
    }

    // MARK: Errors

    @Test func errorsHaveLineAndColumn() {
        var e = error("[\n  {\"a\": 1,}\n]")
        #expect(e?.line == 2)
        #expect(e?.column == 11)
        e = error("[1, 2")
        #expect(e?.message.contains("the end of the input") == true)
        e = error("{\"å\": tru}")
        #expect(e?.line == 1)
        #expect(e?.column == 7)
        e = error("[01]")
        #expect(e?.column == 2)
        #expect(e?.message.contains("not a JSON number") == true)
        e = error("[\"a\tb\"]")
        #expect(e?.column == 4)
        e = error("[\"\\x\"]")
        #expect(e?.column == 3)
        e = error("[\"\\ud800\"]")
        #expect(e?.message.contains("surrogate") == true)
        e = error("{\"a\" 1}")
        #expect(e?.message == "expected ':' after the member name, found a number")
        e = error("[1] 2")
        #expect(e?.message.contains("end of the document") == true)
        e = error("")
        #expect(e != nil)
    }

    @Test func unterminatedStringNamesItsStart() {
        let e = error("{\"a\": \"open")
        #expect(e?.line == 1)
        #expect(e?.column == 7)
    }

    @Test func invalidUTF8IsAnError() {
        let data: [UInt8] = Array("[\"Bl".utf8) + [0xE5] + Array("b\"]".utf8)
        let e = T.inputError { _ = try T.readAll(JSONRecordReader(data: data)) }
        #expect(e?.message.contains("UTF-8") == true)
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let e = error(deep, "$")
        #expect(e?.message.contains("nest") == true)
    }

    @Test func badIteratorIsRefused() {
        #expect(T.inputError { _ = try read("[]", "items[*]") } != nil)
        #expect(T.inputError { _ = try read("[]", "$[?(@.a)]") } != nil)
    }

    @Test func afterAnErrorReadingStops() throws {
        var reader = try JSONRecordReader(data: T.bytes("[{\"a\": 1}, {\"a\" 2}, {\"a\": 3}]"))
        #expect(try reader.next() != nil)
        #expect(throws: RecordInputError.self) { _ = try reader.next() }
        #expect(throws: RecordInputError.self) { _ = try reader.next() }
    }

    // MARK: JSON Lines

    func lines(_ text: String, chunkSize: Int = 64 << 10) -> [Result<RecordValue, RecordInputError>] {
        do {
            return T.readRecovering(try JSONRecordReader(data: T.bytes(text), source: "t.jsonl", lines: true, chunkSize: chunkSize))
        } catch {
            return []
        }
    }

    @Test func jsonLinesReadsOneRecordPerLine() throws {
        let results = lines("{\"a\": 1}\n\n  \r\n[2]\r\n\"three\"\n{\"b\": {\"c\": 4.0}}")
        #expect(try results.map { try $0.get() } == [.object([RecordMember("a", .number("1"))]), .array([.number("2")]),
                                                    .string("three"), .object([RecordMember("b", .object([RecordMember("c", .number("4.0"))]))])])
    }

    @Test func jsonLinesBadLineIsReportedAndSkipped() throws {
        let text = "{\"a\": 1}\n{\"a\": 2,}\n{\"a\": 3}\n{\"a\": 4} x\n{\"a\":\n5}\n{\"a\": 6}\n"
        for size in [64 << 10, 3] {
            let results = lines(text, chunkSize: size)
            var errors: [Int] = []
            var values: [RecordValue] = []
            for result in results {
                switch result {
                case .success(let v): values.append(v.testMember("a") ?? .null)
                case .failure(let e): errors.append(e.line)
                }
            }
            #expect(values == [.number("1"), .number("3"), .number("6")])
            #expect(errors == [2, 4, 5, 6])
        }
    }

    @Test func jsonLinesErrorNamesLineAndColumn() {
        let results = lines("{\"a\": 1}\n{\"a\": tru}\n")
        guard case .failure(let e) = results[1] else {
            Issue.record("expected an error")
            return
        }
        #expect(e.line == 2)
        #expect(e.column == 7)
        #expect(e.source == "t.jsonl")
    }

    @Test func jsonLinesPositions() throws {
        let reader = try JSONRecordReader(data: T.bytes("\n{}\n\n{}\n"), source: "t.jsonl", lines: true)
        #expect(try T.readAllWithPositions(reader).map(\.1.line) == [2, 4])
    }
}
