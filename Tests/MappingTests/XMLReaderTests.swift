import Foundation
@testable import Mapping
import Testing

@Suite struct XMLReaderTests {
    typealias T = RecordTesting

    func read(_ text: String, _ iterator: String, namespaces: [String: String] = [:], arrayElements: Set<String> = [],
              chunkSize: Int = 64 << 10) throws -> [RecordValue] {
        let options = RecordReaderOptions(namespaces: namespaces, arrayElements: arrayElements, chunkSize: chunkSize)
        return try T.readAll(XMLRecordReader(data: T.bytes(text), source: "t.xml", iterator: iterator, options: options))
    }

    func error(_ text: String, _ iterator: String = "//x") -> RecordInputError? {
        T.inputError { _ = try read(text, iterator) }
    }

    static let enheter = """
        <?xml version="1.0" encoding="UTF-8"?>
        <er:enheter xmlns:er="urn:brreg:enhetsregisteret" xmlns="urn:default" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <!-- et utdrag -->
          <er:enhet orgnr="974760673" xsi:type="er:Organisasjonsledd">
            <er:navn>Registerenheten i Brønnøysund</er:navn>
            <er:adresse>
              <er:linje>Havnegata 48</er:linje>
              <er:postnummer>8900</er:postnummer>
            </er:adresse>
            <er:telefon type="sentralbord">75 00 75 00</er:telefon>
            <er:naering kode="84.110"/>
          </er:enhet>
          <er:enhet orgnr="971526920">
            <er:navn><![CDATA[Statistisk sentralbyrå & co]]></er:navn>
            <er:adresse>
              <er:linje>Akersveien 26</er:linje>
              <er:linje>Postboks 2633 St. Hanshaugen</er:linje>
            </er:adresse>
            <er:tom></er:tom>
          </er:enhet>
        </er:enheter>
        """

