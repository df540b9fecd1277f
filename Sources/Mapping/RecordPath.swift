/// A path to values inside a record, as the mapping's fields name them:
///
/// - `a.b`: the member `b` of the member `a`;
/// - `['a b']` or `["a.b"]`: a member whose name holds spaces, dots or brackets;
/// - `a[0].b`: through the first element of the array `a` (`[-1]` is the last);
/// - `a[*].b`: through every element of `a`;
/// - `a.*`: every member value of the object `a`;
/// - `a[?@.type == 'x'].b`: through the elements of `a` that pass a filter (`RecordPathFilter`);
/// - `@id`: the attribute `id` of an XML-derived record (a member named `@id`);
/// - `#text`: the text of an XML element (its `#text` member; a plain value is its own text).
///
/// A leading `$` or `$.` is allowed; an empty path is the record itself. A member whose name
/// holds dots (a CSV header `organisasjonsform.kode`) is reached by the dotted path itself
/// when the record has no member named by its first part.
///
/// The rules make paths work the same whether an XML child element occurred once (an
/// object) or several times (an array), and whether it had attributes (an object with
/// `#text`) or not (a string): a name step on an array applies to each element, `[*]` and
/// `[0]` on a value that is not an array take the value itself, and `#text` on a plain
/// value is the value. Members missing, and name steps on plain values and nulls, give no
/// values (an empty result, never an error).
public struct RecordPath: Sendable, Hashable, CustomStringConvertible {
    enum Step: Sendable, Hashable {
        case member(String)
        case index(Int)
        case allElements
        case allMembers
        case text
        case filter(RecordPathFilter)
    }

    let steps: [Step]
    /// The path as written.
    public let description: String

    /// Parses `text`; throws `JSONPathError` (the path and the offset of the problem).
    public init(_ text: String) throws(JSONPathError) {
        description = text
        var steps: [Step] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func fail(_ message: String, at position: Int) -> JSONPathError {
            JSONPathError(message, path: text, offset: String(String.UnicodeScalarView(scalars[..<min(position, scalars.count)])).utf8.count)
        }
        func fail(_ message: String) -> JSONPathError { fail(message, at: i) }
        if scalars.first == "$" {
            i = 1
            if i < scalars.count, scalars[i] == "." { i += 1 }
        }
        var expectName = true
        while i < scalars.count {
            let c = scalars[i]
            if c == "[" {
                i += 1
                guard i < scalars.count else { throw fail("'[' is not closed") }
                if scalars[i] == "*" {
                    steps.append(.allElements)
                    i += 1
                } else if scalars[i] == "?" {
                    i += 1
                    steps.append(.filter(try RecordPathFilter.parse(scalars, &i, fail: fail(_:at:))))
                } else if scalars[i] == "'" || scalars[i] == "\"" {
                    guard let name = Self.quoted(scalars, &i) else { throw fail("the quoted name is not closed") }
                    steps.append(.member(name))
                } else {
                    var negative = false
                    if scalars[i] == "-" {
                        negative = true
                        i += 1
                    }
                    var n = 0
                    let start = i
                    while i < scalars.count, ("0"..."9").contains(scalars[i]), n < 1 << 40 {
                        n = n * 10 + Int(scalars[i].value - 0x30)
                        i += 1
                    }
                    guard i > start else { throw fail("expected a number, '*' or a quoted name inside brackets") }
                    steps.append(.index(negative ? -n : n))
                }
                guard i < scalars.count, scalars[i] == "]" else { throw fail("expected ']'") }
                i += 1
                expectName = false
            } else if c == "." {
                guard !expectName else { throw fail("expected a name before '.'") }
                i += 1
                expectName = true
                guard i < scalars.count else { throw fail("expected a name after '.'") }
            } else {
                guard expectName else { throw fail("expected '.' or '[' between steps") }
                let start = i
                while i < scalars.count, scalars[i] != ".", scalars[i] != "[" { i += 1 }
                let name = String(String.UnicodeScalarView(scalars[start..<i]))
                switch name {
                case "*": steps.append(.allMembers)
                case "#text": steps.append(.text)
                default: steps.append(.member(name))
                }
                expectName = false
            }
        }
        self.steps = steps
    }

