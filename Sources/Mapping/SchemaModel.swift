/// A record schema as `samsvar map suggest` sees it, whatever it was written in
/// (ModellDCAT-AP-NO, JSON Schema, XSD): record types with fields, each field naming the
/// concepts it stands for and, for codes, the code list it takes them from.
public struct SchemaModel: Sendable, Hashable {
    /// The file it was read from, as given.
    public var source: String
    /// The language it was written in.
    public var kind: SchemaKind
    /// The schema's own title, if it has one.
    public var title: String?
    /// The record types, in the order the schema declares them.
    public var recordTypes: [SchemaRecordType]

    public init(source: String, kind: SchemaKind, title: String? = nil, recordTypes: [SchemaRecordType] = []) {
        self.source = source
        self.kind = kind
        self.title = title
        self.recordTypes = recordTypes
    }

    /// The record type called `name` (its name, label or IRI).
    public func recordType(named name: String) -> SchemaRecordType? {
        recordTypes.first { $0.name == name } ?? recordTypes.first { $0.iri == name || $0.label == name }
    }
}

/// The languages `samsvar map suggest` reads schemas in.
public enum SchemaKind: String, Sendable, Hashable, CaseIterable {
    /// A ModellDCAT-AP-NO information model in any RDF syntax Samsvar reads.
    case modelldcat
    /// A JSON Schema whose properties name concepts (`x-concept`).
    case jsonSchema = "json-schema"
    /// An XML Schema whose components name concepts with `sawsdl:modelReference`.
    case xsd

    /// The kind a file's extension says: `.json` JSON Schema, `.xsd` XSD, an RDF
    /// extension (`.ttl`, `.rdf`, `.nt`, `.jsonld` …) ModellDCAT-AP-NO.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".xsd") {
            self = .xsd
        } else if lower.hasSuffix(".json") {
            self = .jsonSchema
        } else if ["ttl", "rdf", "owl", "nt", "nq", "trig", "jsonld", "xml", "n3"].contains(where: { lower.hasSuffix("." + $0) }) {
            self = .modelldcat
        } else {
            return nil
        }
    }

    /// The kind named on the command line (`modelldcat`, `json-schema`, `xsd` and a few
    /// spellings of each).
    public init?(name: String) {
        switch name.lowercased() {
        case "modelldcat", "modelldcat-ap-no", "modelldcatno", "rdf": self = .modelldcat
        case "json-schema", "jsonschema", "json": self = .jsonSchema
        case "xsd", "xml-schema", "xmlschema": self = .xsd
        default: return nil
        }
    }

    /// The record format data of this schema is read and written in.
    public var recordFormat: RecordFormat {
        switch self {
        case .modelldcat, .jsonSchema: .json
        case .xsd: .xml
        }
    }

    /// The name people know it by.
    public var displayName: String {
        switch self {
        case .modelldcat: "ModellDCAT-AP-NO information model"
        case .jsonSchema: "JSON Schema"
        case .xsd: "XML Schema"
        }
    }
}

/// One kind of record: an object type, a JSON Schema's records, an XML element.
public struct SchemaRecordType: Sendable, Hashable {
    /// The name: the object type's title, the XML element's name, the schema's title.
    public var name: String
    /// The type's IRI, where it has one (ModellDCAT-AP-NO).
    public var iri: String?
    /// A human-readable label, when it differs from the name.
    public var label: String?
    /// The concepts the type as a whole stands for.
    public var concepts: [String]
    /// The fields that hold values, depth first in schema order.
    public var fields: [SchemaField]
    /// Where records of this type are in a document: a JSONPath or XPath iterator for the
    /// mapping's source, when the schema tells (`$[*]` for a top-level array, `//person`).
    public var iterator: String?

    public init(name: String, iri: String? = nil, label: String? = nil, concepts: [String] = [],
                fields: [SchemaField] = [], iterator: String? = nil) {
        self.name = name
        self.iri = iri
        self.label = label
        self.concepts = concepts
        self.fields = fields
        self.iterator = iterator
    }
}

/// A field that holds a value (a leaf): where it is in the record, what it means and
/// which codes it takes.
public struct SchemaField: Sendable, Hashable {
    /// The steps from the record to the field.
    public var path: [SchemaPathStep]
    /// The field's title.
    public var label: String?
    /// Its description.
    public var description: String?
    /// Its datatype as the schema names it (`string`, `integer`, `date`, an XSD local
    /// name, a ModellDCAT-AP-NO type's title).
    public var datatype: String?
    /// The concepts the field stands for (IRIs), in the order written.
    public var concepts: [String]
    /// The code list its values come from, for coded fields.
    public var codeList: SchemaCodeList?

    public init(path: [SchemaPathStep], label: String? = nil, description: String? = nil, datatype: String? = nil,
                concepts: [String] = [], codeList: SchemaCodeList? = nil) {
        self.path = path
        self.label = label
        self.description = description
        self.datatype = datatype
        self.concepts = concepts
        self.codeList = codeList
    }

    /// The path for people: `a.b`, `roller[].type`, `adresse.@type`.
    public var displayPath: String {
        path.map { $0.name + ($0.isList ? "[]" : "") }.joined(separator: ".")
    }

    /// The path as a mapping file's `path:` (see `RecordPath`): lists are walked with
    /// `[*]`, names with dots or brackets are quoted.
    public var recordPath: String {
        var out = ""
        for (k, step) in path.enumerated() {
            if Self.needsQuoting(step.name) {
                out += "['" + step.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "']"
            } else {
                out += (k == 0 ? "" : ".") + step.name
            }
            if step.isList { out += "[*]" }
        }
        return out
    }

    /// The name of the field in an output record: the steps joined with dots, which make
    /// nested objects or elements in JSON and XML output.
    public var outputName: String {
        path.map(\.name).joined(separator: ".")
    }

    /// Whether the field or a step above it is a list.
    public var isList: Bool { path.contains { $0.isList } }

    private static func needsQuoting(_ name: String) -> Bool {
        name.isEmpty || name.contains(".") || name.contains("[") || name.contains("]") || name.contains("'")
            || name.hasPrefix("$") || name == "*" || name.contains(" ")
    }
}

/// One step of a field's path.
public struct SchemaPathStep: Sendable, Hashable {
    /// The member, element or attribute name (`@name` for an XML attribute, `#text` for an
    /// element's text).
    public var name: String
    /// Whether the value at this step may repeat (a JSON array, `maxOccurs` above 1).
    public var isList: Bool

    public init(_ name: String, isList: Bool = false) {
        self.name = name
        self.isList = isList
    }
}

/// A code list: a concept scheme, an enumeration, a ModellDCAT-AP-NO code list.
public struct SchemaCodeList: Sendable, Hashable {
    /// The IRIs that name the list (the code list resource, the concept scheme it refers to).
    public var iris: [String]
    /// Its title.
    public var label: String?
    /// The codes, when the schema lists them.
    public var codes: [SchemaCode]

    public init(iris: [String] = [], label: String? = nil, codes: [SchemaCode] = []) {
        self.iris = iris
        self.label = label
        self.codes = codes
    }
}

/// One code of a code list.
public struct SchemaCode: Sendable, Hashable {
    /// The value as it appears in records (`AS`, `2`, `gift`).
    public var value: String
    /// Its title.
    public var label: String?
    /// The IRIs that name the code (the code's own, the concept it stands for).
    public var iris: [String]

    public init(value: String, label: String? = nil, iris: [String] = []) {
        self.value = value
        self.label = label
        self.iris = iris
    }
}
