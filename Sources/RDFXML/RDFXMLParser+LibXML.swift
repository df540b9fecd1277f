import CLibXML2
import RDF
import XMLSupport

// The bridge to libxml2: the SAX2 handler whose C callbacks forward to the parser object
// (passed to libxml2 as its user data, unretained), the error channel, and the entity
// guard.
//
// Entity design (libxml2 2.9.14): the rules every XML reader of Samsvar follows are
// `EntityGuard`'s (XMLSupport): only the document's internal entities exist, an external
// one is refused by name when referenced, no external DTD is read, nothing is fetched,
// and expansion is metered against the input size. Here in particular:
//
// - `XML_PARSE_NOENT` is not set: with it libxml2 re-decodes an entity's text for every
//   reference in an attribute value, which made it a third slower on entity-heavy files.
//   The reader expands attribute values itself (RDFXMLParser+Entities.swift), metered by
//   the same guard; in text content libxml2 delivers the SAX events of each reference's
//   replacement either way.
//
// - Entities whose replacement text is plain text (no `<`, `&`, `]` or CR) are given
//   that text as their one child node when declared, marked as already checked, as
//   libxml2 itself leaves them in DOM mode. A reference in content then reaches the
//   `reference` callback, which hands the text to `characters`, instead of libxml2
//   parsing the replacement text again with a new parser context for every reference
//   (some 10,000 instructions each; `&ds;…` identifiers in element content are
//   common in catalogues). Other entities keep libxml2's own handling.
//
// - When the meter trips, the error is recorded, the parser stopped and no entity
//   returned, so nothing further is expanded. Element nesting is bounded by
//   `maxNestingDepth`; the attribute expansion, like libxml2, limits entity nesting to
//   40 levels.

@inline(__always)
private func withParser(_ ctx: UnsafeMutableRawPointer?, _ body: (RDFXMLParser) -> Void) {
    guard let ctx else { return }
    Unmanaged<RDFXMLParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef(body)
}

extension RDFXMLParser {
    /// The SAX2 callbacks. libxml2 copies the struct into each parser context.
    static func makeSAXHandler() -> xmlSAXHandler {
        var h = LibXML.saxHandler()
        h.startDocument = { ctx in
            withParser(ctx) { p in
                if let c = p.context { xmlSAX2StartDocument(c) }
            }
        }
        h.internalSubset = { ctx, name, externalID, systemID in
            withParser(ctx) { p in
                if let c = p.context { xmlSAX2InternalSubset(c, name, externalID, systemID) }
            }
        }
        h.entityDecl = { ctx, name, type, publicID, systemID, content in
            withParser(ctx) { p in p.declareEntity(name, type, publicID, systemID, content) }
        }
        h.getEntity = { ctx, name in
            guard let ctx, let name else { return nil }
            return Unmanaged<RDFXMLParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef { p in
                do { return try p.state.pointee.entity(name, parameter: false) } catch {
                    p.fail(error)
                    return nil
                }
            }
        }
        h.getParameterEntity = { ctx, name in
            guard let ctx, let name else { return nil }
            return Unmanaged<RDFXMLParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef { p in
                do { return try p.state.pointee.entity(name, parameter: true) } catch {
                    p.fail(error)
                    return nil
                }
            }
        }
        h.reference = { ctx, name in
            withParser(ctx) { p in
                guard let name else { return }
                do { try p.state.pointee.textEntityReference(name) } catch { p.fail(error) }
            }
        }

        h.startElementNs = { ctx, localName, prefix, uri, nbNamespaces, namespaces, nbAttributes, _, attributes in
            withParser(ctx) { p in
                guard let localName else { return }
                if nbNamespaces > 0, let namespaces, p.failure == nil { p.recordNamespaces(Int(nbNamespaces), namespaces) }
                do {
                    try p.state.pointee.startElement(localName, prefix, uri, Int(nbAttributes), attributes)
                } catch {
                    p.fail(error)
                }
            }
        }
        h.endElementNs = { ctx, localName, prefix, _ in
            withParser(ctx) { p in
                guard let localName else { return }
                do { try p.state.pointee.endElement(localName, prefix) } catch { p.fail(error) }
            }
        }
        let characters: charactersSAXFunc = { ctx, bytes, length in
            withParser(ctx) { p in
                guard let bytes, length > 0 else { return }
                do { try p.state.pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(length))) } catch { p.fail(error) }
            }
        }
        h.characters = characters
        h.ignorableWhitespace = characters
        h.cdataBlock = characters
        h.comment = { ctx, value in
            withParser(ctx) { p in
                if let value { p.state.pointee.comment(value) }
            }
        }
        h.processingInstruction = { ctx, target, data in
            withParser(ctx) { p in
                if let target { p.state.pointee.processingInstruction(target, data) }
            }
        }
        h.serror = { ctx, error in
            withParser(ctx) { p in
                if let error { p.libxmlError(error.pointee) }
            }
        }
        return h
    }

    // MARK: Errors

    /// Records a libxml2 error (well-formedness, namespaces, entities); warnings are ignored.
    func libxmlError(_ error: xmlError) {
        guard failure == nil, let reported = LibXMLFailure(error) else { return }
        var (line, column) = (reported.line, reported.column)
        if line <= 0 { (line, column) = Self.locate(.current, in: context) }
        failure = RDFSyntaxError(reported.message, line: line, column: max(column, 1), source: source)
        // libxml2 halts by itself after a fatal error; for other errors the SAX callbacks
        // see `stopped` and do nothing until feed() stops the parser. (xmlStopParser is not
        // called from inside libxml2's error reporting.)
        state.pointee.stopped = true
    }

    // MARK: Entities

    /// `entityDecl`: registers internal entities only (`EntityGuard.declare`).
    func declareEntity(_ name: UnsafePointer<xmlChar>?, _ type: Int32, _ publicID: UnsafePointer<xmlChar>?,
                       _ systemID: UnsafePointer<xmlChar>?, _ content: UnsafeMutablePointer<xmlChar>?) {
        guard failure == nil, let context, let name,
              state.pointee.entityGuard.declare(name, type, publicID, systemID) else { return }
        xmlSAX2EntityDecl(context, name, type, publicID, systemID, content)
        if UInt32(bitPattern: type) == XML_INTERNAL_GENERAL_ENTITY.rawValue {
            state.pointee.entities.declare(name, content)
            prepareTextEntity(name)
        }
    }
}

