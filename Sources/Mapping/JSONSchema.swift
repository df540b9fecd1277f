import Foundation

/// A JSON Schema (draft 2020-12) ready to validate records: its subschemas indexed by
/// absolute URI (`$id`, `$anchor`, `$dynamicAnchor`, JSON Pointer locations) and its
/// regular expressions compiled. `$ref`s are resolved within the document; a `$ref` to
/// another document is a `JSONSchemaLoadError`, since remote schemas are not fetched.
public struct JSONSchema: Sendable {
    /// A subschema and the base URI around it (which its own `$id`, if any, resolves against).
    struct Location: Sendable {
        var schema: RecordValue
        var base: String
    }

    /// The schema document as read.
    public let root: RecordValue
    /// The base URI of the document (its `$id`, or the one it was loaded with).
    public let baseURI: String
    /// The base URI the document was loaded with, which its own `$id` resolves against.
    let loadBaseURI: String
    /// Subschemas by absolute URI: resource roots without a fragment, JSON Pointer
    /// locations as `uri#/pointer`, anchors as `uri#name`.
    let locations: [String: Location]
    /// `$dynamicAnchor`s as `resourceURI#name`.
    let dynamicAnchors: Set<String>
    /// Compiled `pattern` and `patternProperties` expressions by source text.
    let regexes: [String: ExpressionRegex]
    /// False when the document's meta-schema (`$schema`, found among the documents) lists
    /// a `$vocabulary` without the validation vocabulary: then only applicators apply.
    let assertsValidation: Bool

    /// The base URI used for a document without `$id`.
    public static let defaultBaseURI = "urn:samsvar:schema"

    /// Reads the schema in the JSON file at `path` (its base URI is the file's `file:` URL).
    public init(path: String, documents: [String: RecordValue] = [:]) throws(JSONSchemaLoadError) {
        try self.init(Self.read(path: path), baseURI: URL(fileURLWithPath: path).absoluteString, documents: documents)
    }

    /// The JSON document in the file at `path`, for `init(_:baseURI:documents:)`.
    public static func read(path: String) throws(JSONSchemaLoadError) -> RecordValue {
        var document: RecordValue?
        do {
            var reader = try JSONRecordReader(path: path, iterator: "$")
            document = try reader.next()?.0
        } catch {
            throw JSONSchemaLoadError("\(path): cannot read the schema: \(error)")
        }
        guard let document else { throw JSONSchemaLoadError("\(path): the file holds no schema") }
        return document
    }

    /// Compiles `schema` (an object or a boolean); relative `$id`s resolve against `baseURI`.
    /// `documents` are other schema documents by URI that `$ref`s may point to (say, a
    /// shared definitions file read beforehand); nothing is fetched.
    public init(_ schema: RecordValue, baseURI: String = JSONSchema.defaultBaseURI,
                documents: [String: RecordValue] = [:]) throws(JSONSchemaLoadError) {
        var indexer = JSONSchemaIndexer()
        for (uri, document) in documents.sorted(by: { $0.key < $1.key }) {
            let documentBase = JSONSchemaURI.split(uri).0
            try indexer.walk(document, base: documentBase, scopes: [(documentBase, "")])
            // Also found by the URI it was retrieved from when its `$id` says otherwise.
            if indexer.locations[documentBase] == nil {
                indexer.locations[documentBase] = Location(schema: document, base: documentBase)
            }
        }
        let base = JSONSchemaURI.split(baseURI).0
        try indexer.walk(schema, base: base, scopes: [(base, "")])
        root = schema
        self.baseURI = Self.rootBase(schema, base)
        loadBaseURI = base
        locations = indexer.locations
        dynamicAnchors = indexer.dynamicAnchors
        regexes = indexer.regexes
        assertsValidation = Self.assertsValidation(schema, locations: indexer.locations)
        for (reference, base) in indexer.references {
            let uri = JSONSchemaURI.resolve(reference, against: base)
            if resolve(uri) == nil {
                let document = JSONSchemaURI.split(uri).0
                if locations[document] == nil {
                    throw JSONSchemaLoadError("$ref \(reference): \(document) is another document; remote schemas are not fetched")
                }
                throw JSONSchemaLoadError("$ref \(reference): \(uri) is not found in the schema")
            }
        }
    }

    private static func assertsValidation(_ schema: RecordValue, locations: [String: Location]) -> Bool {
        guard case .object(let members) = schema,
              case .string(let metaSchema)? = members.first(where: { $0.name == "$schema" })?.value,
              case .object(let meta)? = locations[JSONSchemaURI.split(metaSchema).0]?.schema,
              case .object(let vocabularies)? = meta.first(where: { $0.name == "$vocabulary" })?.value else { return true }
        return vocabularies.contains { $0.name == "https://json-schema.org/draft/2020-12/vocab/validation" }
    }

