import CLibXML2
import XMLSupport

/// One libxml2 validation context for an `XMLSchemaValidator`, with the buffers a
/// validation uses: the record's XML bytes and the messages libxml2 reports, collected
/// by the context's structured error callback. Reused record after record.
final class XMLSchemaValidation: @unchecked Sendable {
    // Safety: an instance is used by one thread at a time. The validator hands it out of
    // its pool, and takes it back, under the pool's lock, which orders one thread's use
    // before the next one's. libxml2 calls `collect` only inside `validate`, on the
    // thread running it.

    private let context: OpaquePointer
    private var element: XMLRecordElement
    private var bytes: [UInt8] = []
    private var messages: [String] = []
    /// Whether the last validation found no global declaration for the record element.
    private(set) var lacksDeclaration = false

    /// At most this many messages are kept for one record.
    private static let maxMessages = 100

    /// Safe options for reading a record's XML form (which Samsvar itself wrote): no
    /// network, no entity substitution, no DTD; errors are read from libxml2, not printed.
    private static let readOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// A context for `schema` (which must outlive it); nil when libxml2 cannot make one.
    init?(schema: OpaquePointer, element: XMLRecordElement) {
        guard let context = xmlSchemaNewValidCtxt(schema) else { return nil }
        self.context = context
        self.element = element
        xmlSchemaSetValidStructuredErrors(context, { me, error in
            guard let me, let error else { return }
            Unmanaged<XMLSchemaValidation>.fromOpaque(me).takeUnretainedValue().collect(error.pointee)
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        xmlSchemaFreeValidCtxt(context)
    }

    /// The problems of `record`'s XML form; empty when it is valid.
    func validate(_ record: RecordValue) -> [String] {
        bytes.removeAll(keepingCapacity: bytes.capacity <= 1 << 20)
        messages.removeAll(keepingCapacity: true)
        lacksDeclaration = false
        do throws(RecordOutputError) {
            try element.append(record, to: &bytes, level: 0, declaringNamespaces: true)
        } catch {
            return ["the record has no XML form: \(error.message)"]
        }
        guard bytes.count <= Int32.max else { return ["the record's XML form is too large to validate"] }
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlReadMemory($0.baseAddress, Int32($0.count), "record.xml", "UTF-8", Self.readOptions)
            }
        }
        guard let doc else {
            let reason = xmlGetLastError()?.pointee.message.map { LibXML.clean(String(cString: $0)) }
            return ["the record's XML form cannot be read back: \(reason ?? "malformed XML")"]
        }
        defer { xmlFreeDoc(doc) }
        let status = xmlSchemaValidateDoc(context, doc)
        if status != 0, messages.isEmpty {
            messages.append(status < 0 ? "libxml2 could not validate the record (internal error)"
                                       : "the record is not valid (libxml2 error \(status))")
        }
        return messages
    }

    /// Keeps a validity error as `/element/path: message`, while the document is alive.
    private func collect(_ error: xmlError) {
        guard error.level == XML_ERR_ERROR || error.level == XML_ERR_FATAL else { return }
        if error.code == Int32(XML_SCHEMAV_CVC_ELT_1.rawValue) { lacksDeclaration = true }
        guard messages.count < Self.maxMessages else { return }
        var message = error.message.map { LibXML.clean(String(cString: $0)) } ?? "libxml2 error \(error.code)"
        if message.hasSuffix(".") { message.removeLast() }
        // The line and column are those of the record's own XML form, which says nothing
        // to the reader of the rejects: the element path does.
        if let path = Self.path(error.node) { message = Self.located(message, at: path) }
        messages.append(message)
    }

    /// `/enhet/adresse/postnummer` or `/enhet/@orgnr`: the path of the element or
    /// attribute node an error names (both start like an `xmlNode`: type, name, parent).
    static func path(_ node: UnsafeMutableRawPointer?) -> String? {
        var current = node?.assumingMemoryBound(to: xmlNode.self)
        var steps: [String] = []
        while let n = current, steps.count < 256 {
            guard n.pointee.type == XML_ELEMENT_NODE || n.pointee.type == XML_ATTRIBUTE_NODE,
                  let name = n.pointee.name else { break }
            var step = String(cString: name)
            if let prefix = n.pointee.ns?.pointee.prefix { step = String(cString: prefix) + ":" + step }
            steps.append(n.pointee.type == XML_ATTRIBUTE_NODE ? "@" + step : step)
            current = n.pointee.parent
        }
        return steps.isEmpty ? nil : "/" + steps.reversed().joined(separator: "/")
    }

    /// `path: message`, without libxml2's leading `Element 'name': `, which the path
    /// says already; `Element 'name', attribute 'a': ` becomes the step `/@a`.
    static func located(_ message: String, at path: String) -> String {
        let lead = "Element '", attribute = ", attribute '"
        guard message.hasPrefix(lead),
              let close = message.dropFirst(lead.count).firstIndex(of: "'") else { return path + ": " + message }
        let rest = message[message.index(after: close)...]
        if rest.hasPrefix(": ") { return path + ": " + rest.dropFirst(2) }
        guard rest.hasPrefix(attribute), let end = rest.range(of: "': ") else { return path + ": " + message }
        let name = rest[rest.index(rest.startIndex, offsetBy: attribute.count)..<end.lowerBound]
        let step = "/@" + name
        return (path.hasSuffix(step) ? path : path + step) + ": " + rest[end.upperBound...]
    }
}
