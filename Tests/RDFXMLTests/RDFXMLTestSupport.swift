import Foundation
import RDF
import RDFTestSupport
import RDFXML
import Turtle

/// Helpers shared by the RDF/XML reader tests.
enum RX {
    static let rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    /// Parses `xml` in one piece.
    static func parse(_ xml: String, base: String? = "http://example.org/doc") throws -> [Quad] {
        var quads: [Quad] = []
        let parser = RDFXMLParser(base: base, source: "test.rdf") { quads.append($0) }
        try parser.parse(Array(xml.utf8))
        return quads
    }

    /// Parses `bytes` fed in chunks of `size` bytes.
    static func parse(_ bytes: [UInt8], chunkSize size: Int, base: String? = "http://example.org/doc") throws -> [Quad] {
        var quads: [Quad] = []
        let parser = RDFXMLParser(base: base, source: "test.rdf") { quads.append($0) }
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + size, bytes.count)
            try parser.feed(Array(bytes[offset..<end]))
            offset = end
        }
        try parser.finish()
        return quads
    }

    /// The quads of an N-Triples document.
    static func nt(_ text: String) throws -> [Quad] {
        var quads: [Quad] = []
        try NQuadsParser(syntax: .nTriples) { quads.append($0) }.parse(Array(text.utf8))
        return quads
    }

    /// N-Triples for quads, for messages.
    static func dump(_ quads: [Quad]) -> String {
        (try? NQuadsWriter.string(for: quads, syntax: .nTriples)) ?? "\(quads)"
    }

    /// Whether `xml` gives exactly the graph of `ntriples` (blank nodes up to renaming).
    static func same(_ xml: String, _ ntriples: String, base: String? = "http://example.org/doc") throws -> Bool {
        let got = try parse(xml, base: base)
        let expected = try nt(ntriples)
        let same = Isomorphism.areIsomorphic(got, expected)
        if !same { print("expected:\n\(dump(expected))got:\n\(dump(got))") }
        return same
    }

    /// The syntax error `xml` raises, if any.
    static func error(_ xml: String, base: String? = "http://example.org/doc") -> RDFSyntaxError? {
        do {
            _ = try parse(xml, base: base)
            return nil
        } catch let error as RDFSyntaxError {
            return error
        } catch {
            return RDFSyntaxError("unexpected error type: \(error)", line: 0, column: 0)
        }
    }

    /// `body` inside an `rdf:RDF` element declaring rdf: and ex:.
    static func doc(_ body: String, extra: String = "") -> String {
        """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/ns#"\(extra)>
        \(body)
        </rdf:RDF>
        """
    }

    /// The literal object of the first quad with predicate `predicate`.
    static func literal(_ quads: [Quad], _ predicate: String) -> Literal? {
        quads.first { $0.predicate == .iri(predicate) }?.object.literalValue
    }
}
