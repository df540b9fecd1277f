import RDF

/// Writes Turtle or TriG for people to read and diff: prefixed names, subjects grouped
/// with `;` and `,` lists, `a` for `rdf:type`, blank nodes used once written in place as
/// `[ … ]`, well-formed lists as `( … )`, the short forms of numbers and booleans, long
/// strings for multi-line text.
///
/// A pretty document needs the whole graph, so quads are buffered (deduplicated) and the
/// document is written by `finish()`. The output depends only on the dataset, the
/// prefixes and the base, not on the order the quads arrived in, so two runs produce
/// identical bytes:
///
/// - `@base` is written only when a base is given; IRIs are then written relative to it
///   where that reads back to the same IRI (same document, fragment or directory).
/// - `@prefix` lines name only the prefixes the document uses: the given prefixes first
///   (in their order), then `Namespace.wellKnown` ones for namespaces they do not cover.
///   A prefixed name is used only when its local part is a valid `PN_LOCAL` (with `\`
///   escapes where the grammar allows them); otherwise the IRI is written in full.
/// - Subjects are ordered IRIs first, then blank nodes, each grouped by type (catalogues,
///   data services, datasets, distributions, concepts, classes, properties, shapes,
///   agents, then other types by IRI, then untyped subjects) and sorted within a group.
/// - Predicates are sorted with `rdf:type` first; objects are sorted IRIs, literals,
///   then blank nodes.
/// - Blank nodes that need a label are written `_:b0`, `_:b1` … in order of first
///   appearance. A blank node gets no label when it is the object of exactly one
///   statement, in the graph that holds its own statements, and is not part of a cycle
///   of such nodes; a blank node that is nobody's object is written as the subject `[]`.
/// - TriG: the default graph comes first, then the named graphs sorted, each as
///   `<g> { … }`.
public final class TurtleWriter {
    /// The syntax being written. Quads in named graphs are an error in Turtle.
    public let syntax: TurtleSyntax
    /// The prefixes to use for the namespaces they name, preferred in this order; only
    /// those the document uses are declared.
    public private(set) var prefixes: [(prefix: String, namespace: String)]
    /// The base IRI written as `@base`, or `nil` for none (then every IRI is absolute or
    /// a prefixed name).
    public let base: String?
    private let output: (UnsafeRawBufferPointer) throws -> Void

    /// Every distinct term, by id.
    var terms: [Term] = []
    private var termIDs: [Term: Int32] = [:]
    /// The distinct statements, in arrival order.
    var statements: [TurtleStatement] = []
    private var seen: Set<TurtleStatement> = []
    private var finished = false

    /// A writer that hands its bytes to `output`, all of them during `finish()`.
    ///
    /// - Parameters:
    ///   - syntax: Turtle or TriG.
    ///   - prefixes: Prefixes to prefer, usually those the input declared, in its order.
    ///     Names that are not valid `PN_PREFIX`es and namespaces that are not absolute
    ///     IRIs are ignored; of two entries with the same name or namespace the first wins.
    ///   - base: The base IRI to declare and write IRIs relative to, or `nil`; ignored
    ///     unless it is absolute.
    ///   - output: Receives the document in blocks.
    public init(syntax: TurtleSyntax, prefixes: [(prefix: String, namespace: String)] = [], base: String? = nil,
                output: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.syntax = syntax
        self.prefixes = prefixes
        self.base = base.flatMap { BaseIRI($0) == nil ? nil : $0 }
        self.output = output
    }

    /// Replaces the preferred prefixes, for example with those an input declared once it
    /// has been read. Call it before `finish()`.
    public func setPrefixes(_ prefixes: [(prefix: String, namespace: String)]) {
        self.prefixes = prefixes
    }

