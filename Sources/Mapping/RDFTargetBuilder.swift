import RDF
import RDFIO

/// Makes the statements of one record from the RDF target and the record's fields, and
/// hands them to a sink as it goes.
struct RDFTargetBuilder<Sink: RDFTargetSink> {
    let spec: RDFTargetSpec
    let context: ExpressionContext
    /// The record's number in the whole run, for blank node labels unique across inputs.
    let sequence: Int
    private var blankNodes = 0
    /// The terms being made, in one array rather than one per property: the subjects of
    /// the resources under way and the objects of the property being made, a nested
    /// resource's above those of the resource it belongs to.
    private var stack: [Term] = []

    init(spec: RDFTargetSpec, context: ExpressionContext, sequence: Int) {
        self.spec = spec
        self.context = context
        self.sequence = sequence
        stack.reserveCapacity(16)
    }

    /// Makes the record's statements for `sink` (which is not part of the builder, so that
    /// terms go to it straight from the stack); throws a rejection when a top-level
    /// resource has no subject or a value cannot be a term.
    mutating func build(into sink: inout Sink) throws(ExpressionRejection) {
        for resource in spec.resources {
            if let when = resource.when, !(try when.holds(context)) { continue }
            try emit(resource, graph: nil, into: &sink)
            let made = !stack.isEmpty
            stack.removeAll(keepingCapacity: true)
            if !made, case .iri(_, let template) = resource.subject {
                throw ExpressionRejection("the subject '\(template)' has no value (a field it uses is empty)")
            }
        }
    }

    /// Writes `resource` and leaves its subjects on top of the stack (none when its
    /// template has no value).
    private mutating func emit(_ resource: RDFTargetResource, graph inherited: Term?,
                               into sink: inout Sink) throws(ExpressionRejection) {
        let first = stack.count
        switch resource.subject {
        case .blank:
            blankNodes += 1
            stack.append(.blankNode("r\(sequence)n\(blankNodes)"))
        case .iri(let expression, _):
            try pushIRIs(try expression.evaluate(context), "subject")
        }
        let subjects = first..<stack.count
        if subjects.isEmpty { return }
        var graph = inherited
        if let g = resource.graph {
            let items = ExpressionValue.items(try g.evaluate(context))
            guard items.count == 1 else {
                throw ExpressionRejection(items.isEmpty ? "the graph has no value" : "the graph has \(items.count) values")
            }
            graph = try iri(items[0], "graph")
        }
        // Indices rather than copies of the mapping's parts: the threads share them.
        for s in subjects {
            for c in resource.classTerms.indices {
                sink.add(stack[s], RDFTargetResource.typeTerm, resource.classTerms[c], graph: graph)
            }
        }
        for i in resource.properties.indices {
            if let when = resource.properties[i].when, !(try when.holds(context)) { continue }
            do {
                try pushTerms(resource.properties[i].object, graph: graph, into: &sink)
            } catch {
                let names = resource.properties[i].predicates.map(RDFTargetLiteral.shortName)
                throw error.within("property \(names.joined(separator: ", "))")
            }
            let objects = subjects.upperBound..<stack.count
            for s in subjects {
                for p in resource.properties[i].predicateTerms.indices {
                    for o in objects {
                        sink.add(stack[s], resource.properties[i].predicateTerms[p], stack[o], graph: graph)
                    }
                }
            }
            stack.removeSubrange(objects)
        }
    }

    /// Pushes the objects of a property onto the stack.
    private mutating func pushTerms(_ object: RDFTargetObject, graph: Term?,
                                    into sink: inout Sink) throws(ExpressionRejection) {
        switch object {
        case .resource(let nested):
            if let when = nested.when, !(try when.holds(context)) { return }
            try emit(nested, graph: graph, into: &sink)
        case .iri(let expression):
            try pushIRIs(try expression.evaluate(context), "object")
        case .literal(let expression, let datatype, let languageExpression):
            var language: String?
            if let languageExpression {
                let items = ExpressionValue.items(try languageExpression.evaluate(context))
                if let first = items.first, let tag = ExpressionValue.text(first) {
                    // A constant tag was checked when the mapping was read.
                    var constant = false
                    if case .constant = languageExpression { constant = true }
                    guard constant || RDFTargetLiteral.isLanguageTag(tag) else {
                        throw ExpressionRejection("'\(tag)' is not a language tag")
                    }
                    language = tag
                }
            }
            let value = try expression.evaluate(context)
            if ExpressionValue.isSingleItem(value) {
                stack.append(try literal(value, datatype: datatype, language: language))
            } else {
                for item in ExpressionValue.items(value) {
                    stack.append(try literal(item, datatype: datatype, language: language))
                }
            }
        }
    }

    /// Pushes an IRI for each of `items(value)`.
    private mutating func pushIRIs(_ value: RecordValue, _ role: String) throws(ExpressionRejection) {
        if ExpressionValue.isSingleItem(value) {
            stack.append(try iri(value, role))
        } else {
            for item in ExpressionValue.items(value) { stack.append(try iri(item, role)) }
        }
    }

    /// A literal from a scalar value: with the language, else the datatype given or the
    /// one the value implies, whose lexical form it must fit.
    private func literal(_ item: RecordValue, datatype: String?, language: String?) throws(ExpressionRejection) -> Term {
        guard let text = ExpressionValue.text(item) else {
            throw ExpressionRejection("\(ExpressionValue.describe(item)) cannot be a literal")
        }
        if let language { return .langString(text, language: language) }
        let type = datatype ?? RDFTargetLiteral.naturalDatatype(item, text: text)
        if let problem = RDFTargetLiteral.problem(text, datatype: type) { throw ExpressionRejection(problem) }
        return .typed(text, datatype: type)
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

/// The statements of a record, for the executor.
enum RDFTargetStatements {
    /// The record's quads.
    static func quads(_ spec: RDFTargetSpec, _ context: ExpressionContext,
                      sequence: Int) throws(ExpressionRejection) -> [Quad] {
        var builder = RDFTargetBuilder<RDFTargetQuads>(spec: spec, context: context, sequence: sequence)
        var sink = RDFTargetQuads()
        try builder.build(into: &sink)
        return sink.quads
    }

    /// The record's quads, or with `lines` its statements written there.
    static func result(_ spec: RDFTargetSpec, _ context: ExpressionContext, sequence: Int,
                       lines: inout RDFTargetLines?) throws(ExpressionRejection) -> ExecutorResult {
        guard lines != nil else { return .quads(try quads(spec, context, sequence: sequence)) }
        var builder = RDFTargetBuilder<RDFTargetLines>(spec: spec, context: context, sequence: sequence)
        try builder.build(into: &lines!)
        return lines!.endRecord()
    }
}
