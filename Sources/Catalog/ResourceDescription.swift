import RDF
import Store

/// The statements about one resource from every graph of a store except the harvest's
/// validation reports (`<graph>#validation`), by predicate, each object once.
struct ResourceDescription {
    let subject: Term
    private(set) var objects: [String: [Term]] = [:]
    /// The graphs the statements come from, sorted.
    private(set) var graphs: [String] = []

    init(_ subject: Term, in store: any QuadStore) throws {
        self.subject = subject
        var seen = Set<Quad>()
        var graphs = Set<String>()
        for quad in try store.quads(matching: QuadPattern(subject: subject)) {
            guard case .iri(let graph)? = quad.graph, !Self.isValidationGraph(graph) else { continue }
            graphs.insert(graph)
            guard case .iri(let p) = quad.predicate, seen.insert(Quad(quad.subject, quad.predicate, quad.object)).inserted else { continue }
            objects[p, default: []].append(quad.object)
        }
        for p in objects.keys { objects[p]?.sort { Self.sortKey($0) < Self.sortKey($1) } }
        self.graphs = graphs.sorted()
    }

    /// True when nothing is said about the subject.
    var isEmpty: Bool { objects.isEmpty }

    func terms(_ predicate: String) -> [Term] { objects[predicate] ?? [] }

    func literals(_ predicate: String) -> [Literal] { terms(predicate).compactMap(\.literalValue) }

    /// IRIs (and the lexical forms of literals, for data that writes URLs as strings).
    func links(_ predicate: String) -> [String] {
        terms(predicate).compactMap { term in
            switch term {
            case .iri(let iri): iri
            case .literal(let l): l.lexicalForm
            case .blankNode: nil
            }
        }
    }

    /// The lexical form of the first literal (dates, sizes).
    func firstLexical(_ predicate: String) -> String? { literals(predicate).first?.lexicalForm }

    var types: Set<String> {
        Set(terms(DCATTerms.type).compactMap { term -> String? in
            if case .iri(let iri) = term { return iri }
            return nil
        })
    }

    static func isValidationGraph(_ graph: String) -> Bool { graph.hasSuffix(Harvester.validationSuffix) }

    /// How a term is shown and sorted: the IRI, `_:label`, or the literal's text.
    static func sortKey(_ term: Term) -> String {
        switch term {
        case .iri(let iri): iri
        case .blankNode(let label): "_:" + label
        case .literal(let l): l.lexicalForm + "@" + (l.language ?? "") + "^^" + l.datatype
        }
    }

    /// The type/subtype of an IANA media type IRI
    /// (`https://www.iana.org/assignments/media-types/application/json` → `application/json`),
    /// a better label than the table's `dct:title` (`json`).
    static func mediaTypeName(_ iri: String) -> String? {
        for prefix in ["https://www.iana.org/assignments/media-types/", "http://www.iana.org/assignments/media-types/"]
        where iri.hasPrefix(prefix) && iri.count > prefix.count {
            return String(iri.dropFirst(prefix.count))
        }
        return nil
    }

    /// A term as a user names it: `_:label` for a blank node, else an IRI.
    static func term(named name: String) -> Term {
        name.hasPrefix("_:") ? .blankNode(String(name.dropFirst(2))) : .iri(name)
    }

    /// The name of an IRI or blank node (`_:label`); nil for a literal.
    static func name(of term: Term) -> String? {
        switch term {
        case .iri(let iri): iri
        case .blankNode(let label): "_:" + label
        case .literal: nil
        }
    }
}
