import Foundation

/// Reads schemas into `SchemaModel`s for `samsvar map suggest`: ModellDCAT-AP-NO
/// information models (`SchemaReader+ModellDCAT.swift`), JSON Schemas with `x-concept`
/// (`SchemaReader+JSONSchema.swift`) and XML Schemas with `sawsdl:modelReference`
/// (`SchemaReader+XSD.swift`). See docs/mapping.md, "Suggested mappings".
public enum SchemaReader {
    /// The deepest nesting of objects, roles and types followed (a recursive type stops
    /// there; its deeper fields are left out).
    static let maxDepth = 12

    /// Reads the schema at `path`; `kind` nil means the file's extension decides.
    public static func read(path: String, kind: SchemaKind? = nil) throws(SchemaReadError) -> SchemaModel {
        guard let kind = kind ?? SchemaKind(path: path) else {
            throw SchemaReadError("cannot tell the schema language from the extension; use .ttl/.rdf/.nt (ModellDCAT-AP-NO), .json (JSON Schema) or .xsd, or name it", source: path)
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw SchemaReadError("cannot read the schema file", source: path)
        }
        switch kind {
        case .modelldcat: return try readModellDCAT(path: path)
        case .jsonSchema: return try readJSONSchema(path: path)
        case .xsd: return try readXSD(path: path)
        }
    }

    /// The first record of the reader `open` makes: a JSON or XML Schema read whole, as one
    /// record; `missing` says what is wrong when there is none. A reader's error keeps its
    /// line and column.
    static func firstRecord<Reader: RecordReader>(path: String, missing: String,
                                                  _ open: () throws -> Reader) throws(SchemaReadError) -> RecordValue {
        let first: (RecordValue, RecordPosition)?
        do {
            var reader = try open()
            first = try reader.next()
        } catch let error as RecordInputError {
            throw SchemaReadError(error.message, source: path, line: max(error.line, 1), column: max(error.column, 1))
        } catch {
            throw SchemaReadError("\(error)", source: path)
        }
        guard let first else { throw SchemaReadError(missing, source: path) }
        return first.0
    }

    /// The IRIs in a space-separated list (`sawsdl:modelReference`) or one IRI.
    static func iris(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
    }

    /// `values` without repeats, in order.
    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// A file name without directory and extension, as a fallback name.
    static func baseName(_ path: String) -> String {
        var name = URL(fileURLWithPath: path).lastPathComponent
        while let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return name
    }
}

/// A schema that cannot be read, with where.
public struct SchemaReadError: LocatedError, Sendable, Equatable {
    public var location: FileLocation
    public var message: String

    public init(_ message: String, source: String, line: Int = 1, column: Int = 1) {
        self.message = message
        location = FileLocation(source: source, line: line, column: column)
    }
}
