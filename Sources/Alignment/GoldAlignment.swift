import Foundation
import RDF
import RDFIO

/// A reference alignment to evaluate proposed mappings against, read from whichever of
/// the formats gold data comes in: the OAEI Alignment format (the OAEI tracks and the
/// DH-benchmark), SSSOM/TSV, or plain SKOS mapping triples in any RDF syntax.
public struct GoldAlignment: Sendable {
    /// The format a gold alignment was read from.
    public enum Format: String, Sendable {
        /// The OAEI Alignment format (`Cell`s).
        case oaei = "OAEI Alignment"
        /// SSSOM/TSV.
        case sssom = "SSSOM/TSV"
        /// RDF statements with SKOS mapping properties (`skos:exactMatch` …).
        case skos = "SKOS mapping triples"
    }

    /// The format the alignment was read from.
    public var format: Format
    /// The reference mappings.
    public var mappings: [Mapping]

    /// A gold alignment of `mappings`, read from `format`.
    public init(format: Format, mappings: [Mapping]) {
        self.format = format
        self.mappings = mappings
    }

    /// Reads a gold alignment file, telling the format from its content: SSSOM/TSV when
    /// it is a table with a `predicate_id` column (after a `#` metadata block or with a
    /// `.sssom.yml` beside it), otherwise RDF in the syntax its extension names (sniffed
    /// when that says nothing), holding OAEI `Cell`s or SKOS mapping statements.
    public static func read(path: String) throws -> GoldAlignment {
        let bytes = try SSSOMReader.contents(of: path)
        if isSSSOM(bytes) {
            return GoldAlignment(format: .sssom, mappings: try sssomReader(source: path).read(path: path).mappings)
        }
        let format = RDFFormat(path: path) ?? RDFFormat.sniff(bytes)
        var quads: [Quad] = []
        try RDFReader.read(bytes: bytes, format: format, base: URL(fileURLWithPath: path).absoluteString,
                           source: path) { quads.append($0) }
        return try alignment(from: quads, source: path)
    }

    /// Reads a gold alignment held in memory (`format` for RDF, sniffed when `nil`).
    public static func read(bytes: [UInt8], format: RDFFormat? = nil, base: String? = nil,
                            source: String? = nil) throws -> GoldAlignment {
        if isSSSOM(bytes) {
            return GoldAlignment(format: .sssom,
                                 mappings: try sssomReader(source: source).read(bytes: bytes, source: source).mappings)
        }
        var quads: [Quad] = []
        try RDFReader.read(bytes: bytes, format: format ?? RDFFormat.sniff(bytes), base: base, source: source) {
            quads.append($0)
        }
        return try alignment(from: quads, source: source)
    }

    /// OAEI cells when the statements use the alignment vocabulary, SKOS mapping
    /// statements between IRIs otherwise.
    static func alignment(from quads: [Quad], source: String?) throws -> GoldAlignment {
        if OAEIAlignmentReader.isAlignment(quads) {
            let alignment = try OAEIAlignmentReader().alignment(from: quads, source: source)
            return GoldAlignment(format: .oaei, mappings: alignment.mappings)
        }
        let relations = Set(MappingPredicate.skosMappingRelations)
        var seen = Set<Triple>()
        var mappings: [Mapping] = []
        for quad in quads {
            guard case .iri(let predicate) = quad.predicate, relations.contains(predicate),
                  case .iri(let subject) = quad.subject, case .iri(let object) = quad.object,
                  seen.insert(quad.triple).inserted
            else { continue }
            mappings.append(Mapping(subjectID: subject, predicateID: predicate, objectID: object,
                                    justification: MappingJustification.unspecifiedMatching))
        }
        guard !mappings.isEmpty else {
            throw OAEIAlignmentError("no alignment found: neither OAEI Cells nor SKOS mapping statements", source: source)
        }
        return GoldAlignment(format: .skos, mappings: mappings)
    }

    /// A gold SSSOM file need not be publishable: a missing set id or licence is filled in.
    private static func sssomReader(source: String?) -> SSSOMReader {
        SSSOMReader(options: .init(defaultMappingSetID: source.map { URL(fileURLWithPath: $0).absoluteString }
                                       ?? "urn:samsvar:gold",
                                   defaultLicense: "https://w3id.org/sssom/license/unspecified"))
    }

    /// True for SSSOM/TSV: a `#` metadata block followed by a header naming
    /// `predicate_id`, or such a header on the first line.
    static func isSSSOM(_ bytes: [UInt8]) -> Bool {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let tsv = SSSOMReader.metadataBlock(bytes, from: start).end
        let header = bytes[tsv...].prefix { $0 != UInt8(ascii: "\n") }
        let text = String(decoding: header, as: UTF8.self)
        return text.contains("\t") && text.split(separator: "\t").contains { $0.trimmingCharacters(in: .whitespaces) == "predicate_id" }
    }
}
