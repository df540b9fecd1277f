/// Text with `{references}`: `"{postnummer} {poststed}"`, or an IRI template such as
/// `"https://data.brreg.no/enhetsregisteret/api/enheter/{orgnr}"`.
///
/// In fields a reference is a path into the input record; in the RDF target it names a
/// field. `\{`, `\}` and `\\` stand for the characters themselves. When any reference is
/// empty the template has no value (null), so `default` and `required` apply; a
/// reference holding a list gives one result per item (every combination, for several).
/// IRI templates percent-encode what they insert so that it is IRI-safe (R2RML): only
/// letters, digits, `-._~` and non-ASCII characters are kept; a template that is
/// nothing but one reference inserts the value unchanged, as the whole IRI. A reference
/// written `{+path}` is a reserved expansion (RFC 6570 §3.2.3): the characters an IRI may
/// hold (`/`, `?`, `#`, `:`, `@`, `%`…) are kept and only the others are encoded, for
/// values that are paths such as `hendelse/fa-barn`.
struct ExpressionTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        /// A reference, its name as written (without `+`), and whether it is a reserved expansion.
        case reference(Expression, String, reserved: Bool)
    }

    /// The template as written.
    let text: String
    let parts: [Part]
    /// Whether inserted values are percent-encoded (IRI templates).
    let encodesIRI: Bool

    /// Parses `text`, resolving each reference (its text and offset) with `resolve`.
    init(_ text: String, encodesIRI: Bool,
         resolve: (String, Int) throws(ExpressionSyntaxError) -> Expression) throws(ExpressionSyntaxError) {
        self.text = text
        var parts: [Part] = []
        var literal = ""
        var chars = Array(text)
        var i = 0
        chars.append("\0")
        while i < chars.count - 1 {
            let c = chars[i]
            switch c {
            case "\\":
                let n = chars[i + 1]
                guard n == "{" || n == "}" || n == "\\" else {
                    throw ExpressionSyntaxError("'\\' in a template must come before '{', '}' or '\\'", offset: i)
                }
                literal.append(n)
                i += 2
            case "{":
                guard let close = chars[(i + 1)...].firstIndex(of: "}") else {
                    throw ExpressionSyntaxError("'{' without '}' in template", offset: i)
                }
                var name = String(chars[(i + 1)..<close])
                let reserved = encodesIRI && name.hasPrefix("+")
                if reserved { name.removeFirst() }
                if name.trimmingCharacters(in: [" "]).isEmpty {
                    throw ExpressionSyntaxError("empty '{}' in template", offset: i)
                }
                if name.contains("{") { throw ExpressionSyntaxError("'{' inside '{…}' in template", offset: i + 1 + name.distance(from: name.startIndex, to: name.firstIndex(of: "{")!)) }
                if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                parts.append(.reference(try resolve(name, i + (reserved ? 2 : 1)), name, reserved: reserved))
                i = close + 1
            case "}":
                throw ExpressionSyntaxError("'}' without '{' in template (write '\\}' for the character)", offset: i)
            default:
                literal.append(c)
                i += 1
            }
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        self.parts = parts
        self.encodesIRI = encodesIRI
    }

    /// True when the template has no references.
    var isConstant: Bool { !parts.contains { if case .reference = $0 { true } else { false } } }

    /// The references' names, in order.
    var references: [String] { parts.compactMap { if case .reference(_, let n, _) = $0 { n } else { nil } } }

    /// The filled-in text, a list of texts when a reference holds several values, or null
    /// when a reference is empty.
    func evaluate(_ context: ExpressionContext) throws(ExpressionRejection) -> RecordValue {
        let whole = parts.count == 1
        // The common case, one value per reference, builds one string; the first
        // reference with several values switches to building every combination.
        var single = ""
        var results: [String]?
        for part in parts {
            switch part {
            case .text(let t):
                if results == nil { single += t } else { for i in results!.indices { results![i] += t } }
            case .reference(let expression, let name, let reserved):
                let value = try expression.evaluate(context)
                if results == nil, let t = Self.singleText(value) {
                    if t.isEmpty { return .null }
                    single += !encodesIRI || whole ? t : reserved ? Self.iriReservedSafe(t) : Self.iriSafe(t)
                    continue
                }
                var texts: [String] = []
                try ExpressionValue.forEachItem(value) { (item) throws(ExpressionRejection) in
                    guard let t = ExpressionValue.text(item) else {
                        throw ExpressionRejection("template '\(text)': {\(name)} is \(ExpressionValue.describe(item)), not text")
                    }
                    texts.append(!encodesIRI || whole ? t : reserved ? Self.iriReservedSafe(t) : Self.iriSafe(t))
                }
                if texts.isEmpty { return .null }
                if results == nil, texts.count == 1 {
                    single += texts[0]
                    continue
                }
                let current = results ?? [single]
                if current.count * texts.count > 10_000 {
                    throw ExpressionRejection("template '\(text)' gives more than 10,000 values")
                }
                results = current.flatMap { r in texts.map { r + $0 } }
            }
        }
        guard let results else { return .string(single) }
        return results.count == 1 ? .string(results[0]) : .array(results.map { .string($0) })
    }

    /// The text of a single scalar value (empty for the empty string, which counts as no
    /// value); nil for null, lists and objects, which take the general way.
    @inline(__always)
    private static func singleText(_ value: RecordValue) -> String? {
        switch value {
        case .string(let s): s
        case .number(let s): s.isEmpty ? nil : s
        case .bool(let b): b ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// `text` with every character that is not iunreserved (RFC 3987: letters, digits,
    /// `-._~` and the non-ASCII ucschar ranges) percent-encoded as UTF-8.
    static func iriSafe(_ text: String) -> String {
        var ascii = text
        if ascii.withUTF8({ $0.allSatisfy(isUnreservedASCII) }) || text.unicodeScalars.allSatisfy(isIUnreserved) { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isIUnreserved(scalar) { out.unicodeScalars.append(scalar) } else { out += percentEncoded(scalar) }
        }
        return out
    }

    /// `text` with only what an IRI cannot hold percent-encoded: controls, space and
    /// `<>"{}|\^``, so reserved characters and existing `%XX` escapes pass (RFC 6570 §3.2.3).
    static func iriReservedSafe(_ text: String) -> String {
        func keeps(_ s: Unicode.Scalar) -> Bool {
            if isIUnreserved(s) { return true }
            return ":/?#[]@!$&'()*+,;=%".unicodeScalars.contains(s)
        }
        if text.unicodeScalars.allSatisfy(keeps) { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if keeps(scalar) { out.unicodeScalars.append(scalar) } else { out += percentEncoded(scalar) }
        }
        return out
    }

    private static func percentEncoded(_ scalar: Unicode.Scalar) -> String {
        var out = ""
        for byte in String(scalar).utf8 {
            out += "%"
            out += String(byte >> 4, radix: 16, uppercase: true)
            out += String(byte & 0xF, radix: 16, uppercase: true)
        }
        return out
    }

    /// An ASCII letter, digit or `-._~`.
    @inline(__always)
    private static func isUnreservedASCII(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: true
        default: false
        }
    }

    private static func isIUnreserved(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        switch v {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: return true
        case 0xA0...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF: return true
        case 0x10000...0xDFFFD: return v & 0xFFFF <= 0xFFFD
        case 0xE1000...0xEFFFD: return true
        default: return false
        }
    }
}
