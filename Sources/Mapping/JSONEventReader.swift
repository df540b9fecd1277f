/// What the JSON grammar yields, one step at a time.
enum JSONEvent: Equatable {
    case beginObject, endObject, beginArray, endArray
    /// A member name; its text is the scanner's until the next event.
    case key
    /// A string, number, boolean or null; a string's or number's text is the scanner's
    /// until the next event.
    case scalar(JSONToken)
    /// The end of the input.
    case end
}

/// The JSON grammar over `JSONScanner`'s tokens, as a pull parser with an explicit stack
/// (no recursion, so nesting is bounded by `maxDepth`, not by the thread's stack).
///
/// In JSON Lines mode every line holds one value: a line feed inside a value is an error
/// ("the line ends inside the record"), text after a value on its line is an error, and
/// blank lines are skipped. `resynchronize()` skips to the next line after an error.
struct JSONEventReader {
    var scanner: JSONScanner
    let lines: Bool
    let maxDepth: Int

    private enum Expect {
        case value, arrayFirst, arrayNext, objectFirst, objectKey, colon, objectNext, done
    }

    private var expect = Expect.value
    /// One entry per open container: true for an array.
    private var stack: [Bool] = []

    init(input: ByteInput, lines: Bool, maxDepth: Int) {
        scanner = JSONScanner(input: input)
        scanner.stopAtNewline = lines
        self.lines = lines
        self.maxDepth = maxDepth
    }

    /// The depth of the value being read (0 between top-level values).
    var depth: Int { stack.count }

    /// The next event.
    mutating func next() throws(RecordInputError) -> JSONEvent {
        while true {
            let token = try scanner.next()
            if token == .newline {
                guard stack.isEmpty, expect == .value || expect == .done else {
                    throw scanner.errorAtToken("the line ends inside the record (in JSON Lines each record is one line)")
                }
                scanner.consumeNewline()
                expect = .value
                continue
            }
            switch expect {
            case .value:
                return try beginValue(token)
            case .arrayFirst:
                if token == .endArray { return close() }
                return try beginValue(token)
            case .arrayNext:
                if token == .comma {
                    expect = .value
                    let value = try scanner.next()
                    if value == .endArray { throw scanner.errorAtToken("a ',' must not come before ']'") }
                    if value == .newline { throw scanner.errorAtToken("the line ends inside the record (in JSON Lines each record is one line)") }
                    return try beginValue(value)
                }
                if token == .endArray { return close() }
                throw scanner.errorAtToken(Self.expected("',' or ']' after an array element", token))
            case .objectFirst, .objectKey:
                if token == .string {
                    expect = .colon
                    return .key
                }
                if token == .endObject, expect == .objectFirst { return close() }
                if token == .endObject { throw scanner.errorAtToken("a ',' must not come before '}'") }
                throw scanner.errorAtToken(Self.expected("a member name in quotes", token))
            case .colon:
                guard token == .colon else { throw scanner.errorAtToken(Self.expected("':' after the member name", token)) }
                expect = .value
            case .objectNext:
                if token == .comma {
                    expect = .objectKey
                    continue
                }
                if token == .endObject { return close() }
                throw scanner.errorAtToken(Self.expected("',' or '}' after an object member", token))
            case .done:
                if token == .end { return .end }
                if lines { throw scanner.errorAtToken(Self.expected("the end of the line after the record", token)) }
                throw scanner.errorAtToken(Self.expected("the end of the document after its value", token))
            }
        }
    }

    private mutating func beginValue(_ token: JSONToken) throws(RecordInputError) -> JSONEvent {
        switch token {
        case .beginObject, .beginArray:
            guard stack.count < maxDepth else {
                throw scanner.errorAtToken("arrays and objects nest more than \(maxDepth) deep")
            }
            let array = token == .beginArray
            stack.append(array)
            expect = array ? .arrayFirst : .objectFirst
            return array ? .beginArray : .beginObject
        case .string, .number, .trueLiteral, .falseLiteral, .null:
            valueDone()
            return .scalar(token)
        case .end:
            if stack.isEmpty, expect == .value, lines { return .end }
            if stack.isEmpty { throw scanner.errorAtToken("the input holds no JSON value") }
            throw scanner.errorAtToken("unexpected end of input: the JSON value is not complete")
        default:
            throw scanner.errorAtToken(Self.expected("a value", token))
        }
    }

    private mutating func close() -> JSONEvent {
        let array = stack.removeLast()
        valueDone()
        return array ? .endArray : .endObject
    }

    private mutating func valueDone() {
        if let top = stack.last {
            expect = top ? .arrayNext : .objectNext
        } else {
            expect = .done
        }
    }

    /// Skips the rest of the line and starts afresh with the next (JSON Lines, after an error).
    mutating func resynchronize() throws(RecordInputError) {
        stack.removeAll(keepingCapacity: true)
        expect = .value
        try scanner.skipLine()
    }

    static func expected(_ what: String, _ token: JSONToken) -> String {
        let found: String
        switch token {
        case .beginObject: found = "'{'"
        case .endObject: found = "'}'"
        case .beginArray: found = "'['"
        case .endArray: found = "']'"
        case .colon: found = "':'"
        case .comma: found = "','"
        case .string: found = "a string"
        case .number: found = "a number"
        case .trueLiteral: found = "true"
        case .falseLiteral: found = "false"
        case .null: found = "null"
        case .newline: found = "the end of the line"
        case .end: found = "the end of the input"
        }
        return "expected \(what), found \(found)"
    }
}