    private static func rootBase(_ schema: RecordValue, _ base: String) -> String {
        if case .object(let members) = schema, let id = members.first(where: { $0.name == "$id" }),
           case .string(let text) = id.value {
            return JSONSchemaURI.split(JSONSchemaURI.resolve(text, against: base)).0
        }
        return base
    }

    /// The subschema at the absolute URI `uri`, or nil when the document has none there.
    func resolve(_ uri: String) -> Location? {
        let (document, fragment) = JSONSchemaURI.split(uri)
        if fragment.isEmpty { return locations[document] }
        if let found = locations[document + "#" + fragment] { return found }
        guard let tokens = JSONSchemaURI.pointerTokens(fragment), let resource = locations[document] else { return nil }
        if let found = locations[document + "#" + (tokens.isEmpty ? "" : "/" + tokens.map(Self.escape).joined(separator: "/"))] {
            return found
        }
        // A pointer into something that is not a known subschema keyword: walk the document.
        var value = resource.schema
        for token in tokens {
            switch value {
            case .object(let members):
                guard let member = members.first(where: { $0.name == token }) else { return nil }
                value = member.value
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                value = elements[index]
            default:
                return nil
            }
        }
        return Location(schema: value, base: document)
    }

    /// A reference token escaped for a JSON Pointer.
    static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

/// Walks a schema document once, collecting what `JSONSchema` indexes.
struct JSONSchemaIndexer {
    var locations: [String: JSONSchema.Location] = [:]
    var dynamicAnchors: Set<String> = []
    var regexes: [String: ExpressionRegex] = [:]
    /// Every `$ref` and `$dynamicRef` with the base it resolves against.
    var references: [(String, String)] = []

    static let single = ["additionalProperties", "items", "contains", "propertyNames", "not", "if", "then", "else",
                         "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema"]
    static let maps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]
    static let lists = ["allOf", "anyOf", "oneOf", "prefixItems", "items"]

    /// Indexes `schema`, found at `pointer` inside each of the resources in `scopes`.
    mutating func walk(_ schema: RecordValue, base: String, scopes: [(String, String)]) throws(JSONSchemaLoadError) {
        guard case .object(let members) = schema else {
            if case .bool = schema { register(schema, base: base, scopes: scopes) }
            return
        }
        let outer = base
        var base = base
        var scopes = scopes
        if let id = members.first(where: { $0.name == "$id" }), case .string(let text) = id.value {
            base = JSONSchemaURI.split(JSONSchemaURI.resolve(text, against: base)).0
            scopes.append((base, ""))
            locations[base] = JSONSchema.Location(schema: schema, base: outer)
        }
        if scopes.count == 1 && scopes[0].1.isEmpty { locations[base] = JSONSchema.Location(schema: schema, base: outer) }
        register(schema, base: outer, scopes: scopes)
        for member in members {
            switch (member.name, member.value) {
            case ("$anchor", .string(let name)):
                locations[base + "#" + name] = JSONSchema.Location(schema: schema, base: outer)
            case ("$dynamicAnchor", .string(let name)):
                locations[base + "#" + name] = JSONSchema.Location(schema: schema, base: outer)
                dynamicAnchors.insert(base + "#" + name)
            case ("$ref", .string(let reference)), ("$dynamicRef", .string(let reference)):
                references.append((reference, base))
            case ("pattern", .string(let pattern)):
                try compile(pattern)
            default:
                break
            }
            let name = member.name
            let inner = scopes.map { ($0.0, $0.1 + "/" + JSONSchema.escape(name)) }
            if Self.single.contains(name), !Self.lists.contains(name) || !isArray(member.value) {
                try walk(member.value, base: base, scopes: inner)
            } else if Self.lists.contains(name), case .array(let elements) = member.value {
                for (i, element) in elements.enumerated() {
                    try walk(element, base: base, scopes: inner.map { ($0.0, $0.1 + "/\(i)") })
                }
            } else if Self.maps.contains(name), case .object(let entries) = member.value {
                for entry in entries {
                    if name == "patternProperties" { try compile(entry.name) }
                    try walk(entry.value, base: base, scopes: inner.map { ($0.0, $0.1 + "/" + JSONSchema.escape(entry.name)) })
                }
            }
        }
    }

    private func isArray(_ value: RecordValue) -> Bool {
        if case .array = value { return true }
        return false
    }

    private mutating func register(_ schema: RecordValue, base: String, scopes: [(String, String)]) {
        for (resource, pointer) in scopes where !pointer.isEmpty {
            let key = resource + "#" + pointer
            if locations[key] == nil { locations[key] = JSONSchema.Location(schema: schema, base: base) }
        }
    }

    private mutating func compile(_ pattern: String) throws(JSONSchemaLoadError) {
        guard regexes[pattern] == nil else { return }
        do {
            regexes[pattern] = try ExpressionRegex(pattern)
        } catch {
            throw JSONSchemaLoadError("pattern \(pattern) is not a valid regular expression")
        }
    }
}
