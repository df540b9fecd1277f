/// Fields, expressions, function steps and conditions.
extension MappingSpecReader {
    static let sourceOfValueKeys = ["path", "field", "value", "template", "concat", "coalesce"]
    static let expressionKeys = sourceOfValueKeys + ["separator", "function"]
    static let fieldKeys = expressionKeys + ["map", "default", "required", "when", "type", "description"]

    func field(_ name: String, _ node: MappingSpecNode) throws(MappingSpecError) -> MappingSpecField {
        let what = "field '\(name)'"
        if node.isScalar {
            // `navn: navn` is short for `navn: {path: navn}`.
            return MappingSpecField(name: name, value: .path(try path(node, what)), steps: [], defaultValue: nil,
                                    required: false, when: nil, type: nil)
        }
        let e = try node.entries(what, allowed: Self.fieldKeys)
        let value = try sourceOfValue(e, what: what, fields: true)
        var steps = try e["function"].map { (n) throws(MappingSpecError) in try functions(n) } ?? []
        if let n = e["map"] {
            steps.append(try lookup(n))
        }
        var field = MappingSpecField(name: name, value: value, steps: steps, defaultValue: nil,
                                     required: try e["required"]?.bool("required") ?? false, when: nil, type: nil)
        if let n = e["default"] {
            guard let v = n.recordValue else { throw n.error("the default must be text, found \(n.kindName)") }
            field.defaultValue = v
        }
        if let n = e["when"] { field.when = try condition(n, what: "the condition", fields: true) }
        if let n = e["type"] {
            let t = try n.text("type")
            guard let type = MappingSpecFieldType(rawValue: t) else {
                throw n.error("unknown type '\(t)'; use string, number, integer or boolean"
                              + MappingSpecSuggestion.hint(for: t, among: MappingSpecFieldType.allCases.map(\.rawValue)))
            }
            field.type = type
        }
        return field
    }

    /// The value of `path`, `field`, `value`, `template`, `concat` or `coalesce` (exactly
    /// one), followed by the `function` steps when `withSteps`.
    func sourceOfValue(_ e: MappingSpecEntries, what: String, fields: Bool) throws(MappingSpecError) -> Expression {
        let key = try e.exactlyOne(of: Self.sourceOfValueKeys, "source of the value")
        let n = e[key]!
        if e["separator"] != nil, key != "concat" {
            throw e.keyNode("separator")!.error("'separator' goes with 'concat'")
        }
        switch key {
        case "path":
            return .path(try path(n, "path"))
        case "field":
            return try fieldReference(n, fields: fields)
        case "value":
            guard let v = n.recordValue else { throw n.error("value must be text, found \(n.kindName)") }
            return .constant(v)
        case "template":
            return .template(try fieldTemplate(n))
        case "concat":
            let separator = try e["separator"]?.text("separator") ?? ""
            return .concat(try listOfExpressions(n, "concat", fields: fields), separator: separator)
        default:
            return .coalesce(try listOfExpressions(n, "coalesce", fields: fields))
        }
    }

    /// An expression in a list (`concat`, `coalesce`): text is a template over paths; a
    /// mapping is a full expression with its own steps.
    func listItemExpression(_ n: MappingSpecNode, fields: Bool) throws(MappingSpecError) -> Expression {
        if n.isScalar { return .template(try fieldTemplate(n)) }
        let e = try n.entries("an item", allowed: Self.expressionKeys)
        let value = try sourceOfValue(e, what: "an item", fields: fields)
        guard let f = e["function"] else { return value }
        return .steps(value, try functions(f))
    }

    private func listOfExpressions(_ n: MappingSpecNode, _ what: String, fields: Bool) throws(MappingSpecError) -> [Expression] {
        let items = try n.list(what)
        if items.isEmpty { throw n.error("\(what) needs at least one item") }
        var out: [Expression] = []
        for item in items { out.append(try listItemExpression(item, fields: fields)) }
        return out
    }

    /// `field: name`: an earlier field.
    func fieldReference(_ n: MappingSpecNode, fields: Bool) throws(MappingSpecError) -> Expression {
        let name = try n.nonEmptyText("field")
        guard fields else { throw n.error("the filter reads the input record before any field is made; use 'path'") }
        guard let index = fieldIndex[name] else {
            if allFieldNames.contains(name) {
                throw n.error("field '\(name)' is declared after this one; a field can use only the fields above it")
            }
            throw n.error("unknown field '\(name)'" + MappingSpecSuggestion.hint(for: name, among: fieldNames))
        }
        return .field(index, name)
    }

