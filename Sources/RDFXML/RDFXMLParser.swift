#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibXML2
import RDF
import XMLSupport

/// A streaming push parser for RDF/XML (RDF 1.1 XML Syntax), on libxml2's SAX2 push parser.
///
/// Feed it bytes in chunks of any size with `feed(_:)`, then call `finish()`. libxml2
/// turns the bytes into element, text and entity events; the reader runs the RDF/XML
/// grammar (section 7 of the specification) over those events with an explicit state
/// stack — a frame per open element the grammar gives a role: `rdf:RDF`, a node element,
/// a property element, a `rdf:parseType="Collection"` or `"Literal"` property element —
/// and hands each triple to the sink as soon as it is known. Memory stays bounded by the
/// nesting depth and the longest literal, whatever the document size.
///
/// Covered: node elements and typed nodes, property elements and property attributes,
/// `rdf:li` numbering, `rdf:parseType` `Resource`, `Literal` (and any other value, which
/// counts as `Literal`) and `Collection`, `xml:base` over the document base, `xml:lang`
/// (`xml:lang=""` removes an inherited language), `rdf:ID` (reification, and each ID used
/// once per base), `rdf:nodeID`, `rdf:datatype`, `rdf:resource`, empty property elements,
/// XML literals in exclusive canonical form, internal DTD entities in attributes and text,
/// and an error for every name the grammar forbids where it occurs. RDF 1.2 triple terms
/// (`rdf:parseType="Triple"`, `rdf:annotation`) and base directions (`its:dir`) are
/// errors, since Samsvar's RDF 1.1 model cannot hold them.
///
/// Blank nodes keep their `rdf:nodeID` as label; the reader's own blank nodes are
/// labelled `_b1`, `_b2`, … and a `rdf:nodeID` that starts with `_` gets another `_` in
/// front, so the two never clash.
///
/// Safety (see `RDFXMLParser+LibXML.swift`): external entities and external DTDs are never
/// loaded, nothing is fetched from the network, entity expansion is metered against the
/// size of the input (billion laughs and quadratic blow-up are stopped with an error, a
/// document with any number of short entity references parses), `XML_PARSE_HUGE` is never
/// set, and element nesting is bounded by `maxNestingDepth`.
///
/// Errors are `RDFSyntaxError`s with line and column. After an error the parser stops:
/// later calls throw the same error. An error thrown by the sink stops the parser too and
/// is rethrown as it is.
public final class RDFXMLParser {
    /// The file or URL named in errors.
    public let source: String?

    /// The deepest element nesting accepted (1,024 unless set); deeper is an error.
    public var maxNestingDepth = 1_024
    /// The longest literal accepted, in bytes (64 MiB unless set).
    public var maxLiteralLength = 64 << 20
    /// Entity replacement text allowed whatever the input size, in bytes (16 MiB unless set).
    public var entityExpansionAllowance = EntityGuard.defaultAllowance
    /// Further entity replacement text allowed per byte of input (16 unless set).
    public var entityExpansionRatio = EntityGuard.defaultRatio

    /// The namespace declarations seen so far, in document order, each distinct pair
    /// once (the default namespace has the prefix "").
    public private(set) var prefixes: [(prefix: String, namespace: String)] = []
    private var seenPrefixes: Set<[String]> = []

    /// One namespace per prefix, the first the document declared for it, in document
    /// order: what a writer should reuse to write the same data back.
    public var declaredPrefixes: [(prefix: String, namespace: String)] {
        var seen: Set<String> = []
        return prefixes.filter { seen.insert($0.prefix).inserted }
    }

    /// The grammar state the callbacks drive (RDFXMLParser+State.swift). It lives outside
    /// the object so that each callback reaches it without a dynamic exclusivity check
    /// (one per event was a measurable share of the parse time); only the callbacks and
    /// `feed`/`finish` touch it, never both at once.
    let state: UnsafeMutablePointer<State>
    /// The libxml2 push parser; `nil` only if libxml2 could not allocate one.
    let context: xmlParserCtxtPtr?
    var failure: (any Error)?
    var finished = false
    /// Entity references so far (for tests).
    var entityReferences: Int { state.pointee.entityGuard.references }

