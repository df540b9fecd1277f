import RDF
import Testing
@testable import Turtle

// The pretty Turtle and TriG writers: exact output for each feature, and determinism.
// Round trips of the W3C suites and of exhaustive short inputs are in
// TurtleWriterRoundTripTests.swift.


/// Parses `input`, writes it back with the prefixes it declared, checks the text is
/// `expected` and that it reads back isomorphic to the input.
private func expectPretty(_ input: String, _ syntax: TurtleSyntax = .turtle, base: String? = nil,
                          _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    var quads: [Quad] = []
    let parser = TurtleParser(syntax: syntax, base: base) { quads.append($0) }
    try parser.parse(Array(input.utf8))
    let written = try TurtleWriter.string(for: quads, syntax: syntax, prefixes: parser.declaredPrefixes, base: base)
    #expect(written == expected, "got:\n\(written)", sourceLocation: sourceLocation)
    let reread = try turtleQuads(written, syntax, base: base)
    #expect(Isomorphism.areIsomorphic(Array(Set(quads)), Array(Set(reread))), "does not round-trip:\n\(written)",
            sourceLocation: sourceLocation)
}

private func expectPretty(_ input: String, _ expected: String,
                          sourceLocation: SourceLocation = #_sourceLocation) throws {
    try expectPretty(input, .turtle, expected, sourceLocation: sourceLocation)
}

@Suite("Turtle writer")
struct TurtleWriterTests {
    // MARK: Statements

    @Test func subjectsPredicatesAndObjectsAreGroupedAndSorted() throws {
        try expectPretty("""
            @prefix ex: <http://example.org/ns#> .
            @prefix unused: <http://example.org/unused#> .
            ex:b ex:q ex:z, ex:y ; ex:p "x" .
            ex:a ex:p ex:o ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ex:C .
            """, """
            @prefix ex: <http://example.org/ns#> .

            ex:a a ex:C ;
                ex:p ex:o .

            ex:b ex:p "x" ;
                ex:q ex:y, ex:z .

            """)
    }

