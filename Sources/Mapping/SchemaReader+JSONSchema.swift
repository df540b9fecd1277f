// JSON Schemas whose properties name concepts.
//
// The schema's root object (or, for a root `"type": "array"`, its `items`) is the one
// record type, named by the root's `title` (else the file name). Each property of an
// object becomes a field; a property that is an object itself nests (`a.b`), an array of
// objects nests as a list (`a[].b`), and an array of plain values is a list field.
// `$ref`s to the same document (`#/$defs/x`, `#/definitions/x`, `#`) are followed, and
// the properties of `allOf` members count as the object's own.
//
// A property names its concepts with any of these keywords, each a string IRI or an array
// of them: `x-concept`, `x-concepts`, `dct:subject`, `http://purl.org/dc/terms/subject`.
// A coded property has `enum` (the codes), or `oneOf`/`anyOf` whose members are all
// `const` (codes with their `title` and their own `x-concept`), and/or `x-codelist`: the
// IRI (or IRIs) of the code list's concept scheme. `title` and `description` are the
// field's label and description; `type` (or `format`, for strings) its datatype.

extension SchemaReader {
    /// The keywords that name a property's concepts.
    public static let jsonSchemaConceptKeywords = ["x-concept", "x-concepts", "dct:subject", "http://purl.org/dc/terms/subject"]

    static func readJSONSchema(path: String) throws(SchemaReadError) -> SchemaModel {
        let root = try firstRecord(path: path, missing: "the file holds no JSON") {
            try JSONRecordReader(path: path, iterator: "$")
        }
        guard case .object = root else { throw SchemaReadError("a JSON Schema is an object", source: path) }
        let walker = JSONSchemaWalker(root: root)
        var record = walker.resolve(root)
        var iterator: String?
        if walker.types(record).contains("array"), let items = walker.member(record, "items") {
            record = walker.resolve(items)
            iterator = "$[*]"
        }
        let title = walker.text(root, "title")
        let fields = walker.fields(of: record, prefix: [], depth: 0)
        let type = SchemaRecordType(name: title ?? baseName(path), concepts: walker.concepts(record), fields: fields,
                                    iterator: iterator)
        return SchemaModel(source: path, kind: .jsonSchema, title: title, recordTypes: [type])
    }
}
