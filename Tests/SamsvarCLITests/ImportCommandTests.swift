import Foundation
import RDFTestSupport
import Testing

@Suite("samsvar import and samsvar store")
struct ImportCommandTests {
    @Test func bundledVocabulariesImportAndList() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = dir + "/nested/store.sqlite"
        let run = try samsvar(["import", "--bundled", "--store", store], in: Fixtures.repositoryRoot)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count >= 19)
        #expect(lines.contains { $0.hasPrefix("imported ") && $0.hasSuffix(" triples into <urn:samsvar:vocabularies:los/los-all.rdf>") })
        let listed = try samsvar(["store", "graphs", "--json", "--store", store])
        #expect(listed.status == 0)
        let graphs = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        #expect(graphs?.count == lines.count)
        #expect(graphs?.first?["contentHash"] as? String != nil)
        let deleted = try samsvar(["store", "delete", "urn:samsvar:vocabularies:los/los-all.rdf", "--store", store])
        #expect(deleted.status == 0)
        #expect(try samsvar(["store", "delete", "urn:samsvar:vocabularies:los/los-all.rdf", "--store", store]).status == 2)
    }

    @Test func graphNeedsASingleFile() throws {
        #expect(try samsvar(["import", "a.ttl", "b.ttl", "--graph", "urn:g"]).status == 2)
        #expect(try samsvar(["import"]).status == 2)
    }
}