    @Test func wellKnownPrefixesWhenTheInputDeclaresNone() throws {
        let quads = [
            Quad(.iri("https://example.org/cat"), .iri(RDFVocabulary.type), .iri(Namespace.dcat("Catalog"))),
            Quad(.iri("https://example.org/cat"), .iri(Namespace.dct("title")), .langString("Katalog", language: "nb")),
            Quad(.iri("https://example.org/cat"), .iri("http://example.org/other#p"), .string("x")),
        ]
        #expect(try TurtleWriter.string(for: quads) == """
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .

            <https://example.org/cat> a dcat:Catalog ;
                <http://example.org/other#p> "x" ;
                dct:title "Katalog"@nb .

            """)
    }

    @Test func inputPrefixesWinOverWellKnownOnes() throws {
        try expectPretty("""
            @prefix dcterms: <http://purl.org/dc/terms/> .
            <http://example.org/a> dcterms:title "A" ; <http://www.w3.org/2004/02/skos/core#prefLabel> "a" .
            """, """
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .

            <http://example.org/a> dcterms:title "A" ;
                skos:prefLabel "a" .

            """)
    }

    @Test func subjectsAreGroupedByType() throws {
        try expectPretty("""
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            @prefix ex: <http://example.org/ns#> .
            ex:a ex:note "untyped" .
            ex:b a ex:Thing .
            ex:c a dcat:Distribution .
            ex:d a dcat:Dataset ; dcat:distribution ex:c .
            ex:e a dcat:Catalog ; dcat:dataset ex:d .
            ex:f a dcat:Dataset .
            """, """
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix ex: <http://example.org/ns#> .

            ex:e a dcat:Catalog ;
                dcat:dataset ex:d .

            ex:d a dcat:Dataset ;
                dcat:distribution ex:c .

            ex:f a dcat:Dataset .

            ex:c a dcat:Distribution .

            ex:b a ex:Thing .

            ex:a ex:note "untyped" .

            """)
    }

    @Test func objectsThatDoNotFitGoOnePerLineAligned() throws {
        try expectPretty("""
            @prefix ex: <http://example.org/ns#> .
            ex:s ex:label "The first label is quite long", "and so is the second one, which is long" .
            ex:s ex:short "a", "b" .
            """, """
            @prefix ex: <http://example.org/ns#> .

            ex:s ex:label "The first label is quite long",
                          "and so is the second one, which is long" ;
                ex:short "a", "b" .

            """)
    }

    // MARK: Blank nodes and lists

    @Test func blankNodesUsedOnceAreWrittenInPlace() throws {
        try expectPretty("""
            @prefix ex: <http://example.org/ns#> .
            ex:s ex:p [ a ex:Agent ] ;
                 ex:q [ ex:name "A name that makes this node too long for one line" ; ex:mbox <mailto:a@example.org> ;
                        ex:address [ ex:city "Oslo" ] ] ;
                 ex:r [] .
            """, """
            @prefix ex: <http://example.org/ns#> .

            ex:s ex:p [ a ex:Agent ] ;
                ex:q [
                    ex:address [ ex:city "Oslo" ] ;
                    ex:mbox <mailto:a@example.org> ;
                    ex:name "A name that makes this node too long for one line"
                ] ;
                ex:r [] .

            """)
    }

    @Test func severalBlocksShareLines() throws {
        try expectPretty("""
            @prefix ex: <http://example.org/ns#> .
            ex:s ex:p ex:o, [ ex:a 1 ; ex:b 2 ; ex:c 3 ; ex:d 4 ], [ ex:a 5 ; ex:b 6 ; ex:c 7 ; ex:d 8 ] .
            """, """
            @prefix ex: <http://example.org/ns#> .

            ex:s ex:p ex:o, [
                    ex:a 1 ;
                    ex:b 2 ;
                    ex:c 3 ;
                    ex:d 4
                ], [
                    ex:a 5 ;
                    ex:b 6 ;
                    ex:c 7 ;
                    ex:d 8
                ] .

            """)
    }

    @Test func blankNodesUsedTwiceOrAsSubjectsOnlyGetLabelsOrBrackets() throws {
        try expectPretty("""
            @prefix ex: <http://example.org/ns#> .
            ex:s ex:p _:shared .
            ex:t ex:p _:shared .
            _:shared ex:name "shared" .
            _:free ex:name "free" .
            """, """
            @prefix ex: <http://example.org/ns#> .

            ex:s ex:p _:b0 .

            ex:t ex:p _:b0 .

            [] ex:name "free" .

            _:b0 ex:name "shared" .

            """)
    }

    @Test func cyclesOfBlankNodesAreBrokenWithALabel() throws {
        try expectPretty("""
            @prefix ex: <http://example.org/ns#> .
            _:a ex:next _:b .
            _:b ex:next _:a .
            _:c ex:self _:c .
            """, """
            @prefix ex: <http://example.org/ns#> .

            _:b0 ex:next [ ex:next _:b0 ] .

            _:b1 ex:self _:b1 .

            """)
    }

    @Test func wellFormedListsAreCollections() throws {
        try expectPretty("""
            @prefix ex: <http://example.org/ns#> .
            ex:s ex:list (1 "two" ex:three [ ex:p ex:o ] (4)) ; ex:empty () .
            ex:t ex:list ("an item long enough to push the list past the width" "and a second item") .
            """, """
            @prefix ex: <http://example.org/ns#> .

            ex:s ex:empty () ;
                ex:list ( 1 "two" ex:three [ ex:p ex:o ] ( 4 ) ) .

            ex:t ex:list (
                    "an item long enough to push the list past the width"
                    "and a second item"
                ) .

            """)
    }

    @Test func listsThatAreNotWellFormedStayTriples() throws {
        // A list node with an extra property, and a list head used twice.
        try expectPretty("""
            @prefix ex: <http://example.org/ns#> .
            @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            ex:s ex:list [ rdf:first 1 ; rdf:rest [ rdf:first 2 ; rdf:rest rdf:nil ; ex:note "x" ] ] .
            ex:t ex:list _:l . ex:u ex:list _:l .
            _:l rdf:first 1 ; rdf:rest rdf:nil .
            """, """
            @prefix ex: <http://example.org/ns#> .
            @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .

            ex:s ex:list [
                    rdf:first 1 ;
                    rdf:rest [ ex:note "x" ; rdf:first 2 ; rdf:rest () ]
                ] .

            ex:t ex:list _:b0 .

            ex:u ex:list _:b0 .

            _:b0 rdf:first 1 ;
                rdf:rest () .

            """)
    }

    // MARK: Literals

    @Test func canonicalNumbersAndBooleansAreWrittenBare() throws {
        try expectPretty("""
            @prefix ex: <http://example.org/ns#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            ex:s ex:int -5 ; ex:dec 2.50 ; ex:dbl 1.0E-3 ; ex:bool true ;
                 ex:plus "+5"^^xsd:integer ; ex:dot ".5"^^xsd:decimal ; ex:inf "INF"^^xsd:double ;
                 ex:nodot "1"^^xsd:double ; ex:one "1"^^xsd:boolean ; ex:date "2024-01-31"^^xsd:date .
            """, """
            @prefix ex: <http://example.org/ns#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

            ex:s ex:bool true ;
                ex:date "2024-01-31"^^xsd:date ;
                ex:dbl 1.0E-3 ;
                ex:dec 2.50 ;
                ex:dot ".5"^^xsd:decimal ;
                ex:inf "INF"^^xsd:double ;
                ex:int -5 ;
                ex:nodot "1"^^xsd:double ;
                ex:one "1"^^xsd:boolean ;
                ex:plus "+5"^^xsd:integer .

            """)
    }

    @Test func stringsUseTheQuotesThatNeedFewestEscapes() throws {
        let s = "http://example.org/s", p = ex + "p"
        let quads = [
            Quad(.iri(s), .iri(p), .string("say \"hi\"")),
            Quad(.iri(s), .iri(p), .string("it's \"both\"")),
            Quad(.iri(s), .iri(p), .string("tab\there\\ \u{1}")),
            Quad(.iri(s), .iri(p), .langString("two\nlines", language: "en-GB")),
            Quad(.iri(s), .iri(p), .string("quotes \"\"\"\" inside\nand a \\ and a last \"")),
        ]
        let written = try TurtleWriter.string(for: quads, prefixes: exPrefix)
        #expect(written == #"""
            @prefix ex: <http://example.org/ns#> .

            <http://example.org/s> ex:p "it's \"both\"",
                                        """quotes ""\"" inside
            and a \\ and a last \"""",
                                        'say "hi"',
                                        "tab\there\\ \u0001",
                                        """two
            lines"""@en-GB .

            """#)
        #expect(Isomorphism.areIsomorphic(quads, try turtleQuads(written)))
    }

    // MARK: Names

    @Test func localNamesAreEscapedWhereTheGrammarAllowsElseWrittenInFull() throws {
        let quads = ["a/b", "-x", "x.", "a.b", "%41", "50%", "~me", "_u", "7", "a:b", "x[1]", ""].map {
            Quad(.iri(ex + "s"), .iri(ex + "p"), .iri(ex + $0))
        }
        let written = try TurtleWriter.string(for: quads, prefixes: exPrefix)
        #expect(written == #"""
            @prefix ex: <http://example.org/ns#> .

            ex:s ex:p <http://example.org/ns#>,
                      ex:%41,
                      ex:\-x,
                      ex:50\%,
                      ex:7,
                      ex:_u,
                      ex:a.b,
                      ex:a\/b,
                      ex:a:b,
                      ex:x\.,
                      <http://example.org/ns#x[1]>,
                      ex:\~me .

            """#)
        #expect(Isomorphism.areIsomorphic(quads, try turtleQuads(written)))
    }

    @Test func theLongestNamespaceThatGivesAValidLocalNameWins() throws {
        try expectPretty("""
            @prefix auth: <http://publications.europa.eu/resource/authority/> .
            @prefix theme: <http://publications.europa.eu/resource/authority/data-theme/> .
            theme:AGRI <http://www.w3.org/2004/02/skos/core#inScheme> auth:data-theme .
            """, """
            @prefix auth: <http://publications.europa.eu/resource/authority/> .
            @prefix theme: <http://publications.europa.eu/resource/authority/data-theme/> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .

            theme:AGRI skos:inScheme auth:data-theme .

            """)
    }

    @Test func baseMakesIRIsRelativeWhereThatReadsBackTheSame() throws {
        try expectPretty("""
            <http://example.org/dir/doc> <http://example.org/dir/doc#p> <http://example.org/dir/sub/x>, <http://example.org/other>, <http://example.org/dir/a:b> .
            """, base: "http://example.org/dir/doc", """
            @base <http://example.org/dir/doc> .

            <> <#p> <http://example.org/dir/a:b>, <sub/x>, <http://example.org/other> .

            """)
    }

    // MARK: TriG

    @Test func trigWritesTheDefaultGraphThenNamedGraphsSorted() throws {
        try expectPretty("""
            @prefix ex: <http://example.org/ns#> .
            ex:g2 { ex:s ex:p ex:o . }
            { ex:s ex:p [ ex:q 1 ] . }
            _:g { ex:s ex:p ex:o . }
            ex:g1 { ex:s ex:p ex:o ; ex:q _:x . _:x ex:r 2 . }
            """, .trig, """
            @prefix ex: <http://example.org/ns#> .

            ex:s ex:p [ ex:q 1 ] .

            ex:g1 {
                ex:s ex:p ex:o ;
                    ex:q [ ex:r 2 ] .
            }

            ex:g2 {
                ex:s ex:p ex:o .
            }

            _:b0 {
                ex:s ex:p ex:o .
            }

            """)
    }

    @Test func blankNodesSharedAcrossGraphsKeepTheirLabel() throws {
        try expectPretty("""
            @prefix ex: <http://example.org/ns#> .
            ex:g1 { ex:s ex:p _:x . }
            ex:g2 { _:x ex:q 1 . }
            """, .trig, """
            @prefix ex: <http://example.org/ns#> .

            ex:g1 {
                ex:s ex:p _:b0 .
            }

            ex:g2 {
                _:b0 ex:q 1 .
            }

            """)
    }

    @Test func turtleRefusesNamedGraphs() throws {
        let writer = TurtleWriter(syntax: .turtle) { _ in }
        #expect(throws: RDFWriteError.self) {
            try writer.write(Quad(.iri(ex + "s"), .iri(ex + "p"), .iri(ex + "o"), graph: .iri(ex + "g")))
        }
        #expect(throws: RDFWriteError.self) { try writer.write(Quad(.iri("rel"), .iri(ex + "p"), .iri(ex + "o"))) }
        #expect(throws: RDFWriteError.self) { try writer.write(Quad(.iri(ex + "s"), .iri(ex + "p"), .iri("http://x/a b"))) }
    }

    @Test func anEmptyGraphWritesNothing() throws {
        #expect(try TurtleWriter.string(for: []) == "")
    }

    // MARK: Determinism

    @Test func outputDependsOnlyOnTheDataset() throws {
        let text = """
            @prefix ex: <http://example.org/ns#> .
            ex:s ex:p [ ex:q _:a ], [ ex:q _:b ] ; ex:list (1 2 [ ex:r 3 ]) .
            _:a ex:v 1 . _:b ex:v 2 . ex:t ex:p _:a, _:b .
            _:c ex:next _:d . _:d ex:next _:c .
            """
        let quads = try turtleQuads(text)
        let first = try TurtleWriter.string(for: quads, prefixes: exPrefix)
        #expect(try TurtleWriter.string(for: quads, prefixes: exPrefix) == first)
        #expect(try TurtleWriter.string(for: quads.reversed(), prefixes: exPrefix) == first)
        var generator = SystemRandomNumberGenerator()
        #expect(try TurtleWriter.string(for: (quads + quads).shuffled(using: &generator), prefixes: exPrefix) == first)
        // Other blank node labels, same graph.
        let relabelled = quads.map { q -> Quad in
            func r(_ t: Term) -> Term { if case .blankNode(let l) = t { return .blankNode("z" + String(l.reversed())) }; return t }
            return Quad(r(q.subject), q.predicate, r(q.object))
        }
        #expect(try TurtleWriter.string(for: relabelled.shuffled(using: &generator), prefixes: exPrefix) == first)
        #expect(Isomorphism.areIsomorphic(quads, try turtleQuads(first)))
    }

    @Test func languageTagsThatDifferOnlyInCaseAreOneSpelling() throws {
        let a = Quad(.iri(ex + "s"), .iri(ex + "p"), .langString("x", language: "en-GB"))
        let b = Quad(.iri(ex + "s"), .iri(ex + "p"), .langString("x", language: "en-gb"))
        let expected = "@prefix ex: <http://example.org/ns#> .\n\nex:s ex:p \"x\"@en-GB .\n"
        #expect(try TurtleWriter.string(for: [a, b], prefixes: exPrefix) == expected)
        #expect(try TurtleWriter.string(for: [b, a], prefixes: exPrefix) == expected)
    }
}
