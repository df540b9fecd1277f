import GRDB
import RDF

extension SQLiteQuadStore {
    public func search(_ text: String, language: String?, limit: Int = 100) throws -> [TextMatch] {
        let query = Self.ftsQuery(text)
        guard !query.isEmpty else { return [] }
        var sql = """
            SELECT q.s, q.p, q.o, q.g FROM literal_text JOIN quad q ON q.o = literal_text.rowid
            WHERE literal_text MATCH ?
            """
        var arguments: StatementArguments = [query]
        if let language {
            sql += " AND (lower(literal_text.language) = ? OR lower(literal_text.language) LIKE ?)"
            let tag = language.lowercased()
            arguments += [tag, tag + "-%"]
        }
        sql += " ORDER BY literal_text.rank, q.o, q.s, q.p, q.g LIMIT ?"
        arguments += [limit]
        return try guarded {
            try queue.read { db in
                var decoder = try TermDecoder(db)
                return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row -> TextMatch? in
                    guard case .literal(let literal) = try decoder.term(row[2]),
                          case .iri(let graph) = try decoder.term(row[3]) else { return nil }
                    return TextMatch(subject: try decoder.term(row[0]), predicate: try decoder.term(row[1]),
                                     literal: literal, graph: graph)
                }
            }
        }
    }

    /// An FTS5 query matching every word of `text`, each quoted so no word is taken as
    /// FTS5 syntax; the last word also matches as a prefix.
    static func ftsQuery(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map { word in
            "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        guard let last = words.last else { return "" }
        return (words.dropLast() + [last + "*"]).joined(separator: " ")
    }
}
