import Foundation

// XML Schemas whose components name concepts with SAWSDL's `modelReference`
// (http://www.w3.org/ns/sawsdl; any prefix bound to it): a space-separated list of IRIs.
//
// The document is read with the XML record reader (libxml2 with the record reader's
// safety rules: no DTD, no external entities, no network, metered entity expansion), the
// whole `xs:schema` element as one record. Every global `xs:element` with complex content
// is a record type, found in documents by `//name`. Its child elements (through
// `xs:sequence`, `xs:choice`, `xs:all`, `xs:group`, `xs:complexContent` extensions, `ref`s
// and named types) nest as `a.b`; attributes are `@name`; an element with simple content
// and attributes has its text at `a.#text`; `maxOccurs` above 1 makes a list. Names are
// compared by local name (one target namespace, as most agency schemas have).
//
// An element or attribute's concepts are its own `modelReference`s, else those of its
// named simple type. A simple type with `xs:enumeration`s is a code list: the
// enumerations are its codes (a `modelReference` on an enumeration names the code's
// concept, its `xs:documentation` is the label), and the simple type's `modelReference`
// names the list's concept scheme. Elements of one sequence come before the nested
// `xs:choice`/`xs:sequence` groups in it.

extension SchemaReader {
    static let sawsdlNamespace = "http://www.w3.org/ns/sawsdl"

    static func readXSD(path: String) throws(SchemaReadError) -> SchemaModel {
        let schema = try firstRecord(path: path, missing: "the root element is not xs:schema") {
            try XMLRecordReader(path: path, iterator: "/schema")
        }
        let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let walker = XSDWalker(schema: schema, sawsdlPrefixes: sawsdlPrefixes(in: text))
        var recordTypes: [SchemaRecordType] = []
        for element in XSDWalker.all(schema, "element") {
            guard let name = XSDWalker.attribute(element, "name"), let complex = walker.complexType(of: element) else { continue }
            let typeName = XSDWalker.attribute(element, "type").map(XSDWalker.local)
            let fields = walker.fields(ofComplexType: complex, prefix: [], depth: 0, visiting: Set([typeName].compactMap { $0 }))
            let concepts = unique(walker.modelReferences(element) + walker.modelReferences(complex))
            recordTypes.append(SchemaRecordType(name: name, label: walker.documentation(element), concepts: concepts,
                                                fields: fields, iterator: "//" + name))
        }
        guard !recordTypes.isEmpty else {
            throw SchemaReadError("the schema declares no global element with complex content", source: path)
        }
        return SchemaModel(source: path, kind: .xsd, title: walker.documentation(schema), recordTypes: recordTypes)
    }

    /// The prefixes a document binds to the SAWSDL namespace (`sawsdl` when it binds none).
    static func sawsdlPrefixes(in text: String) -> [String] {
        var prefixes: [String] = []
        var rest = Substring(text)
        while let range = rest.range(of: "xmlns:") {
            rest = rest[range.upperBound...]
            let name = rest.prefix { !$0.isWhitespace && $0 != "=" }
            var after = rest[name.endIndex...].drop { $0.isWhitespace }
            guard after.first == "=" else { continue }
            after = after.dropFirst().drop { $0.isWhitespace }
            guard let quote = after.first, quote == "\"" || quote == "'" else { continue }
            let value = after.dropFirst().prefix { $0 != quote }
            if value == sawsdlNamespace { prefixes.append(String(name)) }
        }
        return prefixes.isEmpty ? ["sawsdl"] : unique(prefixes)
    }
}
