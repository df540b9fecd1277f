import RDF

extension RDFXMLWriter {
    /// The first character XML 1.0 cannot hold (production [2] `Char`): C0 controls other
    /// than tab, line feed and carriage return, and the noncharacters U+FFFE and U+FFFF.
    static func firstNonXMLCharacter(_ string: String) -> Unicode.Scalar? {
        var previous: (UInt8, UInt8) = (0, 0)
        for b in string.utf8 {
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return Unicode.Scalar(b) }
            if previous == (0xEF, 0xBF) && (b == 0xBE || b == 0xBF) {
                return Unicode.Scalar(b == 0xBE ? 0xFFFE as UInt32 : 0xFFFF)
            }
            previous = (previous.1, b)
        }
        return nil
    }

    /// `U+0001`.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A short, printable rendering of a term for error messages.
    static func describe(_ term: Term) -> String {
        switch term {
        case .iri(let iri): return "<\(printable(iri, limit: 200))>"
        case .blankNode(let label): return "_:\(printable(label, limit: 80))"
        case .literal(let literal):
            var text = "\"\(printable(literal.lexicalForm, limit: 60))\""
            if let language = literal.language {
                text += "@\(printable(language, limit: 40))"
            } else if literal.datatype != XSD.string {
                text += "^^<\(printable(literal.datatype, limit: 200))>"
            }
            return text
        }
    }

    private static func printable(_ string: String, limit: Int) -> String {
        var out = ""
        var count = 0
        for s in string.unicodeScalars {
            if count == limit { return out + "…" }
            switch s.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x00...0x1F, 0x7F, 0xFFFE, 0xFFFF: out += "\\u" + codePoint(s).dropFirst(2)
            default: out.unicodeScalars.append(s)
            }
            count += 1
        }
        return out
    }

    /// Appends character data: `&`, `<` and `>` as entity references, and carriage
    /// return as `&#xD;` (a raw one would be read back as a line feed).
    static func appendText(_ string: String, to out: inout [UInt8]) {
        if !string.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x0D }) {
            out.append(contentsOf: string.utf8)
            return
        }
        for b in string.utf8 {
            switch b {
            case 0x26: out.append(contentsOf: ampersand)
            case 0x3C: out.append(contentsOf: lessThan)
            case 0x3E: out.append(contentsOf: greaterThan)
            case 0x0D: out.append(contentsOf: carriageReturn)
            default: out.append(b)
            }
        }
    }

    /// Appends an attribute value to be written between double quotes: `&`, `<` and `"`
    /// as entity references, and tab, line feed and carriage return as character
    /// references (attribute-value normalisation would turn them into spaces).
    static func appendAttributeValue(_ string: String, to out: inout [UInt8]) {
        if !string.utf8.contains(where: { $0 <= 0x3E && needsEscapeInAttribute[Int($0)] }) {
            out.append(contentsOf: string.utf8)
            return
        }
        for b in string.utf8 {
            switch b {
            case 0x26: out.append(contentsOf: ampersand)
            case 0x3C: out.append(contentsOf: lessThan)
            case 0x3E: out.append(contentsOf: greaterThan)
            case 0x22: out.append(contentsOf: quote)
            case 0x09: out.append(contentsOf: tab)
            case 0x0A: out.append(contentsOf: lineFeed)
            case 0x0D: out.append(contentsOf: carriageReturn)
            default: out.append(b)
            }
        }
    }

    private static let needsEscapeInAttribute: [Bool] = (0...0x3E).map { [0x09, 0x0A, 0x0D, 0x22, 0x26, 0x3C, 0x3E].contains($0) }

    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let tab = Array("&#x9;".utf8)
    private static let lineFeed = Array("&#xA;".utf8)
    private static let carriageReturn = Array("&#xD;".utf8)
}
