import RDF

/// The Core constraint components on value nodes (SHACL §4.1–§4.4, §4.8): value type,
/// cardinality, value range, string-based and other constraints.
extension ValidationRun {
    func evaluate(_ c: Constraint, flatIndex: Int, shape: CompiledShape, focus: UInt32, values: ArraySlice<UInt32>, into out: inout ResultCollector) {
        func fail(_ value: UInt32?, _ parameter: Term? = nil) {
            out.add(result(shape, focus: focus, value: value, c, parameter: parameter))
        }
        func each(_ parameter: Term? = nil, _ ok: (UInt32) -> Bool) {
            for v in values where !ok(v) {
                fail(v, parameter)
                if out.done { return }
            }
        }
        switch c {
        case .class(let cls):
            let classID = constantIDs[flatIndex]
            each(cls) { isInstance($0, of: classID) }
        case .datatype(let d):
            each(.iri(d)) { v in
                guard let lit = term(v).literalValue else { return false }
                return lit.datatype == d && XSDValue.isWellFormed(lit)
            }
        case .nodeKind(let kind):
            each(.iri(kind)) { Self.hasNodeKind(nodeKind($0), kind) }
        case .minCount(let n):
            if values.count < n { fail(nil, .typed(String(n), datatype: XSD.integer)) }
        case .maxCount(let n):
            if values.count > n { fail(nil, .typed(String(n), datatype: XSD.integer)) }
        case .minExclusive(let bound):
            each(.literal(bound)) { compare($0, bound).map { $0 > 0 } ?? false }
        case .minInclusive(let bound):
            each(.literal(bound)) { compare($0, bound).map { $0 >= 0 } ?? false }
        case .maxExclusive(let bound):
            each(.literal(bound)) { compare($0, bound).map { $0 < 0 } ?? false }
        case .maxInclusive(let bound):
            each(.literal(bound)) { compare($0, bound).map { $0 <= 0 } ?? false }
        case .minLength(let n):
            each(.typed(String(n), datatype: XSD.integer)) { stringValue($0).map { $0.unicodeScalars.count >= n } ?? false }
        case .maxLength(let n):
            each(.typed(String(n), datatype: XSD.integer)) { stringValue($0).map { $0.unicodeScalars.count <= n } ?? false }
        case .pattern(let regex):
            each(.string(regex.source)) { stringValue($0).map(regex.matches) ?? false }
        case .languageIn(let ranges):
            each(.string(ranges.joined(separator: ", "))) { v in
                guard let tag = term(v).literalValue?.language else { return false }
                return ranges.contains { Self.languageMatches(tag, $0) }
            }
        case .uniqueLang:
            var seen: [String: Int] = [:]
            for v in values {
                if let tag = term(v).literalValue?.language?.lowercased(), !tag.isEmpty { seen[tag, default: 0] += 1 }
            }
            for (tag, n) in seen.sorted(by: { $0.key < $1.key }) where n > 1 { fail(nil, .string(tag)) }
        case .hasValue(let required):
            if !values.contains(constantIDs[flatIndex]) { fail(nil, required) }
        case .in(let allowed):
            let ids = inSets[flatIndex] ?? []
            each(.string(allowed.map(\.ntriplesLike).joined(separator: ", "))) { ids.contains($0) }
        case .closed(let allowed):
            for v in values {
                for (p, o) in data.predicateObjectIDs(v) {
                    guard let iri = term(p).iriValue, !allowed.contains(iri) else { continue }
                    out.add(result(shape, focus: focus, value: o, c, parameter: .iri(iri), path: .predicate(iri)))
                    if out.done { return }
                }
            }
        default:
            evaluateRelational(c, shape: shape, focus: focus, values: values, into: &out)
        }
    }

    /// 0 IRI, 1 blank node, 2 literal.
    func nodeKind(_ id: UInt32) -> UInt8 {
        if Int(id) < data.dictionary.count { return data.kind(id) }
        switch term(id) {
        case .iri: return 0
        case .blankNode: return 1
        case .literal: return 2
        }
    }

    static func hasNodeKind(_ k: UInt8, _ kind: String) -> Bool {
        switch kind {
        case SH.IRI: k == 0
        case SH.BlankNode: k == 1
        case SH.Literal: k == 2
        case SH.BlankNodeOrIRI: k != 2
        case SH.BlankNodeOrLiteral: k != 0
        case SH.IRIOrLiteral: k != 1
        default: false
        }
    }

    /// SPARQL `langMatches` basic filtering (RFC 4647 §3.3.1).
    static func languageMatches(_ tag: String, _ range: String) -> Bool {
        if range == "*" { return !tag.isEmpty }
        let t = tag.lowercased(), r = range.lowercased()
        return t == r || t.hasPrefix(r + "-")
    }

    /// `str(v)` for IRIs and literals; nil for blank nodes (which fail string constraints).
    func stringValue(_ v: UInt32) -> String? {
        switch term(v) {
        case .iri(let s): s
        case .literal(let l): l.lexicalForm
        case .blankNode: nil
        }
    }

    func compare(_ v: UInt32, _ bound: Literal) -> Int? {
        guard let lit = term(v).literalValue else { return nil }
        return LiteralOrder.compare(lit, bound)
    }
}
