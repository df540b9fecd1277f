/// Where a value comes from: a path into the record, an earlier field, a constant, a
/// template, a concatenation or the first non-empty of several, optionally followed by
/// function steps.
indirect enum Expression: Sendable {
    /// The values a path reaches in the input record (one value, a list, or null).
    case path(ExpressionPath)
    /// The value of an earlier field (by position, and its name for messages).
    case field(Int, String)
    /// A constant.
    case constant(RecordValue)
    /// Text with `{references}` filled in.
    case template(ExpressionTemplate)
    /// The non-empty parts joined by a separator.
    case concat([Expression], separator: String)
    /// The first part that is not empty.
    case coalesce([Expression])
    /// An expression followed by function steps.
    case steps(Expression, [ExpressionFunction])

    /// The value in `context`; throws a rejection when the record cannot be mapped.
    func evaluate(_ context: ExpressionContext) throws(ExpressionRejection) -> RecordValue {
        switch self {
        case .path(let path):
            return path.value(in: context.record)
        case .field(let index, _):
            return context.fields[index]
        case .constant(let value):
            return value
        case .template(let template):
            return try template.evaluate(context)
        case .concat(let parts, let separator):
            var texts: [String] = []
            for part in parts {
                let value = try part.evaluate(context)
                for item in ExpressionValue.items(value) {
                    guard let t = ExpressionValue.text(item) else {
                        throw ExpressionRejection("concat: cannot join \(ExpressionValue.describe(item))")
                    }
                    texts.append(t)
                }
            }
            return texts.isEmpty ? .null : .string(texts.joined(separator: separator))
        case .coalesce(let parts):
            for part in parts {
                let value = try part.evaluate(context)
                if !ExpressionValue.isEmpty(value) { return value }
            }
            return .null
        case .steps(let inner, let steps):
            var value = try inner.evaluate(context)
            for step in steps { value = try step.apply(to: value, context) }
            return value
        }
    }
}

/// What an expression is evaluated against: the input record (with any joined records),
/// the fields evaluated so far and the loaded value maps.
struct ExpressionContext {
    /// The input record.
    var record: RecordValue
    /// The values of the fields evaluated so far, by position (null for the rest).
    var fields: [RecordValue]
    /// The value maps, by position in the mapping file.
    var maps: [ValueMap]
}
