/// The subset of JSONPath (RFC 9535) the JSON reader selects records with, matched while
/// the document streams past:
///
/// - `$`: the whole document is one record;
/// - `.name` or `['name']` (`["name"]`): the member `name` of an object;
/// - `[*]` or `.*`: every element of an array, every member value of an object;
/// - `[n]`: the element at index `n` (from 0) of an array;
/// - `..name`, `..[*]`, `..*`: the same at any depth below (descendants).
///
/// So `$[*]` is each element of a top-level array, `$._embedded.enheter[*]` each element
/// of a nested array, `$..adresse[*]` each element of every `adresse` array anywhere.
/// A value that matches is a record as a whole: matches nested inside it are not records
/// of their own.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    enum Step: Sendable, Hashable {
        case member([UInt8])
        case wildcard
        case index(Int)
        /// Any number of levels (the `..` of a descendant segment).
        case descendants
    }

    let steps: [Step]
    /// The path as written.
    public let description: String

    /// Parses `text`; throws `JSONPathError` with the offset of what is not understood.
    public init(_ text: String) throws(JSONPathError) {
        description = text
        let bytes = Array(text.utf8)
        var steps: [Step] = []
        var i = 0
        func fail(_ message: String) -> JSONPathError { JSONPathError(message, path: text, offset: i) }
        guard bytes.first == UInt8(ascii: "$") else { throw fail("a JSONPath starts with '$'") }
        i = 1
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ".") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                    i += 1
                    steps.append(.descendants)
                    if i < bytes.count, bytes[i] == UInt8(ascii: "[") { continue }
                }
                guard i < bytes.count else { throw fail("a name or '*' must follow '.'") }
                if bytes[i] == UInt8(ascii: "*") {
                    steps.append(.wildcard)
                    i += 1
                    continue
                }
                let start = i
                while i < bytes.count, bytes[i] != UInt8(ascii: "."), bytes[i] != UInt8(ascii: "[") { i += 1 }
                guard i > start else { throw fail("a name or '*' must follow '.'") }
                steps.append(.member(Array(bytes[start..<i])))
            } else if b == UInt8(ascii: "[") {
                i += 1
                guard i < bytes.count else { throw fail("'[' is not closed") }
                let c = bytes[i]
                if c == UInt8(ascii: "*") {
                    i += 1
                    steps.append(.wildcard)
                } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                    i += 1
                    var name: [UInt8] = []
                    while i < bytes.count, bytes[i] != c {
                        if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count { i += 1 }
                        name.append(bytes[i])
                        i += 1
                    }
                    guard i < bytes.count else { throw fail("the quoted name is not closed") }
                    i += 1
                    steps.append(.member(name))
                } else if c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                    var n = 0
                    while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9"), n < 1 << 40 {
                        n = n * 10 + Int(bytes[i] - UInt8(ascii: "0"))
                        i += 1
                    }
                    steps.append(.index(n))
                } else {
                    throw fail("only [*], [n] and ['name'] are supported inside brackets")
                }
                guard i < bytes.count, bytes[i] == UInt8(ascii: "]") else { throw fail("expected ']'") }
                i += 1
            } else {
                throw fail("expected '.', '..' or '[' here")
            }
        }
        if steps.last == .descendants { throw fail("'..' must be followed by a name, '*' or '[…]'") }
        guard steps.count < 63 else { throw fail("the path has too many steps") }
        self.steps = steps
    }

    private init(steps: [Step], description: String) {
        self.steps = steps
        self.description = description
    }

    /// `$`: the whole document.
    public static let document = JSONPath(steps: [], description: "$")
    /// `$[*]`: each element of a top-level array.
    public static let elements = JSONPath(steps: [.wildcard], description: "$[*]")

    // MARK: Matching

    /// The set of steps reached so far, as a bit set over step positions: bit `k` means
    /// the first `k` steps match the path from the document to the current value. A value
    /// is selected when bit `steps.count` is set; a value whose set is empty holds no
    /// match and is skipped.
    typealias States = UInt64

    /// The states of the document itself.
    var initial: States { closure(1) }

    /// Whether the states select the value.
    @inline(__always) func accepts(_ states: States) -> Bool { states & (1 << steps.count) != 0 }

    /// The states of a member value, given its object's states and the member's name
    /// (checked with `nameIs`).
    func member(of states: States, nameIs: (_ name: [UInt8]) -> Bool) -> States {
        advance(states) { if case .member(let name) = $0 { nameIs(name) } else { false } }
    }

    /// The states of an array element, given its array's states and its index.
    func element(of states: States, index: Int) -> States {
        advance(states) { if case .index(let n) = $0 { n == index } else { false } }
    }

    /// One level down from `states`: a `..` stays where it is, `*` is passed, and a name or
    /// index step is passed when `passes` says so.
    @inline(__always)
    private func advance(_ states: States, passes: (Step) -> Bool) -> States {
        var out: States = 0
        var rest = states
        while rest != 0 {
            let k = rest.trailingZeroBitCount
            rest &= rest - 1
            guard k < steps.count else { continue }
            switch steps[k] {
            case .descendants: out |= 1 << k
            case .wildcard: out |= 1 << (k + 1)
            case let step: if passes(step) { out |= 1 << (k + 1) }
            }
        }
        return closure(out)
    }

    /// Adds the step after each `..` reached (it may match zero levels).
    private func closure(_ states: States) -> States {
        var out = states
        for (k, step) in steps.enumerated() where step == .descendants && out & (1 << k) != 0 {
            out |= 1 << (k + 1)
        }
        return out
    }
}

/// A JSONPath (or XPath) iterator that is not understood, with the offset (in UTF-8
/// bytes) where reading it stopped.
public struct JSONPathError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong.
    public var message: String
    /// The path as given.
    public var path: String
    /// The byte offset in `path` where the problem is.
    public var offset: Int

    /// An error in `path` at `offset`.
    public init(_ message: String, path: String, offset: Int) {
        self.message = message
        self.path = path
        self.offset = offset
    }

    /// `the iterator "…" at 3: message`.
    public var description: String { "the iterator \"\(path)\" at \(offset): \(message)" }
}
