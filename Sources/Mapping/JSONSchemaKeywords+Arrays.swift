/// `prefixItems`, `items`, `contains`, `minContains`/`maxContains`, `minItems`/`maxItems`
/// and `uniqueItems`.
extension JSONSchemaContext {
    func arrays(_ outcome: inout JSONSchemaOutcome) {
        guard case .array(let elements) = instance else { return }
        var prefix = 0
        if case .array(let schemas)? = keywords["prefixItems"] {
            prefix = min(schemas.count, elements.count)
            for i in 0..<prefix {
                outcome.mergeErrors(evaluate(schemas[i], elements[i], at: child(i)))
                outcome.items.insert(i)
            }
        }
        if let items = keywords["items"], prefix < elements.count {
            for i in prefix..<elements.count {
                outcome.mergeErrors(evaluate(items, elements[i], at: child(i)))
                outcome.items.insert(i)
            }
        }
        if let contains = keywords["contains"] {
            var matched = 0
            for (i, element) in elements.enumerated() where evaluate(contains, element, at: child(i)).valid {
                matched += 1
                outcome.items.insert(i)
            }
            let least = schema.assertsValidation ? count("minContains") ?? 1 : 1
            if matched < least {
                outcome.errors.append(error("contains", least == 1 ? "contains no matching item"
                                                                    : "contains \(matched) matching items, fewer than \(least)"))
            }
            if schema.assertsValidation, let most = count("maxContains"), matched > most {
                outcome.errors.append(error("maxContains", "contains \(matched) matching items, more than \(most)"))
            }
        }
        guard schema.assertsValidation else { return }
        if let limit = count("maxItems"), elements.count > limit {
            outcome.errors.append(error("maxItems", "has more than \(limit) items"))
        }
        if let limit = count("minItems"), elements.count < limit {
            outcome.errors.append(error("minItems", "has fewer than \(limit) items"))
        }
        if case .bool(true)? = keywords["uniqueItems"] {
            outer: for i in elements.indices {
                for j in elements.indices where j > i && JSONSchemaValue.equal(elements[i], elements[j]) {
                    outcome.errors.append(error("uniqueItems", "has equal items at \(i) and \(j)"))
                    break outer
                }
            }
        }
    }
}