    /// A template whose references are paths into the input record.
    func fieldTemplate(_ n: MappingSpecNode) throws(MappingSpecError) -> ExpressionTemplate {
        let text = try n.text("template")
        let resolve: (String, Int) throws(ExpressionSyntaxError) -> Expression = { name, offset throws(ExpressionSyntaxError) in
            do throws(ExpressionSyntaxError) { return .path(try ExpressionPath(name)) } catch {
                throw ExpressionSyntaxError(error.message, offset: offset + error.offset)
            }
        }
        do throws(ExpressionSyntaxError) {
            return try ExpressionTemplate(text, encodesIRI: false, resolve: resolve)
        } catch {
            throw error.located(at: n)
        }
    }

    // MARK: Functions

    /// A `function` value: one step or a list of them.
    func functions(_ n: MappingSpecNode) throws(MappingSpecError) -> [ExpressionFunction] {
        var steps: [ExpressionFunction] = []
        for item in n.listItems { steps.append(try function(item)) }
        return steps
    }

    func function(_ n: MappingSpecNode) throws(MappingSpecError) -> ExpressionFunction {
        func unknown(_ name: String, at node: MappingSpecNode) -> MappingSpecError {
            node.error("unknown function '\(name)'" + MappingSpecSuggestion.hint(for: name, among: ExpressionFunction.names))
        }
        if n.isScalar {
            let name = try n.nonEmptyText("a function")
            switch name {
            case "trim": return .trim
            case "upper": return .upper
            case "lower": return .lower
            case "titlecase": return .titlecase
            case "first": return .first
            case "last": return .last
            case "compact": return .compact
            case "number": return .number(ExpressionNumber())
            case "date": return .date(from: try! ExpressionDatePattern("iso"), to: try! ExpressionDatePattern("iso"))
            default:
                if ExpressionFunction.names.contains(name) {
                    throw n.error("function '\(name)' needs an argument: write {\(name): …}")
                }
                throw unknown(name, at: n)
            }
        }
        guard case .mapping(let m) = n.node, m.count == 1, let (keyNode, valueNode) = m.first else {
            throw n.error("a function is a name (trim) or a mapping with one key ({split: \",\"}), found \(n.kindName)")
        }
        let key = MappingSpecNode(keyNode, source: file), arg = MappingSpecNode(valueNode, source: file)
        let name = try key.nonEmptyText("a function name")
        switch name {
        case "split": return .split(try arg.nonEmptyText("split's separator"))
        case "join": return .join(try arg.text("join's separator"))
        case "prefix": return .prefix(try arg.text("prefix"))
        case "suffix": return .suffix(try arg.text("suffix"))
        case "lookup": return try lookup(arg)
        case "default":
            guard let v = arg.recordValue else { throw arg.error("the default must be text, found \(arg.kindName)") }
            return .defaultValue(v)
        case "replace":
            let e = try arg.entries("replace", allowed: ["pattern", "with", "flags"])
            let patternNode = try e.required("pattern")
            let flags = try e["flags"]?.text("flags") ?? ""
            let pattern = try patternNode.nonEmptyText("pattern")
            let regex: ExpressionRegex
            do { regex = try ExpressionRegex(pattern, flags: flags) } catch {
                throw error.located(at: error.message.contains("flag") ? e["flags"] ?? patternNode : patternNode)
            }
            let with = try e["with"]?.text("with") ?? ""
            try checkGroups(with, regex, at: e["with"] ?? patternNode)
            return .replace(regex, with)
        case "substring":
            let e = try arg.entries("substring", allowed: ["start", "length"])
            return .substring(start: try e.required("start").int("start"),
                              length: try e["length"]?.int("length", in: 0...Int.max))
        case "pad":
            let e = try arg.entries("pad", allowed: ["width", "char", "side"])
            var character: Character = " "
            if let c = e["char"] {
                let t = try c.text("char")
                guard t.count == 1, let ch = t.first else { throw c.error("char must be one character, found '\(t)'") }
                character = ch
            }
            var left = true
            if let s = e["side"] {
                switch try s.text("side") {
                case "left": left = true
                case "right": left = false
                case let v: throw s.error("side must be 'left' or 'right', not '\(v)'")
                }
            }
            return .pad(width: try e.required("width").int("width", in: 1...10_000), character: character, left: left)
        case "number":
            let e = try arg.entries("number", allowed: ["decimals", "decimal", "thousands", "from-decimal"])
            var f = ExpressionNumber()
            f.decimals = try e["decimals"]?.int("decimals", in: 0...100)
            if let d = e["decimal"] { f.decimalMark = try d.text("decimal") }
            if let t = e["thousands"] { f.thousandsSeparator = try t.text("thousands") }
            if let d = e["from-decimal"] {
                let t = try d.text("from-decimal")
                guard t == "." || t == "," else { throw d.error("from-decimal must be '.' or ','") }
                f.inputDecimalMark = t.first!
            }
            return .number(f)
        case "date":
            let e = try arg.entries("date", allowed: ["from", "to"])
            func pattern(_ key: String) throws(MappingSpecError) -> ExpressionDatePattern {
                guard let p = e[key] else { return try! ExpressionDatePattern("iso") }
                let text = try p.nonEmptyText(key)
                do throws(ExpressionSyntaxError) { return try ExpressionDatePattern(text) } catch { throw error.located(at: p) }
            }
            return .date(from: try pattern("from"), to: try pattern("to"))
        default:
            if ExpressionFunction.bareNames.contains(name), ExpressionFunction.names.contains(name) {
                throw key.error("function '\(name)' takes no argument: write it as a bare name")
            }
            throw unknown(name, at: key)
        }
    }

