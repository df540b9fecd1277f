import RDF
import RDFIO
import RDFTestSupport
import RDFXML
import Testing

// MARK: - Helpers

private let rdf = Namespace.rdf
private let dcat = Namespace.dcat
private let dct = Namespace.dct
private let foaf = Namespace.foaf
private let vcard = Namespace.vcard
private let ex = Namespace(prefix: "ex", iri: "http://example.org/")
private let header = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
private let rdfDeclaration = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""

private func t(_ s: Term, _ p: String, _ o: Term) -> Quad { Quad(s, .iri(p), o) }

private func write(_ quads: [Quad], prefixes: [(prefix: String, namespace: String)] = [],
                   base: String? = nil) throws -> String {
    try RDFXMLWriter.string(for: quads, prefixes: prefixes, base: base)
}

/// The error `write` throws, with a check that nothing reached the output first.
private func writeError(_ quads: [Quad]) -> String? {
    var output = 0
    let writer = RDFXMLWriter { output += $0.count }
    do {
        for quad in quads { try writer.write(quad) }
        try writer.finish()
        return nil
    } catch let error as RDFWriteError {
        #expect(output == 0, "output before the error")
        return error.message
    } catch {
        return "\(error)"
    }
}

/// Reads RDF/XML back with Samsvar's own reader.
private func readBack(_ xml: String, base: String? = nil) throws -> [Quad] {
    var quads: [Quad] = []
    let parser = RDFXMLParser(base: base, source: "written.rdf") { quads.append($0) }
    try parser.parse(Array(xml.utf8))
    return quads
}

/// Writes `quads`, reads them back and checks the graph is unchanged.
/// `readBase` is the document's own base, which `xml:base` must override.
private func expectRoundTrip(_ quads: [Quad], prefixes: [(prefix: String, namespace: String)] = [],
                             base: String? = nil, readBase: String = "http://reader.example/doc",
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
    let xml = try write(quads, prefixes: prefixes, base: base)
    let back = try readBack(xml, base: readBase)
    #expect(Isomorphism.areIsomorphic(quads, back), "round trip changed the graph:\n\(xml)",
            sourceLocation: sourceLocation)
}

// MARK: - Exact output

