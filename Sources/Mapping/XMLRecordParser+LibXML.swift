import CLibXML2
import XMLSupport

// The bridge to libxml2's SAX2 push parser for the record reader: the callbacks forward
// to the parser object (libxml2's user data, unretained), and the entity guard.
//
// Entities (libxml2 2.9.14) follow the rules of every XML reader of Samsvar, those of
// `EntityGuard` (XMLSupport; DESIGN.md, "Safety"): only the document's internal entities
// exist, an external one is refused by name when referenced, no external DTD is read,
// nothing is fetched, and expansion is metered against the input size. Here in
// particular:
//
// - `XML_PARSE_NOENT` is set so that libxml2 substitutes internal entities in attribute
//   values too (text content gets the events of each reference's replacement either way).
// - A reference to an entity that is not declared at all (possible when the document
//   names an external DTD, which libxml2 then only warns about and leaves out) is an
//   error, not text silently dropped.

@inline(__always)
private func withParser(_ ctx: UnsafeMutableRawPointer?, _ body: (XMLRecordParser) -> Void) {
    guard let ctx else { return }
    Unmanaged<XMLRecordParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef(body)
}

extension XMLRecordParser {
    /// The SAX2 callbacks. libxml2 copies the struct into the parser context.
    static func makeSAXHandler() -> xmlSAXHandler {
        var h = LibXML.saxHandler()
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
        guard failure == nil, let reported = LibXMLFailure(error) else { return }
        // Not xmlStopParser here, inside libxml2's error reporting: the other callbacks
        // see the failure and do nothing, and feed() stops the parser.
        failure = RecordInputError(reported.message, source: source, line: max(reported.line, 1),
                                   column: max(reported.column, 1))
    }

    /// `entityDecl`: registers internal entities only (`EntityGuard.declare`).
    mutating func declareEntity(_ name: UnsafePointer<xmlChar>?, _ type: Int32, _ publicID: UnsafePointer<xmlChar>?,
                       _ systemID: UnsafePointer<xmlChar>?, _ content: UnsafeMutablePointer<xmlChar>?) {
        guard failure == nil, let context, let name, entityGuard.declare(name, type, publicID, systemID) else { return }
        xmlSAX2EntityDecl(context, name, type, publicID, systemID, content)
    }

    /// `getEntity` / `getParameterEntity`: the internal entity called `name`, metered.
    mutating func entity(_ name: UnsafePointer<xmlChar>, parameter: Bool) -> xmlEntityPtr? {
        guard failure == nil, let context else { return nil }
        do throws(EntityGuard.Violation) {
            try entityGuard.reference(name, parameter: parameter)
            let found = parameter ? xmlSAX2GetParameterEntity(context, name) : xmlSAX2GetEntity(context, name)
            try entityGuard.expand(found)
            return found
        } catch {
            switch error {
            case .external(let key, _):
                fail("the external entity \(key); is not loaded: Samsvar never reads files or URLs a document names")
            case .tooManyReferences:
                fail("too many entity references for the size of the input: entity expansion stopped (a billion laughs attack?)")
            case .tooMuchText:
                fail("entity expansion exceeds what the size of the input allows: stopped (a billion laughs or quadratic blow-up attack?)")
            }
            return nil
        }
    }
}