    /// `map: name` or `{lookup: name}`: a declared value map.
    func lookup(_ n: MappingSpecNode) throws(MappingSpecError) -> ExpressionFunction {
        let name = try n.nonEmptyText("a value map name")
        guard let index = mapIndex[name] else {
            throw n.error("unknown value map '\(name)'" + (mapIndex.isEmpty ? "; declare it under 'maps'"
                : MappingSpecSuggestion.hint(for: name, among: mapIndex.keys.sorted())))
        }
        return .lookup(index, name)
    }

    /// `$n` in a replacement must name a group the pattern has.
    private func checkGroups(_ replacement: String, _ regex: ExpressionRegex, at node: MappingSpecNode) throws(MappingSpecError) {
        var chars = Array(replacement)[...]
        while let c = chars.popFirst() {
            if c == "\\" { _ = chars.popFirst(); continue }
            guard c == "$" else { continue }
            let digits = chars.prefix { $0.isASCII && $0.isNumber }
            guard let n = Int(String(digits)) else { throw node.error("'$' in a replacement must be followed by a group number (write '\\$' for a dollar)") }
            if n > regex.groupCount {
                throw node.error("the replacement uses $\(n) but the pattern has \(regex.groupCount) group\(regex.groupCount == 1 ? "" : "s")")
            }
            chars = chars.dropFirst(digits.count)
        }
    }

    // MARK: Conditions

    static let conditionKeys = ["path", "field", "template", "function", "equals", "in", "matches", "flags", "exists", "all", "any", "not"]

    func condition(_ n: MappingSpecNode, what: String, fields: Bool) throws(MappingSpecError) -> ExpressionCondition {
        let e = try n.entries(what, allowed: Self.conditionKeys)
        let combinators = e.present(["all", "any", "not"])
        if let first = combinators.first {
            if e.pairs.count > 1 {
                let other = e.pairs.first { $0.key != first }!
                throw other.keyNode.error("'\(first)' combines conditions and stands alone; put '\(other.key)' in a condition of its own")
            }
            let v = e[first]!
            if first == "not" { return .not(try condition(v, what: "the condition", fields: fields)) }
            var parts: [ExpressionCondition] = []
            for item in try v.list(first) { parts.append(try condition(item, what: "the condition", fields: fields)) }
            if parts.isEmpty { throw v.error("'\(first)' needs at least one condition") }
            return first == "all" ? .all(parts) : .any(parts)
        }
        let subjectKey = try e.exactlyOne(of: ["path", "field", "template"], "value to test")
        var subject: Expression
        let s = e[subjectKey]!
        switch subjectKey {
        case "path": subject = .path(try path(s, "path"))
        case "field": subject = try fieldReference(s, fields: fields)
        default: subject = .template(try fieldTemplate(s))
        }
        if let f = e["function"] { subject = .steps(subject, try functions(f)) }
        let test = try e.exactlyOne(of: ["equals", "in", "matches", "exists"], "test")
        let t = e[test]!
        if e["flags"] != nil, test != "matches" { throw e.keyNode("flags")!.error("'flags' goes with 'matches'") }
        switch test {
        case "equals":
            guard case .some(let v) = t.recordValue else { throw t.error("equals needs one value, found \(t.kindName)") }
            return .oneOf(subject, [ExpressionValue.text(v) ?? ""])
        case "in":
            var texts: [String] = []
            for item in try t.list("in") {
                guard let v = item.recordValue else { throw item.error("in needs a list of values, found \(item.kindName)") }
                texts.append(ExpressionValue.text(v) ?? "")
            }
            return .oneOf(subject, texts)
        case "matches":
            let pattern = try t.nonEmptyText("matches")
            let flags = try e["flags"]?.text("flags") ?? ""
            do {
                return .matches(subject, try ExpressionRegex(pattern, flags: flags))
            } catch {
                throw error.located(at: error.message.contains("flag") ? e["flags"] ?? t : t)
            }
        default:
            return .exists(subject, try t.bool("exists"))
        }
    }
}
