import RDF
import Testing
@testable import Turtle

/// Parses N-Triples (or N-Quads) text, returning the quads or the syntax error.
private func parse(_ text: String, _ syntax: LineSyntax = .nTriples) -> Result<[Quad], RDFSyntaxError> {
    parse(Array(text.utf8), syntax)
}

private func parse(_ bytes: [UInt8], _ syntax: LineSyntax = .nTriples) -> Result<[Quad], RDFSyntaxError> {
    var quads: [Quad] = []
    let parser = NQuadsParser(syntax: syntax, source: "t.nt") { quads.append($0) }
    do {
        try parser.parse(bytes)
        return .success(quads)
    } catch let error as RDFSyntaxError {
        return .failure(error)
    } catch {
        Issue.record("unexpected error \(error)")
        return .success([])
    }
}

private func error(_ text: String, _ syntax: LineSyntax = .nTriples) -> RDFSyntaxError? {
    if case .failure(let e) = parse(text, syntax) { return e }
    return nil
}

@Suite("N-Triples reader")
struct NTriplesReaderTests {
    @Test func parsesAllTermKinds() throws {
        let text = """
        <http://ex/s> <http://ex/p> <http://ex/o> .
        _:b1 <http://ex/p> "plain" .
        _:b1 <http://ex/p> "hei"@nb-NO .
        <http://ex/s> <http://ex/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> . # comment
        <http://ex/s> <http://ex/p> "x"^^<http://www.w3.org/2001/XMLSchema#string> .
        """
        let quads = try parse(text).get()
        #expect(quads.count == 5)
        #expect(quads[0] == Quad(.iri("http://ex/s"), .iri("http://ex/p"), .iri("http://ex/o")))
        #expect(quads[1].subject == .blankNode("b1"))
        #expect(quads[2].object == .langString("hei", language: "nb-no"))
        #expect(quads[2].object.literalValue?.language == "nb-NO", "language tag kept as written")
        #expect(quads[3].object == .typed("1", datatype: XSD.integer))
        #expect(quads[4].object == .string("x"))
    }

