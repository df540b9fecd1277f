import RDF

/// Writes one RDF graph as RDF/XML.
///
/// RDF/XML nests blank nodes inside the property that refers to them, so the writer
/// needs the whole graph: `write(_:)` checks and buffers each statement, `finish()` lays
/// the graph out and hands the document to `output`. The output is deterministic — the
/// same statements with the same blank node labels give the same bytes, whatever the
/// order they were written in:
///
/// - prefixes come from `prefixes`, then `Namespace.wellKnown`, then `ns1`, `ns2` …,
///   and only namespaces that element names use are declared;
/// - IRI subjects come first in IRI order, then blank nodes by label; a subject with an
///   `rdf:type` that can be an element name is a typed node element;
/// - a blank node that is the object of exactly one statement (and not part of a cycle
///   of such nodes) is written inside that property element, as a typed node element
///   or with `rdf:parseType="Resource"`; other blank nodes get an `rdf:nodeID`;
/// - property elements are sorted by predicate, then object, one per line, indented by
///   two spaces.
///
/// Statements RDF/XML cannot express are `RDFWriteError`s from `write(_:)`, before any
/// output: a named graph, a predicate with no XML QName, characters XML 1.0 cannot hold,
/// relative IRIs and IRIs with dot segments (a reader would resolve them to other IRIs).
public final class RDFXMLWriter {
    /// The caller's prefix bindings, preferred in the order given.
    public private(set) var prefixes: [(prefix: String, namespace: String)]
    /// The base IRI: written as `xml:base`, and IRIs under it are written relative to it.
    public let base: String?

    private let output: (UnsafeRawBufferPointer) throws -> Void
    /// The statements as written; duplicates are dropped when the graph is laid out.
    var triples: [Triple] = []
    private var checkedPredicates: Set<String> = []
    /// The last subject checked: statements usually come grouped by subject.
    private var lastSubject: Term?
    var hasXMLLiteral = false
    private var finished = false

    /// Nested blank nodes deeper than this are written at the top level with an
    /// `rdf:nodeID` instead, so the document stays within readers' depth limits.
    static let maxNestingDepth = 48

    /// Creates a writer.
    ///
    /// - Parameters:
    ///   - prefixes: Prefix bindings to use, for example those of the input; an empty
    ///     prefix becomes the default namespace unless the graph holds XML literals.
    ///   - base: A base IRI to write as `xml:base` and to write IRIs relative to.
    ///   - output: Receives the document in blocks.
    public init(prefixes: [(prefix: String, namespace: String)] = [], base: String? = nil,
                output: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.prefixes = prefixes
        self.base = base
        self.output = output
    }

    /// Adds a statement. A statement in a named graph is an error: RDF/XML holds one graph.
    public func write(_ quad: Quad) throws {
        if let graph = quad.graph {
            throw RDFWriteError("RDF/XML holds a single graph and cannot say that a statement is in the named "
                + "graph \(Self.describe(graph)); write TriG or N-Quads instead")
        }
        try write(quad.triple)
    }

    /// Adds a statement.
    public func write(_ triple: Triple) throws {
        guard !finished else { throw RDFWriteError("RDF/XML writer: write after finish") }
        try check(triple)
        triples.append(triple)
        if case .literal(let literal) = triple.object, literal.datatype == RDFVocabulary.xmlLiteral {
            hasXMLLiteral = true
        }
    }

    /// Prefers `preferred` (for example the prefixes the input declared, known only once
    /// it is read) over the prefixes given at creation. Call it before `finish()`.
    public func setPrefixes(_ preferred: [(prefix: String, namespace: String)]) {
        prefixes = preferred + prefixes.filter { p in
            !preferred.contains { $0.prefix == p.prefix || $0.namespace == p.namespace }
        }
    }

