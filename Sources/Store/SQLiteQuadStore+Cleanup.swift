import GRDB
import RDF

extension SQLiteQuadStore {
    /// Notes the terms graph `g` uses, before its quads are deleted, as candidates for
    /// `dropUnusedTerms` (in the temporary table `dropped`, inside the caller's transaction).
    static func noteTermsOfGraph(_ g: Int64, _ db: Database) throws {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS dropped (id INTEGER PRIMARY KEY)")
        try db.execute(sql: """
            INSERT OR IGNORE INTO dropped (id)
            SELECT s FROM quad WHERE g = ?1 UNION SELECT p FROM quad WHERE g = ?1
            UNION SELECT o FROM quad WHERE g = ?1 UNION SELECT ?1
            """, arguments: [g])
    }

    /// Deletes the noted terms no quad and no graph uses any more, with their full-text
    /// entries, so replacing or deleting graphs does not leave the dictionary and the
    /// search index growing with dead terms (the blank nodes of a replaced graph above all).
    static func dropUnusedTerms(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM dropped WHERE EXISTS (SELECT 1 FROM quad WHERE s = dropped.id)
                OR EXISTS (SELECT 1 FROM quad WHERE p = dropped.id)
                OR EXISTS (SELECT 1 FROM quad WHERE o = dropped.id)
                OR EXISTS (SELECT 1 FROM quad WHERE g = dropped.id)
                OR EXISTS (SELECT 1 FROM graph WHERE id = dropped.id)
            """)
        // FTS5 external content: an entry is removed by the 'delete' command with its
        // indexed values (https://www.sqlite.org/fts5.html#the_delete_command).
        try db.execute(sql: """
            INSERT INTO literal_text (literal_text, rowid, value, language)
            SELECT 'delete', t.id, t.value, t.language FROM term t JOIN dropped d ON d.id = t.id
            WHERE t.kind = ? AND t.datatype IN (?, ?)
            """, arguments: [TermColumns.literal, XSD.string, RDFVocabulary.langString])
        try db.execute(sql: "DELETE FROM term WHERE id IN (SELECT id FROM dropped)")
        try db.execute(sql: "DELETE FROM dropped")
    }
}
