/// `$ref`, `$dynamicRef`, `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, and
/// `unevaluatedItems`/`unevaluatedProperties`, which run last.
extension JSONSchemaContext {
    func references(_ outcome: inout JSONSchemaOutcome) {
        if case .string(let reference)? = keywords["$ref"] {
            let uri = JSONSchemaURI.resolve(reference, against: scope.base)
            if let target = schema.resolve(uri) {
                outcome.merge(follow(target))
            } else {
                outcome.errors.append(error("$ref", "cannot resolve \(reference)"))
            }
        }
        if case .string(let reference)? = keywords["$dynamicRef"] {
            let uri = JSONSchemaURI.resolve(reference, against: scope.base)
            var target = schema.resolve(uri)
            let (document, fragment) = JSONSchemaURI.split(uri)
            if !fragment.isEmpty, !fragment.hasPrefix("/"), schema.dynamicAnchors.contains(document + "#" + fragment) {
                // The outermost resource in the dynamic scope with that anchor wins.
                for resource in scope.resources where schema.dynamicAnchors.contains(resource + "#" + fragment) {
                    target = schema.resolve(resource + "#" + fragment)
                    break
                }
            }
            if let target {
                outcome.merge(follow(target))
            } else {
                outcome.errors.append(error("$dynamicRef", "cannot resolve \(reference)"))
            }
        }
    }

    private func follow(_ target: JSONSchema.Location) -> JSONSchemaOutcome {
        var inner = scope
        inner.base = target.base
        inner.depth += 1
        return validator.evaluate(target.schema, instance, at: path, in: inner)
    }

    func logic(_ outcome: inout JSONSchemaOutcome) {
        if case .array(let schemas)? = keywords["allOf"] {
            for subschema in schemas { outcome.merge(evaluate(subschema, instance, at: path)) }
        }
        if case .array(let schemas)? = keywords["anyOf"] {
            let results = schemas.map { evaluate($0, instance, at: path) }
            if results.contains(where: \.valid) {
                for result in results where result.valid { outcome.mergeAnnotations(result) }
            } else {
                outcome.errors.append(error("anyOf", "matches none of the \(schemas.count) alternatives"
                                            + Self.first(results)))
            }
        }
        if case .array(let schemas)? = keywords["oneOf"] {
            let results = schemas.map { evaluate($0, instance, at: path) }
            let valid = results.filter(\.valid)
            if valid.count == 1 {
                outcome.mergeAnnotations(valid[0])
            } else if valid.isEmpty {
                outcome.errors.append(error("oneOf", "matches none of the \(schemas.count) alternatives" + Self.first(results)))
            } else {
                outcome.errors.append(error("oneOf", "matches \(valid.count) of the alternatives, not exactly one"))
            }
        }
        if let not = keywords["not"], evaluate(not, instance, at: path).valid {
            outcome.errors.append(error("not", "matches a schema it must not match"))
        }
        if let condition = keywords["if"] {
            let result = evaluate(condition, instance, at: path)
            if result.valid {
                outcome.mergeAnnotations(result)
                if let then = keywords["then"] { outcome.merge(evaluate(then, instance, at: path)) }
            } else if let otherwise = keywords["else"] {
                outcome.merge(evaluate(otherwise, instance, at: path))
            }
        }
    }

    /// ` (first: …)`, the first error of the first alternative, to hint at what is wrong.
    private static func first(_ results: [JSONSchemaOutcome]) -> String {
        guard let first = results.first?.errors.first else { return "" }
        return " (first: \(first))"
    }

    func unevaluated(_ outcome: inout JSONSchemaOutcome) {
        if let unevaluated = keywords["unevaluatedItems"], case .array(let elements) = instance {
            for (i, element) in elements.enumerated() where !outcome.items.contains(i) {
                let result = evaluate(unevaluated, element, at: child(i))
                if case .bool(false) = unevaluated {
                    outcome.errors.append(error("unevaluatedItems", "has item \(i), which is not allowed", at: path))
                } else {
                    outcome.mergeErrors(result)
                }
                outcome.items.insert(i)
            }
        }
        if let unevaluated = keywords["unevaluatedProperties"], case .object(let members) = instance {
            for member in members where !outcome.properties.contains(member.name) {
                let result = evaluate(unevaluated, member.value, at: child(member.name))
                if case .bool(false) = unevaluated {
                    outcome.errors.append(error("unevaluatedProperties", "has property '\(member.name)', which is not allowed"))
                } else {
                    outcome.mergeErrors(result)
                }
                outcome.properties.insert(member.name)
            }
        }
    }
}
