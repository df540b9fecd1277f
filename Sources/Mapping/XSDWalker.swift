/// Walks the record the XML reader made of an `xs:schema` element.
struct XSDWalker {
    let schema: RecordValue
    let sawsdlPrefixes: [String]
    private var complexTypes: [String: RecordValue] = [:]
    private var simpleTypes: [String: RecordValue] = [:]
    private var elements: [String: RecordValue] = [:]
    private var attributes: [String: RecordValue] = [:]
    private var groups: [String: RecordValue] = [:]
    private var attributeGroups: [String: RecordValue] = [:]

    init(schema: RecordValue, sawsdlPrefixes: [String]) {
        self.schema = schema
        self.sawsdlPrefixes = sawsdlPrefixes
        func index(_ name: String) -> [String: RecordValue] {
            var out: [String: RecordValue] = [:]
            for v in Self.all(schema, name) {
                if let n = Self.attribute(v, "name"), out[n] == nil { out[n] = v }
            }
            return out
        }
        complexTypes = index("complexType")
        simpleTypes = index("simpleType")
        elements = index("element")
        attributes = index("attribute")
        groups = index("group")
        attributeGroups = index("attributeGroup")
    }

    // MARK: Record access

    /// The children called `name`: none, one, or each of a repeated one.
    static func all(_ value: RecordValue, _ name: String) -> [RecordValue] {
        guard case .object(let members) = value, let v = members.first(where: { $0.name == name })?.value else { return [] }
        if case .array(let items) = v { return items }
        return [v]
    }

    static func attribute(_ value: RecordValue, _ name: String) -> String? {
        guard case .object(let members) = value, case .string(let s)? = members.first(where: { $0.name == "@" + name })?.value else {
            return nil
        }
        return s
    }

    /// A QName's local part.
    static func local(_ qname: String) -> String {
        qname.firstIndex(of: ":").map { String(qname[qname.index(after: $0)...]) } ?? qname
    }

    func modelReferences(_ value: RecordValue) -> [String] {
        SchemaReader.unique(sawsdlPrefixes.flatMap { Self.attribute(value, $0 + ":modelReference").map(SchemaReader.iris) ?? [] })
    }

    /// The first `xs:documentation` text of a component.
    func documentation(_ value: RecordValue) -> String? {
        for annotation in Self.all(value, "annotation") {
            for doc in Self.all(annotation, "documentation") {
                switch doc {
                case .string(let s):
                    if let t = Self.trimmed(s) { return t }
                case .object(let members):
                    if case .string(let s)? = members.first(where: { $0.name == "#text" })?.value, let t = Self.trimmed(s) { return t }
                default: continue
                }
            }
        }
        return nil
    }

    private static func trimmed(_ s: String) -> String? {
        let t = s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return t.isEmpty ? nil : t
    }

    /// The complex type of an element: inline, or named by `type`.
    func complexType(of element: RecordValue) -> RecordValue? {
        if let inline = Self.all(element, "complexType").first { return inline }
        return Self.attribute(element, "type").flatMap { complexTypes[Self.local($0)] }
    }

    // MARK: Fields

    func fields(ofComplexType type: RecordValue, prefix: [SchemaPathStep], depth: Int, visiting: Set<String>) -> [SchemaField] {
        guard depth < SchemaReader.maxDepth else { return [] }
        var out: [SchemaField] = []
        for content in Self.all(type, "complexContent") {
            for derivation in Self.all(content, "extension") + Self.all(content, "restriction") {
                if let base = Self.attribute(derivation, "base").map(Self.local), !visiting.contains(base),
                   let baseType = complexTypes[base] {
                    out += fields(ofComplexType: baseType, prefix: prefix, depth: depth + 1, visiting: visiting.union([base]))
                }
                out += attributeFields(derivation, prefix: prefix, depth: depth)
                out += particles(derivation, prefix: prefix, depth: depth, visiting: visiting)
            }
        }
        for content in Self.all(type, "simpleContent") {
            for derivation in Self.all(content, "extension") + Self.all(content, "restriction") {
                var text = simpleField(path: prefix + [SchemaPathStep("#text")], typeName: Self.attribute(derivation, "base"),
                                       inline: nil)
                if text.codeList == nil, !Self.all(derivation, "enumeration").isEmpty {
                    text.codeList = codeList(derivation, scheme: [], label: nil)
                }
                out.append(text)
                out += attributeFields(derivation, prefix: prefix, depth: depth)
            }
        }
        out += attributeFields(type, prefix: prefix, depth: depth)
        out += particles(type, prefix: prefix, depth: depth, visiting: visiting)
        return out
    }

