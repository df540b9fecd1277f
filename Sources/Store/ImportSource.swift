import Foundation
import RDF
import RDFIO

/// The bytes of one source to import, with how to read them and where they came from.
public struct ImportSource: Sendable {
    /// The whole document.
    public var bytes: [UInt8]
    /// Its syntax.
    public var format: RDFFormat
    /// The base IRI for relative IRIs.
    public var base: String?
    /// The file path or URL as given: named in errors.
    public var location: String
    /// The file path or URL kept as the graph's provenance (for files, the absolute path).
    public var provenance: String

    public init(bytes: [UInt8], format: RDFFormat, base: String?, location: String, provenance: String? = nil) {
        self.bytes = bytes
        self.format = format
        self.base = base
        self.location = location
        self.provenance = provenance ?? location
    }

    /// A file, its format from `format` or else its extension, its base its own `file://` URI.
    public static func file(_ path: String, format: RDFFormat? = nil, base: String? = nil) throws -> ImportSource {
        guard let format = format ?? RDFFormat(path: path) else {
            throw RDFInputError("cannot tell the format from the extension", source: path)
        }
        guard format.isReadable else {
            throw RDFInputError("reading \(format.displayName) is not supported yet", source: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RDFInputError(FileManager.default.fileExists(atPath: path) ? "cannot read file" : "no such file", source: path)
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return ImportSource(bytes: [UInt8](data), format: format, base: base ?? url.absoluteString,
                            location: path, provenance: url.path)
    }

    /// Triples made in memory (a validation report, review decisions), as an N-Triples source.
    public init(triples: some Sequence<Triple>, location: String, provenance: String? = nil) throws {
        var bytes: [UInt8] = []
        let writer = try RDFWriter.writer(for: .nTriples) { bytes.append(contentsOf: $0) }
        for t in triples { try writer.write(Quad(t.subject, t.predicate, t.object)) }
        try writer.finish()
        self.init(bytes: bytes, format: .nTriples, base: nil, location: location, provenance: provenance)
    }

    /// `ByteHash` of the bytes, as 16 hex digits.
    public var contentHash: String {
        let h = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { ByteHash.hash($0, buffer.count) } ?? ByteHash.hash([0], 0)
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
