import Foundation
import RDF
import Store
import Testing

/// Imports are transactions: a `samsvar import` killed part-way leaves the store as it was.
@Suite("samsvar import under SIGKILL")
struct StoreKillTests {
    /// About 300,000 triples of N-Triples.
    static func bigNTriples() -> String {
        var text = ""
        text.reserveCapacity(36 << 20)
        for i in 0..<100_000 {
            let s = "<http://example.org/dataset/\(i)>"
            text += "\(s) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .\n"
            text += "\(s) <http://purl.org/dc/terms/title> \"Datasett nummer \(i) om blåbær og økonomi\"@nb .\n"
            text += "\(s) <http://purl.org/dc/terms/identifier> \"\(i)\" .\n"
        }
        return text
    }

    @Test(.timeLimit(.minutes(3)))
    func killedImportLeavesThePreviousContent() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = dir + "/store.sqlite"
        let small = dir + "/small.ttl"
        try "<http://example.org/a> <http://example.org/p> \"før\"@nb , <http://example.org/b> .\n"
            .write(toFile: small, atomically: true, encoding: .utf8)
        let graph = "urn:test:kept"
        let first = try samsvar(["import", small, "--store", store, "--graph", graph])
        try #require(first.status == 0, "\(first.stderr)")
        let (graphsBefore, quadsBefore) = try {
            let before = try SQLiteQuadStore(path: store)   // closed again before the import starts
            return (try before.graphs(), Set(try before.quads(matching: .all)))
        }()
        #expect(quadsBefore.count == 2)

        let big = dir + "/big.nt"
        try Self.bigNTriples().write(toFile: big, atomically: true, encoding: .utf8)
        // Replace the same graph, so a half-written transaction would show.
        let process = Process()
        process.executableURL = samsvarBinary
        process.arguments = ["import", big, "--store", store, "--graph", graph]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill as soon as the write transaction puts its first page into the WAL (the
        // file exists, empty, from the moment the store is opened), well before commit.
        let wal = store + "-wal"
        var killedInWrite = false
        let deadline = Date().addingTimeInterval(150)
        while process.isRunning && Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if size > 0 {
                kill(process.processIdentifier, SIGKILL)
                killedInWrite = true
                break
            }
            usleep(2_000)
        }
        if !killedInWrite && process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(killedInWrite, "the import ended before it could be killed part-way")
        #expect(process.terminationReason == .uncaughtSignal)

        let after = try SQLiteQuadStore(path: store)
        #expect(try after.integrityCheck())
        #expect(try after.graphs() == graphsBefore)
        #expect(Set(try after.quads(matching: .all)) == quadsBefore)
        let listed = try samsvar(["store", "graphs", "--store", store])
        #expect(listed.status == 0)
        #expect(listed.stdout.hasPrefix("<\(graph)>\t2 triples\t"))
    }

    @Test func importBadFileExits2AndKeepsTheStore() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = dir + "/store.sqlite"
        let good = dir + "/good.nt", bad = dir + "/bad.nt"
        try "<http://ex/s> <http://ex/p> <http://ex/o> .\n".write(toFile: good, atomically: true, encoding: .utf8)
        try "<http://ex/s> <http://ex/p> <http://ex/o2> .\n<http://ex/s> <http://ex/p> \"x\\u12\" .\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let imported = try samsvar(["import", good, "--store", store, "--graph", "urn:g"])
        #expect(imported.status == 0)
        #expect(imported.stdout == "imported 1 triples into <urn:g>\n")
        let run = try samsvar(["import", bad, "--store", store, "--graph", "urn:g"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("\(bad):2:31: error: "), "\(run.stderr)")
        #expect(try SQLiteQuadStore(path: store).count(matching: .all) == 1)
        let text = dir + "/notes.txt"
        try "not a database at all, but long enough to be looked at by SQLite as a header ........\n"
            .write(toFile: text, atomically: true, encoding: .utf8)
        let foreign = try samsvar(["store", "graphs", "--store", text])
        #expect(foreign.status == 2)
        #expect(foreign.stderr.hasPrefix("\(text): error: not a Samsvar store"), "\(foreign.stderr)")
    }
}
