import Foundation
@testable import Mapping
import Testing

/// Collects what a writer produces.
final class CollectedBytes {
    var bytes: [UInt8] = []
    var text: String { String(decoding: bytes, as: UTF8.self) }
    func sink(_ chunk: UnsafeRawBufferPointer) { bytes.append(contentsOf: chunk) }
}

@Suite struct WriterTests {
    typealias T = RecordTesting

    static let tricky: [RecordValue] = [
        .object([RecordMember("id", .number("1")), RecordMember("navn", .string("Ås, \"kommune\"")),
                 RecordMember("merknad", .string("to\nlinjer")), RecordMember("aktiv", .bool(true))]),
        .object([RecordMember("id", .number("2.50")), RecordMember("navn", .string("  mellomrom ")),
                 RecordMember("merknad", .null), RecordMember("aktiv", .bool(false))]),
        .object([RecordMember("id", .number("-3e2")), RecordMember("navn", .string("Ørsta;Volda|x\ty")),
                 RecordMember("merknad", .string("")), RecordMember("aktiv", .null)]),
    ]

    // MARK: CSV

    func csv(_ records: [RecordValue], columns: [String]? = nil, dialect: CSVDialect = .rfc4180) throws -> CollectedBytes {
        let out = CollectedBytes()
        var writer = try CSVRecordWriter(columns: columns, dialect: dialect, sink: out.sink)
        for r in records { try writer.write(r) }
        try writer.finish()
        return out
    }

    @Test func csvQuotesOnlyWhenNeeded() throws {
        let out = try csv(Self.tricky)
        #expect(out.text == "id,navn,merknad,aktiv\r\n1,\"Ås, \"\"kommune\"\"\",\"to\nlinjer\",true\r\n2.50,  mellomrom ,,false\r\n-3e2,Ørsta;Volda|x\ty,,\r\n")
    }

    @Test func csvSemicolonLatin1LF() throws {
        let dialect = CSVDialect(delimiter: ";", encoding: .iso8859_1, lineTerminator: .lf)
        let out = try csv([T.strings(["navn": "Blåbær", "sted": "Ørsta;Volda"])], dialect: dialect)
        #expect(out.bytes == Array("navn;sted\nBl".utf8) + [0xE5, 0x62, 0xE6, 0x72] + Array(";\"".utf8) + [0xD8] + Array("rsta;Volda\"\n".utf8))
    }

    @Test func csvUnencodableCharacterIsAnErrorAndLeavesNoHalfRow() throws {
        let out = CollectedBytes()
        var writer = try CSVRecordWriter(dialect: CSVDialect(encoding: .iso8859_1), sink: out.sink)
        try writer.write(T.strings(["a": "ok", "b": "ok"]))
        #expect(throws: RecordOutputError.self) { try writer.write(T.strings(["a": "fint", "b": "€"])) }
        try writer.write(T.strings(["a": "x", "b": "y"]))
        try writer.finish()
        #expect(out.text == "a,b\r\nok,ok\r\nx,y\r\n")
        var w1252 = try CSVRecordWriter(dialect: CSVDialect(encoding: .windows1252), sink: out.sink)
        try w1252.write(T.strings(["pris": "€"]))
        try w1252.finish()
        #expect(out.bytes.suffix(3) == [0x80, 0x0D, 0x0A])
    }

    @Test func csvColumnsGivenSelectAndOrder() throws {
        let out = try csv(Self.tricky, columns: ["aktiv", "id", "mangler"])
        #expect(out.text == "aktiv,id,mangler\r\ntrue,1,\r\nfalse,2.50,\r\n,-3e2,\r\n")
    }

    @Test func csvMemberOutsideInferredColumnsIsAnError() throws {
        let out = CollectedBytes()
        var writer = try CSVRecordWriter(sink: out.sink)
        try writer.write(T.strings(["a": "1"]))
        do {
            try writer.write(T.strings(["a": "2", "b": "3"]))
            Issue.record("expected an error")
        } catch let error as RecordOutputError {
            #expect(error.record == 2)
            #expect(error.message.contains("\"b\""))
        }
    }

    @Test func csvListsAndNestedValues() throws {
        let record: RecordValue = .object([RecordMember("tags", .array([.string("a"), .number("2")])),
                                           RecordMember("obj", .object([RecordMember("k", .string("v,w"))]))])
        let out = try csv([record])
        #expect(out.text == "tags,obj\r\na;2,\"{\"\"k\"\":\"\"v,w\"\"}\"\r\n")
    }

