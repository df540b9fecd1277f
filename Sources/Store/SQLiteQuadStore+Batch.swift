import GRDB
import RDF

/// Look-ups by term id, many at a time: what indexes over the whole store are built with.
extension SQLiteQuadStore {
    /// Ids per `IN (…)` list: well within SQLite's limit on parameters.
    static let batchIDs = 500

    public func termIDs(_ terms: [Term]) throws -> [TermID?] {
        try guarded {
            try queue.read { db in
                let select = try db.makeStatement(sql: "SELECT id FROM term WHERE kind = ? AND value = ? AND datatype = ? AND language = ?")
                return try terms.map { term in
                    let c = TermColumns(term)
                    return try Int64.fetchOne(select, arguments: [c.kind, c.value, c.datatype, c.language]).map(TermID.init(rawValue:))
                }
            }
        }
    }

    public func terms(_ ids: [TermID]) throws -> [TermID: Term] {
        let distinct = Array(Set(ids.map(\.rawValue))).sorted()
        return try guarded {
            try queue.read { db in
                var found: [TermID: Term] = [:]
                found.reserveCapacity(distinct.count)
                for chunk in Self.chunks(distinct) {
                    let sql = "SELECT id, kind, value, datatype, language FROM term WHERE id IN (\(Self.placeholders(chunk.count)))"
                    let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(chunk))
                    while let row = try rows.next() {
                        found[TermID(rawValue: row[0])] = TermColumns(kind: row[1], value: row[2], datatype: row[3], language: row[4]).term
                    }
                }
                return found
            }
        }
    }

    public func idQuads(predicates: [TermID], objects: [TermID]?) throws -> [IDQuad] {
        let objectIDs = objects.map { Set($0.map(\.rawValue)).sorted() }
        return try guarded {
            try queue.read { db in
                let byPredicate = try db.makeStatement(sql: "SELECT g, s, p, o FROM quad WHERE p = ?")
                let byPredicateObject = try db.makeStatement(sql: "SELECT g, s, p, o FROM quad WHERE p = ? AND o = ?")
                var quads: [IDQuad] = []
                for p in Set(predicates.map(\.rawValue)).sorted() {
                    guard let objectIDs else {
                        try Self.collect(byPredicate, arguments: [p], into: &quads)
                        continue
                    }
                    for o in objectIDs { try Self.collect(byPredicateObject, arguments: [p, o], into: &quads) }
                }
                return quads
            }
        }
    }

    public func idQuads(subjects: [TermID], predicates: [TermID]?) throws -> [IDQuad] {
        let subjectIDs = Array(Set(subjects.map(\.rawValue))).sorted()
        let predicateIDs = predicates.map { Array(Set($0.map(\.rawValue))).sorted() }
        if predicateIDs?.isEmpty == true { return [] }
        return try guarded {
            try queue.read { db in
                var quads: [IDQuad] = []
                let chunkSize = max(1, Self.batchIDs - (predicateIDs?.count ?? 0))
                for chunk in Self.chunks(subjectIDs, size: chunkSize) {
                    var sql = "SELECT g, s, p, o FROM quad WHERE s IN (\(Self.placeholders(chunk.count)))"
                    var arguments = chunk
                    if let predicateIDs {
                        sql += " AND p IN (\(Self.placeholders(predicateIDs.count)))"
                        arguments += predicateIDs
                    }
                    try Self.collect(try db.makeStatement(sql: sql), arguments: StatementArguments(arguments), into: &quads)
                }
                return quads
            }
        }
    }

    public func literalIDs(containing word: String, prefix: Bool) throws -> [TermID] {
        guard !word.isEmpty else { return [] }
        let query = "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? "*" : "")
        return try guarded {
            try queue.read { db in
                try Int64.fetchAll(db, sql: "SELECT rowid FROM literal_text WHERE literal_text MATCH ?", arguments: [query])
                    .map(TermID.init(rawValue:))
            }
        }
    }

    /// Appends the rows of a `SELECT g, s, p, o` statement as quads.
    private static func collect(_ statement: Statement, arguments: StatementArguments, into quads: inout [IDQuad]) throws {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            quads.append(IDQuad(graph: TermID(rawValue: row[0]), subject: TermID(rawValue: row[1]),
                                predicate: TermID(rawValue: row[2]), object: TermID(rawValue: row[3])))
        }
    }

    private static func chunks(_ ids: [Int64], size: Int = batchIDs) -> [ArraySlice<Int64>] {
        stride(from: 0, to: ids.count, by: size).map { ids[$0..<min($0 + size, ids.count)] }
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
