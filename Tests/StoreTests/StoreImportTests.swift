import Foundation
import RDF
import RDFIO
import RDFTestSupport
import Store
import Testing

@Suite("Store: import, replace, delete")
struct StoreImportTests {
    @Test func roundTripIsIsomorphic() throws {
        let path = Fixtures.path("samples/dcat-ap-no/DCAT-AP-NO2.0-examples.ttl")
        try withTemporaryStore { (store: SQLiteQuadStore, _: String) throws in
            let info = try store.importGraph(.file(path), into: "urn:test:g")
            let original = try RDFReader.quads(path: path, format: .turtle)
            let stored = try store.quads(matching: QuadPattern(graph: "urn:test:g"))
            #expect(info.tripleCount == Set(original).count)
            #expect(stored.count == info.tripleCount)
            #expect(stored.allSatisfy { $0.graph == .iri("urn:test:g") })
            #expect(Isomorphism.areIsomorphic(triples(stored), original))
            let graphs = try store.graphs()
            #expect(graphs.map(\.graph) == ["urn:test:g"])
            #expect(graphs[0].format == "turtle" && graphs[0].contentHash.count == 16 && graphs[0].source == path)
        }
    }

    @Test func rdfXMLRoundTrip() throws {
        let path = Fixtures.path("samples/los/los-single-ord_adopsjon.rdf")
        try withTemporaryStore { (store: SQLiteQuadStore, _: String) throws in
            try store.importGraph(.file(path), into: "urn:test:los")
            let original = try RDFReader.quads(path: path, format: .rdfXML)
            #expect(Isomorphism.areIsomorphic(triples(try store.quads(matching: .all)), original))
        }
    }

    @Test func reimportReplacesTheGraph() throws {
        try withTemporaryStore { (store: SQLiteQuadStore, _: String) throws in
            try store.importGraph(turtle("<a> <p> <b>, <c> ."), into: "urn:g1")
            try store.importGraph(turtle("<a> <p> <x> ."), into: "urn:g2")
            let info = try store.importGraph(turtle("<a> <p> <d> . _:b <p> \"v\" ."), into: "urn:g1")
            #expect(info.tripleCount == 2)
            #expect(try store.count(matching: QuadPattern(graph: "urn:g1")) == 2)
            #expect(try store.count(matching: QuadPattern(object: .iri("http://example.org/c"))) == 0)
            #expect(try store.count(matching: QuadPattern(graph: "urn:g2")) == 1)
            #expect(try store.graphs().map(\.tripleCount) == [2, 1])
        }
    }

    @Test func deleteRemovesOnlyThatGraph() throws {
        try withTemporaryStore { (store: SQLiteQuadStore, _: String) throws in
            try store.importGraph(turtle("<a> <p> <b> ."), into: "urn:g1")
            try store.importGraph(turtle("<a> <p> <b> ."), into: "urn:g2")
            #expect(try store.deleteGraph("urn:g1"))
            #expect(try !store.deleteGraph("urn:g1"))
            #expect(try store.graphs().map(\.graph) == ["urn:g2"])
            #expect(try store.count(matching: .all) == 1)
        }
    }

    @Test func syntaxErrorLeavesPreviousContent() throws {
        try withTemporaryStore { (store: SQLiteQuadStore, _: String) throws in
            try store.importGraph(turtle("<a> <p> <b> ."), into: "urn:g")
            let before = try store.graphs()
            #expect(throws: RDFSyntaxError.self) {
                try store.importGraph(turtle("<a> <p> <c> .\n<a> <p> \"unterminated .\n", location: "bad.ttl"), into: "urn:g")
            }
            #expect(try store.graphs() == before)
            #expect(try store.quads(matching: .all) == [Quad(.iri("http://example.org/a"), .iri("http://example.org/p"),
                                                              .iri("http://example.org/b"), graph: .iri("urn:g"))])
        }
    }

    @Test func blankNodesOfTwoSourcesStayDistinct() throws {
        try withTemporaryStore { (store: SQLiteQuadStore, _: String) throws in
            try store.importGraph(turtle("_:b0 <p> \"one\" ."), into: "urn:g1")
            try store.importGraph(turtle("_:b0 <p> \"two\" ."), into: "urn:g2")
            let subjects = Set(try store.quads(matching: .all).map(\.subject))
            #expect(subjects.count == 2)
        }
    }

    @Test func reopeningKeepsContent() throws {
        try withTemporaryStore { (_: SQLiteQuadStore, folder: String) throws in
            let path = folder + "/store.sqlite"
            try SQLiteQuadStore(path: path).importGraph(turtle("<a> <p> <b> ."), into: "urn:g")
            #expect(try SQLiteQuadStore(path: path).count(matching: .all) == 1)
        }
    }
}

@Suite("Store: unused terms are dropped")
struct StoreCleanupTests {
    @Test func replacingAGraphDropsItsDeadTermsAndTheirText() throws {
        try withTemporaryStore { (store: SQLiteQuadStore, _: String) throws in
            try store.importGraph(turtle("<a> <p> \"shared words\" . <k> <p> <a> ."), into: "urn:keep")
            let baseline = try store.termCount()
            try store.importGraph(turtle("<a> <p> \"vanishing bosted\"@nb . _:b <q> \"shared words\" ."), into: "urn:g")
            #expect(try store.search("bosted", language: nil, limit: 10).count == 1)
            try store.importGraph(turtle("<a> <p> \"bustad\"@nn ."), into: "urn:g")
            // The old literal and blank node are gone from the dictionary and the text index.
            #expect(try store.search("vanishing", language: nil, limit: 10).isEmpty)
            #expect(try store.search("bustad", language: nil, limit: 10).count == 1)
            // Terms still used by the other graph stay.
            #expect(try store.search("shared", language: nil, limit: 10).count == 1)
            // urn:keep's terms + graph name urn:g + "bustad"@nn.
            #expect(try store.termCount() == baseline + 2)
            try store.deleteGraph("urn:g")
            #expect(try store.termCount() == baseline)
            #expect(try store.search("bustad", language: nil, limit: 10).isEmpty)
            #expect(try store.integrityCheck())
            #expect(try store.quads(matching: QuadPattern(graph: "urn:keep")).count == 2)
        }
    }
}
