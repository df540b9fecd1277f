import RDF

/// The syntaxes `TurtleParser` reads.
public enum TurtleSyntax: Sendable {
    /// RDF 1.1 Turtle: triples, all in the default graph.
    case turtle
    /// RDF 1.1 TriG: Turtle with graph blocks `{ … }`, `<g> { … }` and `GRAPH <g> { … }`.
    case trig
}

/// A streaming push parser for Turtle and TriG.
///
/// Feed it bytes in chunks of any size with `feed(_:)`, then call `finish()`. Each
/// statement's quads go to the sink as soon as the statement is complete; a statement
/// cut off by the end of a chunk is read again, from its start, when more input has
/// arrived (only once the buffered input has at least doubled, so even a statement of
/// many megabytes costs linear time). Only the unfinished statement is kept in memory.
///
/// IRIs are resolved against the base (`base:`, then `@base`/`BASE`); a relative IRI
/// with no base is an error. Blank node labels are scoped to the document; the nodes
/// made for `[]`, `[ … ]` and collections are labelled `_b1`, `_b2`, … and a label the
/// document writes as `_:_x` becomes `__x`, so the two can never clash. Nesting of `[`
/// and `(` is bounded by `maxNestingDepth` and read without recursion.
///
/// Errors are `RDFSyntaxError`s with line and column. After an error the parser stops:
/// later calls throw the same error.
public final class TurtleParser {
    /// The syntax being read.
    public let syntax: TurtleSyntax
    /// The file or URL named in errors.
    public let source: String?
    /// The deepest nesting of `[ … ]` and `( … )` accepted (10,000 unless set).
    public var maxNestingDepth = 10_000
    /// The longest statement buffered while waiting for its end, in bytes (256 MiB unless
    /// set). A TriG graph block is not one statement: each statement inside it counts.
    public var maxStatementLength = 256 << 20

    /// The prefixes declared so far (with those given to `init`), by name without ':'.
    /// Updated after each `feed(_:)`/`finish()`.
    public private(set) var prefixes: [String: String]
    /// The prefix names in the order they were first declared.
    public private(set) var prefixOrder: [String]
    /// The prefixes in the order they were first declared, each with its latest namespace:
    /// what a writer should reuse to write the same data back.
    public var declaredPrefixes: [(prefix: String, namespace: String)] {
        prefixOrder.compactMap { name in prefixes[name].map { (name, $0) } }
    }
    /// The current base IRI, after any `@base`/`BASE` read so far.
    public private(set) var baseIRI: String?

    private let sink: QuadSink
    private var state = TurtleReaderState()
    /// Input not yet consumed: the start of an unfinished statement.
    private var buffer: [UInt8] = []
    /// The buffer size at which to try the unfinished statement again.
    private var retryAt = 0
    private var sawStart = false
    private var finished = false
    private var failure: (any Error)?

    /// A parser that hands each quad to `sink`.
    ///
    /// - Parameters:
    ///   - syntax: Turtle or TriG.
    ///   - base: The base IRI for relative IRIs until the document sets one, usually the
    ///     document's own URL.
    ///   - source: The path or URL named in errors.
    ///   - prefixes: Prefixes known before the document starts (by name, without ':').
    ///   - sink: Receives each quad; the graph is `nil` for the default graph.
    public init(syntax: TurtleSyntax, base: String? = nil, source: String? = nil,
                prefixes: [String: String] = [:], sink: @escaping QuadSink) {
        self.syntax = syntax
        self.source = source
        self.sink = sink
        self.prefixes = prefixes
        self.prefixOrder = prefixes.keys.sorted()
        self.baseIRI = base
        state.prefixes = prefixes
        state.prefixOrder = prefixOrder
        state.baseString = base
        state.base = base.flatMap { BaseIRI($0) }
    }

