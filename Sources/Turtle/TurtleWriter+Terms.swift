import RDF

/// Writes single terms as Turtle tokens: prefixed names or (relative) IRIs, literals in
/// their shortest faithful form. Keeps track of the prefixes used, for the header.
struct TurtleTermFormatter {
    /// The prefixes that may be used: the preferred ones, then well-known ones.
    private let candidates: [(prefix: String, namespace: String)]
    private let byNamespace: [String: Int]
    /// The UTF-8 lengths of the candidate namespaces, longest first.
    private let namespaceLengths: [Int]
    private var used: Set<Int> = []
    private let base: String?
    private let baseIRI: BaseIRI?

    init(prefixes: [(prefix: String, namespace: String)], base: String?) {
        var candidates: [(prefix: String, namespace: String)] = []
        var names: Set<String> = [], namespaces: Set<String> = []
        let offered = prefixes + Namespace.wellKnown.map { (prefix: $0.prefix, namespace: $0.iri) }
        for (prefix, namespace) in offered
        where Self.isPrefixName(prefix) && IRIResolver.isAbsolute(namespace) && Self.isIRIRef(namespace)
            && !names.contains(prefix) && !namespaces.contains(namespace) {
            names.insert(prefix)
            namespaces.insert(namespace)
            candidates.append((prefix, namespace))
        }
        self.candidates = candidates
        byNamespace = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1.namespace, $0) })
        namespaceLengths = Set(candidates.map(\.namespace.utf8.count)).sorted(by: >)
        self.base = base
        baseIRI = base.flatMap(BaseIRI.init)
    }

    /// The `@base` and `@prefix` lines for what has been formatted so far, and a blank line.
    func header() -> [UInt8] {
        var text = ""
        if let base { text += "@base <\(base)> .\n" }
        for index in used.sorted() {
            text += "@prefix \(candidates[index].prefix): <\(candidates[index].namespace)> .\n"
        }
        if !text.isEmpty { text += "\n" }
        return Array(text.utf8)
    }

    // MARK: IRIs

    /// An IRI as a prefixed name, else relative to the base where that reads back the
    /// same, else in full.
    mutating func iri(_ iri: String) -> String {
        let utf8 = iri.utf8
        for length in namespaceLengths where length < utf8.count {
            let cut = utf8.index(utf8.startIndex, offsetBy: length)
            guard cut.samePosition(in: iri.unicodeScalars) != nil,
                  let index = byNamespace[String(decoding: utf8[..<cut], as: UTF8.self)],
                  let local = Self.localName(Substring(utf8[cut...])) else { continue }
            used.insert(index)
            return candidates[index].prefix + ":" + local
        }
        if let relative = relative(iri) { return "<\(relative)>" }
        return "<\(iri)>"
    }

    /// `iri` relative to the base: the same document (`<>`), a fragment of it (`<#x>`) or
    /// a path below its directory (`<x/y>`), only when resolving it gives `iri` back.
    private func relative(_ iri: String) -> String? {
        guard let base, let baseIRI else { return nil }
        var document = Substring(base)
        if let hash = document.firstIndex(of: "#") { document = document[..<hash] }
        func rest(after prefix: Substring) -> Substring? {
            guard iri.utf8.starts(with: prefix.utf8) else { return nil }
            return Substring(iri.utf8.dropFirst(prefix.utf8.count))
        }
        var candidates: [Substring] = []
        if let tail = rest(after: document), tail.isEmpty || tail.first == "#" { candidates.append(tail) }
        if let query = document.firstIndex(of: "?") { document = document[..<query] }
        if let slash = document.lastIndex(of: "/"), let tail = rest(after: document[...slash]),
           !tail.isEmpty, tail.first != "/" {
            candidates.append(tail)
        }
        return candidates.first { baseIRI.resolve(String($0)) == iri }.map(String.init)
    }

    /// A local name as written after `prefix:` (`PN_LOCAL`, RDF 1.1 Turtle section 6.5):
    /// characters the grammar allows only when escaped get a `\`, `%` not followed by two
    /// hex digits is escaped, `%XX` is kept. `nil` when some character cannot appear in a
    /// local name at all, or the name is empty.
    static func localName(_ local: Substring) -> String? {
        let scalars = Array(local.unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        var out = ""
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            let isFirst = i == 0, isLast = i == scalars.count - 1
            if c == "%" {
                if i + 2 < scalars.count, isHex(scalars[i + 1]), isHex(scalars[i + 2]) {
                    out.unicodeScalars.append(contentsOf: scalars[i...(i + 2)])
                    i += 3
                    continue
                }
                out += "\\%"
            } else if ByteCursor.isPNCharsU(c) || c == ":" || ("0"..."9").contains(c) {
                out.unicodeScalars.append(c)
            } else if c == "." {
                out += isFirst || isLast ? "\\." : "."
            } else if ByteCursor.isPNChars(c) {
                // PN_CHARS that cannot start a name: '-', U+00B7, combining marks, U+203F/40.
                if !isFirst { out.unicodeScalars.append(c) } else if c == "-" { out += "\\-" } else { return nil }
            } else if escapable.contains(c) {
                out += "\\"
                out.unicodeScalars.append(c)
            } else {
                return nil
            }
            i += 1
        }
        return out
    }

    /// `PN_LOCAL_ESC` characters other than those handled above.
    private static let escapable: Set<Unicode.Scalar> = ["~", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", "/", "?", "#", "@"]

    private static func isHex(_ c: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
    }

    /// `PN_PREFIX` or empty: `PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)?`.
    static func isPrefixName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first else { return true }
        guard ByteCursor.isPNCharsBase(first), scalars.last != "." else { return false }
        return scalars.dropFirst().allSatisfy { $0 == "." || ByteCursor.isPNChars($0) }
    }

    private static func isIRIRef(_ iri: String) -> Bool {
        !iri.utf8.contains { ByteCursor.isForbiddenInIRI($0) || $0 == 0x5C }
    }

    // MARK: Literals

    /// A literal: `true`/`false`, integers, decimals and doubles bare where the lexical
    /// form is canonical (so it reads back the same), else quoted with `@lang` or `^^type`.
    mutating func literal(_ literal: Literal) -> String {
        if let language = literal.language { return Self.quoted(literal.lexicalForm) + "@" + language }
        let lexical = literal.lexicalForm
        switch literal.datatype {
        case XSD.string: return Self.quoted(lexical)
        case XSD.boolean where lexical == "true" || lexical == "false": return lexical
        case XSD.integer where Self.isInteger(lexical): return lexical
        case XSD.decimal where Self.isDecimal(lexical): return lexical
        case XSD.double where Self.isDouble(lexical): return lexical
        default: return Self.quoted(lexical) + "^^" + iri(literal.datatype)
        }
    }

    /// `-?[0-9]+`
    static func isInteger(_ s: String) -> Bool {
        var u = Substring(s).utf8
        if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        return !u.isEmpty && u.allSatisfy(ByteCursor.isDigit)
    }

    /// `-?[0-9]+\.[0-9]+`
    static func isDecimal(_ s: String) -> Bool {
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return isInteger(String(parts[0])) && !parts[1].isEmpty && parts[1].utf8.allSatisfy(ByteCursor.isDigit)
    }

    /// `-?[0-9]+(\.[0-9]+)?[eE][+-]?[0-9]+`, a `DOUBLE` token that reads back unchanged.
    static func isDouble(_ s: String) -> Bool {
        guard let e = s.firstIndex(where: { $0 == "E" || $0 == "e" }) else { return false }
        let mantissa = String(s[..<e])
        var exponent = s[s.index(after: e)...].utf8
        if exponent.first == UInt8(ascii: "+") || exponent.first == UInt8(ascii: "-") { exponent = exponent.dropFirst() }
        return (isInteger(mantissa) || isDecimal(mantissa)) && !exponent.isEmpty && exponent.allSatisfy(ByteCursor.isDigit)
    }

    /// A string literal's quoted form: `"""…"""` when it spans lines, `'…'` when it holds
    /// `"` but no `'`, else `"…"`.
    static func quoted(_ s: String) -> String {
        if s.utf8.contains(0x0A) { return longQuoted(s) }
        let quote: Unicode.Scalar = s.utf8.contains(0x22) && !s.utf8.contains(0x27) ? "'" : "\""
        var out = String(quote)
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case quote: out += "\\" + String(quote)
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: appendEscapingControls(c, to: &out)
            }
        }
        out.unicodeScalars.append(quote)
        return out
    }

    /// `"""…"""`: line feeds and tabs as they are; `\` escaped; a `"` escaped when it
    /// would be the third in a row or the last character (before the closing `"""`).
    private static func longQuoted(_ s: String) -> String {
        var out = "\"\"\""
        let scalars = Array(s.unicodeScalars)
        var quotesInARow = 0
        for (i, c) in scalars.enumerated() {
            if c == "\"" {
                if quotesInARow == 2 || i == scalars.count - 1 {
                    out += "\\\""
                    quotesInARow = 0
                } else {
                    out += "\""
                    quotesInARow += 1
                }
                continue
            }
            quotesInARow = 0
            switch c {
            case "\\": out += "\\\\"
            case "\n", "\t": out.unicodeScalars.append(c)
            case "\r": out += "\\r"
            default: appendEscapingControls(c, to: &out)
            }
        }
        return out + "\"\"\""
    }

    /// Other control characters, U+007F and the noncharacters U+FFFE/U+FFFF as `\uXXXX`
    /// (as the canonical N-Triples writer does); everything else as it is.
    private static func appendEscapingControls(_ c: Unicode.Scalar, to out: inout String) {
        switch c.value {
        case 0x08: out += "\\b"
        case 0x0C: out += "\\f"
        case 0...0x1F, 0x7F, 0xFFFE, 0xFFFF:
            out += "\\u" + ByteCursor.hex(c.value)
        default: out.unicodeScalars.append(c)
        }
    }
}
