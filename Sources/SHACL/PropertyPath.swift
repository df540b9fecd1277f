import RDF

/// A SHACL property path (SHACL §2.3.1), compiled from its RDF form.
public indirect enum PropertyPath: Hashable, Sendable {
    case predicate(String)
    case inverse(PropertyPath)
    case sequence([PropertyPath])
    case alternative([PropertyPath])
    case zeroOrMore(PropertyPath)
    case oneOrMore(PropertyPath)
    case zeroOrOne(PropertyPath)

    /// The predicate IRI when the path is a single predicate.
    public var predicateIRI: String? {
        if case .predicate(let iri) = self { iri } else { nil }
    }

    /// The path in SPARQL property path syntax, with IRIs shortened by `name`.
    public func sparql(_ name: (String) -> String) -> String {
        switch self {
        case .predicate(let iri): name(iri)
        case .inverse(let p): "^" + p.sparqlOperand(name)
        case .sequence(let ps): ps.map { $0.sparqlOperand(name) }.joined(separator: "/")
        case .alternative(let ps): ps.map { $0.sparqlOperand(name) }.joined(separator: "|")
        case .zeroOrMore(let p): p.sparqlOperand(name) + "*"
        case .oneOrMore(let p): p.sparqlOperand(name) + "+"
        case .zeroOrOne(let p): p.sparqlOperand(name) + "?"
        }
    }

    private func sparqlOperand(_ name: (String) -> String) -> String {
        switch self {
        case .sequence, .alternative: "(" + sparql(name) + ")"
        default: sparql(name)
        }
    }
}

extension PropertyPath {
    /// Reads the path whose RDF form starts at `node` (SHACL §2.3.1: a list is a
    /// sequence path; a blank node with exactly one of the path predicates is that path).
    static func parse(_ node: Term, in shapes: ShapesGraphReader, depth: Int = 0) throws -> PropertyPath {
        guard depth < 64 else { throw ShapesError("property path nested too deeply at \(node)") }
        switch node {
        case .iri(let iri):
            return .predicate(iri)
        case .literal:
            throw ShapesError("a property path cannot be the literal \(node)")
        case .blankNode:
            if shapes.isListNode(node) {
                let members = try shapes.list(node)
                guard members.count >= 2 else { throw ShapesError("a sequence path needs at least two members at \(node)") }
                return .sequence(try members.map { try parse($0, in: shapes, depth: depth + 1) })
            }
            if let alternatives = shapes.object(node, SH.alternativePath) {
                let members = try shapes.list(alternatives)
                guard members.count >= 2 else { throw ShapesError("an alternative path needs at least two members at \(node)") }
                return .alternative(try members.map { try parse($0, in: shapes, depth: depth + 1) })
            }
            let unary: [(String, (PropertyPath) -> PropertyPath)] = [
                (SH.inversePath, PropertyPath.inverse), (SH.zeroOrMorePath, PropertyPath.zeroOrMore),
                (SH.oneOrMorePath, PropertyPath.oneOrMore), (SH.zeroOrOnePath, PropertyPath.zeroOrOne),
            ]
            for (predicate, make) in unary {
                if let inner = shapes.object(node, predicate) {
                    return make(try parse(inner, in: shapes, depth: depth + 1))
                }
            }
            throw ShapesError("\(node) is not a well-formed property path")
        }
    }

    /// The triples that write this path in RDF (fresh blank nodes on every call, so
    /// paths are never shared between results), returning its head node.
    func rdf(_ fresh: () -> Term, into triples: inout [Triple]) -> Term {
        func unary(_ predicate: String, _ inner: PropertyPath) -> Term {
            let node = fresh()
            triples.append(Triple(node, .iri(predicate), inner.rdf(fresh, into: &triples)))
            return node
        }
        func list(_ members: [PropertyPath]) -> Term {
            let heads = members.map { $0.rdf(fresh, into: &triples) }
            var rest: Term = .iri(RDFVocabulary.nil)
            for head in heads.reversed() {
                let cell = fresh()
                triples.append(Triple(cell, .iri(RDFVocabulary.first), head))
                triples.append(Triple(cell, .iri(RDFVocabulary.rest), rest))
                rest = cell
            }
            return rest
        }
        switch self {
        case .predicate(let iri): return .iri(iri)
        case .inverse(let p): return unary(SH.inversePath, p)
        case .zeroOrMore(let p): return unary(SH.zeroOrMorePath, p)
        case .oneOrMore(let p): return unary(SH.oneOrMorePath, p)
        case .zeroOrOne(let p): return unary(SH.zeroOrOnePath, p)
        case .sequence(let ps): return list(ps)
        case .alternative(let ps):
            let node = fresh()
            triples.append(Triple(node, .iri(SH.alternativePath), list(ps)))
            return node
        }
    }
}
