import CLibXML2
import RDF

// The bridge to libxml2: the SAX2 handler whose C callbacks forward to the parser object
// (passed to libxml2 as its user data, unretained), the error channel, and the entity
// guard.
//
// Entity design (libxml2 2.9.14):
//
// - Only entities declared in the document's own internal subset exist. `entityDecl`
//   registers internal general and parameter entities with libxml2
//   (`xmlSAX2EntityDecl`, plus the reader's own table for attribute values) and merely
//   remembers the names of external ones; `getEntity` and `getParameterEntity`
//   therefore never return an external entity, and a reference to one is an error
//   naming it. `externalSubset` and `resolveEntity` are not set (or refuse), so an
//   external DTD is never read either. `XML_PARSE_NONET` is set; `XML_PARSE_NOENT` is
//   not: with it libxml2 would load external entities it knew of (it knows none, but
//   the option is not needed), and it re-decodes an entity's text for every reference
//   in an attribute value, which made it a third slower on entity-heavy files. The
//   reader expands attribute values itself (RDFXMLParser+Entities.swift); in text
//   content libxml2 delivers the SAX events of each reference's replacement either way.
//
// - Entities whose replacement text is plain text (no `<`, `&`, `]` or CR) are given
//   that text as their one child node when declared, marked as already checked, as
//   libxml2 itself leaves them in DOM mode. A reference in content then reaches the
//   `reference` callback, which hands the text to `characters`, instead of libxml2
//   parsing the replacement text again with a new parser context for every reference
//   (some 10,000 instructions each; `&ds;…` identifiers in element content are
//   common in catalogues). Other entities keep libxml2's own handling.
//
// - Expansion is metered. libxml2 calls `getEntity`/`getParameterEntity` for every
//   entity reference, at every level of nesting, in text and (at the top level) in
//   attribute values; the callback counts references and adds the replacement text's
//   length, and the reader's own attribute expansion adds what it produces. Replacement
//   text is allowed up to `entityExpansionAllowance` bytes plus `entityExpansionRatio`
//   bytes per byte of input fed so far, and references up to 100,000 plus one per input
//   byte. A document with any number of short references (`rdf:resource="&dcat;Dataset"`,
//   each at least three bytes of input) stays far inside both; billion laughs
//   (exponential) and a big entity referenced many times (quadratic) run out within a
//   few megabytes. When the meter trips, the error is recorded, the parser stopped and
//   no entity returned, so nothing further is expanded.
//
// - libxml2's own guard (`xmlParserEntityCheck`, the `nbentities`/`sizeentities`
//   ratios) does not count repeated references to an entity in SAX mode before it has
//   done the work, and the push parser applies no depth limit (`xmlParserMaxDepth`
//   covers only DOM building), hence the reader's own meter and `maxNestingDepth`.
//   libxml2 still limits entity nesting to 40 levels (`XML_ERR_ENTITY_LOOP`), and so does
//   the attribute expansion.

enum LibXML {
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
private func withParser(_ ctx: UnsafeMutableRawPointer?, _ body: (RDFXMLParser) -> Void) {
    guard let ctx else { return }
    Unmanaged<RDFXMLParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef(body)
}

extension RDFXMLParser {
    /// The SAX2 callbacks. libxml2 copies the struct into each parser context.
    static func makeSAXHandler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.initialized = UInt32(truncatingIfNeeded: XML_SAX2_MAGIC)

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
        h.resolveEntity = { _, _, _ in nil }
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
        guard failure == nil, error.level == XML_ERR_ERROR || error.level == XML_ERR_FATAL else { return }
        var message = error.message.map { LibXML.clean(String(cString: $0)) } ?? "XML error \(error.code)"
        if error.code == Int32(XML_ERR_ENTITY_LOOP.rawValue) {
            message = "entity references nest too deeply or expand too much (an entity loop or a billion laughs attack)"
        } else {
            message = "malformed XML: " + message
        }
        var line = Int(error.line)
        var column = Int(error.int2)
        if line <= 0 { (line, column) = Self.locate(.current, in: context) }
        failure = RDFSyntaxError(message, line: line, column: max(column, 1), source: source)
        // libxml2 halts by itself after a fatal error; for other errors the SAX callbacks
        // see `stopped` and do nothing until feed() stops the parser. (xmlStopParser is not
        // called from inside libxml2's error reporting.)
        state.pointee.stopped = true
    }

    // MARK: Entities

    /// `entityDecl`: registers internal entities only (see the design note at the top).
    func declareEntity(_ name: UnsafePointer<xmlChar>?, _ type: Int32, _ publicID: UnsafePointer<xmlChar>?,
                       _ systemID: UnsafePointer<xmlChar>?, _ content: UnsafeMutablePointer<xmlChar>?) {
        guard failure == nil, let context, let name else { return }
        switch UInt32(bitPattern: type) {
        case XML_INTERNAL_GENERAL_ENTITY.rawValue:
            xmlSAX2EntityDecl(context, name, type, publicID, systemID, content)
            state.pointee.entities.declare(name, content)
            prepareTextEntity(name)
        case XML_INTERNAL_PARAMETER_ENTITY.rawValue:
            xmlSAX2EntityDecl(context, name, type, publicID, systemID, content)
        case XML_EXTERNAL_GENERAL_PARSED_ENTITY.rawValue, XML_EXTERNAL_PARAMETER_ENTITY.rawValue:
            let key = (UInt32(bitPattern: type) == XML_EXTERNAL_PARAMETER_ENTITY.rawValue ? "%" : "&")
                + String(cString: name)
            if state.pointee.externalEntities[key] == nil {
                state.pointee.externalEntities[key] = systemID.map { String(cString: $0) } ?? publicID.map { String(cString: $0) } ?? ""
            }
        default:
            break  // unparsed (NDATA) entities are never substituted
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

    /// `getEntity` / `getParameterEntity`: the entity libxml2 should use, metered (see the
    /// design note at the top of this file).
    mutating func entity(_ name: UnsafePointer<xmlChar>, parameter: Bool) throws -> xmlEntityPtr? {
        guard !stopped, let context else { return nil }
        entityReferences += 1
        if !externalEntities.isEmpty {
            let key = (parameter ? "%" : "&") + String(cString: name)
            if let system = externalEntities[key] {
                throw syntaxError("the external entity \(key.first!)\(key.dropFirst()); (\"\(system)\") is not loaded: Samsvar never reads files or URLs a document names",
                                  at: .current)
            }
        }
        let found = parameter ? xmlSAX2GetParameterEntity(context, name) : generalEntity(name, context)
        if let found { entityBytes += Int(max(found.pointee.length, 0)) }
        if entityReferences > referenceLimit {
            throw syntaxError("too many entity references (more than \(referenceLimit) for this input): entity expansion stopped (a billion laughs attack?)",
                              at: .current)
        }
        if entityBytes > entityLimit {
            throw syntaxError("entity expansion exceeds \(entityLimit) bytes for this input: stopped (a billion laughs or quadratic blow-up attack?)",
                              at: .current)
        }
        return found
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
