import Foundation
import RDF
import RDFTestSupport
import RDFXML
import Testing

@Suite("RDF/XML reader: grammar")
struct RDFXMLGrammarTests {
    @Test("node elements, typed nodes and nested (striped) nodes")
    func nodes() throws {
        let xml = RX.doc("""
          <ex:Dataset rdf:about="http://example.org/d1">
            <ex:publisher>
              <ex:Agent rdf:about="http://example.org/a1"><ex:name>Digdir</ex:name></ex:Agent>
            </ex:publisher>
          </ex:Dataset>
          <rdf:Description rdf:about="http://example.org/d2"/>
          <ex:Thing/>
        """)
        #expect(try RX.same(xml, """
            <http://example.org/d1> <\(RX.rdfNS)type> <http://example.org/ns#Dataset> .
            <http://example.org/d1> <http://example.org/ns#publisher> <http://example.org/a1> .
            <http://example.org/a1> <\(RX.rdfNS)type> <http://example.org/ns#Agent> .
            <http://example.org/a1> <http://example.org/ns#name> "Digdir" .
            _:t <\(RX.rdfNS)type> <http://example.org/ns#Thing> .
            """))
    }

    @Test("the document element may be a node element")
    func noRDFElement() throws {
        let xml = """
            <ex:Dataset xmlns:ex="http://example.org/ns#" xmlns:rdf="\(RX.rdfNS)" rdf:about="http://example.org/d"><ex:title>T</ex:title></ex:Dataset>
            """
        #expect(try RX.same(xml, """
            <http://example.org/d> <\(RX.rdfNS)type> <http://example.org/ns#Dataset> .
            <http://example.org/d> <http://example.org/ns#title> "T" .
            """))
    }

    @Test("property attributes, rdf:type as an attribute, and on empty property elements")
    func propertyAttributes() throws {
        let xml = RX.doc("""
          <rdf:Description rdf:about="http://example.org/a" ex:name="A" rdf:type="http://example.org/ns#T">
            <ex:knows ex:name="B" rdf:type="http://example.org/ns#P"/>
            <ex:seeAlso rdf:resource="http://example.org/c" ex:name="C"/>
            <ex:friend rdf:nodeID="f" ex:name="F"/>
          </rdf:Description>
        """)
        #expect(try RX.same(xml, """
            <http://example.org/a> <http://example.org/ns#name> "A" .
            <http://example.org/a> <\(RX.rdfNS)type> <http://example.org/ns#T> .
            <http://example.org/a> <http://example.org/ns#knows> _:b .
            _:b <http://example.org/ns#name> "B" .
            _:b <\(RX.rdfNS)type> <http://example.org/ns#P> .
            <http://example.org/a> <http://example.org/ns#seeAlso> <http://example.org/c> .
            <http://example.org/c> <http://example.org/ns#name> "C" .
            <http://example.org/a> <http://example.org/ns#friend> _:f .
            _:f <http://example.org/ns#name> "F" .
            """))
    }

    @Test("rdf:li numbers members per node element")
    func li() throws {
        let xml = RX.doc("""
          <rdf:Seq rdf:about="http://example.org/s">
            <rdf:li>one</rdf:li>
            <rdf:li rdf:resource="http://example.org/two"/>
            <rdf:_7>seven</rdf:_7>
            <rdf:li><rdf:Bag><rdf:li>inner</rdf:li></rdf:Bag></rdf:li>
          </rdf:Seq>
        """)
        #expect(try RX.same(xml, """
            <http://example.org/s> <\(RX.rdfNS)type> <\(RX.rdfNS)Seq> .
            <http://example.org/s> <\(RX.rdfNS)_1> "one" .
            <http://example.org/s> <\(RX.rdfNS)_2> <http://example.org/two> .
            <http://example.org/s> <\(RX.rdfNS)_7> "seven" .
            <http://example.org/s> <\(RX.rdfNS)_3> _:bag .
            _:bag <\(RX.rdfNS)type> <\(RX.rdfNS)Bag> .
            _:bag <\(RX.rdfNS)_1> "inner" .
            """))
    }

    @Test("rdf:parseType=\"Resource\"")
    func parseTypeResource() throws {
        let xml = RX.doc("""
          <rdf:Description rdf:about="http://example.org/a">
            <ex:contact rdf:parseType="Resource"><ex:email rdf:resource="mailto:a@example.org"/><rdf:li>x</rdf:li></ex:contact>
            <ex:empty rdf:parseType="Resource"/>
          </rdf:Description>
        """)
        #expect(try RX.same(xml, """
            <http://example.org/a> <http://example.org/ns#contact> _:c .
            _:c <http://example.org/ns#email> <mailto:a@example.org> .
            _:c <\(RX.rdfNS)_1> "x" .
            <http://example.org/a> <http://example.org/ns#empty> _:e .
            """))
    }

    @Test("rdf:parseType=\"Collection\", empty and with members")
    func parseTypeCollection() throws {
        let xml = RX.doc("""
          <rdf:Description rdf:about="http://example.org/a">
            <ex:list rdf:parseType="Collection">
              <rdf:Description rdf:about="http://example.org/1"/>
              <ex:T rdf:about="http://example.org/2"/>
            </ex:list>
            <ex:none rdf:parseType="Collection"></ex:none>
          </rdf:Description>
        """)
        #expect(try RX.same(xml, """
            <http://example.org/a> <http://example.org/ns#list> _:l1 .
            _:l1 <\(RX.rdfNS)first> <http://example.org/1> .
            _:l1 <\(RX.rdfNS)rest> _:l2 .
            _:l2 <\(RX.rdfNS)first> <http://example.org/2> .
            <http://example.org/2> <\(RX.rdfNS)type> <http://example.org/ns#T> .
            _:l2 <\(RX.rdfNS)rest> <\(RX.rdfNS)nil> .
            <http://example.org/a> <http://example.org/ns#none> <\(RX.rdfNS)nil> .
            """))
    }

    @Test("xml:base and the document base")
    func xmlBase() throws {
        let xml = RX.doc("""
          <rdf:Description rdf:about="a">
            <ex:p rdf:resource="b"/>
            <ex:q xml:base="http://other.example/dir/sub/" rdf:resource="../c"/>
          </rdf:Description>
          <rdf:Description xml:base="http://third.example/x#frag" rdf:about="">
            <ex:r rdf:resource="#f"/>
          </rdf:Description>
        """)
        #expect(try RX.same(xml, """
            <http://example.org/a> <http://example.org/ns#p> <http://example.org/b> .
            <http://example.org/a> <http://example.org/ns#q> <http://other.example/dir/c> .
            <http://third.example/x> <http://example.org/ns#r> <http://third.example/x#f> .
            """, base: "http://example.org/doc"))
    }

    @Test("a relative IRI without any base IRI is an error")
    func relativeWithoutBase() {
        let error = RX.error(RX.doc(#"<rdf:Description rdf:about="a"/>"#), base: nil)
        #expect(error?.message.contains("no base IRI") == true)
        #expect(RX.error(RX.doc(#"<rdf:Description rdf:about="http://example.org/a"/>"#), base: nil) == nil)
    }

    @Test("xml:lang is inherited and xml:lang=\"\" removes it (a plain literal, not \"x\"@)")
    func xmlLang() throws {
        let xml = RX.doc("""
          <rdf:Description rdf:about="http://example.org/a" xml:lang="nb" ex:attr="attributt">
            <ex:title>tittel</ex:title>
            <ex:title xml:lang="en">title</ex:title>
            <ex:plain xml:lang="">plain</ex:plain>
            <ex:nested rdf:parseType="Resource" xml:lang=""><ex:deep>deep</ex:deep><ex:back xml:lang="nn">tilbake</ex:back></ex:nested>
            <ex:typed rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">1</ex:typed>
          </rdf:Description>
        """)
        let quads = try RX.parse(xml)
        #expect(try RX.same(xml, """
            <http://example.org/a> <http://example.org/ns#attr> "attributt"@nb .
            <http://example.org/a> <http://example.org/ns#title> "tittel"@nb .
            <http://example.org/a> <http://example.org/ns#title> "title"@en .
            <http://example.org/a> <http://example.org/ns#plain> "plain" .
            <http://example.org/a> <http://example.org/ns#nested> _:n .
            _:n <http://example.org/ns#deep> "deep" .
            _:n <http://example.org/ns#back> "tilbake"@nn .
            <http://example.org/a> <http://example.org/ns#typed> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
            """))
        let plain = try #require(RX.literal(quads, "http://example.org/ns#plain"))
        #expect(plain.language == nil)
        #expect(plain.datatype == XSD.string)
        #expect(RX.literal(quads, "http://example.org/ns#deep")?.language == nil)
    }

    @Test("rdf:datatype, also written with a DTD entity")
    func datatypes() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rdf:RDF [ <!ENTITY xsd "http://www.w3.org/2001/XMLSchema#"> ]>
            <rdf:RDF xmlns:rdf="\(RX.rdfNS)" xmlns:ex="http://example.org/ns#">
              <rdf:Description rdf:about="http://example.org/a">
                <ex:date rdf:datatype="&xsd;date">2024-01-31</ex:date>
                <ex:empty rdf:datatype="&xsd;string"/>
              </rdf:Description>
            </rdf:RDF>
            """
        #expect(try RX.same(xml, """
            <http://example.org/a> <http://example.org/ns#date> "2024-01-31"^^<http://www.w3.org/2001/XMLSchema#date> .
            <http://example.org/a> <http://example.org/ns#empty> "" .
            """))
    }

    @Test("empty property elements")
    func emptyPropertyElements() throws {
        let xml = RX.doc("""
          <rdf:Description rdf:about="http://example.org/a" xml:lang="fr">
            <ex:p/>
            <ex:q></ex:q>
            <ex:r rdf:resource="http://example.org/r">  </ex:r>
            <ex:s rdf:nodeID="x"/>
          </rdf:Description>
        """)
        #expect(try RX.same(xml, """
            <http://example.org/a> <http://example.org/ns#p> ""@fr .
            <http://example.org/a> <http://example.org/ns#q> ""@fr .
            <http://example.org/a> <http://example.org/ns#r> <http://example.org/r> .
            <http://example.org/a> <http://example.org/ns#s> _:x .
            """))
    }

    @Test("rdf:ID on node elements and on property elements (reification)")
    func rdfID() throws {
        let xml = RX.doc("""
          <rdf:Description rdf:ID="me">
            <ex:name rdf:ID="stmt">Me</ex:name>
          </rdf:Description>
        """)
        let base = "http://example.org/doc"
        #expect(try RX.same(xml, """
            <\(base)#me> <http://example.org/ns#name> "Me" .
            <\(base)#stmt> <\(RX.rdfNS)type> <\(RX.rdfNS)Statement> .
            <\(base)#stmt> <\(RX.rdfNS)subject> <\(base)#me> .
            <\(base)#stmt> <\(RX.rdfNS)predicate> <http://example.org/ns#name> .
            <\(base)#stmt> <\(RX.rdfNS)object> "Me" .
            """))
    }

    @Test("an rdf:ID is used once per base: twice is an error, under another xml:base it is not")
    func rdfIDUniqueness() {
        let twice = RX.doc("""
          <rdf:Description rdf:ID="a"/>
          <rdf:Description rdf:about="http://example.org/x"><ex:p rdf:ID="a">v</ex:p></rdf:Description>
        """)
        let error = RX.error(twice)
        #expect(error?.message.contains("used twice") == true)
        #expect(error?.line == 4)
        let otherBase = RX.doc("""
          <rdf:Description rdf:ID="a"/>
          <rdf:Description xml:base="http://other.example/" rdf:ID="a"/>
        """)
        #expect(RX.error(otherBase) == nil)
    }

    @Test("rdf:nodeID labels are kept; the reader's own labels never clash with them")
    func blankNodeLabels() throws {
        let xml = RX.doc("""
          <rdf:Description rdf:nodeID="_b1"><ex:p rdf:nodeID="n"/></rdf:Description>
          <rdf:Description rdf:nodeID="n"><ex:q><rdf:Description/></ex:q></rdf:Description>
        """)
        let quads = try RX.parse(xml)
        let labels = Set(quads.flatMap { [$0.subject, $0.object] }.compactMap { term -> String? in
            if case .blankNode(let label) = term { return label } else { return nil }
        })
        #expect(labels.count == 3, "three distinct blank nodes: \(labels)")
        #expect(labels.contains("n"))
        #expect(labels.contains("__b1"))
        #expect(try RX.same(xml, """
            _:one <http://example.org/ns#p> _:n .
            _:n <http://example.org/ns#q> _:other .
            """))
    }

    @Test("internal DTD entities in attributes and in text")
    func entities() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rdf:RDF [
              <!ENTITY ex "http://example.org/ns#">
              <!ENTITY base "http://example.org/">
              <!ENTITY nested "&base;nested">
              <!ENTITY greeting "Hei &amp; hallo">
            ]>
            <rdf:RDF xmlns:rdf="\(RX.rdfNS)" xmlns:ex="&ex;">
              <rdf:Description rdf:about="&base;a">
                <ex:link rdf:resource="&nested;"/>
                <ex:text>&greeting;, verden</ex:text>
              </rdf:Description>
            </rdf:RDF>
            """
        #expect(try RX.same(xml, """
            <http://example.org/a> <http://example.org/ns#link> <http://example.org/nested> .
            <http://example.org/a> <http://example.org/ns#text> "Hei & hallo, verden" .
            """))
    }

    @Test("plain-text entities in element content: repeated, beside nested and markup entities, in XML literals, across chunks")
    func textEntitiesInContent() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rdf:RDF [
              <!ENTITY ex "http://example.org/ns#">
              <!ENTITY id "ds-">
              <!ENTITY both "&id;x">
              <!ENTITY mark "<ex:i>m</ex:i>">
              <!ENTITY bracket "a]b">
            ]>
            <rdf:RDF xmlns:rdf="\(RX.rdfNS)" xmlns:ex="&ex;">
              <rdf:Description rdf:about="http://example.org/a">
                <ex:one>&id;1</ex:one>
                <ex:two>&id;2&id;</ex:two>
                <ex:nested>&both;</ex:nested>
                <ex:br>&bracket;</ex:br>
                <ex:lit rdf:parseType="Literal">&id;<ex:b>&mark;&id;</ex:b></ex:lit>
              </rdf:Description>
            </rdf:RDF>
            """
        let expected = """
            <http://example.org/a> <http://example.org/ns#one> "ds-1" .
            <http://example.org/a> <http://example.org/ns#two> "ds-2ds-" .
            <http://example.org/a> <http://example.org/ns#nested> "ds-x" .
            <http://example.org/a> <http://example.org/ns#br> "a]b" .
            <http://example.org/a> <http://example.org/ns#lit> "ds-<ex:b xmlns:ex=\\"http://example.org/ns#\\"><ex:i>m</ex:i>ds-</ex:b>"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral> .
            """
        #expect(try RX.same(xml, expected))
        for size in [1, 7, 64] {
            let chunked = try RX.parse(Array(xml.utf8), chunkSize: size)
            #expect(Isomorphism.areIsomorphic(chunked, try RX.parse(xml)))
        }
    }

