/// A path into a record (`forretningsadresse.kommune`, `adresse[0]`, `roller[*].type`,
/// `@id`, `#text`), as written in a mapping file: a `RecordPath` that remembers its text
/// and reports its syntax errors at their place in the mapping file.
struct ExpressionPath: Sendable, Hashable {
    /// The path as written.
    let text: String
    private let path: RecordPath

    /// Parses `text`; throws a message and the offset (in characters) of the problem.
    init(_ text: String) throws(ExpressionSyntaxError) {
        self.text = text
        if text.isEmpty { throw ExpressionSyntaxError("a path must not be empty", offset: 0) }
        do {
            path = try RecordPath(text)
        } catch {
            let offset = String(decoding: text.utf8.prefix(error.offset), as: UTF8.self).count
            throw ExpressionSyntaxError("\(error.message) in path '\(text)'", offset: offset)
        }
    }

    /// The values the path reaches in `record`, in document order.
    func values(in record: RecordValue) -> [RecordValue] { path.values(in: record) }
}
