/// `properties`, `patternProperties`, `additionalProperties`, `required`,
/// `dependentRequired`, `dependentSchemas`, `propertyNames` and `minProperties`/`maxProperties`.
extension JSONSchemaContext {
    func objects(_ outcome: inout JSONSchemaOutcome) {
        guard case .object(let members) = instance else { return }
        var covered: Set<String> = []
        if case .object(let properties)? = keywords["properties"] {
            for property in properties {
                for member in members where member.name == property.name {
                    outcome.mergeErrors(evaluate(property.value, member.value, at: child(member.name)))
                    outcome.properties.insert(member.name)
                    covered.insert(member.name)
                }
            }
        }
        if case .object(let patterns)? = keywords["patternProperties"] {
            for pattern in patterns {
                guard let regex = schema.regexes[pattern.name] else { continue }
                for member in members where regex.matches(member.name) {
                    outcome.mergeErrors(evaluate(pattern.value, member.value, at: child(member.name)))
                    outcome.properties.insert(member.name)
                    covered.insert(member.name)
                }
            }
        }
        if let additional = keywords["additionalProperties"] {
            for member in members where !covered.contains(member.name) {
                let result = evaluate(additional, member.value, at: child(member.name))
                if case .bool(false) = additional {
                    outcome.errors.append(error("additionalProperties", "has property '\(member.name)', which is not allowed"))
                } else {
                    outcome.mergeErrors(result)
                }
                outcome.properties.insert(member.name)
            }
        }
        let names = Set(members.map(\.name))
        let asserts = schema.assertsValidation
        if asserts, case .array(let required)? = keywords["required"] {
            for case .string(let name) in required where !names.contains(name) {
                outcome.errors.append(error("required", "lacks required property '\(name)'"))
            }
        }
        if asserts, case .object(let dependencies)? = keywords["dependentRequired"] {
            for dependency in dependencies where names.contains(dependency.name) {
                guard case .array(let required) = dependency.value else { continue }
                for case .string(let name) in required where !names.contains(name) {
                    outcome.errors.append(error("dependentRequired", "has '\(dependency.name)' but lacks '\(name)'"))
                }
            }
        }
        if case .object(let dependencies)? = keywords["dependentSchemas"] {
            for dependency in dependencies where names.contains(dependency.name) {
                outcome.merge(evaluate(dependency.value, instance, at: path))
            }
        }
        if let propertyNames = keywords["propertyNames"] {
            for member in members where !evaluate(propertyNames, .string(member.name), at: child(member.name)).valid {
                outcome.errors.append(error("propertyNames", "has property name '\(member.name)', which is not allowed"))
            }
        }
        if asserts, let limit = count("maxProperties"), members.count > limit {
            outcome.errors.append(error("maxProperties", "has more than \(limit) properties"))
        }
        if asserts, let limit = count("minProperties"), members.count < limit {
            outcome.errors.append(error("minProperties", "has fewer than \(limit) properties"))
        }
    }
}
