import Catalog
import Foundation
import RDFTestSupport
import Store
import Testing

/// The dcat-ap-no profile, compiled once for all tests.
private let profile: Result<HarvestProfile, any Error> = Result {
    try HarvestProfile.named("dcat-ap-no", vocabularies: Fixtures.repositoryRoot + "/Vocabularies")
}

func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "samsvar-harvest-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func harvester(_ folder: String, requireValid: Bool = false, limits: FetchLimits = FetchLimits()) throws -> Harvester {
    Harvester(store: try SQLiteQuadStore(path: folder + "/store.sqlite"), profile: try profile.get(),
              requireValid: requireValid, limits: limits)
}

let samples = Fixtures.path("samples/dcat-ap-no")

@Suite("Harvester")
struct HarvesterTests {
    @Test func folderIsAddedThenUnchanged() async throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try await harvester(dir).harvest([samples])
        #expect(first.sources.count == 2)
        #expect(first.sources.allSatisfy { $0.status == .added })
        #expect(!first.hasErrors)
        #expect((first.totals["datasets"]?.added ?? 0) > 0)
        #expect((first.totals["catalogues"]?.added ?? 0) > 0)
        let test = try #require(first.sources.first { $0.source.hasSuffix("/test.ttl") })
        #expect(test.validation?.violations == 1)
        // The validation report is kept beside the graph.
        let store = try SQLiteQuadStore(path: dir + "/store.sqlite")
        let graphs = try store.graphs().map(\.graph)
        #expect(graphs.contains(try #require(test.graph) + Harvester.validationSuffix))

