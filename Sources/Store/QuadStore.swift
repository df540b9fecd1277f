import RDF
import RDFIO

/// A persistent quad store holding one named graph per imported source.
///
/// Callers go through this protocol, so a server-backed implementation (PostgreSQL) can
/// replace the embedded `SQLiteQuadStore` without touching them.
public protocol QuadStore: AnyObject, Sendable {
    /// Opens the store at `path`, creating it when missing; throws `StoreError` for a
    /// file that is not a store of this kind.
    init(path: String) throws

    /// The named graphs held, with their provenance, sorted by graph IRI.
    func graphs() throws -> [GraphInfo]

    /// Imports all of `source` as the graph `graph`, replacing that graph if it exists.
    /// The whole source is parsed before anything is written, and written in one
    /// transaction: a syntax error or a killed process leaves the previous content.
    @discardableResult
    func importGraph(_ source: ImportSource, into graph: String) throws -> GraphInfo

    /// Deletes the graph `graph`; returns false when there was no such graph.
    @discardableResult
    func deleteGraph(_ graph: String) throws -> Bool

    /// The quads matching a pattern (unbound positions match anything).
    func quads(matching pattern: QuadPattern) throws -> [Quad]

    /// How many quads match a pattern.
    func count(matching pattern: QuadPattern) throws -> Int

    /// Full-text search over string literals: the statements whose object matches every
    /// word of `text`, best match first; `language` keeps literals tagged with that
    /// language or a subtag of it (`nb` matches `nb` and `nb-NO`).
    func search(_ text: String, language: String?, limit: Int) throws -> [TextMatch]
}
