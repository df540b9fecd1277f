import Foundation
import GRDB
import RDF

extension SQLiteQuadStore {
    /// Parses all of `source` first, then replaces the graph in one write transaction.
    @discardableResult
    public func importGraph(_ source: ImportSource, into graph: String) throws -> GraphInfo {
        let parsed = try ParsedSource(source)
        let hash = source.contentHash
        let importedAt = ISO8601DateFormatter().string(from: Date())
        return try guarded {
            try queue.write { db in
                let interner = try TermInterner(db)
                let g = try interner.id(TermColumns(.iri(graph)))
                try Self.noteTermsOfGraph(g, db)
                try db.execute(sql: "DELETE FROM quad WHERE g = ?", arguments: [g])
                let scope = "g\(g)."
                var ids: [Int64] = []
                ids.reserveCapacity(parsed.terms.count)
                for term in parsed.terms { ids.append(try interner.id(TermColumns(term, blankScope: scope))) }

                // Sorted and distinct, so the B-trees fill in order and the count is exact.
                var rows: [SPO] = []
                rows.reserveCapacity(parsed.tripleCount)
                var i = 0
                while i < parsed.triples.count {
                    rows.append(SPO(s: ids[Int(parsed.triples[i])], p: ids[Int(parsed.triples[i + 1])], o: ids[Int(parsed.triples[i + 2])]))
                    i += 3
                }
                rows.sort()
                var distinct: [SPO] = []
                distinct.reserveCapacity(rows.count)
                for row in rows where row != distinct.last { distinct.append(row) }
                // A source larger than everything stored: the secondary indexes are built
                // afresh by sorting (CREATE INDEX) instead of a random B-tree insert per row.
                let stored = try Int.fetchOne(db, sql: "SELECT coalesce(sum(triple_count), 0) FROM graph") ?? 0
                let rebuild = distinct.count >= Self.rebuildThreshold && distinct.count > stored
                if rebuild { try db.execute(sql: Self.dropSecondaryIndexes) }
                try Self.insert(distinct, graph: g, db)
                if rebuild { try db.execute(sql: Self.createSecondaryIndexes) }
                let info = GraphInfo(graph: graph, source: source.provenance, importedAt: importedAt, contentHash: hash,
                                     format: source.format.rawValue, tripleCount: distinct.count)
                try db.execute(sql: """
                    INSERT OR REPLACE INTO graph (id, iri, source, imported_at, content_hash, format, triple_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [g, graph, info.source, info.importedAt, info.contentHash, info.format, info.tripleCount])
                try Self.dropUnusedTerms(db)
                return info
            }
        }
    }
}

extension SQLiteQuadStore {
    /// Sources of at least this many triples may rebuild the secondary indexes.
    static let rebuildThreshold = 50_000
    static let dropSecondaryIndexes = "DROP INDEX quad_spog; DROP INDEX quad_posg; DROP INDEX quad_ospg"
    static let createSecondaryIndexes = """
        CREATE INDEX quad_spog ON quad (s, p, o, g);
        CREATE INDEX quad_posg ON quad (p, o, s, g);
        CREATE INDEX quad_ospg ON quad (o, s, p, g);
        """

    /// Rows per `INSERT` statement: fewer statement steps, and within SQLite's limit of
    /// 32,766 parameters.
    static let batchRows = 256

    /// Inserts the triples as quads of graph `g`, `batchRows` to a prepared statement.
    static func insert(_ rows: [SPO], graph g: Int64, _ db: Database) throws {
        let placeholders = Array(repeating: "(?, ?, ?, ?)", count: batchRows).joined(separator: ", ")
        let batch = try db.makeStatement(sql: "INSERT INTO quad (g, s, p, o) VALUES " + placeholders)
        var values: [Int64] = []
        values.reserveCapacity(batchRows * 4)
        var start = 0
        while start + batchRows <= rows.count {
            values.removeAll(keepingCapacity: true)
            for row in rows[start..<start + batchRows] { values += [g, row.s, row.p, row.o] }
            try batch.execute(arguments: StatementArguments(values))
            start += batchRows
        }
        let single = try db.makeStatement(sql: "INSERT INTO quad (g, s, p, o) VALUES (?, ?, ?, ?)")
        for row in rows[start...] { try single.execute(arguments: [g, row.s, row.p, row.o]) }
    }
}

/// A triple of term ids, ordered subject, predicate, object.
struct SPO: Comparable {
    var s: Int64
    var p: Int64
    var o: Int64

    static func < (a: SPO, b: SPO) -> Bool {
        a.s != b.s ? a.s < b.s : a.p != b.p ? a.p < b.p : a.o < b.o
    }
}
