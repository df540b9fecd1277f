import Foundation
import RDFTestSupport
import Testing

@Suite("samsvar harvest")
struct HarvestCommandTests {
    let samples = Fixtures.path("samples/dcat-ap-no")

    @Test func harvestThenNothingChanged() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = dir + "/store.sqlite"
        let first = try samsvar(["harvest", samples, "--store", store, "--json"], in: Fixtures.repositoryRoot)
        #expect(first.status == 0, "\(first.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let totals = try #require(json["totals"] as? [String: [String: Int]])
        #expect((totals["datasets"]?["added"] ?? 0) > 0)
        let errors = try #require(json["errors"] as? [String: Int])
        #expect(errors.keys.sorted() == ["conflict", "internal", "invalidData", "notFound", "unavailable"])
        #expect(errors.values.allSatisfy { $0 == 0 })

        let second = try samsvar(["harvest", samples, "--store", store], in: Fixtures.repositoryRoot)
        #expect(second.status == 0, "\(second.stderr)")
        let lines = second.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("unchanged ") }.count == 2)
        #expect(second.stdout.contains("datasets:      added 0, changed 0, removed 0"))
    }

    @Test func brokenFileIsReportedWithLineAndColumn() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<https://example.org/d> a dcat:Dataset ;\n  dcat:keyword ) .\n"
            .write(toFile: dir + "/broken.ttl", atomically: true, encoding: .utf8)
        let run = try samsvar(["harvest", dir + "/broken.ttl", samples + "/test.ttl", "--store", dir + "/store.sqlite"],
                              in: Fixtures.repositoryRoot)
        #expect(run.status == 1)
        #expect(run.stdout.contains("invalid    \(dir)/broken.ttl"))
        #expect(run.stdout.contains("invalidData: \(dir)/broken.ttl:3:"))
        #expect(run.stdout.contains("added      \(samples)/test.ttl"))
        #expect(run.stdout.contains("invalidData 1"))
    }

    /// Port 9 (discard) is closed on a test machine: the connection is refused (and retried
    /// until the connect timeout, here 1 s).
    @Test func requireValidAndRemoteSources() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try samsvar(["harvest", samples + "/test.ttl", "http://127.0.0.1:9/x.ttl", "--require-valid", "--timeout", "1",
                               "--store", dir + "/store.sqlite", "--json"], in: Fixtures.repositoryRoot)
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let errors = try #require(json["errors"] as? [String: Int])
        #expect(errors["invalidData"] == 1)
        #expect(errors["unavailable"] == 1)
    }

    @Test func usageErrorsExit2() throws {
        #expect(try samsvar(["harvest"]).status == 2)
    }
}
