import RDF

// The triples of a statement (RDF 1.1 Turtle section 6.5: triples, predicateObjectList,
// objectList, blankNodePropertyList, collection), read by a loop over an explicit stack
// of open `[ … ]` and `( … )` so that nesting depth never turns into recursion depth.

extension TurtleReader {
    /// `triples`: a subject and its predicate-object list, ending before the '.' or '}'
    /// that follows. In TriG outside a block, `labelOrSubject '{'` opens a graph block
    /// instead, and this returns true.
    mutating func triples(allowGraph: Bool) throws(LexError) -> Bool {
        let subject: Term
        switch c.current {
        case UInt8(ascii: "["):
            c.pos += 1
            try skipWhitespaceExpectingMore("expected ']' or a predicate")
            if c.current == UInt8(ascii: "]") {
                c.pos += 1
                subject = freshBlankNode()
            } else {
                // blankNodePropertyList predicateObjectList?
                st.frames.append(TurtleFrame(kind: .subject, subject: rdfNil, predicate: rdfNil))
                try predicateObjectLists(TurtleFrame(kind: .properties, subject: freshBlankNode(), predicate: rdfNil), phase: .verb)
                return false
            }
        case UInt8(ascii: "("):
            // collection predicateObjectList
            c.pos += 1
            st.frames.append(TurtleFrame(kind: .subjectWithPredicates, subject: rdfNil, predicate: rdfNil))
            try predicateObjectLists(TurtleFrame(kind: .collection, subject: rdfNil, predicate: rdfNil), phase: .item)
            return false
        case UInt8(ascii: "<"):
            subject = .iri(try iri())
        case UInt8(ascii: "_"):
            subject = .blankNode(try blankNodeLabel())
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            throw LexError(message: "a literal cannot be the subject of a triple", offset: c.pos)
        default:
            guard isPrefixedNameStart(c.current) else {
                throw LexError(message: "expected a subject: an IRI, a prefixed name, a blank node or a collection, found \(describeCurrent())", offset: c.pos)
            }
            subject = .iri(try prefixedName())
        }
        if allowGraph {
            skipWhitespace()
            if c.pos < c.end, c.current == UInt8(ascii: "{") {
                c.pos += 1
                openGraphBlock(subject)
                return true
            }
        }
        try predicateObjectLists(TurtleFrame(kind: .properties, subject: subject, predicate: rdfNil), phase: .verb)
        return false
    }

    /// Reads predicate-object lists, blank node property lists and collections, nested to
    /// any depth up to `maxDepth` without recursion (the open ones are on `st.frames`),
    /// until the statement's own list ends before a '.' or '}'.
    private mutating func predicateObjectLists(_ start: TurtleFrame, phase startPhase: TurtlePhase) throws(LexError) {
        var top = start
        var phase = startPhase
        while true {
            skipWhitespace()
            guard c.pos < c.end else {
                if !isFinal { throw needMore() }
                throw LexError(message: "\(expectation(phase, top)), found end of input", offset: c.pos)
            }
            let b = c.current
            switch phase {
            case .object, .item:
                switch b {
                case UInt8(ascii: ")") where phase == .item:
                    c.pos += 1
                    let list: Term
                    if top.hasItems {
                        emit(top.subject, rdfRest, rdfNil)
                        list = top.predicate
                    } else {
                        list = rdfNil
                    }
                    top = st.frames.removeLast()
                    deliver(list, to: &top, phase: &phase)
                case UInt8(ascii: "["):
                    let open = c.pos
                    c.pos += 1
                    try skipWhitespaceExpectingMore("expected ']' or a predicate")
                    if c.current == UInt8(ascii: "]") {
                        c.pos += 1
                        deliver(freshBlankNode(), to: &top, phase: &phase)
                    } else {
                        try push(&top, TurtleFrame(kind: .properties, subject: freshBlankNode(), predicate: rdfNil), at: open)
                        phase = .verb
                    }
                case UInt8(ascii: "("):
                    try push(&top, TurtleFrame(kind: .collection, subject: rdfNil, predicate: rdfNil), at: c.pos)
                    c.pos += 1
                    phase = .item
                default:
                    let object = try objectTerm(inCollection: phase == .item)
                    deliver(object, to: &top, phase: &phase)
                }
            case .verb, .verbOrEnd:
                if phase == .verbOrEnd {
                    if st.frames.isEmpty {
                        if b == UInt8(ascii: ".") || b == UInt8(ascii: "}") { return }
                    } else if b == UInt8(ascii: "]") {
                        c.pos += 1
                        let node = top.subject
                        top = st.frames.removeLast()
                        deliver(node, to: &top, phase: &phase)
                        continue
                    }
                }
                top.predicate = try verb(phase: phase, top)
                phase = .object
            case .afterObject:
                switch b {
                case UInt8(ascii: ","):
                    c.pos += 1
                    phase = .object
                case UInt8(ascii: ";"):
                    // (';' (verb objectList)?)* — any number of ';'.
                    c.pos += 1
                    skipWhitespace()
                    while c.pos < c.end, c.current == UInt8(ascii: ";") {
                        c.pos += 1
                        skipWhitespace()
                    }
                    phase = .verbOrEnd
                case UInt8(ascii: "]") where !st.frames.isEmpty:
                    c.pos += 1
                    let node = top.subject
                    top = st.frames.removeLast()
                    deliver(node, to: &top, phase: &phase)
                case UInt8(ascii: "."), UInt8(ascii: "}"):
                    if st.frames.isEmpty { return }
                    throw LexError(message: "\(expectation(phase, top)), found '\(Character(Unicode.Scalar(b)))'", offset: c.pos)
                default:
                    throw LexError(message: "\(expectation(phase, top)), found \(describeCurrent())", offset: c.pos)
                }
            }
        }
    }

