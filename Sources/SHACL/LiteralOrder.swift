import RDF

/// The order of two literals as SPARQL's `<` defines it (SPARQL 1.1 §17.3: numerics by
/// value, date/time values on their time line, strings by code point, booleans false <
/// true); nil when they are not comparable, which the range components treat as a
/// violation (SHACL §4.3).
enum LiteralOrder {
    static func compare(_ a: Literal, _ b: Literal) -> Int? {
        let xsd = Namespace.xsd
        guard XSDValue.isWellFormed(a), XSDValue.isWellFormed(b) else { return nil }
        if XSDValue.numericTypes.contains(a.datatype), XSDValue.numericTypes.contains(b.datatype) {
            return compareNumbers(a, b)
        }
        if a.datatype == xsd("string"), b.datatype == xsd("string") {
            return a.lexicalForm == b.lexicalForm ? 0 : (a.lexicalForm.utf8Precedes(b.lexicalForm) ? -1 : 1)
        }
        if a.datatype == xsd("boolean"), b.datatype == xsd("boolean") {
            let x = a.lexicalForm == "true" || a.lexicalForm == "1"
            let y = b.lexicalForm == "true" || b.lexicalForm == "1"
            return x == y ? 0 : (x ? 1 : -1)
        }
        if let x = TemporalValue(a.lexicalForm, datatype: a.datatype),
           let y = TemporalValue(b.lexicalForm, datatype: b.datatype) {
            return TemporalValue.compare(x, y)
        }
        return nil
    }

    private static func compareNumbers(_ a: Literal, _ b: Literal) -> Int? {
        if XSDValue.floatingTypes.contains(a.datatype) || XSDValue.floatingTypes.contains(b.datatype) {
            let x = double(a), y = double(b)
            guard !x.isNaN, !y.isNaN else { return nil }
            return x < y ? -1 : (x > y ? 1 : 0)
        }
        guard let x = DecimalText(a.lexicalForm), let y = DecimalText(b.lexicalForm) else { return nil }
        return x < y ? -1 : (y < x ? 1 : 0)
    }

    private static func double(_ l: Literal) -> Double {
        switch l.lexicalForm {
        case "INF", "+INF": .infinity
        case "-INF": -.infinity
        case "NaN": .nan
        default: Double(l.lexicalForm) ?? DecimalText(l.lexicalForm)?.double ?? .nan
        }
    }
}
