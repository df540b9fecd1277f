/// One step of a field's `function` list. Text steps apply to each item of a list; null
/// passes through every step unchanged (so `default` and `required` see it).
enum ExpressionFunction: Sendable {
    case trim, upper, lower, titlecase
    /// The first item of a list (a single value stays as it is).
    case first
    /// The last item of a list.
    case last
    /// A list without its null and empty items.
    case compact
    /// Text split at every occurrence of a separator (not a pattern) into a list.
    case split(String)
    /// A list's non-empty items joined into one text.
    case join(String)
    case prefix(String)
    case suffix(String)
    /// Every match of a regular expression replaced (`$1` for groups).
    case replace(ExpressionRegex, String)
    /// Characters from `start` (negative: from the end), `length` of them or to the end.
    case substring(start: Int, length: Int?)
    /// Padded with `character` to `width` characters, on the left or right.
    case pad(width: Int, character: Character, left: Bool)
    case number(ExpressionNumber)
    case date(from: ExpressionDatePattern, to: ExpressionDatePattern)
    /// A value map, by position and name.
    case lookup(Int, String)
    /// A value for an empty one (null, `""`, an empty list).
    case defaultValue(RecordValue)

    /// Every function name, for the documentation, the JSON Schema and suggestions.
    static let names = ["trim", "upper", "lower", "titlecase", "first", "last", "compact", "split", "join",
                        "prefix", "suffix", "replace", "substring", "pad", "number", "date", "lookup", "default"]

    /// The functions written as a bare name (no arguments).
    static let bareNames: Set<String> = ["trim", "upper", "lower", "titlecase", "first", "last", "compact", "number", "date"]

    var name: String {
        switch self {
        case .trim: "trim"
        case .upper: "upper"
        case .lower: "lower"
        case .titlecase: "titlecase"
        case .first: "first"
        case .last: "last"
        case .compact: "compact"
        case .split: "split"
        case .join: "join"
        case .prefix: "prefix"
        case .suffix: "suffix"
        case .replace: "replace"
        case .substring: "substring"
        case .pad: "pad"
        case .number: "number"
        case .date: "date"
        case .lookup: "lookup"
        case .defaultValue: "default"
        }
    }

    /// The step applied to `value`.
    func apply(to value: RecordValue, _ context: ExpressionContext) throws(ExpressionRejection) -> RecordValue {
        switch self {
        case .trim: return try eachText(value) { .string($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        case .upper: return try eachText(value) { .string($0.uppercased()) }
        case .lower: return try eachText(value) { .string($0.lowercased()) }
        case .titlecase: return try eachText(value) { .string(Self.titlecased($0)) }
        case .first:
            if case .array(let items) = value { return items.first ?? .null }
            return value
        case .last:
            if case .array(let items) = value { return items.last ?? .null }
            return value
        case .compact:
            if case .array(let items) = value {
                let kept = items.filter { !ExpressionValue.isEmpty($0) }
                return kept.isEmpty ? .null : .array(kept)
            }
            return ExpressionValue.isEmpty(value) ? .null : value
        case .split(let separator):
            let parts = try eachText(value) { .array($0.components(separatedBy: separator).map { .string($0) }) }
            if case .array(let items) = parts, case .array = value {
                return .array(items.flatMap { if case .array(let inner) = $0 { inner } else { [$0] } })
            }
            return parts
        case .join(let separator):
            guard case .array = value else { return value }
            var texts: [String] = []
            for item in ExpressionValue.items(value) {
                guard let t = ExpressionValue.text(item) else { throw ExpressionRejection("join: cannot join \(ExpressionValue.describe(item))") }
                texts.append(t)
            }
            return texts.isEmpty ? .null : .string(texts.joined(separator: separator))
        case .prefix(let p): return try eachText(value) { .string(p + $0) }
        case .suffix(let s): return try eachText(value) { .string($0 + s) }
        case .replace(let regex, let with): return try eachText(value) { .string(regex.replace(in: $0, with: with)) }
        case .substring(let start, let length):
            return try eachText(value) { text in
                let count = text.count
                let from = start < 0 ? max(0, count + start) : min(start, count)
                let to = length.map { min(count, from + $0) } ?? count
                let chars = Array(text)
                return .string(String(chars[from..<max(from, to)]))
            }
        case .pad(let width, let character, let left):
            return try eachText(value) { text in
                let missing = width - text.count
                guard missing > 0 else { return .string(text) }
                let padding = String(repeating: character, count: missing)
                return .string(left ? padding + text : text + padding)
            }
        case .number(let format):
            return try eachText(value) { (t: String) throws(ExpressionRejection) -> RecordValue in .string(try format.format(t)) }
        case .date(let from, let to):
            return try eachText(value) { (t: String) throws(ExpressionRejection) -> RecordValue in .string(to.format(try from.parse(t))) }
        case .lookup(let index, _):
            let map = context.maps[index]
            return try eachText(value) { (t: String) throws(ExpressionRejection) -> RecordValue in
                t.isEmpty ? .string(t) : try map.lookup(t)
            }
        case .defaultValue(let d):
            return ExpressionValue.isEmpty(value) ? d : value
        }
    }

    /// Applies `transform` to the text of a scalar or of each item of a list.
    private func eachText(_ value: RecordValue,
                          _ transform: (String) throws(ExpressionRejection) -> RecordValue) throws(ExpressionRejection) -> RecordValue {
        switch value {
        case .null: return .null
        case .array(let items):
            var out: [RecordValue] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try eachText(item, transform)) }
            return .array(out)
        case .object:
            throw ExpressionRejection("\(name) needs text, found an object")
        case .string(let s), .number(let s):
            return try transform(s)
        case .bool(let b):
            return try transform(b ? "true" : "false")
        }
    }

    /// Each word's first letter upper case, the rest lower case (`SESAM STASJON AS` →
    /// `Sesam Stasjon As`). A word starts after anything that is not a letter, a digit
    /// or an apostrophe.
    static func titlecased(_ text: String) -> String {
        var out = ""
        var startOfWord = true
        for c in text {
            if c.isLetter {
                out += startOfWord ? String(c).uppercased() : String(c).lowercased()
                startOfWord = false
            } else {
                out.append(c)
                startOfWord = !(c.isNumber || c == "'" || c == "’")
            }
        }
        return out
    }
}
