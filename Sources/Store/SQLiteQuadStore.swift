import Foundation
import GRDB
import RDF

/// The embedded `QuadStore`: one SQLite file through GRDB, in WAL mode.
///
/// Tables: `term` (the term dictionary: kind, lexical form or IRI, datatype, language;
/// unique), `quad` (graph, subject, predicate, object as term ids; primary key gspo,
/// indexes spog, posg, ospg, so every pattern has an index with its bound positions
/// first), `graph` (provenance per named graph) and `literal_text` (FTS5 over string
/// literals, external content on `term`). `PRAGMA application_id` marks the file as a
/// Samsvar store and `PRAGMA user_version` holds the schema version.
public final class SQLiteQuadStore: QuadStore {
    /// The schema version this build writes and reads.
    public static let schemaVersion = 1
    /// `PRAGMA application_id` of a Samsvar store: "Smsv".
    static let applicationID: Int32 = 0x536D_7376

    /// The store file.
    public let path: String
    let queue: DatabaseQueue

    public init(path: String) throws {
        self.path = path
        try StoreLocation.createFolder(for: path)
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.storeError(error, path: path)
        }
        try guarded { try queue.writeWithoutTransaction { db in try self.prepareSchema(db) } }
    }

    /// Runs `body`, turning SQLite failures into `StoreError`s naming the store.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    static func storeError(_ error: any Error, path: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_NOTADB: return StoreError.notADatabase(path: path)
        case .SQLITE_CORRUPT: return StoreError.database(path: path, message: "the store is corrupt: \(error.message ?? "\(error)")")
        default: return StoreError.database(path: path, message: error.message ?? "\(error)")
        }
    }

    /// Creates the schema in an empty file, or checks that the file is a store of a
    /// version this build reads.
    private func prepareSchema(_ db: Database) throws {
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        if application == 0 && version == 0 && objects == 0 {
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.inTransaction {
                try db.execute(sql: Self.schema)
                try db.execute(sql: "PRAGMA application_id = \(Self.applicationID); PRAGMA user_version = \(Self.schemaVersion)")
                return .commit
            }
            return
        }
        guard application == Self.applicationID else { throw StoreError.foreignDatabase(path: path) }
        guard version <= Self.schemaVersion else { throw StoreError.unsupportedVersion(path: path, version: version) }
        try db.execute(sql: "PRAGMA journal_mode = WAL")
    }

    static let schema = """
        CREATE TABLE term (
            id INTEGER PRIMARY KEY,
            kind INTEGER NOT NULL,            -- 0 IRI, 1 blank node, 2 literal
            value TEXT NOT NULL,              -- IRI, blank node label or lexical form
            datatype TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            UNIQUE (kind, value, datatype, language)
        );
        CREATE TABLE quad (
            g INTEGER NOT NULL, s INTEGER NOT NULL, p INTEGER NOT NULL, o INTEGER NOT NULL,
            PRIMARY KEY (g, s, p, o)
        ) WITHOUT ROWID;
        CREATE INDEX quad_spog ON quad (s, p, o, g);
        CREATE INDEX quad_posg ON quad (p, o, s, g);
        CREATE INDEX quad_ospg ON quad (o, s, p, g);
        CREATE TABLE graph (
            id INTEGER PRIMARY KEY,           -- the graph IRI's term id
            iri TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            content_hash TEXT NOT NULL,       -- ByteHash of the source bytes, 16 hex digits
            format TEXT NOT NULL,
            triple_count INTEGER NOT NULL
        );
        CREATE VIRTUAL TABLE literal_text USING fts5(
            value, language UNINDEXED, content = 'term', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 0'
        );
        """

    public func graphs() throws -> [GraphInfo] {
        try guarded {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT iri, source, imported_at, content_hash, format, triple_count FROM graph ORDER BY iri")
                    .map { row in
                        GraphInfo(graph: row[0], source: row[1], importedAt: row[2], contentHash: row[3],
                                  format: row[4], tripleCount: row[5])
                    }
            }
        }
    }

    @discardableResult
    public func deleteGraph(_ graph: String) throws -> Bool {
        try guarded {
            try queue.write { db in
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM graph WHERE iri = ?", arguments: [graph]) else {
                    return false
                }
                try Self.noteTermsOfGraph(id, db)
                try db.execute(sql: "DELETE FROM quad WHERE g = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM graph WHERE id = ?", arguments: [id])
                try Self.dropUnusedTerms(db)
                return true
            }
        }
    }
}

extension SQLiteQuadStore {
    /// How many distinct terms the dictionary holds (graph names included).
    public func termCount() throws -> Int {
        try guarded { try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM term") ?? 0 } }
    }

    /// Runs SQLite's `PRAGMA integrity_check`; true when the file is sound.
    public func integrityCheck() throws -> Bool {
        try guarded { try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"] } }
    }
}