    @Test("entities in attribute values: nested, with & and character references, whitespace normalised; namespace names")
    func attributeEntities() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rdf:RDF [
              <!ENTITY rdfns "http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <!ENTITY ex "http://example.org/ns#">
              <!ENTITY base "http://example.org/">
              <!ENTITY deep "&base;d/">
              <!ENTITY amp2 "&#38;#38;">
              <!ENTITY spaced "a&#10;b">
            ]>
            <rdf:RDF xmlns:rdf="&rdfns;" xmlns:ex="&ex;">
              <rdf:Description rdf:about="&deep;x?a=1&amp;b=2&#38;c=3&amp2;d" ex:v="&spaced; &lt;&#x41;&gt;">
                <ex:link rdf:resource="&base;y"/>
                <ex:lit rdf:parseType="Literal"><ex:b xmlns:q="&base;q#" q:a="&amp; &deep;">t</ex:b></ex:lit>
              </rdf:Description>
            </rdf:RDF>
            """
        let quads = try RX.parse(xml)
        #expect(try RX.same(xml, """
            <http://example.org/d/x?a=1&b=2&c=3&d> <http://example.org/ns#v> "a b <A>" .
            <http://example.org/d/x?a=1&b=2&c=3&d> <http://example.org/ns#link> <http://example.org/y> .
            <http://example.org/d/x?a=1&b=2&c=3&d> <http://example.org/ns#lit> "<ex:b xmlns:ex=\\"http://example.org/ns#\\" xmlns:q=\\"http://example.org/q#\\" q:a=\\"&amp; http://example.org/d/\\">t</ex:b>"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral> .
            """))
        #expect(quads.count == 3)
    }

    @Test("an undeclared entity is an error")
    func undeclaredEntity() {
        let error = RX.error(RX.doc(#"<rdf:Description rdf:about="&nope;x"/>"#))
        #expect(error?.message.contains("nope") == true)
    }

    @Test("character references, CDATA and non-ASCII text")
    func text() throws {
        let xml = RX.doc("""
          <rdf:Description rdf:about="http://example.org/a">
            <ex:t>Å&#xE6;&#248; &lt;b&gt; <![CDATA[<raw> & co]]> 😀</ex:t>
          </rdf:Description>
        """)
        let quads = try RX.parse(xml)
        #expect(RX.literal(quads, "http://example.org/ns#t")?.lexicalForm == "Åæø <b> <raw> & co 😀")
    }

    @Test("a document in ISO-8859-1 is decoded")
    func latin1() throws {
        var bytes = Array("""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <rdf:RDF xmlns:rdf="\(RX.rdfNS)" xmlns:ex="http://example.org/ns#">
            <rdf:Description rdf:about="http://example.org/a"><ex:t>X</ex:t></rdf:Description></rdf:RDF>
            """.utf8)
        let x = bytes.firstIndex(of: UInt8(ascii: "X"))!
        bytes[x] = 0xE6  // æ in Latin-1
        let quads = try RX.parse(bytes, chunkSize: 1 << 20)
        #expect(RX.literal(quads, "http://example.org/ns#t")?.lexicalForm == "æ")
    }

    @Test("namespace declarations are reported in document order")
    func prefixes() throws {
        let parser = RDFXMLParser(base: "http://example.org/") { _ in }
        try parser.parse(Array(RX.doc(#"<rdf:Description xmlns:dct="http://purl.org/dc/terms/" xmlns:ex="http://other.example/"/>"#,
                                      extra: #" xmlns="http://default.example/""#).utf8))
        #expect(parser.prefixes.map(\.prefix) == ["rdf", "ex", "", "dct", "ex"])
        #expect(parser.declaredPrefixes.map(\.prefix) == ["rdf", "ex", "", "dct"])
        #expect(parser.declaredPrefixes.first { $0.prefix == "ex" }?.namespace == "http://example.org/ns#")
    }
}

@Suite("RDF/XML reader: XML literals")
struct RDFXMLLiteralTests {
    private func literal(_ content: String, extra: String = "") throws -> String? {
        let xml = RX.doc("""
          <rdf:Description rdf:about="http://example.org/a"><ex:p rdf:parseType="Literal">\(content)</ex:p></rdf:Description>
        """, extra: extra)
        let quads = try RX.parse(xml)
        let value = RX.literal(quads, "http://example.org/ns#p")
        #expect(value?.datatype == RX.rdfNS + "XMLLiteral")
        return value?.lexicalForm
    }

    @Test("exclusive canonical form: empty elements, visibly utilized namespaces, default namespace")
    func namespaces() throws {
        #expect(try literal("<br/>") == "<br></br>")
        #expect(try literal(#"<ex:b>x</ex:b>"#) == #"<ex:b xmlns:ex="http://example.org/ns#">x</ex:b>"#)
        #expect(try literal(#"<h xmlns="http://www.w3.org/1999/xhtml"><b>x</b><i xmlns="">y</i><ex:i xmlns="">z</ex:i></h>"#)
                == #"<h xmlns="http://www.w3.org/1999/xhtml"><b>x</b><i xmlns="">y</i><ex:i xmlns:ex="http://example.org/ns#">z</ex:i></h>"#)
        // Declared above the literal but not used: not written.
        #expect(try literal("<p>t</p>", extra: #" xmlns:unused="http://unused.example/""#) == "<p>t</p>")
        // An element without a prefix in a document without a default namespace: no xmlns="".
        #expect(try literal("<a><b/></a>") == "<a><b></b></a>")
    }

    @Test("attributes ordered by namespace URI then local name; declarations by prefix")
    func ordering() throws {
        let got = try literal(#"<e xmlns:z="http://a.example/" xmlns:a="http://b.example/" b="2" a:x="3" z:y="4" a="1"/>"#)
        #expect(got == #"<e xmlns:a="http://b.example/" xmlns:z="http://a.example/" a="1" b="2" z:y="4" a:x="3"></e>"#)
    }

    @Test("escaping in text and attributes; CDATA becomes text; comments and PIs kept")
    func escaping() throws {
        let got = try literal("a &amp; b &lt; c &gt; d <x t=\"&quot;&#9;&#10;&lt;&gt;\"/><![CDATA[<&>]]><!--note--><?pi data?>")
        #expect(got == #"a &amp; b &lt; c &gt; d <x t="&quot;&#x9;&#xA;&lt;>"></x>&lt;&amp;&gt;<!--note--><?pi data?>"#)
    }

    @Test("xml:lang around the literal is not part of it; xml:lang inside is")
    func xmlLangInside() throws {
        let xml = RX.doc("""
          <rdf:Description rdf:about="http://example.org/a" xml:lang="en"><ex:p rdf:parseType="Literal"><q xml:lang="fr">chat</q></ex:p></rdf:Description>
        """)
        let value = RX.literal(try RX.parse(xml), "http://example.org/ns#p")
        #expect(value?.lexicalForm == #"<q xml:lang="fr">chat</q>"#)
        #expect(value?.language == nil)
    }

    @Test("another parseType value counts as Literal")
    func otherParseType() throws {
        let xml = RX.doc(#"<rdf:Description rdf:about="http://example.org/a"><ex:p rdf:parseType="Other"><b>x</b></ex:p></rdf:Description>"#)
        #expect(RX.literal(try RX.parse(xml), "http://example.org/ns#p")?.datatype == RX.rdfNS + "XMLLiteral")
    }
}

@Suite("RDF/XML reader: streaming and real files")
struct RDFXMLStreamingTests {
    static let sample = RX.doc("""
      <!-- a comment -->
      <ex:Dataset rdf:about="http://example.org/d" xml:lang="nb" ex:short="kort">
        <ex:title>Ærlig talt – «tittel» 😀</ex:title>
        <ex:title xml:lang="">uten språk</ex:title>
        <ex:list rdf:parseType="Collection"><rdf:Description rdf:about="http://example.org/1"/><rdf:Description/></ex:list>
        <ex:lit rdf:parseType="Literal"><b xmlns="http://www.w3.org/1999/xhtml">fet</b> tekst</ex:lit>
        <ex:contact rdf:parseType="Resource"><ex:mail rdf:resource="mailto:x@example.org"/></ex:contact>
        <rdf:li>første</rdf:li><rdf:li>andre</rdf:li>
        <ex:node><ex:Agent rdf:nodeID="agent"><ex:name>Navn</ex:name></ex:Agent></ex:node>
      </ex:Dataset>
    """)

    @Test("chunks of any size give the same quads in the same order", arguments: [1, 2, 3, 7, 64, 4093, 1 << 20])
    func chunked(_ size: Int) throws {
        let bytes = Array(Self.sample.utf8)
        let whole = try RX.parse(Self.sample)
        #expect(whole.count == 17)
        #expect(try RX.parse(bytes, chunkSize: size) == whole)
    }

    @Test("real vocabularies parse: LOS (Digdir), EU authority tables, ADMS with DTD entities",
          arguments: [("los/los-all.rdf", 8234), ("los/los-single-hendelse_alvorlig-sykt-barn.rdf", 43),
                      ("los/los-single-ord_adopsjon.rdf", 13), ("los/los-single-ontologi_tema.rdf", 4),
                      ("eu/ADMS_SKOS_v1.00.rdf", 486), ("eu/data-theme-skos.rdf", 465),
                      ("eu/dcat-ap_2.1.1.rdf", 781)])
    func realFiles(_ name: String, _ count: Int) throws {
        let path = Fixtures.path("samples/" + name)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let quads = try RX.parse(bytes, chunkSize: 64 << 10, base: URL(fileURLWithPath: path).absoluteString)
        #expect(quads.count == count)
        // One piece or 64 KiB pieces: the same.
        #expect(try RX.parse(bytes, chunkSize: bytes.count + 1, base: URL(fileURLWithPath: path).absoluteString) == quads)
    }

    @Test("LOS: labels in nb, nn and en, with their language tags")
    func losLabels() throws {
        let path = Fixtures.path("samples/los/los-all.rdf")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let quads = try RX.parse(bytes, chunkSize: 256 << 10)
        let prefLabel = Term.iri("http://www.w3.org/2004/02/skos/core#prefLabel")
        let languages = Set(quads.filter { $0.predicate == prefLabel }.compactMap { $0.object.literalValue?.language })
        #expect(languages == ["nb", "nn", "en"])
    }
}
