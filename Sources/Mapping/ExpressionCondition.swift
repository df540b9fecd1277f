/// A condition (`when:` on fields, properties and resources; `filter:` on records).
/// A value holding a list satisfies `equals`, `in` and `matches` when one of its items does.
indirect enum ExpressionCondition: Sendable {
    /// The value's text is one of these (`equals: x` or `in: [x, y]`), compared as text:
    /// a JSON `true` is `true`, the number `320` is `320`.
    case oneOf(Expression, [String])
    /// The value's text matches a regular expression somewhere.
    case matches(Expression, ExpressionRegex)
    /// The value is non-empty (`exists: true`) or empty (`exists: false`).
    case exists(Expression, Bool)
    case all([ExpressionCondition])
    case any([ExpressionCondition])
    case not(ExpressionCondition)

    /// Whether the condition holds for the record in `context`.
    func holds(_ context: ExpressionContext) throws(ExpressionRejection) -> Bool {
        switch self {
        case .oneOf(let expression, let texts):
            let value = try expression.evaluate(context)
            if texts.contains(""), ExpressionValue.isEmpty(value) { return true }
            return ExpressionValue.items(value).contains { item in
                ExpressionValue.text(item).map(texts.contains) ?? false
            }
        case .matches(let expression, let regex):
            return ExpressionValue.items(try expression.evaluate(context)).contains { item in
                ExpressionValue.text(item).map(regex.matches) ?? false
            }
        case .exists(let expression, let wanted):
            return ExpressionValue.isEmpty(try expression.evaluate(context)) != wanted
        case .all(let conditions):
            for c in conditions where !(try c.holds(context)) { return false }
            return true
        case .any(let conditions):
            for c in conditions where try c.holds(context) { return true }
            return false
        case .not(let condition):
            return !(try condition.holds(context))
        }
    }
}
