// XMLSupport: libxml2 set up the one safe way Samsvar's XML readers share (RDF/XML and
// records) — no network, no external entities or DTDs, metered entity expansion — with
// its errors turned into message, line and column.

import CLibXML2

/// libxml2 set-up shared by the XML readers.
package enum LibXML {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Initialises libxml2 once per process (thread-safe).
    package static func initialize() {
        _ = initialized
    }

    /// A libxml2 message without its trailing newline.
    package static func clean(_ message: String) -> String {
        var m = Substring(message)
        while let last = m.last, last == "\n" || last == " " { m.removeLast() }
        return String(m)
    }

    /// A SAX2 handler that loads nothing from outside the document: `resolveEntity`
    /// refuses and `externalSubset` is not set, so no external DTD or entity is read.
    /// The caller adds its own callbacks.
    package static func saxHandler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.initialized = UInt32(truncatingIfNeeded: XML_SAX2_MAGIC)
        h.resolveEntity = { _, _, _ in nil }
        return h
    }

    /// A push parser context for `handler` (libxml2 copies it), with the safe options:
    /// `XML_PARSE_NONET`, no network access whatever happens; `XML_PARSE_NOENT` only when
    /// `substitutingEntities` (libxml2 then substitutes internal entities in attribute
    /// values too; the reader's `EntityGuard` only ever gives it internal ones, metered);
    /// never `XML_PARSE_HUGE`, `DTDLOAD`, `DTDATTR` or `DTDVALID`. Initialises libxml2
    /// first. The caller points `userData` at itself; free the context with `free(_:)`.
    package static func pushParser(_ handler: inout xmlSAXHandler, filename: String?,
                                   substitutingEntities: Bool) -> xmlParserCtxtPtr? {
        initialize()
        guard let context = xmlCreatePushParserCtxt(&handler, nil, nil, 0, filename) else { return nil }
        var options = XML_PARSE_NONET.rawValue
        if substitutingEntities { options |= XML_PARSE_NOENT.rawValue }
        xmlCtxtUseOptions(context, Int32(options))
        return context
    }

    /// Frees a push parser context and the document libxml2 built for its DTD, if any.
    package static func free(_ context: xmlParserCtxtPtr) {
        if let doc = context.pointee.myDoc {
            context.pointee.myDoc = nil
            xmlFreeDoc(doc)
        }
        xmlFreeParserCtxt(context)
    }
}

/// An error libxml2 reported while parsing, as a reader reports it: `malformed XML: …`
/// (or a plain word for an entity loop), with libxml2's line and column.
package struct LibXMLFailure {
    package var message: String
    /// The line libxml2 gave, from 1; 0 when it gave none.
    package var line: Int
    /// The column libxml2 gave, from 1; 0 when it gave none.
    package var column: Int

    /// The error reported to the structured error callback (`serror`); nil for a
    /// warning, which the readers ignore.
    package init?(_ error: xmlError) {
        guard error.level == XML_ERR_ERROR || error.level == XML_ERR_FATAL else { return nil }
        let text = error.message.map { LibXML.clean(String(cString: $0)) } ?? "XML error \(error.code)"
        message = error.code == Int32(XML_ERR_ENTITY_LOOP.rawValue)
            ? "entity references nest too deeply or expand too much (an entity loop or a billion laughs attack)"
            : "malformed XML: " + text
        line = Int(max(error.line, 0))
        column = Int(max(error.int2, 0))
    }

    /// The last error of `context`, for a non-zero `status` from `xmlParseChunk` that
    /// reached no callback; line and column at least 1.
    package init(lastErrorOf context: xmlParserCtxtPtr, status: Int32) {
        let last = context.pointee.lastError
        message = "malformed XML: " + (last.message.map { LibXML.clean(String(cString: $0)) } ?? "XML error \(status)")
        line = Int(max(last.line, 1))
        column = Int(max(last.int2, 1))
    }
}