    /// A parser that hands each triple to `sink` as a quad in the default graph.
    ///
    /// - Parameters:
    ///   - base: The document's base IRI, usually its URL: relative IRIs and `rdf:ID`s
    ///     resolve against it (and against `xml:base` inside the document). Without one,
    ///     a relative IRI is an error.
    ///   - source: The path or URL named in errors.
    ///   - sink: Receives each triple.
    public init(base: String? = nil, source: String? = nil, sink: @escaping QuadSink) {
        self.source = source
        let baseIRI = base.flatMap { BaseIRI($0) }
        state = .allocate(capacity: 1)
        state.initialize(to: State(base: baseIRI, source: source, sink: sink))
        state.pointee.textEntityMarker = UnsafeMutableRawPointer(state)
        var handler = Self.makeSAXHandler()
        // The context is created with a null user data first and pointed at `self` once
        // every stored property is initialised. No NOENT: libxml2 leaves entity references
        // in attribute values as written and the reader expands them itself
        // (RDFXMLParser+Entities.swift); text content gets its entities' SAX events
        // either way.
        context = LibXML.pushParser(&handler, filename: nil, substitutingEntities: false)
        state.pointee.context = context
        if let context {
            context.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
        } else {
            failure = RDFSyntaxError("libxml2 could not create a parser (out of memory)", line: 1, column: 1,
                                     source: source)
        }
        if let base, baseIRI == nil {
            failure = RDFSyntaxError("the base IRI <\(base)> is not absolute", line: 1, column: 1, source: source)
        }
    }

    deinit {
        if let context { LibXML.free(context) }
        state.pointee.text.free()
        state.pointee.attributeText.free()
        state.pointee.namespaceText.free()
        state.pointee.iriText.free()
        state.pointee.iriCache.free()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Parses the next chunk of the document. The chunk is handed to libxml2 in pieces of
    /// at most 256 KiB.
    public func feed(_ chunk: UnsafeRawBufferPointer) throws {
        if let failure { throw failure }
        precondition(!finished, "RDFXMLParser.feed(_:) called after finish()")
        guard let context, let start = chunk.baseAddress, chunk.count > 0 else { return }
        state.pointee.maxNestingDepth = maxNestingDepth
        state.pointee.maxLiteralLength = maxLiteralLength
        var offset = 0
        while offset < chunk.count {
            let length = min(chunk.count - offset, Self.pieceSize)
            state.pointee.entityGuard.fed(length, allowance: entityExpansionAllowance, ratio: entityExpansionRatio)
            let status = xmlParseChunk(context, start.advanced(by: offset).assumingMemoryBound(to: CChar.self),
                                       Int32(length), 0)
            try check(status)
            offset += length
        }
    }

    /// Parses `bytes` as the next chunk.
    public func feed(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try feed($0) }
    }

    /// Parses whatever remains and checks that the document is complete.
    public func finish() throws {
        if let failure { throw failure }
        guard !finished, let context else { return }
        finished = true
        try check(xmlParseChunk(context, nil, 0, 1))
        if context.pointee.wellFormed == 0 || !state.pointee.isComplete {
            fail(RDFSyntaxError("the document is incomplete", line: Self.locate(.current, in: context).0,
                                column: Self.locate(.current, in: context).1, source: source))
            throw failure!
        }
    }

    /// Parses a whole document held in memory.
    public func parse(_ bytes: [UInt8]) throws {
        try feed(bytes)
        try finish()
    }

    /// The largest piece handed to `xmlParseChunk` at once (DESIGN.md: 64–256 KiB). The
    /// smallest of that range: libxml2 copies each piece into its own buffer and moves
    /// it down again, and with 256 KiB pieces that traffic pushed the reader's caches
    /// (IRICache, the name tables, the strings they hold) out of the CPU's L2 cache
    /// between two uses; a cache simulation of the benchmark catalogue counted a fifth
    /// of the last-level misses with 64 KiB pieces.
    static let pieceSize = 64 << 10

