import RDF
import Testing
@testable import Turtle

// Focused tests of the Turtle and TriG reader: each construct of the grammars, chunked
// feeding, error positions. The W3C suites run in the conformance harness.

private let base = "http://example.org/dir/doc.ttl"
private let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
private let xsd = "http://www.w3.org/2001/XMLSchema#"

private func parse(_ text: String, _ syntax: TurtleSyntax = .turtle, base: String? = base) throws -> [Quad] {
    try turtleQuads(text, syntax, base: base)
}

/// Feeds `text` in chunks of the given sizes (cycled), then finishes.
private func parseChunked(_ text: String, _ syntax: TurtleSyntax = .turtle, sizes: [Int]) throws -> [Quad] {
    var quads: [Quad] = []
    let parser = TurtleParser(syntax: syntax, base: base) { quads.append($0) }
    let bytes = Array(text.utf8)
    var i = 0, k = 0
    while i < bytes.count {
        let n = min(sizes[k % sizes.count], bytes.count - i)
        try parser.feed(Array(bytes[i..<(i + n)]))
        i += n
        k += 1
    }
    try parser.finish()
    return quads
}

private func nquads(_ text: String) throws -> [Quad] {
    var quads: [Quad] = []
    try NQuadsParser(syntax: .nQuads) { quads.append($0) }.parse(Array(text.utf8))
    return quads
}

/// Parses `text` and checks the result is isomorphic to the N-Quads `expected`.
private func expectQuads(_ text: String, _ syntax: TurtleSyntax, _ expected: String,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
    let got = try parse(text, syntax)
    let want = try nquads(expected)
    let written = try NQuadsWriter.string(for: got)
    #expect(Isomorphism.areIsomorphic(Array(Set(got)), Array(Set(want))), "got:\n\(written)",
            sourceLocation: sourceLocation)
}

private func expectQuads(_ text: String, _ expected: String,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
    try expectQuads(text, .turtle, expected, sourceLocation: sourceLocation)
}

