import Foundation
import RDF
import RDFIO
import Store

/// A store in a fresh temporary folder, removed when `body` returns.
func withTemporaryStore<T>(_ body: (SQLiteQuadStore, String) throws -> T) throws -> T {
    let folder = NSTemporaryDirectory() + "samsvar-store-test-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = try SQLiteQuadStore(path: folder + "/store.sqlite")
    return try body(store, folder)
}

/// An in-memory Turtle source.
func turtle(_ text: String, location: String = "memory.ttl") -> ImportSource {
    ImportSource(bytes: Array(text.utf8), format: .turtle, base: "http://example.org/", location: location)
}

/// The triples of quads, their graph names dropped.
func triples(_ quads: [Quad]) -> [Quad] {
    quads.map { Quad($0.subject, $0.predicate, $0.object) }
}