    @Test func csvHeaderOnlyWhenNoRecords() throws {
        #expect(try csv([], columns: ["a", "b"]).text == "a,b\r\n")
        #expect(try csv([]).text == "")
    }

    @Test func csvSingleEmptyFieldIsQuoted() throws {
        var dialect = CSVDialect()
        dialect.header = false
        #expect(try csv([T.strings(["a": ""])], dialect: dialect).text == "\"\"\r\n")
    }

    // MARK: JSON

    func json(_ records: [RecordValue], lines: Bool = false, pretty: Bool = false, root: String? = nil) throws -> String {
        let out = CollectedBytes()
        var writer = JSONRecordWriter(lines: lines, pretty: pretty, root: root, sink: out.sink)
        for r in records { try writer.write(r) }
        try writer.finish()
        return out.text
    }

    static let nested: [RecordValue] = [
        .object([RecordMember("id", .number("12.50")), RecordMember("tekst", .string("\"sitat\"\\ \n\t\u{1}æ")),
                 RecordMember("liste", .array([.null, .bool(true), .array([])])), RecordMember("tom", .object([]))]),
        .object([RecordMember("id", .number("0"))]),
    ]

    @Test func jsonCompact() throws {
        #expect(try json(Self.nested) == #"[{"id":12.50,"tekst":"\"sitat\"\\ \n\t\u0001æ","liste":[null,true,[]],"tom":{}},{"id":0}]"# + "\n")
        #expect(try json([]) == "[]\n")
    }

    @Test func jsonPretty() throws {
        let expected = """
            [
              {
                "id": 12.50,
                "tekst": "\\"sitat\\"\\\\ \\n\\t\\u0001æ",
                "liste": [
                  null,
                  true,
                  []
                ],
                "tom": {}
              },
              {
                "id": 0
              }
            ]

            """
        #expect(try json(Self.nested, pretty: true) == expected)
    }

    @Test func jsonRoot() throws {
        #expect(try json([.number("1")], root: "enheter") == #"{"enheter":[1]}"# + "\n")
        #expect(try json([.number("1")], pretty: true, root: "enheter") == "{\n  \"enheter\": [\n    1\n  ]\n}\n")
        #expect(try json([], root: "enheter") == #"{"enheter":[]}"# + "\n")
    }

    @Test func jsonLines() throws {
        #expect(try json(Self.nested, lines: true, pretty: true)
            == #"{"id":12.50,"tekst":"\"sitat\"\\ \n\t\u0001æ","liste":[null,true,[]],"tom":{}}"# + "\n" + #"{"id":0}"# + "\n")
    }

    @Test func jsonInvalidNumberIsAnError() throws {
        let out = CollectedBytes()
        var writer = JSONRecordWriter(sink: out.sink)
        try writer.write(.number("1"))
        #expect(throws: RecordOutputError.self) { try writer.write(.object([RecordMember("x", .number("1,5"))])) }
        try writer.write(.number("2"))
        try writer.finish()
        #expect(out.text == "[1,2]\n")
    }

    // MARK: XML

    func xml(_ records: [RecordValue], pretty: Bool = false, namespaces: [String: String] = [:]) throws -> String {
        let out = CollectedBytes()
        var writer = try XMLRecordWriter(root: "enheter", record: "enhet", namespaces: namespaces, pretty: pretty, sink: out.sink)
        for r in records { try writer.write(r) }
        try writer.finish()
        return out.text
    }

    static let xmlRecord: RecordValue = .object([
        RecordMember("@orgnr", .string("974760673")),
        RecordMember("@tom", .null),
        RecordMember("navn", .string("A & B <AS> \"x\"")),
        RecordMember("linje", .array([.string("Havnegata 48"), .string("8900")])),
        RecordMember("telefon", .object([RecordMember("@type", .string("mobil\tny")), RecordMember("#text", .string("99"))])),
        RecordMember("ingenting", .null),
        RecordMember("tom", .string("")),
        RecordMember("antall", .number("320")),
    ])

