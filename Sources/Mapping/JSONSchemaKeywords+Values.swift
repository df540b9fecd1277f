/// `type`, `enum`, `const`, the numeric keywords and the string keywords.
extension JSONSchemaContext {
    func values(_ outcome: inout JSONSchemaOutcome) {
        guard schema.assertsValidation else { return }
        if let type = keywords["type"] {
            let names: [String]
            switch type {
            case .string(let name): names = [name]
            case .array(let list): names = list.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: names = []
            }
            if !names.contains(where: { JSONSchemaValue.has(instance, type: $0) }) {
                let expected = names.count == 1 ? names[0] : "one of " + names.joined(separator: ", ")
                outcome.errors.append(error("type", "is \(instance.kindName), not \(expected)"))
            }
        }
        if case .array(let allowed)? = keywords["enum"], !allowed.contains(where: { JSONSchemaValue.equal($0, instance) }) {
            outcome.errors.append(error("enum", "is not one of \(JSONSchemaValue.render(.array(allowed)))"))
        }
        if let constant = keywords["const"], !JSONSchemaValue.equal(constant, instance) {
            outcome.errors.append(error("const", "is not \(JSONSchemaValue.render(constant))"))
        }
        if case .number(let text) = instance, let number = JSONSchemaNumber(text) {
            numbers(number, &outcome)
        }
        if case .string(let text) = instance {
            strings(text, &outcome)
        }
    }

    private func bound(_ keyword: String) -> (JSONSchemaNumber, String)? {
        guard case .number(let text)? = keywords[keyword], let number = JSONSchemaNumber(text) else { return nil }
        return (number, text)
    }

    private func numbers(_ number: JSONSchemaNumber, _ outcome: inout JSONSchemaOutcome) {
        if let (limit, text) = bound("maximum"), limit.less(than: number) {
            outcome.errors.append(error("maximum", "is greater than \(text)"))
        }
        if let (limit, text) = bound("exclusiveMaximum"), !number.less(than: limit) {
            outcome.errors.append(error("exclusiveMaximum", "is not less than \(text)"))
        }
        if let (limit, text) = bound("minimum"), number.less(than: limit) {
            outcome.errors.append(error("minimum", "is less than \(text)"))
        }
        if let (limit, text) = bound("exclusiveMinimum"), !limit.less(than: number) {
            outcome.errors.append(error("exclusiveMinimum", "is not greater than \(text)"))
        }
        if let (divisor, text) = bound("multipleOf"), !number.isMultiple(of: divisor) {
            outcome.errors.append(error("multipleOf", "is not a multiple of \(text)"))
        }
    }

    private func strings(_ text: String, _ outcome: inout JSONSchemaOutcome) {
        let needsLength = keywords["maxLength"] != nil || keywords["minLength"] != nil
        let length = needsLength ? text.unicodeScalars.count : 0
        if let limit = count("maxLength"), length > limit {
            outcome.errors.append(error("maxLength", "is longer than \(limit) characters"))
        }
        if let limit = count("minLength"), length < limit {
            outcome.errors.append(error("minLength", "is shorter than \(limit) characters"))
        }
        if case .string(let pattern)? = keywords["pattern"], let regex = schema.regexes[pattern], !regex.matches(text) {
            outcome.errors.append(error("pattern", "does not match pattern \(pattern)"))
        }
    }
}

/// JSON data model helpers: types, equality (numbers by value, objects unordered), text.
enum JSONSchemaValue {
    static func has(_ value: RecordValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string),
             ("array", .array), ("object", .object):
            return true
        case ("integer", .number(let text)):
            return JSONSchemaNumber(text)?.isInteger ?? false
        default:
            return false
        }
    }

    static func equal(_ a: RecordValue, _ b: RecordValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.number(let x), .number(let y)):
            return x == y || (JSONSchemaNumber(x).map { m in JSONSchemaNumber(y) == m } ?? false)
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            return x.allSatisfy { member in
                y.contains { $0.name.unicodeScalars.elementsEqual(member.name.unicodeScalars) && equal($0.value, member.value) }
            }
        default:
            return false
        }
    }

    /// Compact JSON text of `value`, cut off after 60 characters.
    static func render(_ value: RecordValue) -> String {
        var bytes: [UInt8] = []
        try? JSONText.append(value, to: &bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
