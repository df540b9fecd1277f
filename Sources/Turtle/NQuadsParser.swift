#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RDF

/// The line-based syntaxes: N-Triples (RDF 1.1 N-Triples) and N-Quads (RDF 1.1 N-Quads).
public enum LineSyntax: Sendable {
    case nTriples
    case nQuads

    var name: String { self == .nTriples ? "N-Triples" : "N-Quads" }
}

/// A streaming push parser for N-Triples and N-Quads.
///
/// Feed it bytes in chunks of any size with `feed(_:)`, then call `finish()`; each quad is
/// handed to the sink as soon as its line is complete. Only an incomplete last line is
/// buffered, and a line longer than `maxLineLength` is an error, so memory stays bounded
/// whatever the input. Errors are `RDFSyntaxError`s with line and column.
public final class NQuadsParser {
    /// The syntax being read.
    public let syntax: LineSyntax
    /// The file or URL named in errors.
    public let source: String?
    /// The longest line accepted, in bytes (64 MiB unless set).
    public var maxLineLength = 64 << 20

    private let sink: QuadSink
    private var pending: [UInt8] = []
    private var scratch: [UInt8] = []
    private var iriCache = TokenCache()
    private var line = 1
    private var sawAnyInput = false

    /// A parser that hands each quad to `sink`; `source` is the path or URL named in errors.
    public init(syntax: LineSyntax, source: String? = nil, sink: @escaping QuadSink) {
        self.syntax = syntax
        self.source = source
        self.sink = sink
    }