/// Parses `text` expecting an error at `line`:`column` whose message contains `message`.
private func expectError(_ text: String, _ syntax: TurtleSyntax = .turtle, base: String? = base,
                         chunked alsoChunked: Bool = true, line: Int, column: Int, _ message: String,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    for chunked in alsoChunked ? [false, true] : [false] {
        do {
            if chunked {
                var quads: [Quad] = []
                let parser = TurtleParser(syntax: syntax, base: base) { quads.append($0) }
                for b in text.utf8 { try parser.feed([b]) }
                try parser.finish()
            } else {
                _ = try parse(text, syntax, base: base)
            }
            Issue.record("expected an error: \(message)", sourceLocation: sourceLocation)
        } catch let error as RDFSyntaxError {
            #expect(error.line == line && error.column == column,
                    "\(chunked ? "chunked: " : "")\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(message), "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }
}

@Suite("Turtle parser")
struct TurtleParserTests {
    // MARK: Triples, prefixes, IRIs

    @Test func simpleTriplesAndLists() throws {
        try expectQuads("""
            @prefix ex: <http://example.org/ns#> .
            ex:s ex:p ex:o1 , ex:o2 ; a ex:C ;; ex:q "x" ; .
            <http://example.org/ns#t> ex:p ex:o .
            """, """
            <http://example.org/ns#s> <http://example.org/ns#p> <http://example.org/ns#o1> .
            <http://example.org/ns#s> <http://example.org/ns#p> <http://example.org/ns#o2> .
            <http://example.org/ns#s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/ns#C> .
            <http://example.org/ns#s> <http://example.org/ns#q> "x" .
            <http://example.org/ns#t> <http://example.org/ns#p> <http://example.org/ns#o> .
            """)
    }

    @Test func directivesBothForms() throws {
        let parser = TurtleParser(syntax: .turtle) { _ in }
        try parser.parse(Array("""
            @prefix ex: <http://example.org/ns#> .
            PREFIX dct: <http://purl.org/dc/terms/>
            prefix : <http://example.org/default#>
            @base <http://example.org/a/b> .
            BaSe <c/d>
            @prefix ex: <http://example.org/other#> .
            """.utf8))
        #expect(parser.prefixes == ["ex": "http://example.org/other#", "dct": "http://purl.org/dc/terms/",
                                    "": "http://example.org/default#"])
        #expect(parser.prefixOrder == ["ex", "dct", ""])
        #expect(parser.baseIRI == "http://example.org/a/c/d")
    }

    @Test func relativeIRIsResolveAgainstTheBase() throws {
        try expectQuads("""
            <s> <#p> <../o> .
            @base <http://other.example/x/y/> .
            <s> <p> <?q> .
            BASE <z/>
            <> <p> <o> .
            @prefix r: <rel/> .
            r:a <p> <o> .
            """, """
            <http://example.org/dir/s> <http://example.org/dir/doc.ttl#p> <http://example.org/o> .
            <http://other.example/x/y/s> <http://other.example/x/y/p> <http://other.example/x/y/?q> .
            <http://other.example/x/y/z/> <http://other.example/x/y/z/p> <http://other.example/x/y/z/o> .
            <http://other.example/x/y/z/rel/a> <http://other.example/x/y/z/p> <http://other.example/x/y/z/o> .
            """)
    }

    @Test func relativeIRIWithoutBaseIsAnError() {
        expectError("<http://a.example/s> <http://a.example/p> <o> .", base: nil,
                    line: 1, column: 43, "relative IRI without a base")
        expectError("@base <rel/> .", base: nil, line: 1, column: 7, "relative IRI without a base")
    }

    @Test func emptyAndCommentOnlyDocuments() throws {
        #expect(try parse("").isEmpty)
        #expect(try parse("# nothing here\n  \n# at all").isEmpty)
        #expect(try parseChunked("# nothing\n", sizes: [3]).isEmpty)
        #expect(try parse("", .trig).isEmpty)
    }

    @Test func absoluteIRIsLoseDotSegments() throws {
        let quads = try parse("<http://e/a/../s> <http://e/./p> <http://e/o> .", base: nil)
        #expect(quads == [Quad(.iri("http://e/s"), .iri("http://e/p"), .iri("http://e/o"))])
    }

    @Test func relativeBaseGivenToTheParser() {
        expectError("<s> <http://e/p> <http://e/o> .", base: "relative/", line: 1, column: 1, "is not absolute")
    }

    @Test func iriEscapes() throws {
        try expectQuads(#"<http://a.example/\u00E9> <http://a.example/p> <http://a.example/\U0001F600> ."#, """
            <http://a.example/é> <http://a.example/p> <http://a.example/😀> .
            """)
    }

    @Test func prefixedNames() throws {
        try expectQuads(#"""
            @prefix : <http://example.org/ns#> .
            @prefix e.x-1: <http://example.org/e/> .
            :s :p :a:b:c , :%41b , :a\~b\.c , :x.y , :_u , :0d , : , e.x-1:q , :é·x .
            :s :p :end.
            """#, """
            <http://example.org/ns#s> <http://example.org/ns#p> <http://example.org/ns#a:b:c> .
            <http://example.org/ns#s> <http://example.org/ns#p> <http://example.org/ns#%41b> .
            <http://example.org/ns#s> <http://example.org/ns#p> <http://example.org/ns#a~b.c> .
            <http://example.org/ns#s> <http://example.org/ns#p> <http://example.org/ns#x.y> .
            <http://example.org/ns#s> <http://example.org/ns#p> <http://example.org/ns#_u> .
            <http://example.org/ns#s> <http://example.org/ns#p> <http://example.org/ns#0d> .
            <http://example.org/ns#s> <http://example.org/ns#p> <http://example.org/ns#> .
            <http://example.org/ns#s> <http://example.org/ns#p> <http://example.org/e/q> .
            <http://example.org/ns#s> <http://example.org/ns#p> <http://example.org/ns#é·x> .
            <http://example.org/ns#s> <http://example.org/ns#p> <http://example.org/ns#end> .
            """)
    }

    @Test func localNameCannotStartWithHyphen() {
        expectError("@prefix : <http://e/> .\n:s :p :-z .", line: 2, column: 8, "expected ',', ';' or '.'")
    }

    @Test func redefinedPrefixIsUsedFromThenOn() throws {
        try expectQuads("""
            @prefix p: <http://one/> .
            p:a p:b p:c .
            @prefix p: <http://two/> .
            p:a p:b p:c .
            """, """
            <http://one/a> <http://one/b> <http://one/c> .
            <http://two/a> <http://two/b> <http://two/c> .
            """)
    }

    @Test func undefinedPrefixReportsLineAndColumn() {
        expectError("""
            @prefix ex: <http://example.org/ns#> .
            ex:a ex:b ex:c .
            ex:a ex:b foo:c .
            """, line: 3, column: 11, "undefined prefix 'foo:'")
    }

    // MARK: Blank nodes and collections

    @Test func blankNodes() throws {
        try expectQuads("""
            @prefix : <http://e/> .
            _:a :p _:b .
            _:b :p [] .
            [] :p [ :q "1" ; :r [ :s _:a ] ] .
            [ :q "2" ] .
            [ :q "3" ] :p :o .
            """, """
            _:a <http://e/p> _:b .
            _:b <http://e/p> _:c .
            _:d <http://e/p> _:e .
            _:e <http://e/q> "1" .
            _:e <http://e/r> _:f .
            _:f <http://e/s> _:a .
            _:g <http://e/q> "2" .
            _:h <http://e/q> "3" .
            _:h <http://e/p> <http://e/o> .
            """)
    }

    @Test func generatedLabelsNeverClashWithDocumentLabels() throws {
        let quads = try parse("""
            @prefix : <http://e/> .
            _:_b1 :p [] .
            _:b1 :p _:_b1 .
            """)
        #expect(quads == [
            Quad(.blankNode("__b1"), .iri("http://e/p"), .blankNode("_b1")),
            Quad(.blankNode("b1"), .iri("http://e/p"), .blankNode("__b1")),
        ])
    }

    @Test func collections() throws {
        try expectQuads("""
            @prefix : <http://e/> .
            :s :empty () ; :list (1 :x ( "n" ) [ :p :o ]) .
            (:a :b) :p :o .
            """, """
            <http://e/s> <http://e/empty> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            <http://e/s> <http://e/list> _:l1 .
            _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
            _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l2 .
            _:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://e/x> .
            _:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l3 .
            _:l3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> _:n1 .
            _:n1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "n" .
            _:n1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            _:l3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l4 .
            _:l4 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> _:b .
            _:b <http://e/p> <http://e/o> .
            _:l4 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            _:m1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://e/a> .
            _:m1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:m2 .
            _:m2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://e/b> .
            _:m2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            _:m1 <http://e/p> <http://e/o> .
            """)
    }

    @Test func collectionSubjectNeedsPredicates() {
        expectError("@prefix : <http://e/> .\n(:a) .", line: 2, column: 6, "expected a predicate")
    }

    @Test func deepNestingIsBoundedWithoutRecursion() throws {
        let depth = 200_000
        let doc = "<http://e/s> <http://e/p> " + String(repeating: "[ <http://e/p> ", count: depth)
            + "<http://e/o>" + String(repeating: " ]", count: depth) + " ."
        expectError(doc, chunked: false, line: 1, column: 27 + 10_000 * 15, "nested more than 10000 levels")
        let lists = "<http://e/s> <http://e/p> " + String(repeating: "(", count: depth) + String(repeating: ")", count: depth) + " ."
        expectError(lists, chunked: false, line: 1, column: 27 + 10_000, "nested more than 10000 levels")

        // Within the bound it parses, with one triple per level.
        let ok = 9_999
        let quads = try parse("<http://e/s> <http://e/p> " + String(repeating: "[ <http://e/p> ", count: ok)
            + "<http://e/o>" + String(repeating: " ]", count: ok) + " .")
        #expect(quads.count == ok + 1)
    }

    // MARK: Literals

    @Test func stringLiterals() throws {
        try expectQuads(#"""
            @prefix : <http://e/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            :s :p "a\tb\u00E9\U0001F600\"\\" , 'single "q"' , """long "quoted" ""x"" 
            two lines""" , '''it's''' , "" , '' , """""" .
            :s :p "chat"@fr , "colour"@en-GB , "1"^^xsd:int , "2"^^<http://e/dt> , "s"^^xsd:string .
            """#, #"""
            <http://e/s> <http://e/p> "a\tb\u00E9\U0001F600\"\\" .
            <http://e/s> <http://e/p> "single \"q\"" .
            <http://e/s> <http://e/p> "long \"quoted\" \"\"x\"\" \ntwo lines" .
            <http://e/s> <http://e/p> "it's" .
            <http://e/s> <http://e/p> "" .
            <http://e/s> <http://e/p> "chat"@fr .
            <http://e/s> <http://e/p> "colour"@en-GB .
            <http://e/s> <http://e/p> "1"^^<http://www.w3.org/2001/XMLSchema#int> .
            <http://e/s> <http://e/p> "2"^^<http://e/dt> .
            <http://e/s> <http://e/p> "s" .
            """#)
    }

    @Test func numbersKeepTheirLexicalForm() throws {
        let quads = try parse("""
            @prefix : <http://e/> .
            :s :p 1, -5, +07, 1.5, -.5, 1e10, 1.5E-3, .5e+2, 3.e1, true, false .
            :s :q 4.
            """)
        let objects = quads.map { $0.object.literalValue! }
        #expect(objects.map(\.lexicalForm) == ["1", "-5", "+07", "1.5", "-.5", "1e10", "1.5E-3", ".5e+2", "3.e1",
                                               "true", "false", "4"])
        #expect(objects.map(\.datatype) == [xsd + "integer", xsd + "integer", xsd + "integer", xsd + "decimal",
                                            xsd + "decimal", xsd + "double", xsd + "double",
                                            xsd + "double", xsd + "double", xsd + "boolean", xsd + "boolean",
                                            xsd + "integer"])
    }

    @Test func commentsAndLineBreaks() throws {
        try expectQuads("# leading\r\n<http://e/s> # after subject\n <http://e/p> <http://e/o> . # trailing", """
            <http://e/s> <http://e/p> <http://e/o> .
            """)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        var quads: [Quad] = []
        let parser = TurtleParser(syntax: .turtle) { quads.append($0) }
        for b in [0xEF, 0xBB, 0xBF] + Array("<http://e/s> <http://e/p> <http://e/o> .".utf8) { try parser.feed([UInt8(b)]) }
        try parser.finish()
        #expect(quads.count == 1)
    }

    // MARK: TriG

    @Test func trigGraphs() throws {
        try expectQuads("""
            @prefix : <http://e/> .
            :a :b :c .
            { :d :e :f }
            GRAPH :g { :s :p :o . :s :p :o2 . }
            graph <http://e/h> { :s :p _:x }
            <http://e/i> { :s :p :o ; :q [ :r :t ] . }
            _:x { :s :p :o }
            [] { :s :p :o }
            :j {}
            """, .trig, """
            <http://e/a> <http://e/b> <http://e/c> .
            <http://e/d> <http://e/e> <http://e/f> .
            <http://e/s> <http://e/p> <http://e/o> <http://e/g> .
            <http://e/s> <http://e/p> <http://e/o2> <http://e/g> .
            <http://e/s> <http://e/p> _:x <http://e/h> .
            <http://e/s> <http://e/p> <http://e/o> <http://e/i> .
            <http://e/s> <http://e/q> _:y <http://e/i> .
            _:y <http://e/r> <http://e/t> <http://e/i> .
            <http://e/s> <http://e/p> <http://e/o> _:x .
            <http://e/s> <http://e/p> <http://e/o> _:z .
            """)
    }

    @Test func trigErrors() {
        expectError("{ <http://e/s> <http://e/p> <http://e/o> } .", .trig, line: 1, column: 44, "unexpected '.'")
        expectError("GRAPH { }", .trig, line: 1, column: 7, "expected a graph name")
        expectError("{ @prefix e: <http://e/> . }", .trig, line: 1, column: 3, "directives are not allowed inside a graph block")
        expectError("{ { } }", .trig, line: 1, column: 3, "graph blocks are not allowed inside a graph block")
        expectError("<http://e/g> {\n<http://e/s> <http://e/p> <http://e/o> .\n", .trig, line: 3, column: 1, "not closed")
        expectError("{ <http://e/s> <http://e/p> <http://e/o> }", .turtle, line: 1, column: 1, "TriG")
        expectError("[ <http://e/p> <http://e/o> ] { }", .trig, line: 1, column: 31, "expected a predicate or '.'")
    }

    // MARK: Streaming

    @Test func chunkedFeedingGivesIdenticalQuads() throws {
        let turtle = """
            @prefix : <http://e/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @base <http://example.org/b/> .
            :s :p :a.b , :c. :s :q ( 1 2.5 3e0 [ :r "x"@en ] ) ; :t \"""multi
            line\""" , 'é😀'^^xsd:string , true.
            [ :u _:lbl ] :v <rel> , -1. # comment
            PREFIX p: <http://p/>
            p:x p:y 12.
            """
        let trig = turtle + "\nGRAPH :g { :s :p [ :q :r ] ; :t (:u) }\n{ :a :b :c . } :h { :d :e :f . }"
        for (text, syntax) in [(turtle, TurtleSyntax.turtle), (trig, .trig)] {
            let whole = try parse(text, syntax)
            #expect(whole.count > 10)
            #expect(try parseChunked(text, syntax, sizes: [1]) == whole)
            var rng = SplitMix(seed: 42)
            for _ in 0..<20 {
                let sizes = (0..<16).map { _ in Int(rng.next() % 40) + 1 }
                #expect(try parseChunked(text, syntax, sizes: sizes) == whole)
            }
        }
    }

    @Test func quadsOfAnUnfinishedStatementWaitForItsEnd() throws {
        var quads: [Quad] = []
        let parser = TurtleParser(syntax: .turtle) { quads.append($0) }
        try parser.feed(Array("<http://e/s> <http://e/p> <http://e/o1> , <http://e/o2> ".utf8))
        #expect(quads.isEmpty)
        // (A statement cut short is retried once the buffered input has doubled.)
        try parser.feed(Array(". # the first statement ends here\n<http://e/s> <http://e/p> <http://e/o3>".utf8))
        #expect(quads.count == 2)
        try parser.feed(Array(" .".utf8))
        try parser.finish()
        #expect(quads.count == 3)
    }

    @Test func bigStatementFedInSmallChunks() throws {
        let n = 20_000
        var doc = "@prefix : <http://e/> .\n:s :p "
        doc += (0..<n).map { ":o\($0)" }.joined(separator: ",\n  ")
        doc += " .\n"
        let quads = try parseChunked(doc, sizes: [4096])
        #expect(quads.count == n)
        #expect(quads.last?.object == .iri("http://e/o\(n - 1)"))
    }

    // MARK: Errors

    @Test func errorPositions() {
        expectError("<http://e/s> <http://e/p> \"\"\"a\nb\nc\"\"\" ;\n   <http://e/q> . ", line: 4, column: 17, "expected an object")
        expectError("<http://e/s>\r\n<http://e/p>\r\n\"x\" \"y\" .", line: 3, column: 5, "expected ',', ';' or '.'")
        expectError("<http://e/s> <http://e/p> \"é\" ; <http://e/q> \"x\"@ .", line: 1, column: 49, "language tag")
        expectError("<http://e/s> <http://e/p> <http://e/o>", line: 1, column: 39, "found end of input")
        expectError("<http://e/s> <http://e/p> \"unterminated", line: 1, column: 27, "unterminated string")
        expectError("<http://e/s> <http://e/p> <http://e/o> .\n@prefix x <http://x/> .", line: 2, column: 9, "':'")
        expectError("<http://e/s> a <http://e/o> , a .", line: 1, column: 31, "'a' is neither a keyword nor a prefixed name")
        expectError("<http://e/s> <http://e/p> <http://e/a b> .", line: 1, column: 38, "space")
    }

    @Test func errorsStopTheParser() throws {
        let parser = TurtleParser(syntax: .turtle, source: "data.ttl") { _ in }
        #expect(throws: RDFSyntaxError.self) { try parser.feed(Array("<http://e/s> <http://e/p> ; .\n# more input after the error\n".utf8)) }
        do {
            try parser.finish()
            Issue.record("finish() should rethrow the first error")
        } catch let error as RDFSyntaxError {
            #expect(error.description == "data.ttl:1:27: error: expected an object: an IRI, a prefixed name, a blank node, a collection or a literal, found ';'")
        }
    }

    @Test func unfinishedStatementsAreBounded() {
        let parser = TurtleParser(syntax: .turtle) { _ in }
        parser.maxStatementLength = 1_000
        #expect(throws: RDFSyntaxError.self) {
            try parser.feed(Array(("<http://e/s> <http://e/p> \"" + String(repeating: "x", count: 2_000)).utf8))
        }
    }

    @Test func sinkErrorsPropagate() {
        struct Stop: Error {}
        let parser = TurtleParser(syntax: .turtle) { _ in throw Stop() }
        #expect(throws: Stop.self) { try parser.parse(Array("<http://e/s> <http://e/p> <http://e/o> .".utf8)) }
    }
}

/// A small deterministic generator for chunk sizes.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
