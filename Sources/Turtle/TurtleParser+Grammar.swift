import RDF

// The Turtle and TriG grammar, top level: the reader's state, statements, directives and
// graph blocks (RDF 1.1 Turtle section 6.5, RDF 1.1 TriG section 5). The triples inside
// statements are in TurtleParser+Triples.swift, the tokens in TurtleParser+Terms.swift.

/// What a `TurtleParser` carries from one chunk to the next: the document's directives and
/// position, and scratch storage reused between statements.
struct TurtleReaderState {
    var base: BaseIRI?
    var baseString: String?
    var prefixes: [String: String] = [:]
    var prefixOrder: [String] = []
    var blankNodeCounter = 0
    /// Inside a TriG graph block `{ … }`, and the graph it names (`nil`: the default graph).
    var inGraphBlock = false
    var graph: Term? = nil
    var graphBlockLine = 0
    /// The current line, the buffer offset where it starts, and the columns on it before
    /// the start of the buffer (when the line began in input already consumed).
    var line = 1
    var lineStart = 0
    var lineBias = 0
    var cache = PrefixedNameCache()
    /// The quads of the statement being read, handed on once the statement is complete.
    var quads = PendingQuads()
    var frames: [TurtleFrame] = []
    var scratch: [UInt8] = []
}

/// An open `[ … ]`, `( … )`, or the subject slot a leading one fills.
struct TurtleFrame {
    enum Kind: UInt8 {
        /// A predicate-object list: `subject` and the current `predicate`.
        case properties
        /// A collection: `subject` is the last cell, `predicate` the first, once `hasItems`.
        case collection
        /// A statement's subject: `[ … ]` optionally followed by predicates.
        case subject
        /// A statement's subject: `( … )`, which predicates must follow.
        case subjectWithPredicates
    }

    var kind: Kind
    var subject: Term
    var predicate: Term
    var hasItems = false
}

/// Where the reader is in a predicate-object list or collection.
enum TurtlePhase {
    case verb, verbOrEnd, object, afterObject, item
}

/// One pass of the reader over a buffer: a cursor, the document state, and the sink.
struct TurtleReader {
    var c: ByteCursor
    var st: TurtleReaderState
    /// True when the buffer ends the document; otherwise running into its end means
    /// "wait for more input".
    let isFinal: Bool
    let isTriG: Bool
    let maxDepth: Int
    let source: String?
    let sink: QuadSink

    let rdfType = Term.iri(RDFVocabulary.type)
    let rdfFirst = Term.iri(RDFVocabulary.first)
    let rdfRest = Term.iri(RDFVocabulary.rest)
    let rdfNil = Term.iri(RDFVocabulary.nil)
    let trueTerm = Term.literal(Literal("true", datatype: XSD.boolean))
    let falseTerm = Term.literal(Literal("false", datatype: XSD.boolean))
    let xsdInteger = XSD.integer
    let xsdDecimal = XSD.decimal
    let xsdDouble = XSD.double
    let xsdString = XSD.string

    /// An error this close to the end of a non-final buffer may be the input being cut
    /// short (the longest fixed lookahead is a `\UXXXXXXXX` escape), so it is retried with
    /// more input before it is reported.
    static let lookahead = 16

    init(cursor: ByteCursor, state: TurtleReaderState, isFinal: Bool, isTriG: Bool, maxDepth: Int,
         source: String?, sink: @escaping QuadSink) {
        self.c = cursor
        self.st = state
        self.isFinal = isFinal
        self.isTriG = isTriG
        self.maxDepth = maxDepth
        self.source = source
        self.sink = sink
    }

    // MARK: Statements

