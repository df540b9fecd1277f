import Foundation

/// The RDF syntaxes Samsvar knows, with their names, file extensions and media types.
public enum RDFFormat: String, CaseIterable, Sendable {
    case nTriples = "ntriples"
    case nQuads = "nquads"
    case turtle
    case trig
    case rdfXML = "rdfxml"
    case jsonLD = "jsonld"

    /// The name people know the syntax by.
    public var displayName: String {
        switch self {
        case .nTriples: "N-Triples"
        case .nQuads: "N-Quads"
        case .turtle: "Turtle"
        case .trig: "TriG"
        case .rdfXML: "RDF/XML"
        case .jsonLD: "JSON-LD"
        }
    }

    /// File extensions (without the dot), the first being the one writers use.
    public var fileExtensions: [String] {
        switch self {
        case .nTriples: ["nt"]
        case .nQuads: ["nq"]
        case .turtle: ["ttl"]
        case .trig: ["trig"]
        case .rdfXML: ["rdf", "owl", "xml"]
        case .jsonLD: ["jsonld"]
        }
    }

    /// Registered media types, the first being the preferred one.
    public var mediaTypes: [String] {
        switch self {
        case .nTriples: ["application/n-triples"]
        case .nQuads: ["application/n-quads"]
        case .turtle: ["text/turtle", "application/x-turtle"]
        case .trig: ["application/trig"]
        case .rdfXML: ["application/rdf+xml"]
        case .jsonLD: ["application/ld+json"]
        }
    }

    /// True when the syntax can hold named graphs.
    public var supportsNamedGraphs: Bool { self == .nQuads || self == .trig || self == .jsonLD }

    /// True when this build of Samsvar can read the syntax.
    public var isReadable: Bool { Self.readable.contains(self) }

    /// True when this build of Samsvar can write the syntax.
    public var isWritable: Bool { Self.writable.contains(self) }

    /// The syntaxes this build reads (kept in step with `RDFReader`).
    public static let readable: [RDFFormat] = [.nTriples, .nQuads, .turtle, .trig, .rdfXML]
    /// The syntaxes this build writes (kept in step with `RDFWriter`).
    public static let writable: [RDFFormat] = [.nTriples, .nQuads, .turtle, .trig, .rdfXML]

    /// The format named on a command line (`ntriples`, `nt`, `n-triples`, `turtle`, `ttl` …).
    public init?(name: String) {
        let n = name.lowercased()
        if let f = RDFFormat(rawValue: n) { self = f; return }
        switch n {
        case "nt", "n-triples": self = .nTriples
        case "nq", "n-quads": self = .nQuads
        case "ttl": self = .turtle
        case "rdf", "xml", "rdf/xml", "rdf-xml": self = .rdfXML
        case "json-ld": self = .jsonLD
        default: return nil
        }
    }

    /// The format for a file path's extension, if it names one.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let ext = path[path.index(after: dot)...].lowercased()
        guard let f = RDFFormat.allCases.first(where: { $0.fileExtensions.contains(ext) }) else { return nil }
        self = f
    }

    /// The format for a media type (parameters such as `; charset=utf-8` are ignored).
    public init?(mediaType: String) {
        let bare = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard let f = RDFFormat.allCases.first(where: { $0.mediaTypes.contains(bare) }) else { return nil }
        self = f
    }

    /// Guesses the syntax from the first bytes of a document (used for stdin).
    ///
    /// XML declarations and `<rdf:RDF` mean RDF/XML; `{` or `[` JSON-LD; `@prefix`,
    /// `PREFIX`, `@base` or a prefixed name Turtle; a first statement of four terms
    /// N-Quads; otherwise N-Triples.
    public static func sniff(_ bytes: some Collection<UInt8>) -> RDFFormat {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        lines.removeAll { $0.isEmpty || $0.hasPrefix("#") }
        guard let first = lines.first else { return .nTriples }
        if first.hasPrefix("<?xml") || first.hasPrefix("<rdf:RDF") || first.hasPrefix("<!DOCTYPE") { return .rdfXML }
        if first.hasPrefix("{") || first.hasPrefix("[") { return .jsonLD }
        let lower = first.lowercased()
        if lower.hasPrefix("@prefix") || lower.hasPrefix("prefix") || lower.hasPrefix("@base") || lower.hasPrefix("base") {
            return text.contains("{") ? .trig : .turtle
        }
        if first.hasPrefix("<") || first.hasPrefix("_:") {
            if first.hasSuffix(".") && Self.termCount(first) == 4 { return .nQuads }
            return first.hasSuffix(".") && Self.termCount(first) == 3 ? .nTriples : .turtle
        }
        return .turtle
    }

    /// Counts the whitespace-separated terms before the final `.` of a simple statement
    /// (literals with spaces count as one).
    private static func termCount(_ line: String) -> Int {
        var count = 0
        var inTerm = false
        var inString = false
        var escaped = false
        for ch in line.dropLast() {
            if inString {
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
                continue
            }
            if ch == " " || ch == "\t" { inTerm = false; continue }
            if !inTerm { count += 1; inTerm = true }
            if ch == "\"" { inString = true }
        }
        return count
    }
}
