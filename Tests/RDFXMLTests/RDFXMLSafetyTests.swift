import CLibXML2
import Foundation
import RDF
@testable import RDFXML
import RDFTestSupport
import Testing

/// Crafted hostile documents: the reader must never read a file or URL a document names,
/// must stop entity amplification and deep nesting with a clear error, and must still
/// read a legitimate document with any number of short entity references.
@Suite("RDF/XML reader: safety")
struct RDFXMLSafetyTests {
    private static let header = #"<?xml version="1.0"?>"#
    private static let rdfOpen = #"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/ns#">"#

    /// All literal values and IRIs of the quads, for "did this text get in?" checks.
    private static func text(of quads: [Quad]) -> String {
        quads.map { "\($0.subject) \($0.predicate) \($0.object)" }.joined(separator: "\n")
    }

    /// Parses and returns the quads read before the error (if any) and the error.
    private static func run(_ xml: String) -> (quads: [Quad], error: (any Error)?) {
        var quads: [Quad] = []
        let parser = RDFXMLParser(base: "http://example.org/doc", source: "hostile.rdf") { quads.append($0) }
        do {
            try parser.parse(Array(xml.utf8))
            return (quads, nil)
        } catch {
            return (quads, error)
        }
    }

    // MARK: External entities, DTDs, network

