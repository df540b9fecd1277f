import RDF

/// Writes N-Triples or N-Quads in canonical form (RDF 1.2 N-Triples section "Canonical
/// N-Triples"): one space between terms, ` .` and `\n` after each statement, lower-case
/// language tags, `xsd:string` left implicit, and only the characters that must be
/// escaped escaped — `\b \t \n \f \r \" \\` as ECHAR, the other controls, U+007F and
/// the noncharacters U+FFFE and U+FFFF as `\uXXXX` with upper-case hex.
///
/// Output is buffered and handed to `output` in blocks; call `flush()` at the end.
public final class NQuadsWriter {
    /// The syntax being written; graph names are dropped in N-Triples only when the
    /// caller allows it (see `write(_:)`).
    public let syntax: LineSyntax
    private let output: (UnsafeRawBufferPointer) throws -> Void
    private var buffer: [UInt8] = []
    private let blockSize = 256 << 10

    public init(syntax: LineSyntax, output: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.syntax = syntax
        self.output = output
        buffer.reserveCapacity(blockSize + 4096)
    }

    /// Writes one statement. In N-Triples a quad in a named graph is an error: the
    /// syntax cannot say which graph it belongs to, and dropping that silently loses data.
    public func write(_ quad: Quad) throws {
        try Self.appendTerm(quad.subject, to: &buffer)
        buffer.append(0x20)
        try Self.appendTerm(quad.predicate, to: &buffer)
        buffer.append(0x20)
        try Self.appendTerm(quad.object, to: &buffer)
        if let graph = quad.graph {
            guard syntax == .nQuads else {
                throw RDFWriteError("N-Triples cannot hold named graphs; write N-Quads or TriG instead")
            }
            buffer.append(0x20)
            try Self.appendTerm(graph, to: &buffer)
        }
        buffer.append(contentsOf: [0x20, 0x2E, 0x0A])
        if buffer.count >= blockSize { try flush() }
    }

    /// Writes a triple (to the default graph).
    public func write(_ triple: Triple) throws {
        try write(Quad(triple.subject, triple.predicate, triple.object))
    }

    /// Hands everything buffered to the output.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try output($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The canonical N-Triples text of one term.
    public static func string(for term: Term) throws -> String {
        var bytes: [UInt8] = []
        try appendTerm(term, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The canonical N-Quads text of a list of quads, in the order given.
    public static func string(for quads: [Quad], syntax: LineSyntax = .nQuads) throws -> String {
        var out: [UInt8] = []
        let writer = NQuadsWriter(syntax: syntax) { out.append(contentsOf: $0) }
        for q in quads { try writer.write(q) }
        try writer.flush()
        return String(decoding: out, as: UTF8.self)
    }

    static func appendTerm(_ term: Term, to out: inout [UInt8]) throws {
        switch term {
        case .iri(let iri):
            try appendIRI(iri, to: &out)
        case .blankNode(let label):
            out.append(contentsOf: [0x5F, 0x3A])
            out.append(contentsOf: label.utf8)
        case .literal(let literal):
            appendString(literal.lexicalForm, to: &out)
            if let language = literal.language {
                out.append(0x40)
                for b in language.utf8 { out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
            } else if literal.datatype != XSD.string {
                out.append(contentsOf: [0x5E, 0x5E])
                try appendIRI(literal.datatype, to: &out)
            }
        }
    }

    static func appendIRI(_ iri: String, to out: inout [UInt8]) throws {
        // Checked first, then copied in one piece: the per-byte append was a fifth of the
        // time of a CSV → N-Triples mapping.
        var iri = iri
        let forbidden = iri.withUTF8 { u in u.firstIndex { ByteCursor.isForbiddenInIRI($0) || $0 == 0x5C }.map { u[$0] } }
        if let b = forbidden {
            throw RDFWriteError("IRI <\(iri)> contains a character that no IRI may hold (\(ByteCursor.describeIRIChar(b)))")
        }
        out.append(0x3C)
        iri.withUTF8 { out.append(contentsOf: $0) }
        out.append(0x3E)
    }

    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(0x22)
        var string = string
        string.withUTF8 { u in
            var i = 0
            while i < u.count {
                let b = u[i]
                switch b {
                case 0x08: out.append(contentsOf: [0x5C, 0x62])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0C: out.append(contentsOf: [0x5C, 0x66])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x00...0x1F, 0x7F:
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)]])
                case 0xEF where i + 2 < u.count && u[i + 1] == 0xBF && (u[i + 2] == 0xBE || u[i + 2] == 0xBF):
                    // The noncharacters U+FFFE and U+FFFF are written as UCHARs.
                    out.append(contentsOf: [0x5C, 0x75, 0x46, 0x46, 0x46, u[i + 2] == 0xBE ? 0x45 : 0x46])
                    i += 2
                default: out.append(b)
                }
                i += 1
            }
        }
        out.append(0x22)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

}