    /// Buffers one quad. A quad in a named graph is an error in Turtle, which cannot say
    /// which graph it belongs to; so is a term the syntax cannot express.
    public func write(_ quad: Quad) throws {
        precondition(!finished, "TurtleWriter.write(_:) called after finish()")
        if quad.graph != nil && syntax == .turtle {
            throw RDFWriteError("Turtle cannot hold named graphs; write TriG or N-Quads instead")
        }
        if quad.subject.isLiteral { throw RDFWriteError("a literal cannot be the subject of a statement") }
        guard quad.predicate.isIRI else { throw RDFWriteError("the predicate of a statement must be an IRI") }
        if let graph = quad.graph, graph.isLiteral { throw RDFWriteError("a literal cannot name a graph") }
        let statement = TurtleStatement(
            s: try id(quad.subject), p: try id(quad.predicate), o: try id(quad.object),
            g: try quad.graph.map { try id($0) } ?? TurtleStatement.defaultGraph)
        if seen.insert(statement).inserted { statements.append(statement) }
    }

    /// Buffers a triple (in the default graph).
    public func write(_ triple: Triple) throws {
        try write(Quad(triple.subject, triple.predicate, triple.object))
    }

    /// Writes the document to the output.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        seen = []
        termIDs = [:]
        let layout = TurtleLayout(terms: terms, statements: statements)
        statements = []
        terms = []
        var renderer = TurtleRenderer(layout: layout, formatter: TurtleTermFormatter(prefixes: prefixes, base: base))
        let body = renderer.renderDocument()
        let header = renderer.formatter.header()
        try header.withUnsafeBytes { try output($0) }
        let block = 256 << 10
        var start = 0
        try body.withUnsafeBytes { bytes in
            while start < bytes.count {
                let end = min(start + block, bytes.count)
                try output(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                start = end
            }
        }
    }

    /// The Turtle or TriG text of a list of quads.
    public static func string(for quads: [Quad], syntax: TurtleSyntax = .turtle,
                              prefixes: [(prefix: String, namespace: String)] = [], base: String? = nil) throws -> String {
        var out: [UInt8] = []
        let writer = TurtleWriter(syntax: syntax, prefixes: prefixes, base: base) { out.append(contentsOf: $0) }
        for quad in quads { try writer.write(quad) }
        try writer.finish()
        return String(decoding: out, as: UTF8.self)
    }

    /// The id of a term, interning it (and checking it can be written) the first time.
    private func id(_ term: Term) throws -> Int32 {
        if let id = termIDs[term] {
            // Language tags are compared without case, so `"x"@EN` and `"x"@en` are one
            // term: keep the spelling that sorts first, whichever came first.
            if case .literal(let new) = term, let language = new.language,
               case .literal(let old) = terms[Int(id)], let kept = old.language, language != kept,
               TurtleOrder.precedes(language, kept) {
                terms[Int(id)] = term
            }
            return id
        }
        switch term {
        case .iri(let iri): try Self.check(iri: iri)
        case .literal(let literal): try Self.check(iri: literal.datatype)
        case .blankNode: break
        }
        let id = Int32(terms.count)
        terms.append(term)
        termIDs[term] = id
        return id
    }

    /// IRIs must be absolute (a relative one would be resolved against the document's
    /// base when read back) and hold no character that `IRIREF` excludes.
    private static func check(iri: String) throws {
        for b in iri.utf8 where ByteCursor.isForbiddenInIRI(b) || b == 0x5C {
            throw RDFWriteError("IRI <\(iri)> contains a character that no IRI may hold (\(ByteCursor.describeIRIChar(b)))")
        }
        guard IRIResolver.isAbsolute(iri) else {
            throw RDFWriteError("IRI <\(iri)> is relative; Turtle would resolve it against the document's base")
        }
    }
}

/// One buffered statement: term ids of subject, predicate, object and graph.
struct TurtleStatement: Hashable {
    /// The graph id of the default graph.
    static let defaultGraph: Int32 = -1
    var s: Int32
    var p: Int32
    var o: Int32
    var g: Int32
}
