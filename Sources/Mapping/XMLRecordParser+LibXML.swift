import CLibXML2

// The bridge to libxml2's SAX2 push parser for the record reader: the callbacks forward
// to the parser object (libxml2's user data, unretained), and the entity guard.
//
// Entities (libxml2 2.9.14), following the RDF/XML reader's rules (DESIGN.md, "Safety"):
//
// - Only entities declared in the document's own internal subset exist: `entityDecl`
//   registers internal general and parameter entities with libxml2 and only remembers the
//   names of external ones, so `getEntity`/`getParameterEntity` never hand libxml2 an
//   external entity to load; a reference to one is an error naming it. `externalSubset`
//   is not set and `resolveEntity` refuses, so no external DTD is read; `XML_PARSE_NONET`
//   is set as well.
// - `XML_PARSE_NOENT` is set so that libxml2 substitutes internal entities in attribute
//   values too (text content gets the events of each reference's replacement either way).
// - Expansion is metered: libxml2 asks `getEntity` for every reference at every level of
//   nesting; the callback counts references and adds each replacement text's length.
//   16 MiB plus 16 bytes per input byte of replacement text, and 100,000 references plus
//   one per input byte, are allowed; billion laughs and quadratic blow-up stop with an
//   error within a few megabytes.
// - A reference to an entity that is not declared at all (possible when the document
//   names an external DTD, which libxml2 then only warns about and leaves out) is an
//   error, not text silently dropped.

enum LibXMLSetup {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Initialises libxml2 once per process (thread-safe).
    static func initialize() {
        _ = initialized
    }

    /// A libxml2 message without its trailing newline.
    static func clean(_ message: String) -> String {
        var m = Substring(message)
        while let last = m.last, last == "\n" || last == " " { m.removeLast() }
        return String(m)
    }
}

@inline(__always)
private func withParser(_ ctx: UnsafeMutableRawPointer?, _ body: (XMLRecordParser) -> Void) {
    guard let ctx else { return }
    Unmanaged<XMLRecordParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef(body)
}

extension XMLRecordParser {
    /// The SAX2 callbacks. libxml2 copies the struct into the parser context.
    static func makeSAXHandler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.initialized = UInt32(truncatingIfNeeded: XML_SAX2_MAGIC)
        h.startDocument = { ctx in
            withParser(ctx) { p in
                if let c = p.state.pointee.context { xmlSAX2StartDocument(c) }
            }
        }
        h.internalSubset = { ctx, name, externalID, systemID in
            withParser(ctx) { p in
                if let c = p.state.pointee.context { xmlSAX2InternalSubset(c, name, externalID, systemID) }
            }
        }
        h.entityDecl = { ctx, name, type, publicID, systemID, content in
            withParser(ctx) { p in p.state.pointee.declareEntity(name, type, publicID, systemID, content) }
        }
        h.getEntity = { ctx, name in
            guard let ctx, let name else { return nil }
            return Unmanaged<XMLRecordParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef { p in
                p.state.pointee.entity(name, parameter: false)
            }
        }
        h.getParameterEntity = { ctx, name in
            guard let ctx, let name else { return nil }
            return Unmanaged<XMLRecordParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef { p in
                p.state.pointee.entity(name, parameter: true)
            }
        }
        h.resolveEntity = { _, _, _ in nil }
        h.reference = { ctx, name in
            withParser(ctx) { p in
                guard let name else { return }
                p.state.pointee.fail("the entity &\(String(cString: name)); is not declared in the document (external DTDs are never read)")
            }
        }
        h.startElementNs = { ctx, localName, _, uri, nbNamespaces, namespaces, nbAttributes, _, attributes in
            withParser(ctx) { p in
                guard let localName, p.state.pointee.failure == nil else { return }
                p.state.pointee.startElement(localName, uri, Int(nbNamespaces), namespaces, Int(nbAttributes), attributes)
            }
        }
        h.endElementNs = { ctx, _, _, _ in
            withParser(ctx) { p in
                guard p.state.pointee.failure == nil else { return }
                p.state.pointee.endElement()
            }
        }
        let characters: charactersSAXFunc = { ctx, bytes, length in
            withParser(ctx) { p in
                guard let bytes, length > 0, p.state.pointee.failure == nil else { return }
                p.state.pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
            }
        }
        h.characters = characters
        h.ignorableWhitespace = characters
        h.cdataBlock = characters
        h.serror = { ctx, error in
            withParser(ctx) { p in
                if let error { p.state.pointee.libxmlError(error.pointee) }
            }
        }
        return h
    }
}

extension XMLRecordParser.State {
    /// Records a libxml2 error (well-formedness, namespaces, entities); warnings are ignored.
    mutating func libxmlError(_ error: xmlError) {
        guard failure == nil, error.level == XML_ERR_ERROR || error.level == XML_ERR_FATAL else { return }
        var message = error.message.map { LibXMLSetup.clean(String(cString: $0)) } ?? "XML error \(error.code)"
        if error.code == Int32(XML_ERR_ENTITY_LOOP.rawValue) {
            message = "entity references nest too deeply or expand too much (an entity loop or a billion laughs attack)"
        } else {
            message = "malformed XML: " + message
        }
        // Not xmlStopParser here, inside libxml2's error reporting: the other callbacks
        // see the failure and do nothing, and feed() stops the parser.
        failure = RecordInputError(message, source: source, line: Int(max(error.line, 1)), column: Int(max(error.int2, 1)))
    }

    /// `entityDecl`: registers internal entities only.
    mutating func declareEntity(_ name: UnsafePointer<xmlChar>?, _ type: Int32, _ publicID: UnsafePointer<xmlChar>?,
                       _ systemID: UnsafePointer<xmlChar>?, _ content: UnsafeMutablePointer<xmlChar>?) {
        guard failure == nil, let context, let name else { return }
        switch UInt32(bitPattern: type) {
        case XML_INTERNAL_GENERAL_ENTITY.rawValue, XML_INTERNAL_PARAMETER_ENTITY.rawValue:
            xmlSAX2EntityDecl(context, name, type, publicID, systemID, content)
        case XML_EXTERNAL_PARAMETER_ENTITY.rawValue:
            externalEntities.insert("%" + String(cString: name))
        default:
            externalEntities.insert("&" + String(cString: name))
        }
    }

    /// `getEntity` / `getParameterEntity`: the internal entity called `name`, metered.
    mutating func entity(_ name: UnsafePointer<xmlChar>, parameter: Bool) -> xmlEntityPtr? {
        guard failure == nil, let context else { return nil }
        entityReferences += 1
        if !externalEntities.isEmpty {
            let key = (parameter ? "%" : "&") + String(cString: name)
            if externalEntities.contains(key) {
                fail("the external entity \(key); is not loaded: Samsvar never reads files or URLs a document names")
                return nil
            }
        }
        let found = parameter ? xmlSAX2GetParameterEntity(context, name) : xmlSAX2GetEntity(context, name)
        if let found { entityBytes += Int(max(found.pointee.length, 0)) }
        if entityReferences > 100_000 + bytesFed {
            fail("too many entity references for the size of the input: entity expansion stopped (a billion laughs attack?)")
            return nil
        }
        if entityBytes > Self.entityExpansionAllowance + Self.entityExpansionRatio * bytesFed {
            fail("entity expansion exceeds what the size of the input allows: stopped (a billion laughs or quadratic blow-up attack?)")
            return nil
        }
        return found
    }
}
