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

/// N-Triples or N-Quads lines gathered in memory, statement by statement, for callers
/// that hand them on themselves (as the mapper does, on its threads).
public struct RDFLineBuffer {
    private var encoder: NQuadsLineEncoder

    /// Lines of `format`; nil for a format that is not written a line per statement.
    public init?(format: RDFFormat) {
        switch format {
        case .nTriples: encoder = NQuadsLineEncoder(syntax: .nTriples)
        case .nQuads: encoder = NQuadsLineEncoder(syntax: .nQuads)
        default: return nil
        }
    }

    /// The lines so far.
    public var bytes: [UInt8] { encoder.bytes }

    /// Appends the canonical line of a statement. Throws for a named graph in N-Triples
    /// or an IRI that no IRI may be, leaving the lines as they were.
    public mutating func append(_ subject: Term, _ predicate: Term, _ object: Term, graph: Term?) throws {
        try encoder.append(subject, predicate, object, graph: graph)
    }

    /// Drops the lines from byte `count` on (all of them for 0), keeping the capacity.
    public mutating func truncate(to count: Int) {
        encoder.truncate(to: count)
    }
}