    /// Rethrows a failure recorded by a callback; turns a libxml2 error that reached no
    /// callback into an `RDFSyntaxError`.
    private func check(_ status: Int32) throws {
        if failure == nil, status != 0, let context {
            let last = LibXMLFailure(lastErrorOf: context, status: status)
            fail(RDFSyntaxError(last.message, line: last.line, column: last.column, source: source))
        }
        if let failure {
            if let context { xmlStopParser(context) }
            throw failure
        }
    }

    /// Records namespace declarations for `prefixes` (each distinct pair once).
    func recordNamespaces(_ count: Int, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>) {
        for i in 0..<count {
            let prefix = namespaces[2 * i].map { String(cString: $0) } ?? ""
            let uri = namespaces[2 * i + 1].map { (try? state.pointee.namespaceName($0)) ?? String(cString: $0) } ?? ""
            if seenPrefixes.insert([prefix, uri]).inserted {
                prefixes.append((prefix, uri))
            }
        }
    }

    /// Records the first error and stops libxml2; the error is thrown from `feed`/`finish`.
    func fail(_ error: any Error) {
        guard failure == nil else { return }
        failure = error
        state.pointee.stopped = true
        if let context { xmlStopParser(context) }
    }

    // MARK: Positions

    /// Where an error is reported.
    enum Position {
        /// The start of the tag libxml2 has just read (`<` of `<ex:p …>` or `</ex:p>`).
        case tag
        /// Where libxml2 is now.
        case current
        /// The byte at `offset` in text libxml2 has just reported: found in its input
        /// buffer, where the text ends at the current position unless it came from an
        /// entity or a copy.
        case text(UnsafeBufferPointer<UInt8>, offset: Int)
    }

    /// Line and column of `position`, worked out from libxml2's current position by
    /// scanning back through its input buffer (only ever done for an error).
    static func locate(_ position: Position, in context: xmlParserCtxtPtr?) -> (Int, Int) {
        guard let input = context?.pointee.input?.pointee else { return (1, 1) }
        let line = Int(max(input.line, 1))
        let column = Int(max(input.col, 1))
        guard let cur = input.cur, let start = input.base, cur >= start else { return (line, column) }
        // `anchor` is the byte libxml2's line and column describe: normally `cur`; while
        // it reports text it has already counted, `cur` still points at the text's start.
        var anchor = cur
        var target: UnsafePointer<UInt8>
        switch position {
        case .current:
            return (line, column)
        case .text(let text, let offset):
            guard let p = text.baseAddress else { return (line, column) }
            if p == cur, let end = input.end, p + text.count <= end {
                anchor = p + text.count
                target = p + offset
            } else if p >= start && p + text.count <= cur {
                target = p + offset
            } else if cur - start >= text.count && memcmp(cur - text.count, p, text.count) == 0 {
                target = cur - text.count + offset
            } else {
                return (line, column)
            }
        case .tag:
            var p = cur
            while p > start && p.pointee != UInt8(ascii: "<") { p -= 1 }
            guard p.pointee == UInt8(ascii: "<") else { return (line, column) }
            target = p
        }
        // Newlines and characters between the target and the current position.
        var newlines = 0
        var scalars = 0
        var p = target
        while p < anchor {
            if p.pointee == 0x0A { newlines += 1 }
            if p.pointee & 0xC0 != 0x80 { scalars += 1 }
            p += 1
        }
        if newlines == 0 { return (line, max(column - scalars, 1)) }
        var lineStart = target
        while lineStart > start && lineStart[-1] != 0x0A { lineStart -= 1 }
        var col = 1
        p = lineStart
        while p < target {
            if p.pointee & 0xC0 != 0x80 { col += 1 }
            p += 1
        }
        return (max(line - newlines, 1), col)
    }
}