    /// Parses the complete statements in the input so far, keeping an unfinished last one
    /// for later.
    public func feed(_ chunk: UnsafeRawBufferPointer) throws {
        if let failure { throw failure }
        precondition(!finished, "TurtleParser.feed(_:) called after finish()")
        guard let raw = chunk.baseAddress, chunk.count > 0 else { return }
        let bytes = UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: chunk.count)
        if buffer.isEmpty && sawStart {
            // Nothing pending: read straight from the caller's chunk, keep only the tail.
            let consumed = try run(bytes, from: 0, final: false)
            if consumed < bytes.count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[consumed...])) }
        } else {
            buffer.append(contentsOf: bytes)
            guard buffer.count >= retryAt else { return try checkLength() }
            if !sawStart {
                // A UTF-8 byte order mark is skipped, as rapper and Jena do.
                if buffer.count < 3, [0xEF, 0xBB, 0xBF].starts(with: buffer) { return }
                sawStart = true
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
                    buffer.removeFirst(3)
                }
            }
            let consumed = try buffer.withUnsafeBufferPointer { try run($0, from: 0, final: false) }
            buffer.removeFirst(consumed)
        }
        try checkLength()
    }

    /// Parses `bytes` as the next chunk.
    public func feed(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try feed($0) }
    }

    /// Parses whatever remains; an unfinished statement or graph block is an error.
    public func finish() throws {
        if let failure { throw failure }
        guard !finished else { return }
        finished = true
        if !sawStart {
            sawStart = true
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
        }
        _ = try buffer.withUnsafeBufferPointer { try run($0, from: 0, final: true) }
        buffer = []
    }

    /// Parses a whole document held in memory.
    public func parse(_ bytes: [UInt8]) throws {
        if buffer.isEmpty && !sawStart && !finished && failure == nil {
            sawStart = true
            finished = true
            try bytes.withUnsafeBufferPointer { buffer in
                let bom = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
                _ = try run(buffer, from: bom, final: true)
            }
            return
        }
        try feed(bytes)
        try finish()
    }

    private func checkLength() throws {
        if buffer.count > maxStatementLength {
            let error = RDFSyntaxError("statement is longer than \(maxStatementLength) bytes; refusing to buffer it",
                                       line: state.line, column: state.lineBias + 1, source: source)
            failure = error
            throw error
        }
    }

    /// Reads the statements in `bytes[from...]`, returning how many bytes were consumed.
    private func run(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, final: Bool) throws -> Int {
        guard let base = bytes.baseAddress else {
            // Empty input: only the end of the document can have something to say.
            guard final else { return 0 }
            var empty: [UInt8] = [0]
            return try empty.withUnsafeMutableBufferPointer { e in
                try run(UnsafeBufferPointer(start: e.baseAddress!, count: 0), from: 0, final: true)
            }
        }
        // The document state moves into the reader and back (swapped, never copied: a
        // copy would make the first write duplicate the name cache).
        var reader = TurtleReader(cursor: ByteCursor(base: base, pos: from, end: bytes.count),
                                  state: TurtleReaderState(), isFinal: final, isTriG: syntax == .trig,
                                  maxDepth: maxNestingDepth, source: source, sink: sink)
        swap(&reader.st, &state)
        if from > 0, reader.st.lineStart == 0 { reader.st.lineStart = from }
        swap(&reader.c.scratch, &reader.st.scratch)
        defer {
            swap(&reader.c.scratch, &reader.st.scratch)
            swap(&state, &reader.st)
            prefixes = state.prefixes
            prefixOrder = state.prefixOrder
            baseIRI = state.baseString
        }
        let consumed: Int
        let incomplete: Bool
        do {
            (consumed, incomplete) = try reader.run()
        } catch {
            failure = error
            throw error
        }
        // Line positions become relative to the unconsumed input.
        if reader.st.lineStart >= consumed {
            reader.st.lineStart -= consumed
        } else {
            reader.st.lineBias += NQuadsParser.column(base, lineStart: reader.st.lineStart, offset: consumed) - 1
            reader.st.lineStart = 0
        }
        retryAt = incomplete ? 2 * (bytes.count - consumed) : 0
        return consumed
    }
}
