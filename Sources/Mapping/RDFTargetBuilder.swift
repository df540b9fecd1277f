import RDF

/// Makes the quads of one record from the RDF target and the record's fields.
struct RDFTargetBuilder {
    let spec: RDFTargetSpec
    let context: ExpressionContext
    /// The record's number in the whole run, for blank node labels unique across inputs.
    let sequence: Int
    private var blankNodes = 0
    private(set) var quads: [Quad] = []

    init(spec: RDFTargetSpec, context: ExpressionContext, sequence: Int) {
        self.spec = spec
        self.context = context
        self.sequence = sequence
    }

    /// The quads of the record; throws a rejection when a top-level resource has no
    /// subject or a value cannot be a term.
    static func quads(_ spec: RDFTargetSpec, _ context: ExpressionContext, sequence: Int) throws(ExpressionRejection) -> [Quad] {
        var builder = RDFTargetBuilder(spec: spec, context: context, sequence: sequence)
        for resource in spec.resources {
            if let when = resource.when, !(try when.holds(context)) { continue }
            let subjects = try builder.emit(resource, graph: nil)
            if subjects.isEmpty, case .iri(_, let template) = resource.subject {
                throw ExpressionRejection("the subject '\(template)' has no value (a field it uses is empty)")
            }
        }
        return builder.quads
    }

    /// Writes `resource` and returns its subjects (none when its template has no value).
    private mutating func emit(_ resource: RDFTargetResource, graph inherited: Term?) throws(ExpressionRejection) -> [Term] {
        var subjects: [Term] = []
        switch resource.subject {
        case .blank:
            blankNodes += 1
            subjects = [.blankNode("r\(sequence)n\(blankNodes)")]
        case .iri(let expression, _):
            try ExpressionValue.forEachItem(try expression.evaluate(context)) { (item) throws(ExpressionRejection) in
                subjects.append(try iri(item, "subject"))
            }
        }
        if subjects.isEmpty { return [] }
        var graph = inherited
        if let g = resource.graph {
            let items = ExpressionValue.items(try g.evaluate(context))
            guard items.count == 1 else {
                throw ExpressionRejection(items.isEmpty ? "the graph has no value" : "the graph has \(items.count) values")
            }
            graph = try iri(items[0], "graph")
        }
        for s in subjects {
            for c in resource.classes { quads.append(Quad(s, .iri(RDFVocabulary.type), .iri(c), graph: graph)) }
        }
        for property in resource.properties {
            if let when = property.when, !(try when.holds(context)) { continue }
            let objects: [Term]
            do {
                objects = try terms(property.object, graph: graph)
            } catch {
                throw error.within("property \(property.predicates.map(RDFTargetLiteral.shortName).joined(separator: ", "))")
            }
            for s in subjects {
                for p in property.predicates {
                    for o in objects { quads.append(Quad(s, .iri(p), o, graph: graph)) }
                }
            }
        }
        return subjects
    }

    private mutating func terms(_ object: RDFTargetObject, graph: Term?) throws(ExpressionRejection) -> [Term] {
        switch object {
        case .resource(let nested):
            if let when = nested.when, !(try when.holds(context)) { return [] }
            return try emit(nested, graph: graph)
        case .iri(let expression):
            var out: [Term] = []
            try ExpressionValue.forEachItem(try expression.evaluate(context)) { (item) throws(ExpressionRejection) in
                out.append(try iri(item, "object"))
            }
            return out
        case .literal(let expression, let datatype, let languageExpression):
            var language: String?
            if let languageExpression {
                let items = ExpressionValue.items(try languageExpression.evaluate(context))
                if let first = items.first, let tag = ExpressionValue.text(first) {
                    guard RDFTargetLiteral.isLanguageTag(tag) else { throw ExpressionRejection("'\(tag)' is not a language tag") }
                    language = tag
                }
            }
            var out: [Term] = []
            try ExpressionValue.forEachItem(try expression.evaluate(context)) { (item) throws(ExpressionRejection) in
                guard let text = ExpressionValue.text(item) else {
                    throw ExpressionRejection("\(ExpressionValue.describe(item)) cannot be a literal")
                }
                if let language {
                    out.append(.langString(text, language: language))
                    return
                }
                let type = datatype ?? RDFTargetLiteral.naturalDatatype(item, text: text)
                if let problem = RDFTargetLiteral.problem(text, datatype: type) { throw ExpressionRejection(problem) }
                out.append(.typed(text, datatype: type))
            }
            return out
        }
    }

    /// An IRI term from a value, resolved against the base when relative.
    private func iri(_ value: RecordValue, _ role: String) throws(ExpressionRejection) -> Term {
        guard var text = ExpressionValue.text(value) else {
            throw ExpressionRejection("the \(role) cannot be \(ExpressionValue.describe(value))")
        }
        if !text.hasPrefix("http"), let colon = text.firstIndex(of: ":"),
           let ns = spec.prefixes.first(where: { $0.prefix == text[..<colon] })?.namespace,
           !text[text.index(after: colon)...].hasPrefix("//") {
            text = ns + text[text.index(after: colon)...]
        } else if let base = spec.base, !IRIResolver.isAbsolute(text) {
            text = IRIResolver.resolve(text, against: base)
        }
        if let problem = RDFTargetLiteral.iriProblem(text) { throw ExpressionRejection("the \(role) \(problem)") }
        return .iri(text)
    }
}
