import Alignment
import Foundation
import RDF
import RDFIO

/// Writes proposals to a file: SSSOM/TSV for `.sssom.tsv`, else SKOS mapping triples in the
/// RDF syntax of the extension; all at once or not at all.
enum AlignmentOutput {
    static func write(_ proposals: [Proposal], to path: String, source: String, target: String) throws {
        if path.hasSuffix(".sssom.tsv") || path.hasSuffix(".tsv") {
            var set = MappingSet(id: "urn:samsvar:alignment:" + UUID().uuidString.lowercased(),
                                 license: "https://creativecommons.org/licenses/by/4.0/", curieMap: [:],
                                 mappings: proposals.map(\.mapping))
            set.title = "Samsvar alignment of \(source) and \(target)"
            try write(Array(try SSSOMWriter().write(set.withCoveringPrefixes()).utf8), to: path)
            return
        }
        guard let format = RDFFormat(path: path), format.isWritable else {
            throw CLIError("\(path): cannot tell the output format (use .sssom.tsv, .ttl, .nt, .rdf …)")
        }
        let output = try OutputFile(path: path)
        let writer = try RDFWriter.writer(for: format) { try output.write($0) }
        for p in proposals { try writer.write(Quad(.iri(p.source), .iri(p.relation), .iri(p.target))) }
        try writer.finish()
        try output.commit()
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let output = try OutputFile(path: path)
        try bytes.withUnsafeBytes { try output.write($0) }
        try output.commit()
    }
}
