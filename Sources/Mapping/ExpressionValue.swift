/// How expressions see record values: as text, as lists, as empty or not.
enum ExpressionValue {
    /// The text of a scalar (numbers as written, `true`/`false`); nil for null, lists and objects.
    static func text(_ value: RecordValue) -> String? {
        switch value {
        case .string(let s), .number(let s): s
        case .bool(let b): b ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// True for null, the empty string and a list of nothing but empty values: what
    /// `default` fills, `required` rejects and RDF leaves out.
    static func isEmpty(_ value: RecordValue) -> Bool {
        switch value {
        case .null: true
        case .string(let s): s.isEmpty
        case .array(let items): items.allSatisfy(isEmpty)
        case .number, .bool, .object: false
        }
    }

    /// The values of a path's result: several values are a list, none is null.
    static func collapse(_ values: [RecordValue]) -> RecordValue {
        switch values.count {
        case 0: .null
        case 1: values[0]
        default: .array(values)
        }
    }

    /// The scalar values a result stands for: a list's items (nested lists flattened), or
    /// the value itself; null and empty strings left out.
    static func items(_ value: RecordValue) -> [RecordValue] {
        switch value {
        case .null: []
        case .string(let s) where s.isEmpty: []
        case .array(let items): items.flatMap(Self.items)
        default: [value]
        }
    }

    /// True when `items(value)` is `[value]`: a scalar that is not the empty string.
    @inline(__always)
    static func isSingleItem(_ value: RecordValue) -> Bool {
        switch value {
        case .null, .array: false
        case .string(let s): !s.isEmpty
        default: true
        }
    }

    /// Calls `body` with each of `items(value)`, without making the list.
    @inline(__always)
    static func forEachItem(_ value: RecordValue,
                            _ body: (RecordValue) throws(ExpressionRejection) -> Void) throws(ExpressionRejection) {
        switch value {
        case .null: return
        case .string(let s) where s.isEmpty: return
        case .array(let items): for item in items { try forEachItem(item, body) }
        default: try body(value)
        }
    }

    /// A short description of a value for reasons in the rejects file.
    static func describe(_ value: RecordValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n
        case .string(let s): "'\(s.count > 60 ? String(s.prefix(57)) + "…" : s)'"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// Why a record cannot be mapped; the record goes to the rejects file with this reason.
public struct ExpressionRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason, as written to the rejects file.
    public var reason: String

    /// A rejection with `reason`.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }

    /// The same rejection, prefixed with where it happened (`field 'navn': …`).
    func within(_ place: String) -> ExpressionRejection { ExpressionRejection("\(place): \(reason)") }
}
