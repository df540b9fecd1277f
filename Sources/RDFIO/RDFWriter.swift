import RDF
import RDFXML
import Turtle

/// A streaming writer for some syntax: quads go in, bytes go to its output.
public protocol RDFStreamWriter: AnyObject {
    /// Writes one quad.
    func write(_ quad: Quad) throws
    /// Writes whatever the syntax needs at the end and flushes the output.
    func finish() throws
    /// Prefixes to prefer over those given when the writer was made, for example the
    /// ones the input declared once it has been read. Call it before `finish()`; writers
    /// of syntaxes without prefixes (or that have already written them) ignore it.
    func setPrefixes(_ prefixes: [(prefix: String, namespace: String)])
}

extension RDFStreamWriter {
    /// Syntaxes without prefixes ignore them.
    public func setPrefixes(_ prefixes: [(prefix: String, namespace: String)]) {}
}

extension NQuadsWriter: RDFStreamWriter {
    public func finish() throws { try flush() }
}

extension TurtleWriter: RDFStreamWriter {}
extension RDFXMLWriter: RDFStreamWriter {}

/// Writes RDF in any supported syntax.
public enum RDFWriter {
    /// A writer for `format` that hands its bytes to `output`.
    ///
    /// N-Triples and N-Quads stream (canonical form, input order). Turtle and TriG are
    /// pretty, and so is RDF/XML: they buffer the quads and write the sorted document in `finish()`, using
    /// `prefixes` (then well-known ones) for the namespaces the data uses, and IRIs
    /// relative to `base` if one is given. Syntaxes without prefixes or a base ignore them.
    public static func writer(for format: RDFFormat, prefixes: [(prefix: String, namespace: String)] = [],
                              base: String? = nil,
                              output: @escaping (UnsafeRawBufferPointer) throws -> Void) throws -> RDFStreamWriter {
        switch format {
        case .nTriples: return NQuadsWriter(syntax: .nTriples, output: output)
        case .nQuads: return NQuadsWriter(syntax: .nQuads, output: output)
        case .turtle: return TurtleWriter(syntax: .turtle, prefixes: prefixes, base: base, output: output)
        case .trig: return TurtleWriter(syntax: .trig, prefixes: prefixes, base: base, output: output)
        case .rdfXML: return RDFXMLWriter(prefixes: prefixes, base: base, output: output)
        default: throw RDFInputError("writing \(format.displayName) is not supported yet")
        }
    }
}