    @Test("an external entity naming a local file is never read (text and attribute)")
    func externalEntityFile() throws {
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        for use in ["<ex:p>&host;</ex:p>", #"<ex:p rdf:resource="http://example.org/&host;"/>"#] {
            let xml = """
                \(Self.header)
                <!DOCTYPE rdf:RDF [ <!ENTITY host SYSTEM "file:///etc/hostname"> ]>
                \(Self.rdfOpen)<rdf:Description rdf:about="http://example.org/a">\(use)</rdf:Description></rdf:RDF>
                """
            let (quads, error) = Self.run(xml)
            let syntaxError = try #require(error as? RDFSyntaxError)
            #expect(syntaxError.message.contains("external entity &host;"), "\(syntaxError)")
            #expect(syntaxError.message.contains("file:///etc/hostname"))
            #expect(syntaxError.line == 3)
            if !hostname.isEmpty { #expect(!Self.text(of: quads).contains(hostname)) }
        }
    }

    @Test("an external DTD is never loaded: its entities stay undeclared")
    func externalDTD() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("samsvar-rdfxml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let dtd = directory.appendingPathComponent("evil.dtd")
        try #"<!ENTITY secret "SECRET-FROM-DTD"> <!ENTITY % p "<!ENTITY other 'OTHER-SECRET'>"> %p;"#
            .write(to: dtd, atomically: true, encoding: .utf8)
        let xml = """
            \(Self.header)
            <!DOCTYPE rdf:RDF SYSTEM "\(dtd.absoluteString)">
            \(Self.rdfOpen)<rdf:Description rdf:about="http://example.org/a"><ex:p>&secret;</ex:p></rdf:Description></rdf:RDF>
            """
        let (quads, error) = Self.run(xml)
        let syntaxError = try #require(error as? RDFSyntaxError)
        #expect(syntaxError.message.contains("secret"), "\(syntaxError)")
        #expect(!Self.text(of: quads).contains("SECRET"))

        // An external parameter entity in the internal subset is refused the same way.
        let parameter = """
            \(Self.header)
            <!DOCTYPE rdf:RDF [ <!ENTITY % ext SYSTEM "\(dtd.absoluteString)"> %ext; ]>
            \(Self.rdfOpen)<rdf:Description rdf:about="http://example.org/a"><ex:p>&secret;</ex:p></rdf:Description></rdf:RDF>
            """
        let second = Self.run(parameter)
        let parameterError = try #require(second.error as? RDFSyntaxError)
        #expect(parameterError.message.contains("external entity %ext;"), "\(parameterError)")
        #expect(!Self.text(of: second.quads).contains("SECRET"))
    }

    @Test("nothing is fetched from the network: a listening local port gets no connection")
    func noNetwork() throws {
        let listener = try LocalListener()
        let url = "http://127.0.0.1:\(listener.port)"
        let documents = [
            """
            \(Self.header)
            <!DOCTYPE rdf:RDF SYSTEM "\(url)/external.dtd">
            \(Self.rdfOpen)<rdf:Description rdf:about="http://example.org/a"/></rdf:RDF>
            """,
            """
            \(Self.header)
            <!DOCTYPE rdf:RDF [ <!ENTITY remote SYSTEM "\(url)/entity.xml"> ]>
            \(Self.rdfOpen)<rdf:Description rdf:about="http://example.org/a"><ex:p>&remote;</ex:p></rdf:Description></rdf:RDF>
            """,
            """
            \(Self.header)
            <!DOCTYPE rdf:RDF [ <!ENTITY % remote SYSTEM "\(url)/parameter.dtd"> %remote; ]>
            \(Self.rdfOpen)<rdf:Description rdf:about="http://example.org/a"/></rdf:RDF>
            """,
        ]
        for xml in documents { _ = Self.run(xml) }
        #expect(!listener.wasContacted)
        // The plain external-DTD document is fine RDF: it parses (without its DTD).
        #expect(Self.run(documents[0]).error == nil)
    }

    @Test("the libxml2 options: NONET; never XML_PARSE_HUGE, NOENT (the reader expands entities) or DTD loading")
    func options() throws {
        let parser = RDFXMLParser(base: "http://example.org/") { _ in }
        let context = try #require(parser.context)
        let options = UInt32(bitPattern: context.pointee.options)
        #expect(options & XML_PARSE_HUGE.rawValue == 0)
        #expect(options & XML_PARSE_NONET.rawValue != 0)
        #expect(options & XML_PARSE_NOENT.rawValue == 0)
        #expect(context.pointee.replaceEntities == 0)
        #expect(options & (XML_PARSE_DTDLOAD.rawValue | XML_PARSE_DTDATTR.rawValue | XML_PARSE_DTDVALID.rawValue) == 0)
        #expect(context.pointee.sax.pointee.externalSubset == nil)
    }

    // MARK: Entity amplification

    @Test("billion laughs is stopped with a clear error, quickly (in text and in attributes)")
    func billionLaughs() throws {
        var declarations = #"<!ENTITY lol0 "lol">"#
        for level in 1...10 {
            let ten = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "\n<!ENTITY lol\(level) \"\(ten)\">"
        }
        for use in ["<ex:p>&lol10;</ex:p>", #"<ex:p ex:q="&lol10;"/>"#] {
            let xml = """
                \(Self.header)
                <!DOCTYPE rdf:RDF [
                \(declarations)
                ]>
                \(Self.rdfOpen)<rdf:Description rdf:about="http://example.org/a">\(use)</rdf:Description></rdf:RDF>
                """
            let clock = ContinuousClock()
            let start = clock.now
            let (quads, error) = Self.run(xml)
            #expect(clock.now - start < .seconds(5))
            let syntaxError = try #require(error as? RDFSyntaxError)
            #expect(syntaxError.message.contains("billion laughs"), "\(syntaxError)")
            #expect(quads.isEmpty)
        }
    }

    @Test("a big entity referenced many times (quadratic blow-up) is stopped")
    func quadraticBlowUp() throws {
        let big = String(repeating: "x", count: 50_000)
        let uses = String(repeating: "&big;", count: 20_000)  // 1 GB of text from 150 KB
        let xml = """
            \(Self.header)
            <!DOCTYPE rdf:RDF [ <!ENTITY big "\(big)"> ]>
            \(Self.rdfOpen)<rdf:Description rdf:about="http://example.org/a"><ex:p>\(uses)</ex:p></rdf:Description></rdf:RDF>
            """
        let (_, error) = Self.run(xml)
        let syntaxError = try #require(error as? RDFSyntaxError)
        #expect(syntaxError.message.contains("entity expansion exceeds"), "\(syntaxError)")
    }

    @Test("entities that refer to each other in a loop are an error")
    func entityLoop() throws {
        let xml = """
            \(Self.header)
            <!DOCTYPE rdf:RDF [ <!ENTITY a "x&b;"> <!ENTITY b "y&a;"> ]>
            \(Self.rdfOpen)<rdf:Description rdf:about="http://example.org/a"><ex:p>&a;</ex:p></rdf:Description></rdf:RDF>
            """
        #expect(Self.run(xml).error is RDFSyntaxError)
    }

    @Test("a legitimate document with more than 100,000 short entity references parses completely")
    func manyEntityReferences() throws {
        var xml = """
            \(Self.header)
            <!DOCTYPE rdf:RDF [
              <!ENTITY dcat "http://www.w3.org/ns/dcat#">
              <!ENTITY dct "http://purl.org/dc/terms/">
              <!ENTITY xsd "http://www.w3.org/2001/XMLSchema#">
              <!ENTITY base "https://data.norge.no/">
              <!ENTITY ds "&base;datasets/">
              <!ENTITY agency "Digitaliseringsdirektoratet">
            ]>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="&dcat;" xmlns:dct="&dct;">

            """
        let datasets = 40_000
        for i in 0..<datasets {
            xml += #"<rdf:Description rdf:about="&ds;\#(i)"><rdf:type rdf:resource="&dcat;Dataset"/>"#
            xml += #"<dct:issued rdf:datatype="&xsd;date">2024-01-01</dct:issued>"#
            if i % 8 == 0 { xml += "<dct:publisher>&agency;</dct:publisher>" }
            xml += "</rdf:Description>\n"
        }
        xml += "</rdf:RDF>\n"
        // 40,000 × (&ds; → &base;, &dcat;, &xsd;) + 5,000 × &agency; = 165,000 references.
        var count = 0
        var last: Quad?
        let parser = RDFXMLParser(base: "http://example.org/doc") { quad in
            count += 1
            last = quad
        }
        try parser.parse(Array(xml.utf8))
        #expect(count == datasets * 2 + datasets / 8)
        #expect(parser.entityReferences > 100_000)
        #expect(last?.subject == .iri("https://data.norge.no/datasets/\(datasets - 1)"))
        #expect(last?.object == .literal(Literal("2024-01-01", datatype: "http://www.w3.org/2001/XMLSchema#date")))
    }

    // MARK: Nesting

    @Test("element nesting is bounded: 10,000 levels is a clear error; 200,000 does not crash")
    func deepNesting() throws {
        for levels in [10_000, 200_000] {
            var xml = Self.header + Self.rdfOpen
            for _ in 0..<levels / 2 { xml += "<rdf:Description><ex:p>" }
            for _ in 0..<levels / 2 { xml += "</ex:p></rdf:Description>" }
            xml += "</rdf:RDF>"
            let syntaxError = try #require(Self.run(xml).error as? RDFSyntaxError)
            #expect(syntaxError.message.contains("nest deeper than 1024 levels"), "\(syntaxError)")
        }
        // The limit is a setting.
        var quads: [Quad] = []
        let parser = RDFXMLParser(base: "http://example.org/") { quads.append($0) }
        parser.maxNestingDepth = 4
        let shallow = Self.header + Self.rdfOpen + "<rdf:Description><ex:p><rdf:Description/></ex:p></rdf:Description></rdf:RDF>"
        try parser.parse(Array(shallow.utf8))
        #expect(quads.count == 1)
    }

    @Test("a literal longer than maxLiteralLength is an error")
    func longLiteral() throws {
        let parser = RDFXMLParser(base: "http://example.org/") { _ in }
        parser.maxLiteralLength = 1000
        let xml = Self.header + Self.rdfOpen
            + "<rdf:Description><ex:p>\(String(repeating: "x", count: 5000))</ex:p></rdf:Description></rdf:RDF>"
        let error = #expect(throws: RDFSyntaxError.self) { try parser.parse(Array(xml.utf8)) }
        #expect(error?.message.contains("longer than 1000 bytes") == true)
    }
}