        let second = try await harvester(dir).harvest([samples])
        #expect(second.sources.count == 2)
        #expect(second.sources.allSatisfy { $0.status == .unchanged })
        #expect(second.totals.values.allSatisfy { $0.isZero })
        #expect(!second.hasErrors)
    }

    @Test func brokenFileIsInvalidDataAndTheOthersLand() async throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = dir + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: samples + "/DCAT-AP-NO2.0-examples.ttl", toPath: data + "/good.ttl")
        var text = try String(contentsOfFile: samples + "/test.ttl", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        text += "\nex:broken ex:p ex:o .\n"
        try text.write(toFile: data + "/broken.ttl", atomically: true, encoding: .utf8)

        let report = try await harvester(dir).harvest([data])
        let broken = try #require(report.sources.first { $0.source.hasSuffix("broken.ttl") })
        #expect(broken.status == .invalid)
        #expect(broken.errors.count == 1)
        #expect(broken.errors.first?.category == .invalidData)
        #expect(broken.errors.first?.message.contains("broken.ttl:\(lines + 1):1:") == true, "\(broken.errors)")
        let good = try #require(report.sources.first { $0.source.hasSuffix("good.ttl") })
        #expect(good.status == .added)
        #expect(report.errorCounts["invalidData"] == 1)
        let graphs = try SQLiteQuadStore(path: dir + "/store.sqlite").graphs().map(\.graph)
        #expect(graphs.contains(try #require(good.graph)))
        #expect(!graphs.contains(try #require(broken.graph)))
    }

    @Test func requireValidRefusesViolations() async throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try await harvester(dir, requireValid: true).harvest([samples + "/test.ttl", samples + "/DCAT-AP-NO2.0-examples.ttl"])
        #expect(report.sources.map(\.status) == [.invalid, .added])
        #expect(report.sources[0].errors.map(\.category) == [.invalidData])
        #expect(report.sources[0].validation?.violations == 1)
        #expect(try SQLiteQuadStore(path: dir + "/store.sqlite").graphs().count == 2)   // the good one and its report
    }

    @Test func sameDatasetInTwoSourcesIsAConflict() async throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dataset = """
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            <https://example.org/dataset/1> a dcat:Dataset ; dct:title "%@"@nb .
            """
        try dataset.replacingOccurrences(of: "%@", with: "A").write(toFile: dir + "/a.ttl", atomically: true, encoding: .utf8)
        try dataset.replacingOccurrences(of: "%@", with: "B").write(toFile: dir + "/b.ttl", atomically: true, encoding: .utf8)
        let report = try await harvester(dir).harvest([dir + "/a.ttl", dir + "/b.ttl"])
        #expect(report.sources.map(\.status) == [.added, .added])
        #expect(report.sources[0].errors.isEmpty)
        #expect(report.sources[1].errors.map(\.category) == [.conflict])
        #expect(report.sources[1].errors.first?.message.contains("<https://example.org/dataset/1>") == true)
        #expect(report.errorCounts["conflict"] == 1)
    }

    @Test func changedAndRemovedResourcesAreCounted() async throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let prefixes = "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n"
        let file = dir + "/c.ttl"
        try (prefixes + """
            <https://example.org/d/1> a dcat:Dataset ; dct:title "one"@nb ; dcat:contactPoint [ dct:title "x" ] .
            <https://example.org/d/2> a dcat:Dataset ; dct:title "two"@nb .
            """).write(toFile: file, atomically: true, encoding: .utf8)
        let first = try await harvester(dir).harvest([file])
        #expect(first.totals["datasets"] == ResourceCounts(added: 2))
        try (prefixes + """
            <https://example.org/d/1> a dcat:Dataset ; dct:title "one"@nb ; dcat:contactPoint [ dct:title "x" ] .
            <https://example.org/d/3> a dcat:DatasetSeries ; dct:title "three"@nb .
            <https://example.org/s/1> a dcat:DataService ; dct:title "service"@nb .

            """).write(toFile: file, atomically: true, encoding: .utf8)
        let second = try await harvester(dir).harvest([file])
        #expect(second.sources.map(\.status) == [.changed])
        #expect(second.totals["datasets"] == ResourceCounts(added: 1, changed: 0, removed: 1))
        #expect(second.totals["dataServices"] == ResourceCounts(added: 1))
        try (prefixes + """
            <https://example.org/d/1> a dcat:Dataset ; dct:title "one, renamed"@nb ; dcat:contactPoint [ dct:title "x" ] .
            """).write(toFile: file, atomically: true, encoding: .utf8)
        let third = try await harvester(dir).harvest([file])
        #expect(third.totals["datasets"] == ResourceCounts(added: 0, changed: 1, removed: 1))
        #expect(third.totals["dataServices"] == ResourceCounts(removed: 1))
    }

    @Test func missingSourceIsNotFound() async throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try await harvester(dir).harvest([dir + "/missing.ttl"])
        #expect(report.sources.map(\.status) == [.failed])
        #expect(report.errorCounts["notFound"] == 1)
    }

    @Test func fileGoneFromAFolderIsRemoved() async throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = dir + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: samples + "/DCAT-AP-NO2.0-examples.ttl", toPath: data + "/a.ttl")
        try FileManager.default.copyItem(atPath: samples + "/test.ttl", toPath: data + "/b.ttl")
        let first = try await harvester(dir).harvest([data])
        let addedA = try #require(first.sources.first { $0.source.hasSuffix("/a.ttl") })
        try FileManager.default.removeItem(atPath: data + "/a.ttl")

        let second = try await harvester(dir).harvest([data])
        #expect(second.sources.map(\.status) == [.unchanged, .removed])
        let removed = second.sources[1]
        #expect(removed.graph == addedA.graph)
        #expect(removed.resources["datasets"]?.removed == addedA.resources["datasets"]?.added)
        let graphs = try SQLiteQuadStore(path: dir + "/store.sqlite").graphs().map(\.graph)
        #expect(!graphs.contains(try #require(addedA.graph)))
        #expect(!graphs.contains(try #require(addedA.graph) + Harvester.validationSuffix))
        #expect(graphs.contains(Harvester.graphIRI(of: data + "/b.ttl")))
    }
}
