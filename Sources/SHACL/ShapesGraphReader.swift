import RDF

/// A shapes graph is malformed (SHACL §2: an ill-formed shapes graph is a failure).
public struct ShapesError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Read helpers over the shapes graph: single values, lists and SHACL instances.
struct ShapesGraphReader {
    let graph: Graph
    private let type = Term.iri(RDFVocabulary.type)
    private let subClassOf = Term.iri(Namespace.rdfs("subClassOf"))

    init(_ graph: Graph) { self.graph = graph }

    func objects(_ node: Term, _ predicate: String) -> [Term] {
        graph.objects(node, .iri(predicate)).sorted(by: TermOrder.precedes)
    }

    /// The value of a predicate that SHACL allows once; the first in term order if repeated.
    func object(_ node: Term, _ predicate: String) -> Term? {
        objects(node, predicate).first
    }

    func subjects(_ predicate: String) -> [Term] {
        graph.triples(matching: nil, .iri(predicate), nil).map(\.subject)
    }

    /// True when `node` starts a well-formed or ill-formed RDF list (has `rdf:first`).
    func isListNode(_ node: Term) -> Bool {
        node == .iri(RDFVocabulary.nil) || !graph.objects(node, .iri(RDFVocabulary.first)).isEmpty
    }

    /// The members of the SHACL list at `head` (SHACL §1.4: a well-formed RDF collection).
    func list(_ head: Term) throws -> [Term] {
        var members: [Term] = []
        var node = head
        var seen = Set<Term>()
        while node != .iri(RDFVocabulary.nil) {
            guard seen.insert(node).inserted else { throw ShapesError("the list at \(head) is cyclic") }
            let firsts = graph.objects(node, .iri(RDFVocabulary.first))
            let rests = graph.objects(node, .iri(RDFVocabulary.rest))
            guard firsts.count == 1, rests.count == 1 else {
                throw ShapesError("\(head) is not a well-formed RDF list")
            }
            members.append(firsts[0])
            node = rests[0]
        }
        return members
    }

    /// The SHACL instances of a class: nodes typed with it or with a subclass (SHACL §1.5).
    func instances(of classIRI: String) -> Set<Term> {
        var classes: Set<Term> = [.iri(classIRI)]
        var queue: [Term] = [.iri(classIRI)]
        while let c = queue.popLast() {
            for sub in graph.subjects(subClassOf, c) where classes.insert(sub).inserted { queue.append(sub) }
        }
        var result = Set<Term>()
        for c in classes { result.formUnion(graph.subjects(type, c)) }
        return result
    }

    /// True when `node` is a SHACL instance of `classIRI` in the shapes graph.
    func isInstance(_ node: Term, of classIRI: String) -> Bool {
        var seen = Set<Term>()
        var queue = graph.objects(node, type)
        while let c = queue.popLast() {
            if c == .iri(classIRI) { return true }
            if seen.insert(c).inserted { queue += graph.objects(c, subClassOf) }
        }
        return false
    }
}

/// A total order on terms (IRIs, then blank nodes, then literals; by UTF-8 within),
/// used wherever output must not depend on hash order.
public enum TermOrder {
    public static func precedes(_ a: Term, _ b: Term) -> Bool {
        switch (a, b) {
        case let (.iri(x), .iri(y)), let (.blankNode(x), .blankNode(y)): return x.utf8Precedes(y)
        case let (.literal(x), .literal(y)):
            if x.lexicalForm != y.lexicalForm { return x.lexicalForm.utf8Precedes(y.lexicalForm) }
            if x.datatype != y.datatype { return x.datatype.utf8Precedes(y.datatype) }
            return (x.language ?? "").utf8Precedes(y.language ?? "")
        default: return rank(a) < rank(b)
        }
    }

    private static func rank(_ t: Term) -> Int {
        switch t {
        case .iri: 0
        case .blankNode: 1
        case .literal: 2
        }
    }
}