@Suite("RDFXMLWriter: output")
struct RDFXMLWriterOutputTests {
    @Test func typedNodesNestingLanguageAndDatatype() throws {
        let ds = Term.iri("http://example.org/ds/1")
        let quads = [
            t(ds, RDFVocabulary.type, dcat.term("Dataset")),
            t(ds, dct("title"), .langString("Bygninger", language: "nb")),
            t(ds, dct("title"), .langString("Bygningar", language: "nn")),
            t(ds, dct("issued"), .typed("2024-05-01", datatype: XSD.date)),
            t(ds, dcat("distribution"), .blankNode("d")),
            t(.blankNode("d"), RDFVocabulary.type, dcat.term("Distribution")),
            t(.blankNode("d"), dcat("accessURL"), .iri("http://example.org/files/bygg.csv")),
            t(ds, dcat("contactPoint"), .blankNode("c")),
            t(.blankNode("c"), vcard("fn"), .string("Kari Nordmann")),
        ]
        #expect(try write(quads) == header + rdfDeclaration + """

                     xmlns:dcat="http://www.w3.org/ns/dcat#"
                     xmlns:dct="http://purl.org/dc/terms/"
                     xmlns:vcard="http://www.w3.org/2006/vcard/ns#">
              <dcat:Dataset rdf:about="http://example.org/ds/1">
                <dct:issued rdf:datatype="http://www.w3.org/2001/XMLSchema#date">2024-05-01</dct:issued>
                <dct:title xml:lang="nn">Bygningar</dct:title>
                <dct:title xml:lang="nb">Bygninger</dct:title>
                <dcat:contactPoint rdf:parseType="Resource">
                  <vcard:fn>Kari Nordmann</vcard:fn>
                </dcat:contactPoint>
                <dcat:distribution>
                  <dcat:Distribution>
                    <dcat:accessURL rdf:resource="http://example.org/files/bygg.csv"/>
                  </dcat:Distribution>
                </dcat:distribution>
              </dcat:Dataset>
            </rdf:RDF>

            """)
        try expectRoundTrip(quads)
    }

    @Test func sharedBlankNodeGetsNodeIDAndUnreferencedOneDoesNot() throws {
        let quads = [
            t(ex.term("a"), ex("knows"), .blankNode("p")),
            t(ex.term("b"), ex("knows"), .blankNode("p")),
            t(.blankNode("p"), foaf("name"), .string("Ola")),
            t(.blankNode("q"), foaf("name"), .string("Kari")),
            t(.blankNode("q"), ex("seenWith"), .blankNode("nobody")),
            t(.blankNode("q"), ex("seenWith"), .blankNode("nobody-else")),
            t(ex.term("c"), ex("seenWith"), .blankNode("nobody-else")),
        ]
        #expect(try write(quads, prefixes: [("ex", ex.iri)]) == header + rdfDeclaration + """

                     xmlns:ex="http://example.org/"
                     xmlns:foaf="http://xmlns.com/foaf/0.1/">
              <rdf:Description rdf:about="http://example.org/a">
                <ex:knows rdf:nodeID="b1"/>
              </rdf:Description>
              <rdf:Description rdf:about="http://example.org/b">
                <ex:knows rdf:nodeID="b1"/>
              </rdf:Description>
              <rdf:Description rdf:about="http://example.org/c">
                <ex:seenWith rdf:nodeID="b2"/>
              </rdf:Description>
              <rdf:Description rdf:nodeID="b1">
                <foaf:name>Ola</foaf:name>
              </rdf:Description>
              <rdf:Description>
                <ex:seenWith rdf:parseType="Resource"/>
                <ex:seenWith rdf:nodeID="b2"/>
                <foaf:name>Kari</foaf:name>
              </rdf:Description>
            </rdf:RDF>

            """)
        try expectRoundTrip(quads)
    }

    @Test func escapingOfTextAndAttributes() throws {
        let s = ex.term("s")
        let quads = [
            t(s, ex("note"), .string("a < b & c > d\r\nline \"two\" ]]> 'three'\ttab")),
            t(s, ex("search"), .iri("http://example.org/search?q=a&lang=nb")),
            t(s, ex("label"), .langString("Ærlig talt – «sånn»", language: "nb-NO")),
        ]
        #expect(try write(quads, prefixes: [("ex", ex.iri)]) == header + rdfDeclaration + """

                     xmlns:ex="http://example.org/">
              <rdf:Description rdf:about="http://example.org/s">
                <ex:label xml:lang="nb-NO">Ærlig talt – «sånn»</ex:label>
                <ex:note>a &lt; b &amp; c &gt; d&#xD;
            line "two" ]]&gt; 'three'\ttab</ex:note>
                <ex:search rdf:resource="http://example.org/search?q=a&amp;lang=nb"/>
              </rdf:Description>
            </rdf:RDF>

            """)
        try expectRoundTrip(quads)
    }

    /// Generated names skip the input's prefix names, used or not (`ns1` here), so a
    /// name never means one namespace in the input and another in the output.
    @Test func prefixesFromInputThenWellKnownThenGenerated() throws {
        let x = ex.term("x")
        let quads = [
            t(x, "http://example.org/ns#p", .string("1")),
            t(x, dct("title"), .string("T")),
            t(x, foaf("name"), .string("N")),
            t(x, "http://third.example/r#s", .string("S")),
            t(x, "http://other.example/vocab/q", .string("Q")),
            t(x, RDFVocabulary.type, .iri("http://other.example/vocab/Thing")),
        ]
        let prefixes = [(prefix: "e", namespace: "http://example.org/ns#"), ("terms", dct.iri),
                        ("unused", "http://unused.example/"), ("ns1", "http://unused.example/also/"),
                        ("xmlfoo", "http://reserved.example/"), ("1bad", "http://bad.example/")]
        #expect(try write(quads, prefixes: prefixes) == header + rdfDeclaration + """

                     xmlns:e="http://example.org/ns#"
                     xmlns:foaf="http://xmlns.com/foaf/0.1/"
                     xmlns:ns2="http://other.example/vocab/"
                     xmlns:ns3="http://third.example/r#"
                     xmlns:terms="http://purl.org/dc/terms/">
              <ns2:Thing rdf:about="http://example.org/x">
                <e:p>1</e:p>
                <ns2:q>Q</ns2:q>
                <terms:title>T</terms:title>
                <ns3:s>S</ns3:s>
                <foaf:name>N</foaf:name>
              </ns2:Thing>
            </rdf:RDF>

            """)
        try expectRoundTrip(quads, prefixes: prefixes)
    }

    @Test func emptyPrefixIsTheDefaultNamespaceUnlessThereAreXMLLiterals() throws {
        let quads = [
            t(ex.term("x"), ex("name"), .string("N")),
            t(ex.term("x"), RDFVocabulary.type, ex.term("Thing")),
            t(ex.term("x"), ex("xmlish"), .string("reserved name")),
        ]
        #expect(try write(quads, prefixes: [("", ex.iri)]) == header + rdfDeclaration + """

                     xmlns="http://example.org/"
                     xmlns:ns1="http://example.org/">
              <Thing rdf:about="http://example.org/x">
                <name>N</name>
                <ns1:xmlish>reserved name</ns1:xmlish>
              </Thing>
            </rdf:RDF>

            """)
        try expectRoundTrip(quads, prefixes: [("", ex.iri)])

        let withLiteral = [t(ex.term("x"), ex("body"), .typed("<p>hi</p>", datatype: RDFVocabulary.xmlLiteral))]
        #expect(try write(withLiteral, prefixes: [("", ex.iri)]) == header + rdfDeclaration + """

                     xmlns:ns1="http://example.org/">
              <rdf:Description rdf:about="http://example.org/x">
                <ns1:body rdf:parseType="Literal"><p>hi</p></ns1:body>
              </rdf:Description>
            </rdf:RDF>

            """)
        try expectRoundTrip(withLiteral, prefixes: [("", ex.iri)])
    }

    @Test func xmlLiteralsRawWhenCanonicalElseAsTypedText() throws {
        let s = ex.term("s")
        let quads = [
            t(s, ex("a"), .typed("<b xmlns=\"http://www.w3.org/1999/xhtml\">fet</b> &amp; mer", datatype: RDFVocabulary.xmlLiteral)),
            t(s, ex("b"), .typed("<br/>", datatype: RDFVocabulary.xmlLiteral)),     // not canonical
            t(s, ex("c"), .typed("a & b", datatype: RDFVocabulary.xmlLiteral)),     // not well-formed
            t(s, ex("d"), .typed("<x:y></x:y>", datatype: RDFVocabulary.xmlLiteral)), // undeclared prefix
            t(s, ex("e"), .typed("", datatype: RDFVocabulary.xmlLiteral)),
        ]
        #expect(try write(quads, prefixes: [("ex", ex.iri)]) == header + rdfDeclaration + """

                     xmlns:ex="http://example.org/">
              <rdf:Description rdf:about="http://example.org/s">
                <ex:a rdf:parseType="Literal"><b xmlns="http://www.w3.org/1999/xhtml">fet</b> &amp; mer</ex:a>
                <ex:b rdf:datatype="http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral">&lt;br/&gt;</ex:b>
                <ex:c rdf:datatype="http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral">a &amp; b</ex:c>
                <ex:d rdf:datatype="http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral">&lt;x:y&gt;&lt;/x:y&gt;</ex:d>
                <ex:e rdf:parseType="Literal"></ex:e>
              </rdf:Description>
            </rdf:RDF>

            """)
        try expectRoundTrip(quads)
    }

    /// The writer decides with libxml2's exclusive C14N whether a literal can be written
    /// raw; the reader canonicalises with its own SAX-driven code. They must agree.
    @Test(arguments: [
        "<a xmlns=\"http://a/\" b=\"1\" c=\"2\"></a>",
        "<x:a xmlns:x=\"http://x/\" xmlns:y=\"http://y/\" y:b=\"&quot;&lt;&amp;&#x9;&#xA;&#xD;\"></x:a>",
        "text &lt; &gt; &amp; &#xD; <!-- comment --> <?pi data?>",
        "<e xml:lang=\"nb\">tekst</e><f></f>",
        "  <p>\n  whitespace\tkept </p>  ",
        "<x:a xmlns:x=\"http://x/\"><x:b></x:b><c xmlns=\"http://c/\"><d></d></c></x:a>",
    ])
    func canonicalXMLLiteralsRoundTripRaw(_ lexical: String) throws {
        let quads = [t(ex.term("s"), ex("p"), .typed(lexical, datatype: RDFVocabulary.xmlLiteral))]
        #expect(try write(quads).contains("rdf:parseType=\"Literal\">\(lexical)</"))
        try expectRoundTrip(quads)
    }

    @Test func baseMakesIRIsRelativeWhenTheyResolveBack() throws {
        let base = "http://example.org/data/catalog.rdf"
        let quads = [
            t(.iri(base), dct("hasPart"), .iri("http://example.org/data/ds1")),
            t(.iri(base + "#it"), dct("isPartOf"), .iri(base)),
            t(.iri("http://example.org/other/x"), dct("relation"), .iri("http://example.org/data/a:b")),
        ]
        #expect(try write(quads, base: base) == header + rdfDeclaration + """

                     xmlns:dct="http://purl.org/dc/terms/"
                     xml:base="http://example.org/data/catalog.rdf">
              <rdf:Description rdf:about="">
                <dct:hasPart rdf:resource="ds1"/>
              </rdf:Description>
              <rdf:Description rdf:about="#it">
                <dct:isPartOf rdf:resource=""/>
              </rdf:Description>
              <rdf:Description rdf:about="http://example.org/other/x">
                <dct:relation rdf:resource="http://example.org/data/a:b"/>
              </rdf:Description>
            </rdf:RDF>

            """)
        try expectRoundTrip(quads, base: base)
    }

    @Test func listsOfResourcesAreCollections() throws {
        let c = ex.term("C")
        let quads = [
            t(c, Namespace.owl("unionOf"), .blankNode("l1")),
            t(.blankNode("l1"), RDFVocabulary.first, ex.term("A")),
            t(.blankNode("l1"), RDFVocabulary.rest, .blankNode("l2")),
            t(.blankNode("l2"), RDFVocabulary.first, .blankNode("item")),
            t(.blankNode("l2"), RDFVocabulary.rest, .iri(RDFVocabulary.nil)),
            t(.blankNode("item"), RDFVocabulary.type, Namespace.owl.term("Class")),
            t(.blankNode("item"), ex("v"), .string("2")),
            // A list holding a literal cannot be a collection: it nests.
            t(c, ex("values"), .blankNode("v1")),
            t(.blankNode("v1"), RDFVocabulary.first, .string("x")),
            t(.blankNode("v1"), RDFVocabulary.rest, .iri(RDFVocabulary.nil)),
        ]
        #expect(try write(quads, prefixes: [("ex", ex.iri)]) == header + rdfDeclaration + """

                     xmlns:ex="http://example.org/"
                     xmlns:owl="http://www.w3.org/2002/07/owl#">
              <rdf:Description rdf:about="http://example.org/C">
                <ex:values rdf:parseType="Resource">
                  <rdf:first>x</rdf:first>
                  <rdf:rest rdf:resource="http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"/>
                </ex:values>
                <owl:unionOf rdf:parseType="Collection">
                  <rdf:Description rdf:about="http://example.org/A"/>
                  <owl:Class>
                    <ex:v>2</ex:v>
                  </owl:Class>
                </owl:unionOf>
              </rdf:Description>
            </rdf:RDF>

            """)
        try expectRoundTrip(quads)
    }

    @Test func cyclesOfBlankNodesAndSelfReferences() throws {
        let quads = [
            t(.blankNode("a"), ex("next"), .blankNode("b")),
            t(.blankNode("b"), ex("next"), .blankNode("a")),
            t(.blankNode("self"), ex("same"), .blankNode("self")),
        ]
        #expect(try write(quads, prefixes: [("ex", ex.iri)]) == header + rdfDeclaration + """

                     xmlns:ex="http://example.org/">
              <rdf:Description rdf:nodeID="b1">
                <ex:next rdf:parseType="Resource">
                  <ex:next rdf:nodeID="b1"/>
                </ex:next>
              </rdf:Description>
              <rdf:Description rdf:nodeID="b2">
                <ex:same rdf:nodeID="b2"/>
              </rdf:Description>
            </rdf:RDF>

            """)
        try expectRoundTrip(quads)
    }

    @Test func typesThatCannotNameAnElementStayProperties() throws {
        let s = ex.term("s")
        let quads = [
            t(s, RDFVocabulary.type, .iri("http://example.org/types/1")),
            t(s, RDFVocabulary.type, .iri(rdf("Description"))),
            t(s, RDFVocabulary.type, ex.term("Z")),
            t(s, RDFVocabulary.type, ex.term("B")),
        ]
        #expect(try write(quads, prefixes: [("ex", ex.iri)]) == header + rdfDeclaration + """

                     xmlns:ex="http://example.org/">
              <ex:B rdf:about="http://example.org/s">
                <rdf:type rdf:resource="http://example.org/Z"/>
                <rdf:type rdf:resource="http://example.org/types/1"/>
                <rdf:type rdf:resource="http://www.w3.org/1999/02/22-rdf-syntax-ns#Description"/>
              </ex:B>
            </rdf:RDF>

            """)
        try expectRoundTrip(quads)
    }

    @Test func emptyGraphAndEmptyLiterals() throws {
        #expect(try write([]) == header + rdfDeclaration + "/>\n")
        let quads = [
            t(ex.term("s"), ex("p"), .string("")),
            t(ex.term("s"), ex("p"), .langString("", language: "en")),
            t(ex.term("s"), ex("p"), .typed("", datatype: XSD.string + "-like")),
        ]
        try expectRoundTrip(quads)
    }

    @Test func deepNestingIsCappedForReaders() throws {
        var quads = [t(ex.term("root"), ex("child"), .blankNode("n0"))]
        for i in 0..<500 { quads.append(t(.blankNode("n\(i)"), ex("child"), .blankNode("n\(i + 1)"))) }
        let xml = try write(quads)
        var deepest = 0, run = 0, atLineStart = true
        for byte in xml.utf8 {
            if byte == 0x0A { atLineStart = true; run = 0; continue }
            if atLineStart && byte == 0x20 { run += 1; deepest = max(deepest, run) } else { atLineStart = false }
        }
        #expect(deepest <= 2 * (RDFXMLWriterTestLimits.nesting + 2))
        try expectRoundTrip(quads)
    }
}

private enum RDFXMLWriterTestLimits {
    static let nesting = 48
}

// MARK: - Errors

@Suite("RDFXMLWriter: errors")
struct RDFXMLWriterErrorTests {
    @Test(arguments: ["http://example.org/1", "http://example.org/", "urn:isbn:0451450523", "http://example.org/a?b=1"])
    func predicateWithoutQName(_ predicate: String) {
        let message = writeError([t(ex.term("s"), predicate, .string("o"))])
        #expect(message?.hasPrefix("predicate <\(predicate)> cannot be written in RDF/XML: no XML QName") == true,
                "\(message ?? "no error")")
    }

    @Test(arguments: ["li", "Description", "about", "RDF", "nodeID", "bagID", "aboutEach"])
    func rdfSyntaxNamesAsPredicates(_ name: String) {
        let message = writeError([t(ex.term("s"), rdf(name), .string("o"))])
        #expect(message?.hasPrefix("predicate <\(rdf(name))> cannot be written in RDF/XML") == true,
                "\(message ?? "no error")")
    }

    @Test func namedGraph() {
        let message = writeError([Quad(ex.term("s"), ex.term("p"), ex.term("o"), graph: ex.term("g"))])
        #expect(message?.contains("RDF/XML holds a single graph") == true)
        #expect(message?.contains("<http://example.org/g>") == true)
    }

    @Test func charactersXMLCannotHold() {
        let message = writeError([t(ex.term("s"), ex("p"), .string("bell\u{7}ring"))])
        #expect(message == "literal \"bell\\u0007ring\" contains U+0007, a character XML 1.0 cannot hold, "
            + "so RDF/XML cannot express it; write N-Triples or Turtle instead")
        #expect(writeError([t(ex.term("s"), ex("p"), .string("\u{FFFE}"))])?.contains("U+FFFE") == true)
        #expect(writeError([t(ex.term("s"), ex("p"), .iri("http://example.org/\u{1B}"))])?.contains("U+001B") == true)
        #expect(writeError([t(ex.term("s"), ex("p"), .string("tab\tnewline\ncr\r ok"))]) == nil)
    }

    @Test func iriReadersWouldChange() {
        #expect(writeError([t(ex.term("s"), ex("p"), .iri("http://example.org/a b"))]) == "object IRI "
            + "<http://example.org/a b> contains U+0020, a character no IRI may hold")
        #expect(writeError([t(ex.term("s"), ex("p"), .iri("http://example.org/\"q\""))])?.contains("U+0022") == true)
        #expect(writeError([t(.iri("relative/x"), ex("p"), .string("o"))])?.contains("is relative") == true)
        #expect(writeError([t(ex.term("s"), ex("p"), .iri("http://example.org/a/../b"))])?
            .contains("'.' or '..' path segments") == true)
        #expect(writeError([t(.literal(Literal("x")), ex("p"), .string("o"))])?.contains("subject") == true)
    }

    @Test func badBase() {
        let writer = RDFXMLWriter(base: "not absolute") { _ in }
        #expect(throws: RDFWriteError.self) { try writer.finish() }
    }
}

// MARK: - Determinism

@Suite("RDFXMLWriter: determinism")
struct RDFXMLWriterDeterminismTests {
    @Test func sameGraphSameBytesInAnyOrder() throws {
        var quads: [Quad] = []
        for i in 0..<40 {
            let s = Term.iri("http://example.org/ds/\(i % 7)")
            quads.append(t(s, RDFVocabulary.type, dcat.term(i % 2 == 0 ? "Dataset" : "Resource")))
            quads.append(t(s, dct("title"), .langString("Tittel \(i)", language: i % 3 == 0 ? "nb" : "nn")))
            quads.append(t(s, dcat("distribution"), .blankNode("d\(i)")))
            quads.append(t(.blankNode("d\(i)"), dcat("accessURL"), .iri("http://example.org/f/\(i)")))
            quads.append(t(.blankNode("d\(i)"), dct("format"), .blankNode("shared\(i % 4)")))
            quads.append(t(.blankNode("shared\(i % 4)"), Namespace.skos("prefLabel"), .string("F\(i % 4)")))
            quads.append(t(.iri("http://unknown.example/v\(i % 5)/x"), "http://unknown.example/v\(i % 5)/p", .string("\(i)")))
        }
        let first = try write(quads)
        for _ in 0..<5 {
            #expect(try write(quads.shuffled()) == first)
        }
        try expectRoundTrip(quads)
    }
}

// MARK: - W3C eval graphs round trip

/// Eval results whose graphs RDF/XML cannot express, with the error the writer gives.
private let unwritable: [String: String] = {
    let turtle = "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-turtle/manifest.ttl#"
    let controls = "a character XML 1.0 cannot hold"
    var all: [String: String] = [:]
    for name in ["LITERAL1_all_controls", "LITERAL1_ascii_boundaries", "LITERAL2_ascii_boundaries",
                 "LITERAL_LONG1_ascii_boundaries", "LITERAL_LONG2_ascii_boundaries",
                 "literal_with_BACKSPACE", "literal_with_FORM_FEED",
                 "literal_with_escaped_BACKSPACE", "literal_with_escaped_FORM_FEED"] {
        all[turtle + name] = controls
    }
    return all
}()

private func evalTests(_ manifest: String) -> [W3CTest] {
    ((try? W3CManifest.tests(manifest)) ?? []).filter { $0.kind == .eval }
}

@Suite("RDFXMLWriter: W3C eval graphs round trip")
struct RDFXMLWriterRoundTripTests {
    static let rdfXML = evalTests("rdf11/rdf-xml/manifest.ttl")
    static let turtle = evalTests("rdf11/rdf-turtle/manifest.ttl")

    @Test func suitesAreThereAndTheUnwritableListIsCurrent() {
        #expect(Self.rdfXML.count == 126)
        #expect(Self.turtle.count >= 140)
        let ids = Set((Self.rdfXML + Self.turtle).map(\.id))
        #expect(unwritable.keys.filter { !ids.contains($0) }.sorted() == [])
    }

    /// The Turtle syntax test with local names full of colons (its .nt is no eval result):
    /// predicates such as `<http://www.w3.org/2013/TurtleTests/p:1>` have no XML QName.
    @Test func turtleLocalNamesWithColonsHaveNoQName() throws {
        let quads = try RDFReader.quads(path: Fixtures.path("rdf-tests/rdf/rdf11/rdf-turtle/turtle-syntax-ln-colons.nt"),
                                        format: .nTriples)
        #expect(throws: RDFWriteError.self) { try write(quads) }
        let unwritablePredicates = Set(quads.map(\.predicate.iriValue!)).filter {
            writeError([Quad(.iri("http://example.org/s"), .iri($0), .string("o"))]) != nil
        }
        #expect(unwritablePredicates.sorted() == ["http://www.w3.org/2013/TurtleTests/:p:",
                                                  "http://www.w3.org/2013/TurtleTests/p:1",
                                                  "http://www.w3.org/2013/TurtleTests/p::2"])
    }

    @Test("RDF/XML eval results", arguments: rdfXML)
    func rdfXMLEvalResult(_ test: W3CTest) throws {
        try roundTrip(test)
    }

    @Test("Turtle eval results", arguments: turtle)
    func turtleEvalResult(_ test: W3CTest) throws {
        try roundTrip(test)
    }

    private func roundTrip(_ test: W3CTest) throws {
        let path = try #require(test.resultPath)
        let expected = try RDFReader.quads(path: path, format: path.hasSuffix(".nq") ? .nQuads : .nTriples)
        let xml: String
        do {
            xml = try write(expected)
        } catch let error as RDFWriteError {
            let reason = try #require(unwritable[test.id], "unexpected error: \(error.message)")
            #expect(error.message.contains(reason), "\(error.message)")
            return
        }
        #expect(unwritable[test.id] == nil, "expected an error (\(unwritable[test.id] ?? "")), but it was written")
        let back = try readBack(xml)
        #expect(Isomorphism.areIsomorphic(expected, back), "not isomorphic after a round trip:\n\(xml)")
    }
}
