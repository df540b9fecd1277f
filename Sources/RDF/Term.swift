/// An RDF term: an IRI, a blank node or a literal (RDF 1.1 Concepts, section 3).
///
/// IRIs are stored as absolute IRI strings; blank nodes by their label (scoped to the
/// document or graph they came from); literals keep their lexical form exactly as read.
public enum Term: Hashable, Sendable {
    /// An IRI, always absolute once a parser has resolved it.
    case iri(String)
    /// A blank node, by its label (without the `_:` prefix).
    case blankNode(String)
    /// A literal.
    case literal(Literal)

    /// A literal of datatype `xsd:string`.
    public static func string(_ lexical: String) -> Term {
        .literal(Literal(lexical))
    }

    /// A language-tagged string (`rdf:langString`).
    public static func langString(_ lexical: String, language: String) -> Term {
        .literal(Literal(lexical, language: language))
    }

    /// A typed literal.
    public static func typed(_ lexical: String, datatype: String) -> Term {
        .literal(Literal(lexical, datatype: datatype))
    }

    /// True for IRIs.
    public var isIRI: Bool { if case .iri = self { true } else { false } }
    /// True for blank nodes.
    public var isBlankNode: Bool { if case .blankNode = self { true } else { false } }
    /// True for literals.
    public var isLiteral: Bool { if case .literal = self { true } else { false } }

    /// The IRI string if this is an IRI.
    public var iriValue: String? { if case .iri(let v) = self { v } else { nil } }
    /// The literal if this is a literal.
    public var literalValue: Literal? { if case .literal(let v) = self { v } else { nil } }

    /// Terms are equal when their strings have the same code points (not merely
    /// canonically equivalent ones, as Swift's `String ==` would have it).
    public static func == (a: Term, b: Term) -> Bool {
        switch (a, b) {
        case let (.iri(x), .iri(y)), let (.blankNode(x), .blankNode(y)): x.utf8Identical(y)
        case let (.literal(x), .literal(y)): x == y
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .iri(let v): hasher.combine(v.utf8Hash)
        case .blankNode(let v): hasher.combine(v.utf8Hash ^ 0x5bd1_e995)
        case .literal(let l): hasher.combine(l)
        }
    }
}

/// An RDF literal: a lexical form, a datatype IRI and, for `rdf:langString`, a language tag.
///
/// Language tags are kept as written but compared and hashed case-insensitively
/// (BCP 47 tags are case-insensitive; RDF 1.1 Concepts, section 3.3).
public struct Literal: Hashable, Sendable {
    /// The lexical form, exactly as read.
    public var lexicalForm: String
    /// The datatype IRI (`rdf:langString` when a language tag is present).
    public var datatype: String
    /// The language tag as written, or `nil`.
    public var language: String?

    /// A plain string (`xsd:string`).
    @inlinable public init(_ lexicalForm: String) {
        self.lexicalForm = lexicalForm
        self.datatype = XSD.string
        self.language = nil
    }

    /// A language-tagged string; the datatype is `rdf:langString`.
    @inlinable public init(_ lexicalForm: String, language: String) {
        self.lexicalForm = lexicalForm
        self.datatype = RDFVocabulary.langString
        self.language = language
    }

    /// A typed literal.
    @inlinable public init(_ lexicalForm: String, datatype: String) {
        self.lexicalForm = lexicalForm
        self.datatype = datatype
        self.language = nil
    }

    public static func == (a: Literal, b: Literal) -> Bool {
        guard a.lexicalForm.utf8Identical(b.lexicalForm), a.datatype.utf8Identical(b.datatype) else { return false }
        switch (a.language, b.language) {
        case (nil, nil): return true
        case let (x?, y?): return x.utf8.count == y.utf8.count && Self.asciiLowercased(x) == Self.asciiLowercased(y)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lexicalForm.utf8Hash &+ datatype.utf8Hash &* 31)
        if let language { hasher.combine(Self.asciiLowercased(language).utf8Hash) } else { hasher.combine(0 as UInt8) }
    }

    /// Language tags are ASCII (BCP 47); only ASCII letters fold.
    static func asciiLowercased(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return s }
        return String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

/// A triple: subject, predicate, object.
public struct Triple: Hashable, Sendable {
    public var subject: Term
    public var predicate: Term
    public var object: Term

    @inlinable public init(_ subject: Term, _ predicate: Term, _ object: Term) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }
}

/// A quad: a triple and the graph it belongs to (`nil` for the default graph).
public struct Quad: Hashable, Sendable {
    public var subject: Term
    public var predicate: Term
    public var object: Term
    /// The graph name, or `nil` for the default graph.
    public var graph: Term?

    @inlinable public init(_ subject: Term, _ predicate: Term, _ object: Term, graph: Term? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }

    /// The triple part of this quad.
    public var triple: Triple { Triple(subject, predicate, object) }
}