    /// Parses the complete lines in `chunk`, keeping any incomplete last line for later.
    public func feed(_ chunk: UnsafeRawBufferPointer) throws {
        guard let raw = chunk.baseAddress, chunk.count > 0 else { return }
        var bytes = UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: chunk.count)
        if !sawAnyInput {
            sawAnyInput = true
            // A UTF-8 byte order mark is tolerated at the very start, as rapper and Jena do.
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            }
        }
        var start = 0
        if !pending.isEmpty {
            guard let nl = Self.firstNewline(bytes, from: 0) else {
                try appendPending(bytes)
                return
            }
            try appendPending(UnsafeBufferPointer(rebasing: bytes[0...nl]))
            try parsePending()
            start = nl + 1
        }
        guard let last = Self.lastNewline(bytes, from: start) else {
            try appendPending(UnsafeBufferPointer(rebasing: bytes[start...]))
            return
        }
        try parse(bytes.baseAddress!, from: start, to: last + 1)
        if last + 1 < bytes.count {
            try appendPending(UnsafeBufferPointer(rebasing: bytes[(last + 1)...]))
        }
    }

    /// Parses `bytes` as the next chunk.
    public func feed(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try feed($0) }
    }

    /// Parses whatever remains (a last line without a line break).
    public func finish() throws {
        if !pending.isEmpty { try parsePending() }
    }

    /// Parses a whole input held in memory.
    public func parse(_ bytes: [UInt8]) throws {
        try feed(bytes)
        try finish()
    }

    private func appendPending(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if pending.count + bytes.count > maxLineLength {
            throw RDFSyntaxError("line is longer than \(maxLineLength) bytes; refusing to buffer it",
                                 line: line, column: 1, source: source)
        }
        pending.append(contentsOf: bytes)
    }

    private func parsePending() throws {
        var buffer: [UInt8] = []
        swap(&buffer, &pending)
        try buffer.withUnsafeBufferPointer { try parse($0.baseAddress!, from: 0, to: $0.count) }
        buffer.removeAll(keepingCapacity: true)
        swap(&buffer, &pending)
    }

    private static func firstNewline(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < bytes.count, let hit = memchr(bytes.baseAddress! + from, 0x0A, bytes.count - from) else { return nil }
        return bytes.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    private static func lastNewline(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = bytes.count - 1
        while i >= from {
            if bytes[i] == 0x0A { return i }
            i -= 1
        }
        return nil
    }

    // MARK: Statements

    /// Parses whole lines in `base[from..<to]`; tokens never span a line break.
    private func parse(_ base: UnsafePointer<UInt8>, from: Int, to: Int) throws {
        var c = ByteCursor(base: base, pos: from, end: to)
        swap(&c.scratch, &scratch)
        defer { swap(&c.scratch, &scratch) }
        var lineStart = from
        while true {
            let quad: Quad
            do throws(LexError) {
                // Blank lines, comments and line breaks (EOL ::= [#xD#xA]+).
                while c.pos < to {
                    let b = c.current
                    if b == 0x20 || b == 0x09 {
                        c.pos += 1
                    } else if b == 0x0A {
                        c.pos += 1
                        line += 1
                        lineStart = c.pos
                    } else if b == 0x0D {
                        c.pos += 1
                        if c.pos < to, c.current != 0x0A { line += 1; lineStart = c.pos }
                    } else if b == UInt8(ascii: "#") {
                        skipComment(&c)
                    } else {
                        break
                    }
                }
                if c.atEnd { return }
                quad = try statement(&c)
                c.skipSpacesAndTabs()
                if !c.atEnd, c.current == UInt8(ascii: "#") { skipComment(&c) }
                if !c.atEnd, c.current != 0x0A, c.current != 0x0D {
                    throw LexError(message: "expected end of line after '.': one \(syntax == .nTriples ? "triple" : "quad") per line", offset: c.pos)
                }
            } catch {
                throw RDFSyntaxError(error.message, line: line,
                                     column: Self.column(base, lineStart: lineStart, offset: min(error.offset, to)),
                                     source: source)
            }
            try sink(quad)
        }
    }

    @inline(__always) private func skipComment(_ c: inout ByteCursor) {
        while c.pos < c.end, c.current != 0x0A, c.current != 0x0D { c.pos += 1 }
    }

    /// `subject predicate object graphLabel? '.'`
    @inline(__always) private func statement(_ c: inout ByteCursor) throws(LexError) -> Quad {
        let subject: Term
        switch c.current {
        case UInt8(ascii: "<"): subject = .iri(try absoluteIRI(&c))
        case UInt8(ascii: "_"): subject = .blankNode(try c.readBlankNodeLabel())
        default: throw LexError(message: "expected a subject: an IRI in <...> or a blank node _:label", offset: c.pos)
        }
        c.skipSpacesAndTabs()
        guard !c.atEnd, c.current == UInt8(ascii: "<") else {
            throw LexError(message: "expected a predicate IRI in <...>", offset: c.pos)
        }
        let predicate = Term.iri(try absoluteIRI(&c))
        c.skipSpacesAndTabs()
        guard !c.atEnd else { throw LexError(message: "expected an object", offset: c.pos) }
        let object: Term
        switch c.current {
        case UInt8(ascii: "<"): object = .iri(try absoluteIRI(&c))
        case UInt8(ascii: "_"): object = .blankNode(try c.readBlankNodeLabel())
        case UInt8(ascii: "\""): object = .literal(try literal(&c))
        default: throw LexError(message: "expected an object: an IRI, a blank node or a \"literal\"", offset: c.pos)
        }
        c.skipSpacesAndTabs()
        var graph: Term? = nil
        if syntax == .nQuads, !c.atEnd {
            switch c.current {
            case UInt8(ascii: "<"): graph = .iri(try absoluteIRI(&c))
            case UInt8(ascii: "_"): graph = .blankNode(try c.readBlankNodeLabel())
            default: break
            }
            c.skipSpacesAndTabs()
        }
        guard !c.atEnd, c.current == UInt8(ascii: ".") else {
            throw LexError(message: "expected '.' at the end of the \(syntax == .nTriples ? "triple" : "quad")", offset: c.pos)
        }
        c.pos += 1
        return Quad(subject, predicate, object, graph: graph)
    }

    @inline(__always) private func absoluteIRI(_ c: inout ByteCursor) throws(LexError) -> String {
        let at = c.pos
        let (iri, hasScheme) = try c.scanIRIRef(cache: &iriCache)
        guard hasScheme else {
            throw LexError(message: "relative IRI <\(iri)> is not allowed in \(syntax.name); IRIs must be absolute", offset: at)
        }
        return iri
    }

    /// `STRING_LITERAL_QUOTE ('^^' IRIREF | LANGTAG)?`; white space may separate the tokens
    /// (RDF 1.2 N-Triples C14N tests `extra_whitespace-03/04`).
    @inline(__always) private func literal(_ c: inout ByteCursor) throws(LexError) -> Literal {
        let lexical = try c.scanShortString()
        let afterString = c.pos
        c.skipSpacesAndTabs()
        guard !c.atEnd else { return Literal(lexical) }
        switch c.current {
        case UInt8(ascii: "@"):
            return Literal(lexical, language: try c.readLanguageTag())
        case UInt8(ascii: "^"):
            guard c.peek(1) == UInt8(ascii: "^") else {
                throw LexError(message: "expected ^^<datatype IRI> after the literal", offset: c.pos)
            }
            c.pos += 2
            c.skipSpacesAndTabs()
            guard !c.atEnd, c.current == UInt8(ascii: "<") else {
                throw LexError(message: "expected ^^<datatype IRI> after the literal", offset: c.pos)
            }
            let at = c.pos
            return try ByteCursor.typedLiteral(lexical, datatype: try absoluteIRI(&c), at: at)
        default:
            c.pos = afterString
            return Literal(lexical)
        }
    }

    /// The 1-based column of `offset`, counting Unicode scalars from the line start.
    static func column(_ base: UnsafePointer<UInt8>, lineStart: Int, offset: Int) -> Int {
        var column = 1
        var i = lineStart
        while i < offset {
            if base[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }
}