    @Test func recordsWithNamespacesAndAttributes() throws {
        let records = try read(Self.enheter, "/er:enheter/er:enhet")
        #expect(records.count == 2)
        let first = records[0]
        #expect(first.testMemberNames == ["@orgnr", "@xsi:type", "navn", "adresse", "telefon", "naering"])
        #expect(first.testMember("@orgnr") == .string("974760673"))
        #expect(first.testMember("navn") == .string("Registerenheten i Brønnøysund"))
        #expect(first.testMember("adresse") == .object([RecordMember("linje", .string("Havnegata 48")),
                                                       RecordMember("postnummer", .string("8900"))]))
        #expect(first.testMember("telefon") == .object([RecordMember("@type", .string("sentralbord")),
                                                       RecordMember("#text", .string("75 00 75 00"))]))
        #expect(first.testMember("naering") == .object([RecordMember("@kode", .string("84.110"))]))
        let second = records[1]
        #expect(second.testMember("navn") == .string("Statistisk sentralbyrå & co"))
        #expect(second.testMember("adresse")?.testMember("linje") == .array([.string("Akersveien 26"), .string("Postboks 2633 St. Hanshaugen")]))
        #expect(second.testMember("tom") == .string(""))
    }

    @Test func iteratorForms() throws {
        #expect(try read(Self.enheter, "//enhet").count == 2)
        #expect(try read(Self.enheter, "//er:linje").count == 3)
        #expect(try read(Self.enheter, "/enheter/enhet").count == 2)
        #expect(try read(Self.enheter, "/enheter//linje").count == 3)
        #expect(try read(Self.enheter, "/*/*").count == 2)
        #expect(try read(Self.enheter, "/enheter/navn").isEmpty)
        // A prefix the options bind to another namespace matches nothing.
        #expect(try read(Self.enheter, "//er:enhet", namespaces: ["er": "urn:other"]).isEmpty)
        // The options' prefix need not be the document's.
        #expect(try read(Self.enheter, "//b:enhet", namespaces: ["b": "urn:brreg:enhetsregisteret"]).count == 2)
        // An unbound prefix matches nothing.
        #expect(try read(Self.enheter, "//zz:enhet").isEmpty)
    }

    @Test func leafRecordHasTextMember() throws {
        let records = try read(Self.enheter, "//er:linje")
        #expect(records.first == .object([RecordMember("#text", .string("Havnegata 48"))]))
    }

    @Test func arrayElementsAreAlwaysArrays() throws {
        let records = try read(Self.enheter, "//enhet", arrayElements: ["linje"])
        #expect(records[0].testMember("adresse")?.testMember("linje") == .array([.string("Havnegata 48")]))
    }

    @Test func mixedContentIsConcatenatedAndTrimmed() throws {
        let xml = "<r><p lang=\"nb\">\n  Hei <b>du</b> der\n</p></r>"
        let records = try read(xml, "/r/p")
        #expect(records == [.object([RecordMember("@lang", .string("nb")), RecordMember("#text", .string("Hei  der")),
                                     RecordMember("b", .string("du"))])])
    }

    @Test func nestedMatchesBelongToTheOuterRecord() throws {
        let records = try read("<a><x id=\"1\"><x id=\"2\"/></x><x id=\"3\"/></a>", "//x")
        #expect(records.count == 2)
        #expect(records[0].testMember("x") == .object([RecordMember("@id", .string("2"))]))
    }

    @Test func positionsGiveTheRecordsLine() throws {
        let reader = try XMLRecordReader(data: T.bytes(Self.enheter), source: "t.xml", iterator: "//enhet")
        let positions = try T.readAllWithPositions(reader).map(\.1)
        #expect(positions == [RecordPosition(source: "t.xml", number: 1, line: 4), RecordPosition(source: "t.xml", number: 2, line: 13)])
    }

    @Test func tinyChunksGiveTheSameRecords() throws {
        let whole = try read(Self.enheter, "//enhet")
        for size in [1, 3, 7, 64] {
            #expect(try read(Self.enheter, "//enhet", chunkSize: size) == whole, "chunk size \(size)")
        }
    }

    @Test func internalEntitiesAreExpanded() throws {
        let xml = """
            <!DOCTYPE r [ <!ENTITY org "Brønnøysundregistrene"> <!ENTITY ns "urn:x:"> ]>
            <r><x a="&ns;id">&org; &amp; &#229;</x></r>
            """
        #expect(try read(xml, "//x") == [.object([RecordMember("@a", .string("urn:x:id")),
                                                  RecordMember("#text", .string("Brønnøysundregistrene & å"))])])
    }

    @Test func latin1DeclaredEncoding() throws {
        // "<x>Blåbær</x>" in ISO 8859-1, as the declaration says.
        let data: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r><x>Bl".utf8)
            + [0xE5, 0x62, 0xE6, 0x72] + Array("</x></r>".utf8)
        let records = try T.readAll(XMLRecordReader(data: data, iterator: "//x"))
        #expect(records == [.object([RecordMember("#text", .string("Blåbær"))])])
    }

    // MARK: Errors and safety

    @Test func malformedXMLHasLineAndColumn() {
        let e = error("<r>\n  <x>a</y>\n</r>")
        #expect(e?.line == 2)
        #expect(e?.message.hasPrefix("malformed XML") == true)
        #expect(e?.source == "t.xml")
    }

    @Test func truncatedDocumentIsAnError() {
        #expect(error("<r><x>a</x>") != nil)
        #expect(error("") != nil)
    }

    @Test func recordsBeforeAnErrorAreDelivered() throws {
        var reader = try XMLRecordReader(data: T.bytes("<r><x>1</x><x>2</x><x>3</y></r>"), iterator: "//x")
        #expect(try reader.next()?.0 == .object([RecordMember("#text", .string("1"))]))
        #expect(try reader.next()?.0 == .object([RecordMember("#text", .string("2"))]))
        #expect(throws: RecordInputError.self) { _ = try reader.next() }
        #expect(throws: RecordInputError.self) { _ = try reader.next() }
    }

    @Test func externalEntitiesAreNeverLoaded() {
        let xml = """
            <!DOCTYPE r [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <r><x>&secret;</x></r>
            """
        let e = error(xml)
        #expect(e?.message.contains("external entity") == true)
        let dtd = "<!DOCTYPE r SYSTEM \"http://example.invalid/r.dtd\"><r><x>&undeclared;</x></r>"
        #expect(error(dtd)?.message.contains("undeclared") == true)
        let parameter = """
            <!DOCTYPE r [ <!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext; ]>
            <r><x>1</x></r>
            """
        #expect(error(parameter) != nil)
    }

    @Test func billionLaughsIsStopped() {
        var entities = "<!ENTITY l0 \"haha\">"
        for i in 1...12 { entities += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
        let xml = "<!DOCTYPE r [\(entities)]><r><x>&l12;</x></r>"
        let e = error(xml)
        #expect(e != nil)
    }

    @Test func nestingIsBounded() {
        let xml = String(repeating: "<a>", count: 2_000) + String(repeating: "</a>", count: 2_000)
        let e = T.inputError {
            _ = try T.readAll(XMLRecordReader(data: T.bytes(xml), iterator: "//x", options: RecordReaderOptions(maxDepth: 100)))
        }
        #expect(e?.message.contains("nest") == true)
    }

    @Test func badIteratorIsRefused() {
        #expect(error("<r/>", "r/x") != nil)
        #expect(error("<r/>", "//x[1]") != nil)
        #expect(error("<r/>", "/r/@id") != nil)
    }
}
