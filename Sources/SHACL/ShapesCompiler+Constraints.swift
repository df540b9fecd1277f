import RDF

/// Reading each Core constraint component's parameters (SHACL §4).
extension ShapesCompiler {
    mutating func constraints(of node: Term, isPropertyShape: Bool) throws -> [Constraint] {
        var result: [Constraint] = []
        func values(_ local: String) -> [Term] { reader.objects(node, SH.iri(local)) }
        func iri(_ term: Term, _ local: String) throws -> String {
            guard let v = term.iriValue else { throw ShapesError("sh:\(local) of \(node) must be an IRI, not \(term)") }
            return v
        }
        func integer(_ term: Term, _ local: String) throws -> Int {
            guard let lit = term.literalValue, XSDValue.integerTypes.contains(lit.datatype),
                  let v = Int(lit.lexicalForm.trimmingPlus()), v >= 0 else {
                throw ShapesError("sh:\(local) of \(node) must be a non-negative xsd:integer, not \(term)")
            }
            return v
        }
        func literal(_ term: Term, _ local: String) throws -> Literal {
            guard let lit = term.literalValue else { throw ShapesError("sh:\(local) of \(node) must be a literal") }
            return lit
        }
        let isTrue = Term.typed("true", datatype: XSD.boolean)

        result += values("class").map(Constraint.class)
        result += try values("datatype").map { .datatype(try iri($0, "datatype")) }
        result += try values("nodeKind").map {
            let kind = try iri($0, "nodeKind")
            guard [SH.BlankNode, SH.IRI, SH.Literal, SH.BlankNodeOrIRI, SH.BlankNodeOrLiteral, SH.IRIOrLiteral].contains(kind) else {
                throw ShapesError("sh:nodeKind of \(node) is not a node kind: \(kind)")
            }
            return .nodeKind(kind)
        }
        if isPropertyShape {
            result += try values("minCount").map { .minCount(try integer($0, "minCount")) }
            result += try values("maxCount").map { .maxCount(try integer($0, "maxCount")) }
        }
        result += try values("minExclusive").map { .minExclusive(try literal($0, "minExclusive")) }
        result += try values("minInclusive").map { .minInclusive(try literal($0, "minInclusive")) }
        result += try values("maxExclusive").map { .maxExclusive(try literal($0, "maxExclusive")) }
        result += try values("maxInclusive").map { .maxInclusive(try literal($0, "maxInclusive")) }
        result += try values("minLength").map { .minLength(try integer($0, "minLength")) }
        result += try values("maxLength").map { .maxLength(try integer($0, "maxLength")) }
        let flags = values("flags").first?.literalValue?.lexicalForm
        result += try values("pattern").map {
            .pattern(try CompiledPattern(try literal($0, "pattern").lexicalForm, flags: flags))
        }
        for list in values("languageIn") {
            let tags = try reader.list(list).map { try literal($0, "languageIn").lexicalForm }
            result.append(.languageIn(tags))
        }
        if isPropertyShape, values("uniqueLang").contains(isTrue) { result.append(.uniqueLang) }
        result += try values("equals").map { .equals(try iri($0, "equals")) }
        result += try values("disjoint").map { .disjoint(try iri($0, "disjoint")) }
        if isPropertyShape {
            result += try values("lessThan").map { .lessThan(try iri($0, "lessThan")) }
            result += try values("lessThanOrEquals").map { .lessThanOrEquals(try iri($0, "lessThanOrEquals")) }
        }
        for v in values("not") { result.append(.not(try shapeIndex(v))) }
        for (local, make) in [("and", Constraint.and), ("or", Constraint.or), ("xone", Constraint.xone)] {
            for list in values(local) {
                var members: [Int] = []
                for member in try reader.list(list) { members.append(try shapeIndex(member)) }
                result.append(make(members))
            }
        }
        for v in values("node") { result.append(.node(try shapeIndex(v))) }
        for v in values("property") {
            let child = try shapeIndex(v)
            guard shapes[child].path != nil else { throw ShapesError("the sh:property \(v) of \(node) has no sh:path") }
            result.append(.property(child))
        }
        if isPropertyShape, let q = values("qualifiedValueShape").first {
            let qualified = try shapeIndex(q)
            if let min = values("qualifiedMinCount").first {
                result.append(.qualifiedMinCount(shape: qualified, count: try integer(min, "qualifiedMinCount"), siblings: []))
            }
            if let max = values("qualifiedMaxCount").first {
                result.append(.qualifiedMaxCount(shape: qualified, count: try integer(max, "qualifiedMaxCount"), siblings: []))
            }
        }
        if values("closed").contains(isTrue) {
            var allowed = Set<String>()
            for property in values("property") {
                if let p = reader.object(property, SH.path)?.iriValue { allowed.insert(p) }
            }
            for list in values("ignoredProperties") {
                for p in try reader.list(list) { allowed.insert(try iri(p, "ignoredProperties")) }
            }
            result.append(.closed(allowed: allowed))
        }
        result += values("hasValue").map(Constraint.hasValue)
        for list in values("in") { result.append(.in(try reader.list(list))) }
        return result
    }
}

extension String {
    /// An integer's lexical form without a leading `+` (which `Int.init` rejects).
    func trimmingPlus() -> Substring { hasPrefix("+") ? dropFirst() : Substring(self) }
}
