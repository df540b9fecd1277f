import RDF

/// Literals for the RDF target: the datatype a value implies, and checks that a lexical
/// form fits the XSD datatypes records use most, so that a record with `"2017-13-45"` for
/// an `xsd:date` is rejected rather than written as an ill-typed literal.
enum RDFTargetLiteral {
    /// The datatype a value implies when none is given.
    static func naturalDatatype(_ value: RecordValue, text: String) -> String {
        switch value {
        case .bool: return XSD.boolean
        case .number:
            if isInteger(text) { return XSD.integer }
            if isDecimal(text) { return XSD.decimal }
            return XSD.double
        default: return XSD.string
        }
    }

    private enum Check { case integer, nonNegative, positive, decimal, double, boolean, date, dateTime, gYear }

    private static let checks: [String: Check] = [
        XSD.integer: .integer, Namespace.xsd("int"): .integer, Namespace.xsd("long"): .integer,
        Namespace.xsd("short"): .integer, Namespace.xsd("nonNegativeInteger"): .nonNegative,
        Namespace.xsd("positiveInteger"): .positive, XSD.decimal: .decimal, XSD.double: .double,
        Namespace.xsd("float"): .double, XSD.boolean: .boolean, XSD.date: .date, XSD.dateTime: .dateTime,
        Namespace.xsd("gYear"): .gYear,
    ]

    /// Nil when `text` is a valid lexical form of `datatype` (or the datatype is not one
    /// checked), else why not.
    static func problem(_ text: String, datatype: String) -> String? {
        if datatype.utf8.count == XSD.string.utf8.count, datatype == XSD.string { return nil }
        guard let check = checks[datatype] else { return nil }
        let ok: Bool
        switch check {
        case .integer: ok = isInteger(text)
        case .nonNegative: ok = isInteger(text) && !(text.hasPrefix("-") && text.contains { $0 != "-" && $0 != "0" })
        case .positive: ok = isInteger(text) && !text.hasPrefix("-") && text.contains { $0 != "0" && $0 != "+" }
        case .decimal: ok = isDecimal(text)
        case .double: ok = isDouble(text)
        case .boolean: ok = ["true", "false", "1", "0"].contains(text)
        case .date: ok = isDate(text, time: false)
        case .dateTime: ok = isDate(text, time: true)
        case .gYear: ok = text.count >= 4 && isInteger(text) && !text.hasPrefix("+")
        }
        return ok ? nil : "'\(text)' is not a valid \(shortName(datatype))"
    }

    static func shortName(_ datatype: String) -> String {
        datatype.hasPrefix(Namespace.xsd.iri) ? "xsd:" + datatype.dropFirst(Namespace.xsd.iri.count) : "<\(datatype)>"
    }

    /// `[+-]?[0-9]+`.
    static func isInteger(_ s: String) -> Bool {
        let u = unsigned(s)
        return !u.isEmpty && u.allSatisfy(isDigit)
    }

    /// `[+-]?[0-9]*(\.[0-9]*)?` with at least one digit.
    static func isDecimal(_ s: String) -> Bool {
        var digits = 0, dots = 0
        for b in unsigned(s) {
            if isDigit(b) {
                digits += 1
            } else if b == UInt8(ascii: "."), dots == 0 {
                dots += 1
            } else {
                return false
            }
        }
        return digits > 0
    }

    /// The bytes of `s` after a leading sign.
    private static func unsigned(_ s: String) -> Substring.UTF8View {
        let u = s.utf8[...]
        guard let first = u.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else { return u }
        return u.dropFirst()
    }

    @inline(__always)
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func isDouble(_ s: String) -> Bool {
        if ["INF", "-INF", "+INF", "NaN"].contains(s) { return true }
        let lower = s.lowercased()
        guard let e = lower.firstIndex(of: "e") else { return isDecimal(s) }
        return isDecimal(String(lower[..<e])) && isInteger(String(lower[lower.index(after: e)...]))
    }

    static func isDate(_ s: String, time: Bool) -> Bool {
        guard let v = try? iso.parse(s) else { return false }
        return time ? v.hour != nil : v.hour == nil
    }

    private static let iso = try! ExpressionDatePattern("iso")

    /// True for a BCP 47 language tag in its simple form (`nb`, `nn-NO`, `en-GB`).
    static func isLanguageTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// Nil when `iri` can be written as an IRI (absolute, no spaces or characters IRIs
    /// forbid), else why not.
    static func iriProblem(_ iri: String) -> String? {
        guard IRIResolver.isAbsolute(iri) else { return "'\(iri)' is not an absolute IRI" }
        var iri = iri
        guard let byte = iri.withUTF8(IRIBytes.firstForbidden) else { return nil }
        let bad = Unicode.Scalar(byte)
        return "'\(iri)' is not a valid IRI: it holds \(bad == " " ? "a space" : RecordEncoding.describe(bad))"
    }
}
