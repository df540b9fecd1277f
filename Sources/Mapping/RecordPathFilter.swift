/// A filter step of a record path, `[?@.type.name == 'Relates']`: it keeps the elements of a
/// list (or a single value) for which a test on a path relative to the element holds.
///
/// A subset of the filter selector of JSONPath (RFC 9535 §2.3.5): the relative path `@…`
/// compared with `==` or `!=` to a literal (a quoted string, a number, `true`, `false`,
/// `null`), or on its own as an existence test (`[?@.email]`: the path reaches a value that
/// is not empty). `[?(…)]`, the older bracketed form, is read too. Comparison is by text, as
/// the mapping's conditions compare: the boolean `true` equals `'true'`, the number `320`
/// equals `'320'`; when the path reaches several values, `==` holds if one of them is equal
/// and `!=` if none is. `== null` holds when the path reaches nothing or only empty values.
struct RecordPathFilter: Sendable, Hashable {
    enum Test: Sendable, Hashable {
        case exists
        case equals(String?)
        case differs(String?)
    }

    let path: RecordPath
    let test: Test

    /// Whether `element` passes.
    func holds(for element: RecordValue) -> Bool {
        let values = path.values(in: element)
        switch test {
        case .exists:
            return values.contains { !ExpressionValue.isEmpty($0) }
        case .equals(let literal):
            return matches(values, literal)
        case .differs(let literal):
            return !matches(values, literal)
        }
    }

    private func matches(_ values: [RecordValue], _ literal: String?) -> Bool {
        guard let literal else { return values.allSatisfy(ExpressionValue.isEmpty) }
        return values.contains { value in
            ExpressionValue.items(value).contains { ExpressionValue.text($0) == literal }
                || (literal.isEmpty && ExpressionValue.isEmpty(value))
        }
    }

    /// Reads a filter from `scalars` at `i`, just after `[?`, up to and including the
    /// closing `]`; `fail` makes the error at the current position.
    static func parse(_ scalars: [Unicode.Scalar], _ i: inout Int,
                      fail: (String, Int) -> JSONPathError) throws(JSONPathError) -> RecordPathFilter {
        func skipSpaces() { while i < scalars.count, scalars[i] == " " { i += 1 } }
        skipSpaces()
        let parenthesised = i < scalars.count && scalars[i] == "("
        if parenthesised { i += 1; skipSpaces() }
        guard i < scalars.count, scalars[i] == "@" else { throw fail("a filter starts with '@', the element tested", i) }
        i += 1
        let start = i
        var quote: Unicode.Scalar?
        var depth = 0
        while i < scalars.count {
            let c = scalars[i]
            if let q = quote {
                if c == "\\" { i += 1 } else if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "[" {
                depth += 1
            } else if c == "]", depth > 0 {
                depth -= 1
            } else if c == " " || c == "=" || c == "!" || c == ")" || c == "]" {
                break
            }
            i += 1
        }
        let relative = try relativePath(String(String.UnicodeScalarView(scalars[start..<min(i, scalars.count)])), at: start, fail: fail)
        skipSpaces()
        var test = Test.exists
        if i + 1 < scalars.count, scalars[i + 1] == "=", scalars[i] == "=" || scalars[i] == "!" {
            let equal = scalars[i] == "="
            i += 2
            skipSpaces()
            let literal = try Self.literal(scalars, &i, fail: fail)
            test = equal ? .equals(literal) : .differs(literal)
            skipSpaces()
        }
        if parenthesised {
            guard i < scalars.count, scalars[i] == ")" else { throw fail("expected ')' to close the filter", i) }
            i += 1
            skipSpaces()
        }
        guard i < scalars.count, scalars[i] == "]" else { throw fail("expected '==', '!=' or ']' in the filter", i) }
        return RecordPathFilter(path: relative, test: test)
    }

    private static func relativePath(_ text: String, at offset: Int,
                                     fail: (String, Int) -> JSONPathError) throws(JSONPathError) -> RecordPath {
        var rest = Substring(text)
        if rest.hasPrefix(".") { rest = rest.dropFirst() }
        do {
            return try RecordPath(String(rest))
        } catch {
            throw fail("in the filter's path: \(error.message)", offset)
        }
    }

    private static func literal(_ scalars: [Unicode.Scalar], _ i: inout Int,
                                fail: (String, Int) -> JSONPathError) throws(JSONPathError) -> String? {
        guard i < scalars.count else { throw fail("expected a value after the comparison", i) }
        let c = scalars[i]
        if c == "'" || c == "\"" {
            guard let text = RecordPath.quoted(scalars, &i) else { throw fail("the quoted value is not closed", i) }
            return text
        }
        let start = i
        while i < scalars.count, scalars[i] != " ", scalars[i] != ")", scalars[i] != "]" { i += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<i]))
        if word == "null" { return nil }
        if word == "true" || word == "false" || Double(word) != nil, !word.isEmpty { return word }
        throw fail("expected a quoted text, a number, true, false or null, not '\(word)'", start)
    }
}
