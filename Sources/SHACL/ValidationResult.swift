import RDF

/// One validation result (SHACL §3.6.2).
public struct ValidationResult: Hashable, Sendable {
    /// `sh:focusNode`.
    public var focusNode: Term
    /// `sh:resultPath`: the property shape's path, or the offending predicate for `sh:closed`.
    public var path: PropertyPath?
    /// `sh:value`, when the component reports one.
    public var value: Term?
    /// `sh:sourceShape`.
    public var sourceShape: Term
    /// `sh:sourceConstraintComponent` (an IRI).
    public var component: String
    /// `sh:resultSeverity` (an IRI: `sh:Violation`, `sh:Warning`, `sh:Info` or a custom one).
    public var severityIRI: String
    /// The shape's `sh:message` values (literals, possibly language-tagged).
    public var messages: [Term]
    /// The constraint's parameter (the class, datatype, count, list …), for generated messages.
    public var parameter: Term?
    /// The shape's `sh:name`, if any, for readable reports.
    public var shapeNames: [Term]
    /// The targeted shape and focus node validation started from (a nested shape's result
    /// belongs to the check of its root), for reports that list checks (JUnit).
    public var root: (shape: Term, focusNode: Term)? {
        get { rootShape.map { ($0, rootFocus ?? focusNode) } }
        set { rootShape = newValue?.shape; rootFocus = newValue?.focusNode }
    }
    var rootShape: Term?
    var rootFocus: Term?

    /// The severity; a custom severity IRI counts as a violation.
    public var severity: Severity {
        Severity.allCases.first { $0.iri == severityIRI } ?? .violation
    }

    /// The local name of the constraint component without `ConstraintComponent`.
    public var componentName: String {
        var name = component.hasPrefix(SH.ns) ? String(component.dropFirst(SH.ns.count)) : component
        if name.hasSuffix("ConstraintComponent") { name.removeLast("ConstraintComponent".count) }
        return name
    }
}

/// The outcome of validating a data graph (SHACL §3.6.1).
public struct ValidationReport: Sendable {
    /// The results, ordered by focus node and shape as validation met them.
    public var results: [ValidationResult]

    public init(results: [ValidationResult]) { self.results = results }

    /// `sh:conforms`: true when there are no results of any severity.
    public var conforms: Bool { results.isEmpty }

    /// The number of results of a severity.
    public func count(_ severity: Severity) -> Int { results.filter { $0.severity == severity }.count }

    /// True when some result has at least this severity.
    public func hasResult(atLeast severity: Severity) -> Bool {
        results.contains { $0.severity >= severity }
    }

    /// The report as the RDF graph SHACL §3.6 defines, with `sh:resultMessage`s in the
    /// preferred language (the shape's messages in that language, else all of them,
    /// else a generated one).
    public func triples(language: String = "en") -> [Triple] {
        var triples: [Triple] = []
        var counter = 0
        func fresh() -> Term {
            counter += 1
            return .blankNode("r\(counter)")
        }
        let type = Term.iri(RDFVocabulary.type)
        let report = fresh()
        triples.append(Triple(report, type, .iri(SH.ValidationReport)))
        triples.append(Triple(report, .iri(SH.conforms), .typed(conforms ? "true" : "false", datatype: XSD.boolean)))
        for r in results {
            let node = fresh()
            triples.append(Triple(report, .iri(SH.result), node))
            triples.append(Triple(node, type, .iri(SH.ValidationResult)))
            triples.append(Triple(node, .iri(SH.focusNode), r.focusNode))
            if let path = r.path { triples.append(Triple(node, .iri(SH.resultPath), path.rdf(fresh, into: &triples))) }
            if let value = r.value { triples.append(Triple(node, .iri(SH.value), value)) }
            triples.append(Triple(node, .iri(SH.sourceShape), r.sourceShape))
            triples.append(Triple(node, .iri(SH.sourceConstraintComponent), .iri(r.component)))
            triples.append(Triple(node, .iri(SH.resultSeverity), .iri(r.severityIRI)))
            let messages = r.messages.isEmpty
                ? [Term.langString(Messages.generated(for: r, language: language, name: { $0.ntriplesLike }), language: language)]
                : r.messages
            for message in messages { triples.append(Triple(node, .iri(SH.resultMessage), message)) }
        }
        return triples
    }
}

extension Term {
    /// A compact display: `<iri>`, `_:b`, `"text"@lang`, `"3"^^<datatype>`.
    var ntriplesLike: String {
        switch self {
        case .iri(let v): "<\(v)>"
        case .blankNode(let v): "_:\(v)"
        case .literal(let l):
            if let lang = l.language { "\"\(l.lexicalForm)\"@\(lang)" }
            else if l.datatype == XSD.string { "\"\(l.lexicalForm)\"" }
            else { "\"\(l.lexicalForm)\"^^<\(l.datatype)>" }
        }
    }
}
