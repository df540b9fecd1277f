import RDF
import Store

/// The SKOS hierarchy of the themes in a store, for finding datasets by a broad theme.
///
/// A theme stands for itself and every narrower concept, transitively, by `skos:narrower`
/// and (inverted) `skos:broader` from any graph: LOS `tema/helse-og-omsorg` covers
/// `tema/folkehelse` and the LOS word `ord/allergi` under it. A LOS life event
/// (`hendelse/…`, `skos:inScheme <https://psi.norge.no/los/ontologi/hendelse>`) has no
/// narrower concepts; it stands for the words and themes it is `skos:related` to, and their
/// narrower ones. Cycles are harmless.
public struct ThemeIndex: Sendable {
    /// The LOS scheme of themes (`https://psi.norge.no/los/tema/…`).
    public static let losThemeScheme = "https://psi.norge.no/los/ontologi/tema"
    /// The LOS scheme of life events (`https://psi.norge.no/los/hendelse/…`).
    public static let losEventScheme = "https://psi.norge.no/los/ontologi/hendelse"
    /// The LOS scheme of words (`https://psi.norge.no/los/ord/…`).
    public static let losWordScheme = "https://psi.norge.no/los/ontologi/ord"

    /// Concept → its narrower concepts, sorted.
    private(set) var narrower: [TermID: [TermID]]
    /// Life event → the concepts it is related to, sorted.
    private(set) var related: [TermID: [TermID]]

    /// Reads the hierarchy from every graph of `store`.
    public init(store: any QuadStore) throws {
        let names = [DCATTerms.narrower, DCATTerms.broader, DCATTerms.related, DCATTerms.inScheme, Self.losEventScheme]
        let ids = try store.termIDs(names.map { .iri($0) })
        guard let inScheme = ids[3] else {
            self.init(narrower: [:], related: [:])
            return
        }
        let (narrowerP, broaderP, relatedP) = (ids[0], ids[1], ids[2])
        var events = Set<TermID>()
        if let eventScheme = ids[4] {
            for q in try store.idQuads(predicates: [inScheme], objects: [eventScheme]) { events.insert(q.subject) }
        }
        var narrower: [TermID: Set<TermID>] = [:]
        var related: [TermID: Set<TermID>] = [:]
        for q in try store.idQuads(predicates: [narrowerP, broaderP, relatedP].compactMap { $0 }, objects: nil) {
            if q.predicate == narrowerP {
                narrower[q.subject, default: []].insert(q.object)
            } else if q.predicate == broaderP {
                narrower[q.object, default: []].insert(q.subject)
            } else {
                if events.contains(q.subject) { related[q.subject, default: []].insert(q.object) }
                if events.contains(q.object) { related[q.object, default: []].insert(q.subject) }
            }
        }
        self.init(narrower: narrower.mapValues { $0.sorted() }, related: related.mapValues { $0.sorted() })
    }

    init(narrower: [TermID: [TermID]], related: [TermID: [TermID]]) {
        self.narrower = narrower
        self.related = related
    }

    /// True for a LOS life event (one related to some concept).
    public func isLifeEvent(_ concept: TermID) -> Bool { related[concept] != nil }

    /// The concept and everything it covers: narrower concepts transitively; for a life
    /// event, the concepts it is related to and everything they cover.
    public func expansion(of concept: TermID) -> Set<TermID> {
        var found: Set<TermID> = [concept]
        var pending = [concept] + (related[concept] ?? [])
        for r in related[concept] ?? [] { found.insert(r) }
        while let next = pending.popLast() {
            for n in narrower[next] ?? [] where found.insert(n).inserted { pending.append(n) }
        }
        return found
    }
}