    /// The elements of a model group (`sequence`, `choice`, `all`, `group`) and those nested in it.
    private func particles(_ container: RecordValue, prefix: [SchemaPathStep], depth: Int, visiting: Set<String>) -> [SchemaField] {
        guard depth < SchemaReader.maxDepth else { return [] }
        var out: [SchemaField] = []
        for element in Self.all(container, "element") {
            out += fields(ofElement: element, prefix: prefix, depth: depth, visiting: visiting)
        }
        for kind in ["sequence", "choice", "all"] {
            for group in Self.all(container, kind) { out += particles(group, prefix: prefix, depth: depth + 1, visiting: visiting) }
        }
        for group in Self.all(container, "group") {
            if let ref = Self.attribute(group, "ref").map(Self.local), let named = groups[ref], !visiting.contains("group " + ref) {
                out += particles(named, prefix: prefix, depth: depth + 1, visiting: visiting.union(["group " + ref]))
            } else {
                out += particles(group, prefix: prefix, depth: depth + 1, visiting: visiting)
            }
        }
        return out
    }

    private func fields(ofElement declared: RecordValue, prefix: [SchemaPathStep], depth: Int, visiting: Set<String>) -> [SchemaField] {
        var element = declared
        if let ref = Self.attribute(declared, "ref").map(Self.local), let global = elements[ref] { element = global }
        guard let name = Self.attribute(element, "name") ?? Self.attribute(declared, "ref").map(Self.local) else { return [] }
        let maxOccurs = Self.attribute(declared, "maxOccurs") ?? Self.attribute(element, "maxOccurs") ?? "1"
        let step = SchemaPathStep(name, isList: maxOccurs == "unbounded" || (Int(maxOccurs) ?? 1) > 1)
        let concepts = SchemaReader.unique(modelReferences(declared) + modelReferences(element))
        let label = documentation(declared) ?? documentation(element)
        let typeName = Self.attribute(element, "type").map(Self.local)
        if let complex = complexType(of: element) {
            if let typeName, visiting.contains(typeName) { return [] }
            let inner = fields(ofComplexType: complex, prefix: prefix + [step], depth: depth + 1,
                               visiting: visiting.union([typeName].compactMap { $0 }))
            // Simple content: the text field stands for the element itself.
            return inner.map { f in
                guard f.path.last?.name == "#text", f.path.count == prefix.count + 2 else { return f }
                var f = f
                if f.concepts.isEmpty { f.concepts = concepts }
                f.description = f.description ?? label
                return f
            }
        }
        var field = simpleField(path: prefix + [step], typeName: Self.attribute(element, "type"),
                                inline: Self.all(element, "simpleType").first)
        if !concepts.isEmpty { field.concepts = concepts }
        field.description = label
        return [field]
    }

    private func attributeFields(_ container: RecordValue, prefix: [SchemaPathStep], depth: Int) -> [SchemaField] {
        var out: [SchemaField] = []
        for declared in Self.all(container, "attribute") {
            var attribute = declared
            if let ref = Self.attribute(declared, "ref").map(Self.local), let global = attributes[ref] { attribute = global }
            guard let name = Self.attribute(attribute, "name") else { continue }
            var field = simpleField(path: prefix + [SchemaPathStep("@" + name)], typeName: Self.attribute(attribute, "type"),
                                    inline: Self.all(attribute, "simpleType").first)
            let own = SchemaReader.unique(modelReferences(declared) + modelReferences(attribute))
            if !own.isEmpty { field.concepts = own }
            field.description = documentation(declared) ?? documentation(attribute)
            out.append(field)
        }
        for group in Self.all(container, "attributeGroup") where depth < SchemaReader.maxDepth {
            if let ref = Self.attribute(group, "ref").map(Self.local), let named = attributeGroups[ref] {
                out += attributeFields(named, prefix: prefix, depth: depth + 1)
            }
        }
        return out
    }

    /// A field of simple type: its datatype (the built-in type it restricts), code list
    /// and (from a named type) concepts.
    private func simpleField(path: [SchemaPathStep], typeName: String?, inline: RecordValue?) -> SchemaField {
        var field = SchemaField(path: path)
        var datatype = inline == nil ? typeName.map(Self.local) : nil
        var current = inline ?? typeName.flatMap { simpleTypes[Self.local($0)] }
        var hops = 0
        while let t = current, hops < SchemaReader.maxDepth {
            hops += 1
            let restriction = Self.all(t, "restriction").first
            if field.codeList == nil, let restriction, !Self.all(restriction, "enumeration").isEmpty {
                field.codeList = codeList(restriction, scheme: modelReferences(t), label: Self.attribute(t, "name"))
            } else if field.concepts.isEmpty, field.codeList == nil {
                field.concepts = modelReferences(t)
            }
            let base = restriction.flatMap { Self.attribute($0, "base") }.map(Self.local)
            if let base { datatype = base }
            current = base.flatMap { simpleTypes[$0] }
        }
        field.datatype = datatype
        return field
    }

    private func codeList(_ restriction: RecordValue, scheme: [String], label: String?) -> SchemaCodeList {
        let codes = Self.all(restriction, "enumeration").compactMap { e -> SchemaCode? in
            guard let value = Self.attribute(e, "value") else { return nil }
            return SchemaCode(value: value, label: documentation(e), iris: modelReferences(e))
        }
        return SchemaCodeList(iris: scheme, label: label, codes: codes)
    }
}