    @inline(__always)
    private mutating func push(_ top: inout TurtleFrame, _ frame: TurtleFrame, at offset: Int) throws(LexError) {
        guard st.frames.count < maxDepth else {
            throw LexError(message: "'[' and '(' nested more than \(maxDepth) levels deep", offset: offset)
        }
        st.frames.append(top)
        top = frame
    }

    /// Hands a finished object (or list, or subject) to the frame that asked for it.
    @inline(__always)
    private mutating func deliver(_ value: Term, to top: inout TurtleFrame, phase: inout TurtlePhase) {
        switch top.kind {
        case .properties:
            emit(top.subject, top.predicate, value)
            phase = .afterObject
        case .collection:
            let cell = freshBlankNode()
            if top.hasItems {
                emit(top.subject, rdfRest, cell)
            } else {
                top.predicate = cell
                top.hasItems = true
            }
            emit(cell, rdfFirst, value)
            top.subject = cell
            phase = .item
        case .subject:
            top = TurtleFrame(kind: .properties, subject: value, predicate: rdfNil)
            phase = .verbOrEnd
        case .subjectWithPredicates:
            top = TurtleFrame(kind: .properties, subject: value, predicate: rdfNil)
            phase = .verb
        }
    }

    private func expectation(_ phase: TurtlePhase, _ top: TurtleFrame) -> String {
        let nested = !st.frames.isEmpty
        switch phase {
        case .verb:
            return "expected a predicate: an IRI, a prefixed name or 'a'"
        case .verbOrEnd:
            return nested ? "expected a predicate or ']'" : (st.inGraphBlock ? "expected a predicate, '.' or '}'" : "expected a predicate or '.'")
        case .object:
            return "expected an object: an IRI, a prefixed name, a blank node, a collection or a literal"
        case .item:
            return "expected a collection item or ')'"
        case .afterObject:
            if nested { return "expected ',', ';' or ']'" }
            return st.inGraphBlock ? "expected ',', ';', '.' or '}'" : "expected ',', ';' or '.'"
        }
    }

    /// `verb ::= predicate | 'a'`.
    private mutating func verb(phase: TurtlePhase, _ top: TurtleFrame) throws(LexError) -> Term {
        let b = c.current
        if b == UInt8(ascii: "<") { return .iri(try iri()) }
        if b == UInt8(ascii: "a"), try keyword("a", caseInsensitive: false) { return rdfType }
        if isPrefixedNameStart(b) { return .iri(try prefixedName()) }
        throw LexError(message: "\(expectation(phase, top)), found \(describeCurrent())", offset: c.pos)
    }

    /// An object that is a single token: IRI, prefixed name, labelled blank node, literal.
    private mutating func objectTerm(inCollection: Bool) throws(LexError) -> Term {
        let b = c.current
        switch b {
        case UInt8(ascii: "<"):
            return .iri(try iri())
        case UInt8(ascii: "_"):
            return .blankNode(try blankNodeLabel())
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return .literal(try stringLiteral())
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            return .literal(try numericLiteral())
        case UInt8(ascii: "."):
            if c.pos + 1 >= c.end, !isFinal { throw needMore() }
            if c.pos + 1 < c.end, ByteCursor.isDigit(c.base[c.pos + 1]) { return .literal(try numericLiteral()) }
        case UInt8(ascii: "t"):
            if try keyword("true", caseInsensitive: false) { return trueTerm }
        case UInt8(ascii: "f"):
            if try keyword("false", caseInsensitive: false) { return falseTerm }
        default:
            break
        }
        if isPrefixedNameStart(b) { return .iri(try prefixedName()) }
        let what = inCollection ? "expected a collection item or ')'" : "expected an object: an IRI, a prefixed name, a blank node, a collection or a literal"
        throw LexError(message: "\(what), found \(describeCurrent())", offset: c.pos)
    }

    @inline(__always)
    mutating func emit(_ subject: Term, _ predicate: Term, _ object: Term) {
        st.quads.append(subject, predicate, object)
    }
}

/// The triples of the statement being read, kept as a flat run of terms (subject,
/// predicate, object, …) and made into `Quad`s only when the statement is complete and
/// they go to the sink, moving the terms rather than copying them.
final class PendingQuads {
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<Term>
    /// The number of terms held: three per triple.
    @exclusivity(unchecked) private var terms = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int = 96) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: terms)
        base.deallocate()
    }

    var isEmpty: Bool { terms == 0 }

    @inline(__always)
    func append(_ subject: Term, _ predicate: Term, _ object: Term) {
        if terms + 3 > capacity { grow() }
        (base + terms).initialize(to: subject)
        (base + terms + 1).initialize(to: predicate)
        (base + terms + 2).initialize(to: object)
        terms += 3
    }

    private func grow() {
        let bigger = UnsafeMutablePointer<Term>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: terms)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    /// Hands every triple to `sink` as a quad in `graph`, in order, and empties the
    /// buffer (also when `sink` throws).
    func flush(graph: Term?, to sink: QuadSink) throws {
        var i = 0
        defer {
            (base + i).deinitialize(count: terms - i)
            terms = 0
        }
        while i < terms {
            let at = base + i
            i += 3
            try sink(Quad(at.move(), (at + 1).move(), (at + 2).move(), graph: graph))
        }
    }

    func removeAll() {
        base.deinitialize(count: terms)
        terms = 0
    }
}
