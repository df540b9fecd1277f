import RDF

/// Lexical checking and value comparison of XSD literals, as `sh:datatype` (ill-typed
/// literals do not conform, SHACL §4.1.2) and the range and property-pair components
/// (SPARQL 1.1 §17.3 operator mapping) need them.
enum XSDValue {
    static func xsd(_ local: String) -> String { Namespace.xsd(local) }

    /// The integer types with their inclusive bounds (nil = unbounded), XSD 1.1 Part 2 §3.4.
    static let integerBounds: [String: (min: Int64?, max: UInt64?)] = [
        xsd("integer"): (nil, nil),
        xsd("nonPositiveInteger"): (nil, 0),
        xsd("negativeInteger"): (nil, nil),
        xsd("long"): (Int64.min, UInt64(Int64.max)),
        xsd("int"): (Int64(Int32.min), UInt64(Int32.max)),
        xsd("short"): (Int64(Int16.min), UInt64(Int16.max)),
        xsd("byte"): (Int64(Int8.min), UInt64(Int8.max)),
        xsd("nonNegativeInteger"): (0, nil),
        xsd("unsignedLong"): (0, UInt64.max),
        xsd("unsignedInt"): (0, UInt64(UInt32.max)),
        xsd("unsignedShort"): (0, UInt64(UInt16.max)),
        xsd("unsignedByte"): (0, UInt64(UInt8.max)),
        xsd("positiveInteger"): (1, nil),
    ]
    static let integerTypes = Set(integerBounds.keys)
    static let floatingTypes: Set<String> = [xsd("float"), xsd("double")]
    static let numericTypes = integerTypes.union(floatingTypes).union([xsd("decimal")])

    /// True when the literal's lexical form is in its datatype's lexical space, for the
    /// XSD types Samsvar knows; literals of other datatypes are taken as well-formed.
    static func isWellFormed(_ literal: Literal) -> Bool {
        let s = literal.lexicalForm
        let d = literal.datatype
        if d == RDFVocabulary.langString { return literal.language.map { !$0.isEmpty } ?? false }
        if literal.language != nil { return false }
        if let bounds = integerBounds[d] { return integerInRange(s, bounds, negativeOnly: d == xsd("negativeInteger")) }
        switch d {
        case xsd("string"), xsd("anyURI"): return true
        case xsd("boolean"): return ["true", "false", "1", "0"].contains(s)
        case xsd("decimal"): return DecimalText(s) != nil
        case xsd("float"), xsd("double"): return isFloatingLexical(s)
        case xsd("normalizedString"): return !s.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" })
        case xsd("token"): return isToken(s)
        case xsd("language"): return isLanguageTag(s)
        case xsd("hexBinary"): return s.utf8.count % 2 == 0 && s.utf8.allSatisfy(\.isHexDigit)
        case xsd("dateTime"), xsd("date"), xsd("time"), xsd("gYear"), xsd("gYearMonth"),
             xsd("gMonth"), xsd("gMonthDay"), xsd("gDay"):
            return TemporalValue(s, datatype: d) != nil
        case xsd("dateTimeStamp"): return TemporalValue(s, datatype: xsd("dateTime"))?.timezone != nil
        case xsd("duration"): return isDuration(s)
        default: return true
        }
    }

    static func integerInRange(_ s: String, _ bounds: (min: Int64?, max: UInt64?), negativeOnly: Bool) -> Bool {
        guard let digits = integerDigits(s) else { return false }
        let negative = digits.negative && digits.magnitude.contains(where: { $0 != UInt8(ascii: "0") })
        if negativeOnly { return negative }
        if let min = bounds.min {
            if negative {
                guard min < 0, let m = UInt64(String(decoding: digits.magnitude, as: UTF8.self)) else { return false }
                if m > min.magnitude { return false }
            } else if min > 0, digits.magnitude.allSatisfy({ $0 == UInt8(ascii: "0") }) {
                return false
            }
        }
        if let max = bounds.max, !negative {
            guard let m = UInt64(String(decoding: digits.magnitude, as: UTF8.self)), m <= max else { return false }
        }
        return true
    }

    static func integerDigits(_ s: String) -> (negative: Bool, magnitude: ArraySlice<UInt8>)? {
        let bytes = Array(s.utf8)
        var i = 0
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < bytes.count, bytes[i...].allSatisfy(\.isDigit) else { return nil }
        var start = i
        while start < bytes.count - 1, bytes[start] == UInt8(ascii: "0") { start += 1 }
        return (negative, bytes[start...])
    }

    static func isFloatingLexical(_ s: String) -> Bool {
        if ["INF", "+INF", "-INF", "NaN"].contains(s) { return true }
        var mantissa = Substring(s)
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = s[..<e]
            var exponent = s[s.index(after: e)...]
            if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.utf8.allSatisfy(\.isDigit) else { return false }
        }
        return DecimalText(String(mantissa)) != nil
    }

    static func isToken(_ s: String) -> Bool {
        !s.hasPrefix(" ") && !s.hasSuffix(" ") && !s.contains("  ")
            && !s.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" })
    }

    /// BCP 47 shape as XSD `language` defines it: `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`.
    static func isLanguageTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.utf8.allSatisfy(\.isLetter) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.utf8.allSatisfy { $0.isLetter || $0.isDigit } }
    }

    /// `-?P(nY)?(nM)?(nD)?(T(nH)?(nM)?(n(.n)?S)?)?` with at least one part (XSD §3.3.6).
    static func isDuration(_ s: String) -> Bool {
        var rest = Substring(s)
        if rest.first == "-" { rest = rest.dropFirst() }
        guard rest.first == "P" else { return false }
        rest = rest.dropFirst()
        var parts = 0
        var inTime = false
        var allowed: [Character] = ["Y", "M", "D"]
        while !rest.isEmpty {
            if rest.first == "T" {
                guard !inTime else { return false }
                inTime = true
                allowed = ["H", "M", "S"]
                rest = rest.dropFirst()
                guard !rest.isEmpty else { return false }
                continue
            }
            let number = rest.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") })
            guard !number.isEmpty else { return false }
            rest = rest.dropFirst(number.count)
            guard let designator = rest.first, let at = allowed.firstIndex(of: designator) else { return false }
            if number.contains(".") && designator != "S" { return false }
            guard DecimalText(String(number)) != nil else { return false }
            allowed.removeFirst(at + 1)
            rest = rest.dropFirst()
            parts += 1
        }
        return parts > 0
    }
}

extension UInt8 {
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isLetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
    var isHexDigit: Bool { isDigit || ((self | 0x20) >= 0x61 && (self | 0x20) <= 0x66) }
}