    @Test func decodesEscapes() throws {
        let quads = try parse(#"<http://ex/s> <http://ex/p\u00E9> "a\tb\n\"c\" \u00F8 \U0001F600 \\" ."#).get()
        #expect(quads[0].predicate == .iri("http://ex/pé"))
        #expect(quads[0].object == .string("a\tb\n\"c\" ø 😀 \\"))
    }

    @Test func emptyInputIsValid() throws {
        #expect(try parse("").get().isEmpty)
        #expect(try parse("# only a comment\n\n   \n").get().isEmpty)
    }

    @Test func readsNQuadsGraphs() throws {
        let quads = try parse("<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g> .\n_:s <http://ex/p> \"o\" _:g .\n<http://ex/s> <http://ex/p> <http://ex/o> .", .nQuads).get()
        #expect(quads.map(\.graph) == [.iri("http://ex/g"), .blankNode("g"), nil])
        #expect(error("<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g> .") != nil, "N-Triples has no graph term")
    }

    @Test func lineBreaksMayBeCR() throws {
        let quads = try parse("<http://ex/s> <http://ex/p> <http://ex/o> .\r<http://ex/s> <http://ex/p> <http://ex/o2> .\r\n").get()
        #expect(quads.count == 2)
    }

    // MARK: Bad input: one test per error class, each with its position.

    @Test(arguments: [
        ("<http://ex/a b> <http://ex/p> <http://ex/o> .", 1, 13, "space"),
        ("<http://ex/s> <http://ex/p> <http://ex/{o}> .", 1, 40, "not allowed"),
        ("<http://ex/s> <http://ex/p> <http://ex/\\u003C> .", 1, 40, "not allowed in an IRI"),
    ])
    func invalidIRICharacters(text: String, line: Int, column: Int, fragment: String) throws {
        let e = try #require(error(text))
        #expect((e.line, e.column) == (line, column))
        #expect(e.message.contains(fragment), "\(e.message)")
    }

    @Test func relativeIRIsAreRejected() throws {
        let e = try #require(error("<s> <http://ex/p> <http://ex/o> ."))
        #expect(e.message.contains("relative IRI"))
        #expect((e.line, e.column) == (1, 1))
        #expect(error("<http://ex/s> <http://ex/p> \"x\"^^<integer> .") != nil)
        #expect(error("<http://ex/s> <#p> <http://ex/o> .") != nil)
    }

    @Test func unterminatedLiteral() throws {
        let e = try #require(error("<http://ex/s> <http://ex/p> \"open .\n<http://ex/s> <http://ex/p> <http://ex/o> ."))
        #expect(e.message.contains("unterminated"))
        #expect((e.line, e.column) == (1, 29))
        #expect(error("<http://ex/s> <http://ex/p> <http://ex/o") != nil)
    }

    @Test(arguments: [
        #"<http://ex/s> <http://ex/p> "\u00E" ."#,
        #"<http://ex/s> <http://ex/p> "\U0001F60" ."#,
        #"<http://ex/s> <http://ex/p> "\uD800" ."#,
        #"<http://ex/s> <http://ex/p> "\U00110000" ."#,
        #"<http://ex/s> <http://ex/p> "\x" ."#,
        #"<http://ex/s> <http://ex/p\n> <http://ex/o> ."#,
    ])
    func badEscapes(text: String) throws {
        let e = try #require(error(text))
        #expect(e.line == 1)
        #expect(e.column > 20)
    }

    @Test func surrogateEscapeNamesTheProblem() throws {
        let e = try #require(error(#"<http://ex/s> <http://ex/p> "\uDC00" ."#))
        #expect(e.message.contains("surrogate"))
    }

    @Test(arguments: [
        [0xC3, 0x28] as [UInt8],        // bad continuation
        [0xE0, 0x80, 0xAF],             // overlong
        [0xED, 0xA0, 0x80],             // encoded surrogate
        [0xF4, 0x90, 0x80, 0x80],       // beyond U+10FFFF
        [0xFF],
    ])
    func invalidUTF8(bad: [UInt8]) throws {
        for prefix in ["<http://ex/s> <http://ex/p> \"ok ", "<http://ex/s> <http://ex/p> <http://ex/"] {
            let close: [UInt8] = prefix.hasSuffix(" ") ? Array("\" .".utf8) : Array("> .".utf8)
            let bytes = Array("<http://ex/s> <http://ex/p> <http://ex/o> .\n".utf8) + Array(prefix.utf8) + bad + close
            guard case .failure(let e) = parse(bytes) else {
                Issue.record("accepted invalid UTF-8 \(bad)")
                continue
            }
            #expect(e.message.contains("UTF-8"))
            #expect(e.line == 2)
            #expect(e.column == prefix.unicodeScalars.count + 1)
        }
    }

    @Test func missingFinalDot() throws {
        let e = try #require(error("<http://ex/s> <http://ex/p> <http://ex/o>\n"))
        #expect(e.message.contains("'.'"))
        #expect((e.line, e.column) == (1, 42))
        #expect(error("<http://ex/s> <http://ex/p> <http://ex/o> . <http://ex/s> <http://ex/p> <http://ex/o> .") != nil,
                "two triples on one line")
    }

    @Test(arguments: ["_:a!b", "_:-a", "_:", "_a", "_:a\u{00D7}"])
    func illegalBlankNodeLabels(label: String) throws {
        #expect(error("\(label) <http://ex/p> <http://ex/o> .") != nil)
    }

    @Test func blankNodeLabelsMayHoldDotsButNotEndInOne() throws {
        let quads = try parse("_:a.b.c <http://ex/p> _:x.").get()
        #expect(quads[0].subject == .blankNode("a.b.c"))
        #expect(quads[0].object == .blankNode("x"))
    }