extension RDFXMLParser {
    /// Gives a just-declared internal entity whose replacement text is plain text that
    /// text as its child node (see the design note at the top of this file).
    func prepareTextEntity(_ name: UnsafePointer<xmlChar>) {
        guard let context, let doc = context.pointee.myDoc, xmlGetPredefinedEntity(name) == nil,
              let entity = xmlGetDocEntity(doc, name), entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY,
              entity.pointee.children == nil, entity.pointee.checked == 0, entity.pointee._private == nil,
              let content = entity.pointee.content, entity.pointee.length >= 0 else { return }
        let text = UnsafeBufferPointer(start: content, count: Int(entity.pointee.length))
        for b in text where b == UInt8(ascii: "<") || b == UInt8(ascii: "&") || b == UInt8(ascii: "]") || b == 0x0D {
            return
        }
        guard let node = xmlNewDocTextLen(doc, content, entity.pointee.length) else { return }
        // What libxml2 records for an entity it has parsed and found to hold one text node:
        // owned child (freed with the entity), no nested references (checked = 2 * 1), no `<`.
        node.pointee.parent = UnsafeMutableRawPointer(entity).assumingMemoryBound(to: xmlNode.self)
        entity.pointee.children = node
        entity.pointee.last = node
        entity.pointee.owner = 1
        entity.pointee.checked = 2
        entity.pointee._private = state.pointee.textEntityMarker
    }
}

extension RDFXMLParser.State {
    /// `reference`: a reference in content to an entity prepared by `prepareTextEntity`
    /// delivers its text. (For other entities libxml2 has already delivered the events
    /// of the replacement text when it calls this.)
    mutating func textEntityReference(_ name: UnsafePointer<xmlChar>) throws {
        guard !stopped, let context, let entity = generalEntity(name, context),
              entity.pointee._private != nil, entity.pointee._private == textEntityMarker,
              let content = entity.pointee.content, entity.pointee.length > 0 else { return }
        try characters(UnsafeBufferPointer(start: content, count: Int(entity.pointee.length)))
    }

    /// `getEntity` / `getParameterEntity`: the entity libxml2 should use, metered by the
    /// entity guard.
    mutating func entity(_ name: UnsafePointer<xmlChar>, parameter: Bool) throws -> xmlEntityPtr? {
        guard !stopped, let context else { return nil }
        do throws(EntityGuard.Violation) {
            try entityGuard.reference(name, parameter: parameter)
            let found = parameter ? xmlSAX2GetParameterEntity(context, name) : generalEntity(name, context)
            try entityGuard.expand(found)
            return found
        } catch {
            throw syntaxError(error, at: .current)
        }
    }

    /// The error for an entity the guard refuses.
    func syntaxError(_ violation: EntityGuard.Violation, at position: RDFXMLParser.Position = .tag) -> RDFSyntaxError {
        switch violation {
        case .external(let key, let system):
            syntaxError("the external entity \(key); (\"\(system)\") is not loaded: Samsvar never reads files or URLs a document names",
                        at: position)
        case .tooManyReferences(let limit):
            syntaxError("too many entity references (more than \(limit) for this input): entity expansion stopped (a billion laughs attack?)",
                        at: position)
        case .tooMuchText(let limit):
            syntaxError("entity expansion exceeds \(limit) bytes for this input: stopped (a billion laughs or quadratic blow-up attack?)",
                        at: position)
        }
    }

    /// `xmlSAX2GetEntity`, remembered by the address of the name. libxml2 passes the
    /// names of entity references in content and attribute values interned in its
    /// dictionary, so a name recurs at the same address; the entity found is checked to
    /// have that name all the same (names it does not intern may reuse an address), and
    /// only after the DTD, when the set of entities no longer changes.
    @inline(__always)
    mutating func generalEntity(_ name: UnsafePointer<xmlChar>, _ context: xmlParserCtxtPtr) -> xmlEntityPtr? {
        guard context.pointee.inSubset == 0 else { return xmlSAX2GetEntity(context, name) }
        let slot = Int(truncatingIfNeeded: (UInt(bitPattern: Int(bitPattern: name)) &* 0x9E37_79B9_7F4A_7C15) >> 59)
        if entityNames[slot] == name, let cached = entityValues[slot],
           cached.pointee.name == name || xmlStrEqual(cached.pointee.name, name) != 0 {
            return cached
        }
        let found = xmlSAX2GetEntity(context, name)
        if found != nil {
            entityNames[slot] = name
            entityValues[slot] = found
        }
        return found
    }
}
