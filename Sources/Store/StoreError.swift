/// A store that cannot be opened or used, with the path it concerns.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not an SQLite database at all.
    case notADatabase(path: String)
    /// The file is an SQLite database, but not a Samsvar store.
    case foreignDatabase(path: String)
    /// The store was written by a newer Samsvar with a schema this one does not know.
    case unsupportedVersion(path: String, version: Int)
    /// SQLite refused an operation (cannot open, disk full, locked …).
    case database(path: String, message: String)
    /// No graph of that IRI is in the store.
    case unknownGraph(path: String, graph: String)

    /// The path of the store concerned.
    public var path: String {
        switch self {
        case .notADatabase(let p), .foreignDatabase(let p), .unsupportedVersion(let p, _),
             .database(let p, _), .unknownGraph(let p, _): p
        }
    }

    public var description: String {
        switch self {
        case .notADatabase(let p): "\(p): error: not a Samsvar store (the file is not an SQLite database)"
        case .foreignDatabase(let p): "\(p): error: not a Samsvar store (an SQLite database of another application)"
        case .unsupportedVersion(let p, let v): "\(p): error: store schema version \(v) is newer than this samsvar supports (\(SQLiteQuadStore.schemaVersion))"
        case .database(let p, let m): "\(p): error: \(m)"
        case .unknownGraph(let p, let g): "\(p): error: no graph <\(g)> in the store"
        }
    }
}
