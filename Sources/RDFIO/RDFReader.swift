#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RDF
import RDFXML
import Turtle

/// A push parser for some syntax: bytes go in with `feed`, quads come out of its sink.
public protocol RDFPushParser: AnyObject {
    /// Parses the next chunk of input.
    func feed(_ chunk: UnsafeRawBufferPointer) throws
    /// Parses what remains and checks the document is complete.
    func finish() throws
    /// The namespace prefixes the document declared, in order (empty for syntaxes without
    /// prefixes), for writers that want to reuse them. Complete after `finish()`.
    var declaredPrefixes: [(prefix: String, namespace: String)] { get }
}

extension RDFPushParser {
    /// Syntaxes without prefixes declare none.
    public var declaredPrefixes: [(prefix: String, namespace: String)] { [] }
}

extension NQuadsParser: RDFPushParser {}
extension TurtleParser: RDFPushParser {}
extension RDFXMLParser: RDFPushParser {}

/// An input that cannot be read at all (missing file, unsupported format); syntax errors
/// are `RDFSyntaxError`s instead.
public struct RDFInputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var source: String?
    public init(_ message: String, source: String? = nil) {
        self.message = message
        self.source = source
    }
    public var description: String { "\(source.map { "\($0): " } ?? "")error: \(message)" }
}

/// Reads RDF in any supported syntax, streaming quads to a sink.
public enum RDFReader {
    /// Chunk size used for files and streams (256 KiB, within the 64–256 KiB DESIGN.md asks).
    public static let chunkSize = 256 << 10

    /// A push parser for `format`. `base` resolves relative IRIs; `source` names the input in errors.
    public static func parser(for format: RDFFormat, base: String? = nil, source: String? = nil,
                              sink: @escaping QuadSink) throws -> RDFPushParser {
        switch format {
        case .nTriples: return NQuadsParser(syntax: .nTriples, source: source, sink: sink)
        case .nQuads: return NQuadsParser(syntax: .nQuads, source: source, sink: sink)
        case .turtle: return TurtleParser(syntax: .turtle, base: base, source: source, sink: sink)
        case .trig: return TurtleParser(syntax: .trig, base: base, source: source, sink: sink)
        case .rdfXML: return RDFXMLParser(base: base, source: source, sink: sink)
        default:
            throw RDFInputError("reading \(format.displayName) is not supported yet", source: source)
        }
    }

    /// Parses a file (or standard input for `-`) in chunks, returning the prefixes it declared.
    @discardableResult
    public static func read(path: String, format: RDFFormat, base: String? = nil,
                            sink: @escaping QuadSink) throws -> [(prefix: String, namespace: String)] {
        let source = path == "-" ? "<stdin>" : path
        let parser = try parser(for: format, base: base, source: source, sink: sink)
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        guard fd >= 0 else {
            throw RDFInputError("cannot open file: \(String(cString: strerror(errno)))", source: source)
        }
        defer { if fd != 0 { close(fd) } }
        try readChunks(fd: fd, source: source) { try parser.feed($0) }
        try parser.finish()
        return parser.declaredPrefixes
    }

    /// Parses bytes held in memory, returning the prefixes they declared.
    @discardableResult
    public static func read(bytes: [UInt8], format: RDFFormat, base: String? = nil, source: String? = nil,
                            sink: @escaping QuadSink) throws -> [(prefix: String, namespace: String)] {
        let parser = try parser(for: format, base: base, source: source, sink: sink)
        try bytes.withUnsafeBytes { try parser.feed($0) }
        try parser.finish()
        return parser.declaredPrefixes
    }

    /// Parses a file into a `Dataset`.
    public static func dataset(path: String, format: RDFFormat, base: String? = nil) throws -> Dataset {
        var dataset = Dataset()
        try read(path: path, format: format, base: base) { dataset.insert($0) }
        return dataset
    }

    /// Parses a file into an array of quads, in document order.
    public static func quads(path: String, format: RDFFormat, base: String? = nil) throws -> [Quad] {
        var quads: [Quad] = []
        try read(path: path, format: format, base: base) { quads.append($0) }
        return quads
    }

    /// Reads `fd` to its end in chunks of `chunkSize`.
    static func readChunks(fd: Int32, source: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, chunkSize)
            if n < 0 {
                if errno == EINTR { continue }
                throw RDFInputError("cannot read: \(String(cString: strerror(errno)))", source: source)
            }
            if n == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }
}
