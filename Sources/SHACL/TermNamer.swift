import RDF

/// Renders terms for people: IRIs as prefixed names where a prefix fits, else `<iri>`;
/// literals quoted with their language or datatype.
public struct TermNamer: Sendable {
    /// Namespace → prefix, longest namespace tried first.
    private let namespaces: [(prefix: String, namespace: String)]

    public init(prefixes: [(prefix: String, namespace: String)]) {
        var seen = Set<String>()
        namespaces = (prefixes + Namespace.wellKnown.map { ($0.prefix, $0.iri) })
            .filter { seen.insert($0.namespace).inserted }
            .sorted { $0.namespace.count > $1.namespace.count }
    }

    public func name(_ term: Term) -> String {
        switch term {
        case .iri(let iri): return name(iri: iri)
        case .blankNode(let label): return "_:" + label
        case .literal(let l):
            let quoted = "\"" + l.lexicalForm.replacingOccurrences(of: "\"", with: "\\\"") + "\""
            if let lang = l.language { return quoted + "@" + lang }
            if l.datatype == XSD.string { return quoted }
            return quoted + "^^" + name(iri: l.datatype)
        }
    }

    public func name(iri: String) -> String {
        for (prefix, namespace) in namespaces where iri.hasPrefix(namespace) {
            let local = iri.dropFirst(namespace.count)
            if local.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }), local.last != "." {
                return prefix + ":" + local
            }
        }
        return "<" + iri + ">"
    }
}
