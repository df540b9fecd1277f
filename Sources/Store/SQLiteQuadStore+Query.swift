import GRDB
import RDF

extension SQLiteQuadStore {
    public func quads(matching pattern: QuadPattern) throws -> [Quad] {
        try guarded {
            try queue.read { db in
                guard let (clause, arguments) = try Self.whereClause(pattern, db) else { return [] }
                let rows = try Row.fetchAll(db, sql: "SELECT g, s, p, o FROM quad\(clause)", arguments: arguments)
                var decoder = try TermDecoder(db)
                return try rows.map { row in
                    Quad(try decoder.term(row[1]), try decoder.term(row[2]), try decoder.term(row[3]), graph: try decoder.term(row[0]))
                }
            }
        }
    }

    public func count(matching pattern: QuadPattern) throws -> Int {
        try guarded {
            try queue.read { db in
                guard let (clause, arguments) = try Self.whereClause(pattern, db) else { return 0 }
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM quad\(clause)", arguments: arguments) ?? 0
            }
        }
    }

    /// The `WHERE` clause for a pattern, or nil when a bound term is not in the store
    /// (so nothing can match).
    static func whereClause(_ pattern: QuadPattern, _ db: Database) throws -> (String, StatementArguments)? {
        var conditions: [String] = []
        var arguments: [Int64] = []
        let bound: [(String, Term?)] = [("g", pattern.graph.map { .iri($0) }), ("s", pattern.subject),
                                         ("p", pattern.predicate), ("o", pattern.object)]
        for (column, term) in bound {
            guard let term else { continue }
            guard let id = try TermInterner.existingID(TermColumns(term), in: db) else { return nil }
            conditions.append("\(column) = ?")
            arguments.append(id)
        }
        let clause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return (clause, StatementArguments(arguments))
    }
}

/// Turns term ids back into terms, remembering those it has seen.
struct TermDecoder {
    let db: Database
    private var cache: [Int64: Term] = [:]
    private let select: Statement

    init(_ db: Database) throws {
        self.db = db
        select = try db.makeStatement(sql: "SELECT kind, value, datatype, language FROM term WHERE id = ?")
    }

    mutating func term(_ id: Int64) throws -> Term {
        if let term = cache[id] { return term }
        guard let row = try Row.fetchOne(select, arguments: [id]) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "quad refers to missing term \(id)")
        }
        let term = TermColumns(kind: row[0], value: row[1], datatype: row[2], language: row[3]).term
        cache[id] = term
        return term
    }
}