    /// Reads statements from the cursor, handing each one's quads to the sink when it is
    /// complete. Returns the offset where unconsumed input starts, and whether a statement
    /// was cut off by the end of a non-final buffer (the input from that offset must be
    /// read again with more data).
    mutating func run() throws -> (consumed: Int, incomplete: Bool) {
        while true {
            let start = c.pos
            let line = st.line, lineStart = st.lineStart, lineBias = st.lineBias
            let counter = st.blankNodeCounter
            // A statement's triples are in the graph of the block it starts in.
            let graph = st.graph
            do throws(LexError) {
                skipWhitespace()
                if c.pos >= c.end {
                    if isFinal {
                        if st.inGraphBlock {
                            throw LexError(message: "graph block opened on line \(st.graphBlockLine) is not closed: expected '}', found end of input", offset: c.pos)
                        }
                        return (c.pos, false)
                    }
                    st.line = line; st.lineStart = lineStart; st.lineBias = lineBias
                    return (start, true)
                }
                st.frames.removeAll(keepingCapacity: true)
                try statement()
            } catch {
                if !isFinal && c.pos + Self.lookahead >= c.end {
                    st.line = line; st.lineStart = lineStart; st.lineBias = lineBias
                    st.blankNodeCounter = counter
                    st.quads.removeAll()
                    c.pos = start
                    return (start, true)
                }
                throw syntaxError(error, statementStart: start, line: line, lineStart: lineStart, lineBias: lineBias)
            }
            if !st.quads.isEmpty {
                try st.quads.flush(graph: graph, to: sink)
            }
        }
    }

    /// One statement at a non-space byte: a directive, a triples statement, or the opening
    /// or closing of a TriG graph block. Inside a graph block, one triples statement.
    mutating func statement() throws(LexError) {
        let b = c.current
        if st.inGraphBlock {
            if b == UInt8(ascii: "}") {
                c.pos += 1
                closeGraphBlock()
                return
            }
            try rejectInGraphBlock(b)
            _ = try triples(allowGraph: false)
            // triplesBlock ::= triples ('.' triplesBlock?)?  — the last '.' is optional.
            if c.current == UInt8(ascii: ".") {
                c.pos += 1
            } else {
                c.pos += 1
                closeGraphBlock()
            }
            return
        }
        switch b {
        case UInt8(ascii: "@"):
            try atDirective()
            return
        case UInt8(ascii: "{"):
            guard isTriG else {
                throw LexError(message: "graph blocks '{ … }' are TriG, not Turtle", offset: c.pos)
            }
            c.pos += 1
            openGraphBlock(nil)
            return
        case UInt8(ascii: "}"):
            throw LexError(message: "unexpected '}' outside a graph block", offset: c.pos)
        case UInt8(ascii: "."):
            throw LexError(message: "unexpected '.'; expected a subject or a directive", offset: c.pos)
        default:
            break
        }
        if ByteCursor.isAlpha(b) {
            switch b | 0x20 {
            case UInt8(ascii: "p"):
                if try keyword("PREFIX", caseInsensitive: true) { return try prefixDirective(sparql: true) }
            case UInt8(ascii: "b"):
                if try keyword("BASE", caseInsensitive: true) { return try baseDirective(sparql: true) }
            case UInt8(ascii: "g"):
                if isTriG, try keyword("GRAPH", caseInsensitive: true) { return try graphStatement() }
            case UInt8(ascii: "v"):
                if try keyword("VERSION", caseInsensitive: true) { return try versionDirective(sparql: true) }
            default:
                break
            }
        }
        if try triples(allowGraph: isTriG) { return }
        // The triples end at '.' or '}' (checked by the predicate-object list).
        guard c.current == UInt8(ascii: ".") else {
            throw LexError(message: "expected '.' at the end of the triples, found '}'", offset: c.pos)
        }
        c.pos += 1
    }

    /// Directives and graph blocks cannot appear inside a graph block.
    private mutating func rejectInGraphBlock(_ b: UInt8) throws(LexError) {
        let at = c.pos
        var what: String? = nil
        if b == UInt8(ascii: "@") {
            what = "directives"
        } else if b == UInt8(ascii: "{") {
            what = "graph blocks"
        } else if ByteCursor.isAlpha(b) {
            if try keyword("PREFIX", caseInsensitive: true) {
                what = "directives"
            } else if try keyword("BASE", caseInsensitive: true) {
                what = "directives"
            } else if try keyword("VERSION", caseInsensitive: true) {
                what = "directives"
            } else if try keyword("GRAPH", caseInsensitive: true) {
                what = "graph blocks"
            }
        }
        if let what {
            c.pos = at
            throw LexError(message: "\(what) are not allowed inside a graph block", offset: at)
        }
    }

