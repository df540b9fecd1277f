import RDF
import Store
import Testing

@Suite("Store: pattern queries and full-text search")
struct StoreQueryTests {
    static let data = """
        @prefix dct: <http://purl.org/dc/terms/> .
        @prefix ex: <http://example.org/> .
        ex:d1 dct:title "Grunnkart for Trøndelag"@nb, "Base map of Trøndelag"@en ;
              dct:description "Kartdata over økonomisk kartverk, åpne data"@nb ;
              ex:size 42 .
        ex:d2 dct:title "Blåbærtur i skogen"@nn, "Blåbær og æbler"@nb-NO ;
              dct:publisher ex:d1 .
        ex:d3 dct:title "Plain string about kart" .
        """

    func withData(_ body: (SQLiteQuadStore) throws -> Void) throws {
        try withTemporaryStore { (store: SQLiteQuadStore, _: String) throws in
            try store.importGraph(turtle(Self.data), into: "urn:g1")
            try store.importGraph(turtle("<http://example.org/d1> <http://purl.org/dc/terms/title> \"Grunnkart kopi\"@nb ."), into: "urn:g2")
            try body(store)
        }
    }

    let title = Term.iri("http://purl.org/dc/terms/title")
    let d1 = Term.iri("http://example.org/d1")

    @Test func patternQueries() throws {
        try withData { (store: SQLiteQuadStore) throws in
            #expect(try store.count(matching: .all) == 9)
            #expect(try store.count(matching: QuadPattern(subject: d1)) == 5)
            #expect(try store.count(matching: QuadPattern(subject: d1, graph: "urn:g1")) == 4)
            #expect(try store.count(matching: QuadPattern(predicate: title)) == 6)
            #expect(try store.count(matching: QuadPattern(object: d1)) == 1)
            #expect(try store.count(matching: QuadPattern(predicate: title, object: .langString("Blåbærtur i skogen", language: "nn"))) == 1)
            #expect(try store.quads(matching: QuadPattern(object: .typed("42", datatype: XSD.integer)))
                    == [Quad(d1, .iri("http://example.org/size"), .typed("42", datatype: XSD.integer), graph: .iri("urn:g1"))])
            #expect(try store.count(matching: QuadPattern(subject: .iri("http://example.org/none"))) == 0)
            #expect(try store.count(matching: QuadPattern(graph: "urn:none")) == 0)
        }
    }

    @Test func searchFindsNorwegianWords() throws {
        try withData { (store: SQLiteQuadStore) throws in
            let hits = try store.search("blåbær", language: nil, limit: 10)
            #expect(Set(hits.map(\.literal.lexicalForm)) == ["Blåbærtur i skogen", "Blåbær og æbler"])
            let økonomisk = try store.search("ØKONOMISK kartverk", language: nil, limit: 10)
            #expect(økonomisk.map(\.subject) == [d1])
            #expect(økonomisk.first?.graph == "urn:g1")
            #expect(økonomisk.first?.predicate == .iri("http://purl.org/dc/terms/description"))
        }
    }

    @Test func searchFiltersByLanguage() throws {
        try withData { (store: SQLiteQuadStore) throws in
            #expect(try store.search("blåbær", language: "nb", limit: 10).map(\.literal.lexicalForm) == ["Blåbær og æbler"])
            #expect(try store.search("blåbær", language: "nn", limit: 10).map(\.literal.lexicalForm) == ["Blåbærtur i skogen"])
            let grunnkart = try store.search("grunnkart", language: "nb", limit: 10)
            #expect(Set(grunnkart.map(\.graph)) == ["urn:g1", "urn:g2"])
            #expect(try store.search("trøndelag", language: "en", limit: 10).map(\.literal.lexicalForm) == ["Base map of Trøndelag"])
            #expect(try store.search("kart", language: "en", limit: 10).isEmpty)
        }
    }

    @Test func searchIgnoresDeletedGraphsAndQuotesSyntax() throws {
        try withData { (store: SQLiteQuadStore) throws in
            try store.deleteGraph("urn:g2")
            #expect(try store.search("grunnkart", language: nil, limit: 10).map(\.graph) == ["urn:g1"])
            #expect(try store.search("\"kart OR NOT", language: nil, limit: 10).isEmpty)
            #expect(try store.search("   ", language: nil, limit: 10).isEmpty)
        }
    }
}
