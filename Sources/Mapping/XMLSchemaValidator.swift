import CLibXML2
import Synchronization

/// An XML Schema (XSD 1.0, as libxml2 implements it) that records are checked against
/// in their XML form: the record element `XMLRecordWriter` writes for the record (named
/// `record`, with the namespace declarations given), validated as a document of its own.
/// So a schema works for any record target — CSV, JSON, JSON Lines or XML — and for XML
/// output it checks exactly what is written.
///
/// Loading never touches the network: the schema's includes and imports are read only
/// from local files (see `XMLSchemaLoading`). A schema that declares no global element
/// for the record element is refused when it is loaded, rather than rejecting every
/// record.
///
/// One validator is shared by the threads that map records: the compiled schema is only
/// read, and each call takes a validation context of its own from a small pool.
public final class XMLSchemaValidator: @unchecked Sendable {
    // Safety: `schema` is set once, in init, and libxml2 only reads a compiled schema
    // while validating (every mutable validation state lives in the xmlSchemaValidCtxt),
    // so contexts on several threads may share it. `element` is immutable (each
    // validation works on its own copy). `idle` is guarded by its mutex, and a context
    // taken out of it is used by one thread only until it is put back. `deinit` frees
    // the contexts before the schema they point to.

    /// The schema file as given.
    public let path: String
    /// The element each record is validated as.
    public let record: String
    private let schema: OpaquePointer
    private let element: XMLRecordElement
    private let idle = Mutex<[XMLSchemaValidation]>([])
    /// Contexts kept for reuse: enough for the executor's threads.
    private static let poolSize = 16

    /// Loads and compiles the schema in the file at `path`; records are validated as the
    /// element `record` (`prefix:name` with the prefix among `namespaces`, whose
    /// declarations the element carries; `""` is the default namespace). File names in
    /// messages are shown relative to `directory`.
    public init(path: String, record: String = "record", namespaces: [String: String] = [:],
                directory: String = ".") throws(XMLSchemaLoadError) {
        guard XMLName.isValid(record) else { throw XMLSchemaLoadError("'\(record)' is not an XML element name") }
        self.path = path
        self.record = record
        element = XMLRecordElement(name: record, namespaces: namespaces, pretty: false)
        schema = try XMLSchemaLoading.compile(path: path, directory: directory)
        // One empty record tells whether the schema knows the record element at all.
        // (From here on a throw runs deinit, which frees the schema; the probe goes into
        // the pool first, so that it is freed before.)
        let lacksDeclaration: Bool
        do {
            guard let probe = XMLSchemaValidation(schema: schema, element: element) else {
                throw XMLSchemaLoadError("libxml2 could not create a validation context (out of memory)")
            }
            _ = probe.validate(.object([]))
            lacksDeclaration = probe.lacksDeclaration
            idle.withLock { $0.append(probe) }
        }
        if lacksDeclaration {
            let colon = record.firstIndex(of: ":")
            let prefix = colon.map { String(record[..<$0]) } ?? ""
            let namespace = namespaces[prefix].map { "in namespace '\($0)'" } ?? "in no namespace"
            throw XMLSchemaLoadError("\(path): the schema declares no global element '\(record)' (\(namespace)), "
                                     + "the element each record is validated as (the target's 'record')")
        }
    }

    deinit {
        // The contexts first: they point to the schema.
        idle.withLock { $0.removeAll() }
        xmlSchemaFree(schema)
    }

    /// The problems of `record` in its XML form, each as `/element/path: message`; empty
    /// when it is valid. A record that has no XML form (a field name that is no XML name)
    /// has that as its one problem.
    public func validate(_ record: RecordValue) -> [String] {
        guard let validation = idle.withLock({ $0.popLast() }) ?? XMLSchemaValidation(schema: schema, element: element) else {
            return ["libxml2 could not create a validation context (out of memory)"]
        }
        let problems = validation.validate(record)
        idle.withLock { pool in
            if pool.count < Self.poolSize { pool.append(validation) }
        }
        return problems
    }
}