    @Test func badLanguageTags() throws {
        #expect(error(#"<http://ex/s> <http://ex/p> "x"@ ."#) != nil)
        #expect(error(#"<http://ex/s> <http://ex/p> "x"@en- ."#) != nil)
        #expect(error(#"<http://ex/s> <http://ex/p> "x"@1en ."#) != nil)
    }

    @Test func errorsCountLinesAndColumnsInScalars() throws {
        let e = try #require(error("<http://ex/s> <http://ex/p> \"ø\" .\n\n<http://ex/s> <http://ex/p> \"æøå\" junk .\n"))
        #expect((e.line, e.column) == (3, 35))
    }

    /// A line of unbounded length (a 1 GB line, say) stops with an error once it passes
    /// `maxLineLength`, holding no more than that in memory.
    @Test func hugeLineIsBoundedAndReported() throws {
        var seen = 0
        let parser = NQuadsParser(syntax: .nTriples, source: "huge.nt") { _ in seen += 1 }
        parser.maxLineLength = 8 << 20
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        let head = Array("<http://ex/s> <http://ex/p> <http://ex/o> .\n<http://ex/s> <http://ex/p> \"".utf8)
        var fed = 0
        var caught: RDFSyntaxError?
        do {
            try parser.feed(head)
            // Up to 1 GiB, but the parser must give up long before.
            for _ in 0..<1024 {
                try parser.feed(chunk)
                fed += chunk.count
            }
        } catch let e as RDFSyntaxError {
            caught = e
        }
        let e = try #require(caught)
        #expect(e.line == 2)
        #expect(e.message.contains("longer than"))
        #expect(fed <= 8 << 20)
        #expect(seen == 1)
    }

    @Test func chunkBoundariesDoNotMatter() throws {
        let text = """
        <http://ex/s> <http://ex/p> "ø æ å \\u00E9" .
        _:b <http://ex/p> "x"@en .

        <http://ex/s> <http://ex/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
        """
        let whole = try parse(text).get()
        let bytes = Array(text.utf8)
        for size in [1, 2, 3, 7, 64] {
            var quads: [Quad] = []
            let parser = NQuadsParser(syntax: .nTriples) { quads.append($0) }
            var i = 0
            while i < bytes.count {
                try parser.feed(Array(bytes[i..<min(i + size, bytes.count)]))
                i += size
            }
            try parser.finish()
            #expect(quads == whole, "chunk size \(size)")
        }
    }
}

@Suite("N-Triples writer")
struct NTriplesWriterTests {
    @Test func writesCanonicalForm() throws {
        let quads = [
            Quad(.iri("http://ex/s"), .iri("http://ex/p"), .langString("Hei", language: "NB")),
            Quad(.blankNode("b0"), .iri("http://ex/p"), .string("a\u{7F}\u{0}\"\\\n\r\t\u{8}\u{C}ø")),
            Quad(.iri("http://ex/s"), .iri("http://ex/p"), .typed("1", datatype: XSD.integer), graph: .iri("http://ex/g")),
        ]
        let text = try NQuadsWriter.string(for: quads)
        #expect(text == """
        <http://ex/s> <http://ex/p> "Hei"@nb .
        _:b0 <http://ex/p> "a\\u007F\\u0000\\"\\\\\\n\\r\\t\\b\\fø" .
        <http://ex/s> <http://ex/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> <http://ex/g> .

        """)
    }

    @Test func refusesWhatTheSyntaxCannotHold() {
        #expect(throws: RDFWriteError.self) {
            try NQuadsWriter.string(for: [Quad(.iri("http://ex/s"), .iri("http://ex/p"), .iri("http://ex/o"), graph: .iri("http://ex/g"))], syntax: .nTriples)
        }
        #expect(throws: RDFWriteError.self) {
            try NQuadsWriter.string(for: [Quad(.iri("http://ex/a b"), .iri("http://ex/p"), .iri("http://ex/o"))])
        }
    }
}
