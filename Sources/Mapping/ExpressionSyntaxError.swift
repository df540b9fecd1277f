/// A syntax error inside one value of a mapping file (a path, a template, a date
/// pattern), with the offset in the value where it is.
struct ExpressionSyntaxError: Error {
    let message: String
    let offset: Int

    init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The error in the mapping file: at the node's position, moved along by the offset
    /// when the value is written on one line as a plain or quoted scalar.
    func located(at node: MappingSpecNode) -> MappingSpecError {
        var e = node.error(message)
        if case .scalar(let s) = node.node, !s.string.contains("\n") {
            let quote = (s.style == .singleQuoted || s.style == .doubleQuoted) ? 1 : 0
            if s.style != .literal, s.style != .folded { e.column += offset + quote }
        }
        return e
    }
}