    mutating func openGraphBlock(_ graph: Term?) {
        st.inGraphBlock = true
        st.graph = graph
        st.graphBlockLine = st.line
    }

    private mutating func closeGraphBlock() {
        st.inGraphBlock = false
        st.graph = nil
    }

    // MARK: Directives

    /// `@prefix` or `@base` at `@` (both case-sensitive).
    private mutating func atDirective() throws(LexError) {
        let at = c.pos
        var p = at + 1
        while p < c.end, ByteCursor.isAlpha(c.base[p]) { p += 1 }
        if p >= c.end, !isFinal { throw needMore() }
        let word = UnsafeBufferPointer(start: c.base + at + 1, count: p - at - 1)
        if word.elementsEqual("prefix".utf8) {
            c.pos = p
            try prefixDirective(sparql: false)
        } else if word.elementsEqual("base".utf8) {
            c.pos = p
            try baseDirective(sparql: false)
        } else if word.elementsEqual("version".utf8) {
            c.pos = p
            try versionDirective(sparql: false)
        } else {
            let name = String(decoding: word, as: UTF8.self)
            throw LexError(message: "unknown directive '@\(name)'; expected @prefix, @base or @version", offset: at)
        }
    }

    /// `@prefix PNAME_NS IRIREF '.'` or `PREFIX PNAME_NS IRIREF`, after the keyword.
    private mutating func prefixDirective(sparql: Bool) throws(LexError) {
        try skipWhitespaceExpectingMore("expected a prefix name such as ex:")
        let nameStart = c.pos
        let colon = try scanPrefix(from: nameStart)
        let name = String(decoding: UnsafeBufferPointer(start: c.base + nameStart, count: colon - nameStart), as: UTF8.self)
        c.pos = colon + 1
        try skipWhitespaceExpectingMore("expected the namespace IRI in <…>")
        guard c.current == UInt8(ascii: "<") else {
            throw LexError(message: "expected the namespace IRI in <…> after '\(name):'", offset: c.pos)
        }
        let namespace = try iri()
        if !sparql { try expectDot(after: "@prefix") }
        if let old = st.prefixes.updateValue(namespace, forKey: name) {
            if old != namespace { st.cache.removeAll() }
        } else {
            st.prefixOrder.append(name)
        }
    }

    /// `@base IRIREF '.'` or `BASE IRIREF`, after the keyword. A relative base resolves
    /// against the current one.
    private mutating func baseDirective(sparql: Bool) throws(LexError) {
        try skipWhitespaceExpectingMore("expected the base IRI in <…>")
        guard c.current == UInt8(ascii: "<") else {
            throw LexError(message: "expected the base IRI in <…>", offset: c.pos)
        }
        let at = c.pos
        let resolved = try iri()
        if !sparql { try expectDot(after: "@base") }
        guard let base = BaseIRI(resolved) else {
            throw LexError(message: "base IRI <\(resolved)> is not absolute", offset: at)
        }
        st.base = base
        st.baseString = resolved
    }

