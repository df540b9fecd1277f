import RDF
import RDFXML
import Testing

@Suite("RDF/XML reader: errors")
struct RDFXMLErrorTests {
    /// A document fragment and a phrase its error message contains.
    static let forbidden: [(String, String)] = [
        (#"<rdf:RDF/>"#, "rdf:RDF cannot be used as a node element"),
        (#"<rdf:li/>"#, "rdf:li cannot be used as a node element"),
        (#"<rdf:ID/>"#, "rdf:ID cannot be used as a node element"),
        (#"<rdf:aboutEach/>"#, "rdf:aboutEach cannot be used as a node element"),
        (#"<rdf:Description><rdf:Description/></rdf:Description>"#, "rdf:Description cannot be used as a property element"),
        (#"<rdf:Description><rdf:about>x</rdf:about></rdf:Description>"#, "rdf:about cannot be used as a property element"),
        (#"<rdf:Description><rdf:bagID>x</rdf:bagID></rdf:Description>"#, "rdf:bagID cannot be used as a property element"),
        (##"<rdf:Description rdf:aboutEach="#x"/>"##, "rdf:aboutEach was removed"),
        (#"<rdf:Description rdf:aboutEachPrefix="x"/>"#, "rdf:aboutEachPrefix was removed"),
        (#"<rdf:Description rdf:bagID="x"/>"#, "rdf:bagID was removed"),
        (#"<rdf:Description rdf:li="x"/>"#, "rdf:li cannot be used as an attribute"),
        (#"<rdf:Description rdf:Description="x"/>"#, "rdf:Description cannot be used as an attribute"),
        (#"<rdf:Description rdf:resource="http://example.org/x"/>"#, "rdf:resource is not allowed on a node element"),
        (#"<rdf:Description rdf:parseType="Resource"/>"#, "rdf:parseType is not allowed on a node element"),
        (#"<rdf:Description rdf:datatype="http://example.org/t"/>"#, "rdf:datatype is not allowed on a node element"),
        (#"<rdf:Description rdf:about="http://example.org/a" rdf:nodeID="b"/>"#, "only one of rdf:ID, rdf:nodeID and rdf:about"),
        (#"<rdf:Description rdf:nodeID="a" rdf:ID="b"/>"#, "only one of rdf:ID, rdf:nodeID and rdf:about"),
        (#"<rdf:Description rdf:nodeID="1a"/>"#, "not an XML name"),
        (#"<rdf:Description rdf:ID="a:b"/>"#, "not an XML name"),
        (#"<rdf:Description><ex:p rdf:about="http://example.org/x"/></rdf:Description>"#, "rdf:about is not allowed on a property element"),
        (#"<rdf:Description><ex:p rdf:resource="http://example.org/x" rdf:nodeID="n"/></rdf:Description>"#, "both rdf:resource and rdf:nodeID"),
        (#"<rdf:Description><ex:p rdf:parseType="Literal" rdf:resource="http://example.org/x"/></rdf:Description>"#, "rdf:parseType cannot be combined"),
        (#"<rdf:Description><ex:p rdf:datatype="http://example.org/t" rdf:resource="http://example.org/x"/></rdf:Description>"#, "rdf:datatype cannot be combined"),
        (#"<rdf:Description><ex:p rdf:resource="http://example.org/x">text</ex:p></rdf:Description>"#, "text is not allowed in a property element with rdf:resource"),
        (#"<rdf:Description><ex:p ex:q="v">text</ex:p></rdf:Description>"#, "text is not allowed in a property element with rdf:resource"),
        (#"<rdf:Description><ex:p ex:q="v"><rdf:Description/></ex:p></rdf:Description>"#, "must be empty"),
        (#"<rdf:Description><ex:p>text<rdf:Description/></ex:p></rdf:Description>"#, "both text and the node element"),
        (#"<rdf:Description><ex:p><rdf:Description/><rdf:Description/></ex:p></rdf:Description>"#, "second node element"),
        (#"<rdf:Description><ex:p rdf:datatype="http://example.org/t"><rdf:Description/></ex:p></rdf:Description>"#, "holds a literal"),
        (#"<rdf:Description>stray text</rdf:Description>"#, "text is not allowed inside a node element"),
        (#"stray text"#, "text is not allowed directly inside rdf:RDF"),
        (#"<rdf:Description><ex:p rdf:parseType="Collection">x</ex:p></rdf:Description>"#, "Collection"),
        (#"<rdf:Description about="http://example.org/a" foo="bar"/>"#, "has no namespace"),
        (#"<Description/>"#, "has no namespace"),
        (#"<rdf:Description rdf:about="http://example.org/a b"/>"#, "contains a space"),
        (#"<rdf:Description rdf:about="http://example.org/a"><ex:p xml:lang="not a tag">x</ex:p></rdf:Description>"#, "not a language tag"),
        (#"<rdf:Description><ex:p rdf:parseType="Triple"><rdf:Description/></ex:p></rdf:Description>"#, "RDF 1.2 triple terms"),
    ]

    @Test("every name and combination the grammar forbids is an error", arguments: forbidden)
    func forbiddenNames(_ body: String, _ phrase: String) {
        let error = RX.error(RX.doc(body))
        #expect(error != nil, "no error for \(body)")
        #expect(error?.message.contains(phrase) == true, "\(error?.message ?? "no error") should say \(phrase)")
    }

    @Test("rdf:RDF takes no RDF attributes")
    func rdfAttributes() {
        let xml = #"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" rdf:about="http://example.org/"/>"#
        #expect(RX.error(xml)?.message.contains("rdf:RDF cannot have the attribute rdf:about") == true)
    }

    @Test("errors carry line and column: the start of the offending tag")
    func positions() throws {
        let xml = """
            <rdf:RDF xmlns:rdf="\(RX.rdfNS)" xmlns:ex="http://example.org/ns#">
              <rdf:Description rdf:about="http://example.org/a">
                <ex:ok>fine</ex:ok>
                  <ex:bad rdf:about="http://example.org/b"/>
              </rdf:Description>
            </rdf:RDF>
            """
        let error = try #require(RX.error(xml))
        #expect(error.line == 4)
        #expect(error.column == 7)
        #expect(error.source == "test.rdf")
        #expect(error.description.hasPrefix("test.rdf:4:7: error: "))

        let text = try #require(RX.error(RX.doc("  <rdf:Description>\n    ok\n    bad</rdf:Description>")))
        #expect(text.message.contains("text is not allowed"))
        #expect(text.line == 4 && text.column == 5, "\(text)")

        let malformed = try #require(RX.error("<rdf:RDF xmlns:rdf=\"\(RX.rdfNS)\">\n  <a:b/>\n</rdf:RDF>"))
        #expect(malformed.line == 2, "\(malformed)")
        #expect(malformed.message.contains("malformed XML"))
    }

    @Test("an incomplete or empty document is an error")
    func incomplete() {
        #expect(RX.error("") != nil)
        #expect(RX.error("<rdf:RDF xmlns:rdf=\"\(RX.rdfNS)\"><rdf:Description>") != nil)
    }

    @Test("after an error the parser stays stopped and rethrows it")
    func sticky() throws {
        let parser = RDFXMLParser(base: "http://example.org/") { _ in }
        let bad = Array(RX.doc("<rdf:li/>").utf8)
        #expect(throws: RDFSyntaxError.self) { try parser.feed(bad) }
        let again = #expect(throws: RDFSyntaxError.self) { try parser.finish() }
        #expect(again?.message.contains("rdf:li") == true)
    }

    @Test("an error thrown by the sink stops the parse and comes out unchanged")
    func sinkError() {
        struct Full: Error {}
        var seen = 0
        let parser = RDFXMLParser(base: "http://example.org/") { _ in
            seen += 1
            if seen == 2 { throw Full() }
        }
        let xml = RX.doc(#"<rdf:Description rdf:about="http://example.org/a" ex:a="1" ex:b="2" ex:c="3"/>"#)
        #expect(throws: Full.self) { try parser.parse(Array(xml.utf8)) }
        #expect(seen == 2)
    }

    @Test("a base IRI that is not absolute is refused")
    func relativeBase() {
        let parser = RDFXMLParser(base: "relative/path") { _ in }
        #expect(throws: RDFSyntaxError.self) { try parser.feed(Array("<x/>".utf8)) }
    }
}
