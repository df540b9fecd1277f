import Foundation

/// Walks a JSON Schema document for `SchemaReader`.
struct JSONSchemaWalker {
    let root: RecordValue

    func member(_ value: RecordValue, _ name: String) -> RecordValue? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.name == name }?.value
    }

    func text(_ value: RecordValue, _ name: String) -> String? {
        if case .string(let s)? = member(value, name) { return s }
        return nil
    }

    /// The schema with its same-document `$ref`s followed; the referring schema's own
    /// keywords (a `title`, an `x-concept`) come first and win.
    func resolve(_ schema: RecordValue) -> RecordValue {
        var current = schema
        var hops = 0
        while let ref = text(current, "$ref"), hops < 32, let target = pointer(ref) {
            hops += 1
            guard case .object(let own) = current, case .object(let referred) = target else { return current }
            let names = Set(own.map(\.name))
            current = .object(own.filter { $0.name != "$ref" } + referred.filter { !names.contains($0.name) })
        }
        return current
    }

    /// The subschema a `#…` reference names in this document.
    private func pointer(_ ref: String) -> RecordValue? {
        var ref = ref
        if let id = text(root, "$id"), ref.hasPrefix(id + "#") { ref = String(ref.dropFirst(id.count)) }
        guard ref.hasPrefix("#") else { return nil }
        var value = root
        for token in ref.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let name = (String(token).removingPercentEncoding ?? String(token))
                .replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch value {
            case .object:
                guard let next = member(value, name) else { return nil }
                value = next
            case .array(let items):
                guard let k = Int(name), items.indices.contains(k) else { return nil }
                value = items[k]
            default:
                return nil
            }
        }
        return value
    }

    func types(_ schema: RecordValue) -> [String] {
        switch member(schema, "type") {
        case .string(let s)?: [s]
        case .array(let items)?: items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        default: []
        }
    }

    func concepts(_ schema: RecordValue) -> [String] {
        var out: [String] = []
        for keyword in SchemaReader.jsonSchemaConceptKeywords {
            switch member(schema, keyword) {
            case .string(let s)?: out += SchemaReader.iris(s)
            case .array(let items)?: out += items.compactMap { if case .string(let s) = $0 { s } else { nil } }
            default: break
            }
        }
        return SchemaReader.unique(out)
    }

    /// The properties of an object schema, its `allOf` members' included, in order.
    private func properties(_ schema: RecordValue, depth: Int) -> [RecordMember] {
        var out: [RecordMember] = []
        if case .object(let members)? = member(schema, "properties") { out += members }
        if case .array(let all)? = member(schema, "allOf"), depth < SchemaReader.maxDepth {
            for sub in all { out += properties(resolve(sub), depth: depth + 1) }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0.name).inserted }
    }

    private func isObject(_ schema: RecordValue) -> Bool {
        let t = types(schema)
        return t.contains("object") || (t.isEmpty && (member(schema, "properties") != nil || member(schema, "allOf") != nil))
    }

    /// The fields of an object schema, depth first.
    func fields(of schema: RecordValue, prefix: [SchemaPathStep], depth: Int) -> [SchemaField] {
        var out: [SchemaField] = []
        for property in properties(schema, depth: depth) {
            let s = resolve(property.value)
            let isArray = types(s).contains("array") || (types(s).isEmpty && member(s, "items") != nil)
            let items = isArray ? member(s, "items").map(resolve) : nil
            let step = SchemaPathStep(property.name, isList: isArray)
            let nested = items ?? s
            if isObject(nested), depth < SchemaReader.maxDepth {
                let inner = fields(of: nested, prefix: prefix + [step], depth: depth + 1)
                if !inner.isEmpty {
                    out += inner
                    continue
                }
            }
            var field = SchemaField(path: prefix + [step], label: text(s, "title") ?? items.flatMap { text($0, "title") },
                                    description: text(s, "description") ?? items.flatMap { text($0, "description") },
                                    datatype: datatype(nested),
                                    concepts: SchemaReader.unique(concepts(s) + (items.map(concepts) ?? [])))
            field.codeList = codeList(s) ?? items.flatMap(codeList)
            out.append(field)
        }
        return out
    }

    private func datatype(_ schema: RecordValue) -> String? {
        if let format = text(schema, "format") { return format }
        return types(schema).first { $0 != "null" }
    }

    /// The code list of a coded property: `enum`, `oneOf`/`anyOf` of `const`s, `x-codelist`.
    private func codeList(_ schema: RecordValue) -> SchemaCodeList? {
        var codes: [SchemaCode] = []
        if case .array(let values)? = member(schema, "enum") {
            codes = values.compactMap { Self.codeText($0).map { SchemaCode(value: $0) } }
        } else {
            for keyword in ["oneOf", "anyOf"] {
                guard case .array(let items)? = member(schema, keyword) else { continue }
                let resolved = items.map(resolve)
                let consts = resolved.compactMap { item in member(item, "const").flatMap(Self.codeText) }
                guard consts.count == resolved.count, !consts.isEmpty else { continue }
                codes = zip(consts, resolved).map { SchemaCode(value: $0.0, label: text($0.1, "title"), iris: concepts($0.1)) }
                break
            }
        }
        var iris: [String] = []
        switch member(schema, "x-codelist") {
        case .string(let s)?: iris = SchemaReader.iris(s)
        case .array(let items)?: iris = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        default: break
        }
        guard !codes.isEmpty || !iris.isEmpty else { return nil }
        return SchemaCodeList(iris: iris, codes: codes)
    }

    private static func codeText(_ value: RecordValue) -> String? {
        switch value {
        case .string(let s): s
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }
}