    @Test func xmlLayout() throws {
        #expect(try xml([Self.xmlRecord]) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <enheter><enhet orgnr="974760673"><navn>A &amp; B &lt;AS&gt; "x"</navn><linje>Havnegata 48</linje><linje>8900</linje>\
            <telefon type="mobil&#9;ny">99</telefon><tom/><antall>320</antall></enhet></enheter>

            """)
        #expect(try xml([]) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<enheter></enheter>\n")
    }

    @Test func xmlPretty() throws {
        let record: RecordValue = .object([RecordMember("a", .object([RecordMember("b", .string("1"))])), RecordMember("c", .string("2"))])
        #expect(try xml([record, record], pretty: true) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <enheter>
              <enhet>
                <a>
                  <b>1</b>
                </a>
                <c>2</c>
              </enhet>
              <enhet>
                <a>
                  <b>1</b>
                </a>
                <c>2</c>
              </enhet>
            </enheter>

            """)
    }

    @Test func xmlNamesAreChecked() throws {
        #expect(throws: RecordOutputError.self) { _ = try xml([T.strings(["Org. nr": "1"])]) }
        #expect(throws: RecordOutputError.self) { _ = try xml([T.strings(["1abc": "1"])]) }
        #expect(throws: RecordOutputError.self) { _ = try xml([T.strings(["er:navn": "1"])]) }
        #expect(throws: RecordOutputError.self) { _ = try xml([T.strings(["navn": "bell\u{7}"])]) }
        #expect(throws: RecordOutputError.self) { _ = try xml([.string("x")]) }
        let ok = try xml([T.strings(["er:navn": "1", "æøå": "2"])], namespaces: ["er": "urn:er"])
        #expect(ok.contains("<enheter xmlns:er=\"urn:er\">"))
        #expect(ok.contains("<er:navn>1</er:navn><æøå>2</æøå>"))
    }

    // MARK: Round trips

    @Test(arguments: [CSVDialect.rfc4180, .semicolon, .tab, .pipe, CSVDialect(trim: true, commentPrefix: "#"),
                      CSVDialect(escape: "\\", encoding: .windows1252, lineTerminator: .lf)])
    func csvRoundTrip(_ dialect: CSVDialect) throws {
        let records: [RecordValue] = [
            T.strings(["a": "Ås, \"kommune\"", "b": "to\r\nlinjer", "c": " kant "]),
            T.strings(["a": "#ikke kommentar", "b": "", "c": "x;y|z\tw\\v"]),
            T.strings(["a": "", "b": "", "c": ""]),
        ]
        let out = try csv(records, dialect: dialect)
        let back = try T.readAll(CSVRecordReader(data: out.bytes, dialect: dialect))
        #expect(back == records)
    }

    @Test func jsonRoundTrip() throws {
        for (lines, pretty) in [(false, false), (false, true), (true, false)] {
            let text = try json(Self.nested, lines: lines, pretty: pretty)
            let back = try T.readAll(JSONRecordReader(data: T.bytes(text), lines: lines))
            #expect(back == Self.nested)
        }
        let rooted = try json(Self.nested, pretty: true, root: "data")
        #expect(try T.readAll(JSONRecordReader(data: T.bytes(rooted), iterator: "$.data[*]")) == Self.nested)
    }

    @Test func xmlRoundTrip() throws {
        for pretty in [false, true] {
            let text = try xml([Self.xmlRecord, Self.xmlRecord], pretty: pretty)
            let back = try T.readAll(XMLRecordReader(data: T.bytes(text), iterator: "/enheter/enhet"))
            let expected: RecordValue = .object([
                RecordMember("@orgnr", .string("974760673")),
                RecordMember("navn", .string("A & B <AS> \"x\"")),
                RecordMember("linje", .array([.string("Havnegata 48"), .string("8900")])),
                RecordMember("telefon", .object([RecordMember("@type", .string("mobil\tny")), RecordMember("#text", .string("99"))])),
                RecordMember("tom", .string("")),
                RecordMember("antall", .string("320")),
            ])
            #expect(back == [expected, expected])
        }
    }

    @Test(arguments: RecordFormat.allCases)
    func factoryRoundTripThroughFiles(_ format: RecordFormat) throws {
        let dir = try T.temporaryDirectory()
        defer { T.remove(dir) }
        let path = dir + "/out." + format.rawValue
        let records = [T.strings(["orgnr": "974760673", "navn": "Brønnøysundregistrene"]),
                       T.strings(["orgnr": "971526920", "navn": "Statistisk sentralbyrå"])]
        var writer = try RecordFormat.writer(path: path, options: RecordWriterOptions(pretty: true, root: "enheter", record: "enhet"))
        for r in records { try writer.write(r) }
        try writer.finish()
        let iterator: String? = switch format {
        case .json: "$.enheter[*]"
        case .xml: "/enheter/enhet"
        default: nil
        }
        let reader = try RecordFormat.reader(path: path, options: RecordReaderOptions(iterator: iterator))
        #expect(try T.readAll(reader) == records)
    }
}