    /// Writes the document and hands all of it to the output.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        var baseIRI: BaseIRI?
        if let base {
            guard let parsed = BaseIRI(base), Self.firstForbiddenIRICharacter(base) == nil else {
                throw RDFWriteError("RDF/XML writer: base <\(base)> is not an absolute IRI")
            }
            baseIRI = parsed
        }
        let layout = try Layout(triples: triples, prefixes: prefixes, allowDefaultNamespace: !hasXMLLiteral)
        triples = []
        var serializer = Serializer(layout: layout, base: baseIRI, output: output)
        try serializer.writeDocument()
    }

    /// The RDF/XML text of `quads`.
    public static func string(for quads: [Quad], prefixes: [(prefix: String, namespace: String)] = [],
                              base: String? = nil) throws -> String {
        var bytes: [UInt8] = []
        let writer = RDFXMLWriter(prefixes: prefixes, base: base) { bytes.append(contentsOf: $0) }
        for quad in quads { try writer.write(quad) }
        try writer.finish()
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Checks

    /// Throws for anything in `triple` that RDF/XML cannot express exactly.
    private func check(_ triple: Triple) throws {
        if triple.subject != lastSubject {
            switch triple.subject {
            case .iri(let iri): try Self.checkIRI(iri, role: "subject")
            case .blankNode: break
            case .literal: throw RDFWriteError("a literal cannot be a subject: \(Self.describe(triple.subject))")
            }
            lastSubject = triple.subject
        }
        guard case .iri(let predicate) = triple.predicate else {
            throw RDFWriteError("a predicate must be an IRI: \(Self.describe(triple.predicate))")
        }
        if !checkedPredicates.contains(predicate) {
            try Self.checkIRI(predicate, role: "predicate")
            if let problem = Self.predicateProblem(predicate) { throw RDFWriteError(problem) }
            checkedPredicates.insert(predicate)
        }
        switch triple.object {
        case .iri(let iri): try Self.checkIRI(iri, role: "object")
        case .blankNode: break
        case .literal(let literal):
            if let bad = Self.firstNonXMLCharacter(literal.lexicalForm) {
                throw RDFWriteError("literal \(Self.describe(triple.object)) contains \(Self.codePoint(bad)), a "
                    + "character XML 1.0 cannot hold, so RDF/XML cannot express it; write N-Triples or Turtle instead")
            }
            if let language = literal.language {
                guard !language.isEmpty, Self.firstNonXMLCharacter(language) == nil else {
                    throw RDFWriteError("literal \(Self.describe(triple.object)) has a language tag RDF/XML cannot write")
                }
            } else {
                try Self.checkIRI(literal.datatype, role: "datatype")
            }
        }
    }

    /// An IRI in an attribute must be absolute and have no dot segments, or a reader would
    /// resolve it to another IRI; and it must hold only characters IRIs and XML allow.
    private static func checkIRI(_ iri: String, role: String) throws {
        if let bad = firstForbiddenIRICharacter(iri) {
            let why = bad.value < 0x20 || bad.value >= 0xFFFE ? "XML 1.0 cannot hold" : "no IRI may hold"
            throw RDFWriteError("\(role) IRI \(describe(.iri(iri))) contains \(codePoint(bad)), a character \(why)")
        }
        guard IRIResolver.isAbsolute(iri) else {
            throw RDFWriteError("\(role) IRI <\(iri)> is relative; RDF/XML readers would resolve it against "
                + "the document's base")
        }
        if role != "predicate" && IRIResolver.resolve(iri, against: iri) != iri {
            throw RDFWriteError("\(role) IRI <\(iri)> has '.' or '..' path segments, which an RDF/XML reader "
                + "removes when it resolves the IRI, so it cannot be written exactly")
        }
    }

    /// The first space, control, `<>"{}|^`\` (not allowed in IRIs, RFC 3987) or U+FFFE/U+FFFF
    /// (not allowed in XML).
    static func firstForbiddenIRICharacter(_ iri: String) -> Unicode.Scalar? {
        func scan<C: Collection>(_ bytes: C) -> Unicode.Scalar? where C.Element == UInt8 {
            var previous: (UInt8, UInt8) = (0, 0)
            for b in bytes {
                switch b {
                case 0x00...0x20, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D:
                    return Unicode.Scalar(b)
                case 0xBE where previous == (0xEF, 0xBF), 0xBF where previous == (0xEF, 0xBF):
                    return Unicode.Scalar(b == 0xBE ? 0xFFFE as UInt32 : 0xFFFF)
                default:
                    previous = (previous.1, b)
                }
            }
            return nil
        }
        return iri.utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(iri.utf8)
    }

    // MARK: - Ordering

    /// Byte-wise UTF-8 order: total, and the same on every platform.
    @inline(__always)
    static func utf8Less(_ a: String, _ b: String) -> Bool { a.utf8Precedes(b) }

    /// IRIs, then blank nodes, then literals; within each by their strings. Literals that
    /// are equal (language tags compare case-insensitively) sort next to each other.
    static func termLess(_ a: Term, _ b: Term) -> Bool {
        switch (a, b) {
        case let (.iri(x), .iri(y)), let (.blankNode(x), .blankNode(y)): return x != y && utf8Less(x, y)
        case let (.literal(x), .literal(y)):
            if x.lexicalForm != y.lexicalForm { return utf8Less(x.lexicalForm, y.lexicalForm) }
            if x.datatype != y.datatype { return utf8Less(x.datatype, y.datatype) }
            let lx = x.language ?? "", ly = y.language ?? ""
            if lx == ly { return false }
            let fx = asciiLowercased(lx), fy = asciiLowercased(ly)
            return fx != fy ? utf8Less(fx, fy) : utf8Less(lx, ly)
        case (.iri, _): return true
        case (.blankNode, .literal): return true
        default: return false
        }
    }

    private static func asciiLowercased(_ s: String) -> String {
        String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
