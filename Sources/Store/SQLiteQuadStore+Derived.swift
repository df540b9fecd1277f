import Foundation
import GRDB

/// Derived data: bytes computed from the store's content (the catalogue's search index)
/// and kept in it, valid for one generation of the store.
///
/// The generation is a counter in `derived_generation` that triggers on the `graph` table
/// bump on every import, replacement and deletion of a graph, so whatever writes graphs
/// needs to know nothing about derived data. The table, its triggers and `derived (name,
/// generation, bytes)` are created the first time a generation is asked for.
extension SQLiteQuadStore {
    public func generation() throws -> Int64 {
        try guarded {
            if let value = try queue.read({ db in try Self.currentGeneration(db) }) { return value }
            return try queue.write { db in
                try db.execute(sql: Self.derivedSchema)
                return try Self.currentGeneration(db) ?? 0
            }
        }
    }

    public func withDerivedData<T>(named name: String, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T? {
        try guarded {
            try queue.read { db in
                guard try Self.currentGeneration(db) != nil else { return nil }
                // A cursor's row reads the blob where SQLite has it: no copy.
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT d.bytes FROM derived d JOIN derived_generation g ON g.id = 1 AND d.generation = g.value
                    WHERE d.name = ?
                    """, arguments: [name])
                guard let row = try rows.next() else { return nil }
                return try row.withUnsafeData(atIndex: 0) { data in
                    try (data ?? Data()).withUnsafeBytes { try body($0) }
                }
            }
        }
    }

    @discardableResult
    public func saveDerivedData(_ bytes: [UInt8], named name: String, generation: Int64) throws -> Bool {
        try guarded {
            try queue.write { db in
                try db.execute(sql: Self.derivedSchema)
                guard try Self.currentGeneration(db) == generation else { return false }
                // Whatever was computed at an earlier generation can never be read again.
                try db.execute(sql: "DELETE FROM derived WHERE generation != ?", arguments: [generation])
                try db.execute(sql: "INSERT OR REPLACE INTO derived (name, generation, bytes) VALUES (?, ?, ?)",
                               arguments: [name, generation, Data(bytes)])
                return true
            }
        }
    }

    /// The generation, or nil when the derived-data tables have not been created yet.
    private static func currentGeneration(_ db: Database) throws -> Int64? {
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'derived_generation'") == 1 else {
            return nil
        }
        return try Int64.fetchOne(db, sql: "SELECT value FROM derived_generation WHERE id = 1")
    }

    private static let derivedSchema = """
        CREATE TABLE IF NOT EXISTS derived_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
        INSERT OR IGNORE INTO derived_generation (id, value) VALUES (1, 0);
        CREATE TRIGGER IF NOT EXISTS graph_inserted_generation AFTER INSERT ON graph
            BEGIN UPDATE derived_generation SET value = value + 1 WHERE id = 1; END;
        CREATE TRIGGER IF NOT EXISTS graph_updated_generation AFTER UPDATE ON graph
            BEGIN UPDATE derived_generation SET value = value + 1 WHERE id = 1; END;
        CREATE TRIGGER IF NOT EXISTS graph_deleted_generation AFTER DELETE ON graph
            BEGIN UPDATE derived_generation SET value = value + 1 WHERE id = 1; END;
        CREATE TABLE IF NOT EXISTS derived (
            name TEXT PRIMARY KEY,
            generation INTEGER NOT NULL,
            bytes BLOB NOT NULL
        );
        """
}
