/// A path into a record (`forretningsadresse.kommune`, `adresse[0]`, `roller[*].type`,
/// `@id`, `#text`), as written in a mapping file: a `RecordPath` that remembers its text
/// and reports its syntax errors at their place in the mapping file.
struct ExpressionPath: Sendable, Hashable {
    /// The parsed path, in one box so that the expressions holding it copy one reference.
    private final class Box: Sendable {
        let path: RecordPath
        /// The member names when every step is a plain name (`a.b.c`), the common case
        /// `value(in:)` follows without collecting a list.
        let names: [String]?

        init(_ path: RecordPath) {
            self.path = path
            var names: [String] = []
            for step in path.steps {
                guard case .member(let name) = step else {
                    self.names = nil
                    return
                }
                names.append(name)
            }
            self.names = names
        }
    }

    private let box: Box

    /// The path as written.
    var text: String { box.path.description }

    /// Parses `text`; throws a message and the offset (in characters) of the problem.
    init(_ text: String) throws(ExpressionSyntaxError) {
        if text.isEmpty { throw ExpressionSyntaxError("a path must not be empty", offset: 0) }
        do {
            box = Box(try RecordPath(text))
        } catch {
            let offset = String(decoding: text.utf8.prefix(error.offset), as: UTF8.self).count
            throw ExpressionSyntaxError("\(error.message) in path '\(text)'", offset: offset)
        }
    }

    /// The values the path reaches in `record`, in document order.
    func values(in record: RecordValue) -> [RecordValue] { box.path.values(in: record) }

    /// What the path reaches in `record` as one value: null for nothing, the value for
    /// one, a list for several (`ExpressionValue.collapse` of `values(in:)`).
    func value(in record: RecordValue) -> RecordValue {
        guard let names = box.names else { return ExpressionValue.collapse(values(in: record)) }
        // Plain names through objects that hold each name once; anything else (a list on
        // the way, a name twice) takes the general walk.
        var current = record
        for name in names {
            switch current {
            case .object(let members):
                var found: Int?
                for i in members.indices where members[i].name == name {
                    if found != nil { return ExpressionValue.collapse(values(in: record)) }
                    found = i
                }
                guard let found else { return .null }
                current = members[found].value
            case .array:
                return ExpressionValue.collapse(values(in: record))
            default:
                return .null
            }
        }
        return current
    }

    static func == (a: ExpressionPath, b: ExpressionPath) -> Bool { a.box.path == b.box.path }

    func hash(into hasher: inout Hasher) { hasher.combine(box.path) }
}
