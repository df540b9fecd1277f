import GRDB
import RDF

/// Finds or adds terms in the `term` table inside one write transaction, through
/// prepared statements; new string literals also go into the full-text index.
struct TermInterner {
    let db: Database
    private let insert: Statement
    private let select: Statement
    private let index: Statement

    init(_ db: Database) throws {
        self.db = db
        insert = try db.makeStatement(sql: "INSERT INTO term (kind, value, datatype, language) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
        select = try db.makeStatement(sql: "SELECT id FROM term WHERE kind = ? AND value = ? AND datatype = ? AND language = ?")
        index = try db.makeStatement(sql: "INSERT INTO literal_text (rowid, value, language) VALUES (?, ?, ?)")
    }

    /// The id of a term, adding it when new.
    func id(_ term: TermColumns) throws -> Int64 {
        let arguments: StatementArguments = [term.kind, term.value, term.datatype, term.language]
        try insert.execute(arguments: arguments)
        if db.changesCount == 1 {
            let id = db.lastInsertedRowID
            if term.isText { try index.execute(arguments: [id, term.value, term.language]) }
            return id
        }
        guard let id = try Int64.fetchOne(select, arguments: arguments) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "term table lost a term")
        }
        return id
    }

    /// The id of a term if the store holds it.
    static func existingID(_ term: TermColumns, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM term WHERE kind = ? AND value = ? AND datatype = ? AND language = ?",
                           arguments: [term.kind, term.value, term.datatype, term.language])
    }
}
