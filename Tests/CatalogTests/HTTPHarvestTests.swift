import Catalog
import Foundation
import RDFTestSupport
import Store
import Testing

/// Harvesting http(s) sources from a local test server: content negotiation, syntax from
/// Content-Type or sniffed, errors by category, limits.
@Suite("Harvest over HTTP")
struct HTTPHarvestTests {
    static let catalogue = (try? String(contentsOfFile: samples + "/DCAT-AP-NO2.0-examples.ttl", encoding: .utf8)) ?? ""

    static let routes: [String: TestRoute] = [
        "/catalog": .document(catalogue, contentType: "text/turtle; charset=utf-8"),
        "/plain": .document(catalogue, contentType: "text/plain"),
        "/moved": .redirect("/catalog"),
        "/loop": .redirect("/loop"),
        "/gone": .status(410),
        "/down": .status(503),
        "/broken": .document("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<a> dcat:title \"x\n", contentType: "text/turtle"),
        "/hang": .hang,
    ]

    @Test func catalogueIsHarvestedThenUnchanged() async throws {
        let server = try await TestHTTPServer(routes: Self.routes)
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let url = server.base + "/catalog"
        let first = try await harvester(dir).harvest([url])
        #expect(first.sources.map(\.status) == [.added])
        #expect(first.sources[0].graph == url)
        #expect((first.totals["datasets"]?.added ?? 0) > 0)
        #expect(server.accept(for: "/catalog")?.hasPrefix("text/turtle") == true)
        #expect(server.accept(for: "/catalog")?.contains("application/rdf+xml") == true)

        let second = try await harvester(dir).harvest([url])
        #expect(second.sources.map(\.status) == [.unchanged])
        let info = try #require(try SQLiteQuadStore(path: dir + "/store.sqlite").graphs().first { $0.graph == url })
        #expect(info.source == url)
        await server.close()
    }

    @Test func syntaxIsSniffedAndRedirectsFollowed() async throws {
        let server = try await TestHTTPServer(routes: Self.routes)
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try await harvester(dir).harvest([server.base + "/plain", server.base + "/moved"])
        #expect(report.sources.map(\.status) == [.added, .added])
        #expect(!report.hasErrors || report.errorCounts.filter { $0.key != "conflict" }.values.allSatisfy { $0 == 0 })
        let stored = try SQLiteQuadStore(path: dir + "/store.sqlite").graphs()
        // The redirected source keeps its own URL as graph name and the final URL as provenance.
        let moved = try #require(stored.first { $0.graph == server.base + "/moved" })
        #expect(moved.source == server.base + "/catalog")
        await server.close()
    }

    @Test func failuresAreReportedByCategory() async throws {
        let server = try await TestHTTPServer(routes: Self.routes)
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let limits = FetchLimits(connectTimeout: .seconds(2), readTimeout: .seconds(1), totalTimeout: .seconds(2), maxRedirects: 3)
        let urls = ["/gone", "/down", "/loop", "/broken", "/hang"].map { server.base + $0 }
        await server.close()
        let live = try await TestHTTPServer(routes: Self.routes)
        let liveURLs = urls.map { $0.replacingOccurrences(of: server.base, with: live.base) }
        let refused = server.base + "/catalog"
        let report = try await harvester(dir, limits: limits).harvest(liveURLs + [refused])
        let categories = report.sources.map { $0.errors.first?.category }
        #expect(categories == [.notFound, .unavailable, .unavailable, .invalidData, .unavailable, .unavailable])
        #expect(report.sources[3].errors.first?.message.contains(":2:") == true)
        #expect(report.sources.allSatisfy { $0.status == .failed || $0.status == .invalid })
        #expect(try SQLiteQuadStore(path: dir + "/store.sqlite").graphs().isEmpty)
        await live.close()
    }

    @Test func bodyOverTheSizeLimitIsRefused() async throws {
        let server = try await TestHTTPServer(routes: Self.routes)
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try await harvester(dir, limits: FetchLimits(maxBytes: 1000)).harvest([server.base + "/catalog"])
        #expect(report.sources.first?.errors.first?.category == .unavailable)
        #expect(report.sources.first?.errors.first?.message.contains("limit") == true)
        await server.close()
    }
}