    /// `@version STRING '.'` or `VERSION STRING`, after the keyword (RDF 1.2 Turtle,
    /// section 2.3 "Version announcement"): a single-line string, quoted either way. The
    /// announcement does not change how an RDF 1.1 document is read, so it is checked
    /// and otherwise ignored.
    private mutating func versionDirective(sparql: Bool) throws(LexError) {
        try skipWhitespaceExpectingMore("expected the version string, such as \"1.2\"")
        let q = c.current
        guard q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") else {
            throw LexError(message: "the version must be a quoted string, such as \"1.2\"", offset: c.pos)
        }
        if c.pos + 2 >= c.end, !isFinal { throw needMore() }
        if c.pos + 2 < c.end, c.base[c.pos + 1] == q, c.base[c.pos + 2] == q {
            throw LexError(message: "the version must be a single-line string, not a long one", offset: c.pos)
        }
        var p = c.pos + 1
        while p < c.end, c.base[p] != q, c.base[p] != 0x0A, c.base[p] != 0x0D {
            p += c.base[p] == UInt8(ascii: "\\") ? 2 : 1
        }
        if p >= c.end, !isFinal { throw needMore() }
        _ = try c.readShortString()
        if !sparql { try expectDot(after: "@version") }
    }

    private mutating func expectDot(after directive: String) throws(LexError) {
        skipWhitespace()
        guard c.pos < c.end else {
            if !isFinal { throw needMore() }
            throw LexError(message: "expected '.' after the \(directive) directive, found end of input", offset: c.pos)
        }
        guard c.current == UInt8(ascii: ".") else {
            throw LexError(message: "expected '.' after the \(directive) directive", offset: c.pos)
        }
        c.pos += 1
    }

    /// `GRAPH labelOrSubject wrappedGraph` (TriG), after the keyword: opens the block.
    private mutating func graphStatement() throws(LexError) {
        try skipWhitespaceExpectingMore("expected a graph name after GRAPH")
        let label: Term
        switch c.current {
        case UInt8(ascii: "<"):
            label = .iri(try iri())
        case UInt8(ascii: "_"):
            label = .blankNode(try blankNodeLabel())
        case UInt8(ascii: "["):
            label = try anonymousGraphName()
        default:
            guard isPrefixedNameStart(c.current) else {
                throw LexError(message: "expected a graph name after GRAPH: an IRI or a blank node", offset: c.pos)
            }
            label = .iri(try prefixedName())
        }
        try skipWhitespaceExpectingMore("expected '{' after the graph name")
        guard c.current == UInt8(ascii: "{") else {
            throw LexError(message: "expected '{' after the graph name", offset: c.pos)
        }
        c.pos += 1
        openGraphBlock(label)
    }

    /// `[]` as a graph name.
    private mutating func anonymousGraphName() throws(LexError) -> Term {
        c.pos += 1
        try skipWhitespaceExpectingMore("expected ']'")
        guard c.current == UInt8(ascii: "]") else {
            throw LexError(message: "a graph name is an IRI or a blank node; a blank node property list cannot name a graph", offset: c.pos)
        }
        c.pos += 1
        return freshBlankNode()
    }

    // MARK: Errors

    /// The error for running into the end of a non-final buffer: the statement is read
    /// again once more input has arrived.
    mutating func needMore() -> LexError {
        c.pos = c.end
        return LexError(message: "unexpected end of input", offset: c.end)
    }

    /// Skips white space and comments; at the end of the input, waits for more or fails
    /// with `message`.
    mutating func skipWhitespaceExpectingMore(_ message: @autoclosure () -> String) throws(LexError) {
        skipWhitespace()
        if c.pos >= c.end {
            if !isFinal { throw needMore() }
            throw LexError(message: "\(message()), found end of input", offset: c.pos)
        }
    }

    func describeCurrent() -> String {
        guard c.pos < c.end else { return "end of input" }
        let b = c.current
        switch b {
        case 0x0A, 0x0D: return "a line break"
        case 0..<0x20, 0x7F: return "control character U+\(ByteCursor.hex(UInt32(b)))"
        case 0x80...:
            if let (s, _) = try? c.scalar(at: c.pos) { return "'\(Character(s))'" }
            return "invalid UTF-8"
        default: return "'\(Character(Unicode.Scalar(b)))'"
        }
    }

    /// Turns a lexical error into an `RDFSyntaxError`, counting lines from the start of
    /// the statement (whose line state is given) to the offending byte.
    func syntaxError(_ error: LexError, statementStart: Int, line: Int, lineStart: Int, lineBias: Int) -> RDFSyntaxError {
        let offset = min(max(error.offset, statementStart), c.end)
        var line = line, lineStart = lineStart, bias = lineBias
        var i = statementStart
        while i < offset {
            let b = c.base[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= c.end || c.base[i + 1] != 0x0A)) {
                line += 1
                lineStart = i + 1
                bias = 0
            }
            i += 1
        }
        let column = bias + NQuadsParser.column(c.base, lineStart: lineStart, offset: offset)
        return RDFSyntaxError(error.message, line: line, column: column, source: source)
    }
}
