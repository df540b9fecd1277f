/// Validates records against a `JSONSchema` (draft 2020-12). `format`, `content*` and other
/// annotation keywords are not asserted; unknown keywords are ignored.
public struct JSONSchemaValidator: Sendable {
    /// The schema records are checked against.
    public let schema: JSONSchema

    /// How many `$ref`s and `$dynamicRef`s may be followed one inside another before
    /// evaluation stops (guards against cycles that never move into the record).
    static let maxDepth = 256

    /// A validator for `schema`.
    public init(schema: JSONSchema) {
        self.schema = schema
    }

    /// Every way `value` fails the schema, each with the JSON Pointer of the failing value
    /// and the keyword; empty when the value is valid.
    public func validate(_ value: RecordValue) -> [JSONSchemaError] {
        let scope = JSONSchemaScope(base: schema.loadBaseURI, resources: [schema.loadBaseURI], depth: 0)
        return evaluate(schema.root, value, at: "", in: scope).errors
    }

    /// Evaluates one subschema against one value.
    func evaluate(_ subschema: RecordValue, _ instance: RecordValue, at path: String,
                  in outer: JSONSchemaScope) -> JSONSchemaOutcome {
        let members: [RecordMember]
        switch subschema {
        case .bool(true):
            return JSONSchemaOutcome()
        case .bool(false):
            return JSONSchemaOutcome(error: JSONSchemaError(instancePath: path, keyword: "false",
                                                            message: "is not allowed (the schema is false)"))
        case .object(let found):
            members = found
        default:
            return JSONSchemaOutcome()
        }
        guard outer.depth < Self.maxDepth else {
            return JSONSchemaOutcome(error: JSONSchemaError(instancePath: path, keyword: "$ref",
                                                            message: "schema references nest too deeply"))
        }
        var keywords: [String: RecordValue] = [:]
        for member in members where keywords[member.name] == nil { keywords[member.name] = member.value }
        var scope = outer
        if case .string(let id)? = keywords["$id"] {
            scope.base = JSONSchemaURI.split(JSONSchemaURI.resolve(id, against: scope.base)).0
        }
        if scope.resources.last != scope.base { scope.resources.append(scope.base) }

        var outcome = JSONSchemaOutcome()
        let context = JSONSchemaContext(validator: self, keywords: keywords, instance: instance, path: path, scope: scope)
        context.references(&outcome)
        context.values(&outcome)
        context.arrays(&outcome)
        context.objects(&outcome)
        context.logic(&outcome)
        context.unevaluated(&outcome)
        if !outcome.valid {
            outcome.properties = []
            outcome.items = []
        }
        return outcome
    }
}

extension JSONSchema {
    /// Every way `value` fails this schema; empty when it is valid.
    public func validate(_ value: RecordValue) -> [JSONSchemaError] {
        JSONSchemaValidator(schema: self).validate(value)
    }
}

/// Where evaluation stands in the schema: the base URI, the resources entered on the way
/// (the dynamic scope `$dynamicRef` searches), and how deep it is.
struct JSONSchemaScope {
    var base: String
    var resources: [String]
    var depth: Int
}

/// The result of evaluating a subschema: errors, and which properties and items it
/// evaluated (for `unevaluatedProperties` and `unevaluatedItems`; empty when invalid).
struct JSONSchemaOutcome {
    var errors: [JSONSchemaError] = []
    var properties: Set<String> = []
    var items: Set<Int> = []

    init() {}

    init(error: JSONSchemaError) {
        errors = [error]
    }

    var valid: Bool { errors.isEmpty }

    /// Adds `other`'s errors and annotations.
    mutating func merge(_ other: JSONSchemaOutcome) {
        errors += other.errors
        properties.formUnion(other.properties)
        items.formUnion(other.items)
    }

    /// Adds `other`'s errors only (for a value inside this one, whose annotations are its own).
    mutating func mergeErrors(_ other: JSONSchemaOutcome) {
        errors += other.errors
    }

    /// Adds `other`'s annotations only.
    mutating func mergeAnnotations(_ other: JSONSchemaOutcome) {
        properties.formUnion(other.properties)
        items.formUnion(other.items)
    }
}

/// One subschema's keywords applied to one value; the keyword groups live in the
/// `JSONSchemaKeywords+…` files.
struct JSONSchemaContext {
    let validator: JSONSchemaValidator
    let keywords: [String: RecordValue]
    let instance: RecordValue
    let path: String
    let scope: JSONSchemaScope

    var schema: JSONSchema { validator.schema }

    /// Evaluates `subschema` against `value` at `path` in this scope.
    func evaluate(_ subschema: RecordValue, _ value: RecordValue, at path: String) -> JSONSchemaOutcome {
        validator.evaluate(subschema, value, at: path, in: scope)
    }

    func error(_ keyword: String, _ message: String, at path: String? = nil) -> JSONSchemaError {
        JSONSchemaError(instancePath: path ?? self.path, keyword: keyword, message: message)
    }

    /// `path` extended by an object member name.
    func child(_ name: String) -> String { path + "/" + JSONSchema.escape(name) }

    /// `path` extended by an array index.
    func child(_ index: Int) -> String { path + "/\(index)" }

    /// A keyword's value as a non-negative whole number.
    func count(_ keyword: String) -> Int? {
        guard case .number(let text)? = keywords[keyword], let number = JSONSchemaNumber(text),
              number.isInteger, !number.negative else { return nil }
        return number.digits.count + number.exponent > 18 ? Int.max : Int(number.double)
    }
}
