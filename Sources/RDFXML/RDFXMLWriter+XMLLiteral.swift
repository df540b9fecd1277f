import CLibXML2
import RDF

/// Decides whether an `rdf:XMLLiteral` can be written as `rdf:parseType="Literal"`
/// content.
///
/// A reader turns such content into its exclusive canonical form with comments
/// (RDF/XML section 7.2.17), so writing the lexical form raw gives back the same literal
/// only when it is well-formed, namespace-well-formed XML content that is already its
/// own canonical form. Anything else is written as text with
/// `rdf:datatype="…#XMLLiteral"`, which keeps every lexical form exactly.
enum XMLLiteralForm {
    /// True when the lexical form survives `rdf:parseType="Literal"` unchanged.
    static func isCanonicalContent(_ lexical: String) -> Bool {
        // Text without markup, `&`, `>` or carriage returns is its own canonical form.
        if !lexical.utf8.contains(where: { $0 == 0x3C || $0 == 0x26 || $0 == 0x3E || $0 == 0x0D }) {
            return true
        }
        let document = Array("<w>\(lexical)</w>".utf8)
        guard let context = xmlNewParserCtxt() else { return false }
        defer { xmlFreeParserCtxt(context) }
        // No network, no entity loading (there is no DTD anyway), no error output.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = document.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), nil, "UTF-8", options)
            }
        }
        guard let doc = parsed else { return false }
        defer { xmlFreeDoc(doc) }
        guard context.pointee.wellFormed != 0, context.pointee.nsWellFormed != 0,
              let buffer = xmlAllocOutputBuffer(nil) else { return false }
        defer { xmlOutputBufferClose(buffer) }
        // The whole document, wrapper included: `<w>` has no attributes or namespaces, so
        // its canonical form is `<w>`, the content's canonical form, `</w>`. (Leaving the
        // wrapper out of the node set would make libxml2 treat comments and processing
        // instructions as outside the document element and add line breaks.)
        let status = xmlC14NDocSaveTo(doc, nil, Int32(XML_C14N_EXCLUSIVE_1_0.rawValue), nil, 1, buffer)
        guard status >= 0, let content = xmlOutputBufferGetContent(buffer) else { return false }
        let canonical = UnsafeBufferPointer(start: content, count: Int(xmlOutputBufferGetSize(buffer)))
        return canonical.elementsEqual(document)
    }
}
