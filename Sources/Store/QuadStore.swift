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

    // MARK: By term id, in batches (for indexes built over the whole store)

    /// The ids of `terms`, in the order given; `nil` for a term the store does not hold.
    func termIDs(_ terms: [Term]) throws -> [TermID?]

    /// The terms of `ids`; ids the store does not hold are left out.
    func terms(_ ids: [TermID]) throws -> [TermID: Term]

    /// Every quad whose predicate is one of `predicates` and whose object is one of
    /// `objects` (any object when `nil`), in every graph.
    func idQuads(predicates: [TermID], objects: [TermID]?) throws -> [IDQuad]

    /// The quads whose subject is one of `subjects` and whose predicate is one of
    /// `predicates` (any predicate when `nil`), in every graph.
    func idQuads(subjects: [TermID], predicates: [TermID]?) throws -> [IDQuad]

    /// The string literals (plain or language-tagged) with `word` among the words of their
    /// text, or with a word starting with it when `prefix` is true. Words are as the
    /// full-text index cuts them: runs of Unicode letters and digits, compared case-folded.
    func literalIDs(containing word: String, prefix: Bool) throws -> [TermID]

    // MARK: Derived data (indexes and caches computed from the store's content)

    /// A number that changes whenever a graph is imported, replaced or deleted.
    func generation() throws -> Int64

    /// Calls `body` with the bytes saved under `name`, read in place (valid only during the
    /// call), if they were computed at the current `generation()`; returns nil without
    /// calling it otherwise.
    func withDerivedData<T>(named name: String, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T?

    /// Saves `bytes` under `name` as computed at `generation`; saves nothing and returns
    /// false when a graph has changed since (the bytes would be stale already).
    @discardableResult
    func saveDerivedData(_ bytes: [UInt8], named name: String, generation: Int64) throws -> Bool
}

extension QuadStore {
    /// A copy of the bytes saved under `name`, if they were computed at the current `generation()`.
    public func derivedData(named name: String) throws -> [UInt8]? {
        try withDerivedData(named: name) { [UInt8]($0) }
    }
}
