import RDF

/// The property-pair components (SHACL §4.5) and the shape-based and logical ones
/// (§4.6, §4.7), which validate value nodes against other shapes.
extension ValidationRun {
    func evaluateRelational(_ c: Constraint, shape: CompiledShape, focus: UInt32, values: ArraySlice<UInt32>, into out: inout ResultCollector) {
        func fail(_ value: UInt32?, _ parameter: Term? = nil) {
            out.add(result(shape, focus: focus, value: value, c, parameter: parameter))
        }
        func others(_ p: String) -> Set<UInt32> {
            predicateID(p).map { Set(data.objectIDs(focus, $0)) } ?? []
        }
        func shapeName(_ s: Int) -> Term { shapes[s].node }
        switch c {
        case .equals(let p):
            let other = others(p)
            let mine = Set(values)
            for v in values where !other.contains(v) { fail(v, .iri(p)) }
            for o in other.sorted() where !mine.contains(o) { fail(o, .iri(p)) }
        case .disjoint(let p):
            let other = others(p)
            for v in values where other.contains(v) { fail(v, .iri(p)) }
        case .lessThan(let p), .lessThanOrEquals(let p):
            let orEqual = if case .lessThanOrEquals = c { true } else { false }
            let other = others(p).sorted()
            for v in values {
                for o in other {
                    let order = term(o).literalValue.flatMap { compare(v, $0) }
                    let ok = order.map { orEqual ? $0 <= 0 : $0 < 0 } ?? false
                    if !ok { fail(v, .iri(p)) }
                    if out.done { return }
                }
            }
        case .not(let s):
            for v in values where conforms(v, to: s) { fail(v, shapeName(s)); if out.done { return } }
        case .and(let members):
            for v in values where !members.allSatisfy({ conforms(v, to: $0) }) { fail(v); if out.done { return } }
        case .or(let members):
            for v in values where !members.contains(where: { conforms(v, to: $0) }) { fail(v); if out.done { return } }
        case .xone(let members):
            for v in values where members.filter({ conforms(v, to: $0) }).count != 1 { fail(v); if out.done { return } }
        case .node(let s):
            for v in values where !conforms(v, to: s) { fail(v, shapeName(s)); if out.done { return } }
        case .property(let s):
            for v in values {
                validate(s, focus: v, into: &out)
                if out.done { return }
            }
        case let .qualifiedMinCount(s, n, siblings), let .qualifiedMaxCount(s, n, siblings):
            let count = values.filter { v in conforms(v, to: s) && !siblings.contains { conforms(v, to: $0) } }.count
            let isMin = if case .qualifiedMinCount = c { true } else { false }
            if isMin ? count < n : count > n { fail(nil, .typed(String(n), datatype: XSD.integer)) }
        default:
            break
        }
    }
}
