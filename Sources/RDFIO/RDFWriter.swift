import RDF
import Turtle

/// A streaming writer for some syntax: quads go in, bytes go to its output.
public protocol RDFStreamWriter: AnyObject {
    /// Writes one quad.
    func write(_ quad: Quad) throws
    /// Writes whatever the syntax needs at the end and flushes the output.
    func finish() throws
}

extension NQuadsWriter: RDFStreamWriter {
    public func finish() throws { try flush() }
}

/// Writes RDF in any supported syntax.
public enum RDFWriter {
    /// A writer for `format` that hands its bytes to `output`.
    public static func writer(for format: RDFFormat,
                              output: @escaping (UnsafeRawBufferPointer) throws -> Void) throws -> RDFStreamWriter {
        switch format {
        case .nTriples: return NQuadsWriter(syntax: .nTriples, output: output)
        case .nQuads: return NQuadsWriter(syntax: .nQuads, output: output)
        default: throw RDFInputError("writing \(format.displayName) is not supported yet")
        }
    }
}