    /// The text quoted at `scalars[i]` (by `'` or `"`; `\\` escapes the next character),
    /// with `i` moved past the closing quote; nil when the quote is not closed.
    static func quoted(_ scalars: [Unicode.Scalar], _ i: inout Int) -> String? {
        let quote = scalars[i]
        i += 1
        var text = String.UnicodeScalarView()
        while i < scalars.count, scalars[i] != quote {
            if scalars[i] == "\\", i + 1 < scalars.count { i += 1 }
            text.append(scalars[i])
            i += 1
        }
        guard i < scalars.count else { return nil }
        i += 1
        return String(text)
    }

    /// Every value the path reaches in `record`, in document order.
    public func values(in record: RecordValue) -> [RecordValue] {
        var out: [RecordValue] = []
        walk(record, 0, &out, limit: .max)
        return out
    }

    /// The first value the path reaches in `record`, or nil.
    public func first(in record: RecordValue) -> RecordValue? {
        var out: [RecordValue] = []
        walk(record, 0, &out, limit: 1)
        return out.first
    }

    /// A member whose own name holds dots, as CSV headers such as `organisasjonsform.kode`
    /// do: when the object has no member `name`, the name steps from `k` on are tried joined
    /// by dots, longest first, so `organisasjonsform.kode` reaches that column unquoted.
    private func walkDotted(_ members: [RecordMember], _ name: String, _ k: Int, _ out: inout [RecordValue], limit: Int) {
        var names = [name]
        var j = k + 1
        while j < steps.count, case .member(let next) = steps[j] {
            names.append(next)
            j += 1
        }
        guard names.count > 1 else { return }
        for end in stride(from: names.count, to: 1, by: -1) {
            let joined = names[..<end].joined(separator: ".")
            if let member = members.first(where: { $0.name == joined }) {
                walk(member.value, k + end, &out, limit: limit)
                return
            }
        }
    }

    private func walk(_ value: RecordValue, _ k: Int, _ out: inout [RecordValue], limit: Int) {
        guard out.count < limit else { return }
        guard k < steps.count else {
            out.append(value)
            return
        }
        switch steps[k] {
        case .member(let name):
            switch value {
            case .object(let members):
                var found = false
                for member in members where member.name == name {
                    found = true
                    walk(member.value, k + 1, &out, limit: limit)
                }
                if !found { walkDotted(members, name, k, &out, limit: limit) }
            case .array(let items):
                for item in items { walk(item, k, &out, limit: limit) }
            default:
                break
            }
        case .index(let n):
            if case .array(let items) = value {
                let i = n < 0 ? items.count + n : n
                if i >= 0, i < items.count { walk(items[i], k + 1, &out, limit: limit) }
            } else if n == 0 || n == -1, value != .null {
                walk(value, k + 1, &out, limit: limit)
            }
        case .allElements:
            if case .array(let items) = value {
                for item in items { walk(item, k + 1, &out, limit: limit) }
            } else if value != .null {
                walk(value, k + 1, &out, limit: limit)
            }
        case .allMembers:
            switch value {
            case .object(let members):
                for member in members { walk(member.value, k + 1, &out, limit: limit) }
            case .array(let items):
                for item in items { walk(item, k, &out, limit: limit) }
            default:
                break
            }
        case .filter(let filter):
            if case .array(let items) = value {
                for item in items where filter.holds(for: item) { walk(item, k + 1, &out, limit: limit) }
            } else if value != .null, filter.holds(for: value) {
                walk(value, k + 1, &out, limit: limit)
            }
        case .text:
            switch value {
            case .object(let members):
                for member in members where member.name == "#text" {
                    walk(member.value, k + 1, &out, limit: limit)
                }
            case .array(let items):
                for item in items { walk(item, k, &out, limit: limit) }
            case .null:
                break
            default:
                walk(value, k + 1, &out, limit: limit)
            }
        }
    }
}
