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
    public var syntax: LineSyntax { lines.syntax }
    private let output: (UnsafeRawBufferPointer) throws -> Void
    private var lines: NQuadsLineEncoder
    private let blockSize = 256 << 10

    public init(syntax: LineSyntax, output: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.output = output
        lines = NQuadsLineEncoder(syntax: syntax)
        lines.reserveCapacity(blockSize + 4096)
    }

    /// Writes one statement. In N-Triples a quad in a named graph is an error: the
    /// syntax cannot say which graph it belongs to, and dropping that silently loses data.
    public func write(_ quad: Quad) throws {
        try lines.append(quad.subject, quad.predicate, quad.object, graph: quad.graph)
        if lines.bytes.count >= blockSize { try flush() }
    }

    /// Writes a triple (to the default graph).
    public func write(_ triple: Triple) throws {
        try write(Quad(triple.subject, triple.predicate, triple.object))
    }

    /// Hands everything buffered to the output.
    public func flush() throws {
        guard !lines.bytes.isEmpty else { return }
        try lines.bytes.withUnsafeBytes { try output($0) }
        lines.truncate(to: 0)
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
            // xsd:string is left implicit; comparing bytes is enough, as no other text is
            // canonically equivalent to its ASCII.
            appendString(literal.lexicalForm, to: &out)
            if let language = literal.language {
                out.append(0x40)
                for b in language.utf8 { out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
            } else if !literal.datatype.utf8Identical(XSD.string) {
                out.append(contentsOf: [0x5E, 0x5E])
                try appendIRI(literal.datatype, to: &out)
            }
        }
    }

    /// `<iri>`: the bytes are checked (`IRIBytes.firstForbidden`), then copied in one piece.
    static func appendIRI(_ iri: String, to out: inout [UInt8]) throws {
        let bad: UInt8? = withUTF8(iri) { u in
            if let b = IRIBytes.firstForbidden(u) { return b }
            out.append(0x3C)
            out.append(contentsOf: u)
            out.append(0x3E)
            return nil
        }
        if let bad {
            throw RDFWriteError("IRI <\(iri)> contains a character that no IRI may hold (\(ByteCursor.describeIRIChar(bad)))")
        }
    }

    /// Calls `body` with the UTF-8 of `string`, without copying the string when it is
    /// stored contiguously (as native strings are).
    @inline(__always)
    private static func withUTF8<R>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = string
        return copy.withUTF8(body)
    }

    /// `"string"`: runs of bytes that need no escape are copied at once.
    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(0x22)
        withUTF8(string) { u in
            var run = 0
            var i = 0
            while i < u.count {
                let b = u[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xEF else {
                    i += 1
                    continue
                }
                if b == 0xEF, !(i + 2 < u.count && u[i + 1] == 0xBF && (u[i + 2] == 0xBE || u[i + 2] == 0xBF)) {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                switch b {
                case 0x08: out.append(contentsOf: [0x5C, 0x62])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0C: out.append(contentsOf: [0x5C, 0x66])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0xEF:
                    // The noncharacters U+FFFE and U+FFFF are written as UCHARs.
                    out.append(contentsOf: [0x5C, 0x75, 0x46, 0x46, 0x46, u[i + 2] == 0xBE ? 0x45 : 0x46])
                    i += 2
                default:
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)]])
                }
                i += 1
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<u.count]))
        }
        out.append(0x22)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

}
