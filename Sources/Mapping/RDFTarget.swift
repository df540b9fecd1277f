import RDF

/// The RDF a record becomes, in the spirit of RML and YARRRML: resources with a subject
/// (an IRI template over fields, or a blank node), classes, and properties whose objects
/// are literals, IRIs or nested resources.
public struct RDFTargetSpec: Sendable {
    /// The prefixes declared (and the well-known ones), for CURIEs in the mapping file and
    /// for the output's prefixes.
    public var prefixes: [(prefix: String, namespace: String)]
    /// The IRI relative IRIs resolve against, if any.
    public var base: String?
    /// The top-level resources of each record; the first is the record's own.
    var resources: [RDFTargetResource]
}

/// One resource made from a record.
struct RDFTargetResource: Sendable {
    enum Subject: Sendable {
        /// An IRI from a template over fields (or a constant).
        case iri(Expression, template: String)
        /// A fresh blank node for each record.
        case blank
    }

    var subject: Subject
    /// `rdf:type` IRIs.
    var classes: [String] { didSet { classTerms = classes.map(Term.iri) } }
    /// The classes as terms, made once rather than for every record.
    private(set) var classTerms: [Term]
    var properties: [RDFTargetProperty]
    /// The named graph (an IRI expression), or nil for the default graph (or the parent's).
    var graph: Expression?
    var when: ExpressionCondition?

    init(subject: Subject, classes: [String], properties: [RDFTargetProperty], graph: Expression?, when: ExpressionCondition?) {
        self.subject = subject
        self.classes = classes
        classTerms = classes.map(Term.iri)
        self.properties = properties
        self.graph = graph
        self.when = when
    }

    /// `rdf:type` as a term.
    static let typeTerm = Term.iri(RDFVocabulary.type)
}

/// A predicate–object map.
struct RDFTargetProperty: Sendable {
    var predicates: [String] { didSet { predicateTerms = predicates.map(Term.iri) } }
    /// The predicates as terms, made once rather than for every record.
    private(set) var predicateTerms: [Term]
    var object: RDFTargetObject
    var when: ExpressionCondition?

    init(predicates: [String], object: RDFTargetObject, when: ExpressionCondition?) {
        self.predicates = predicates
        predicateTerms = predicates.map(Term.iri)
        self.object = object
        self.when = when
    }
}

/// What the object of a property is.
enum RDFTargetObject: Sendable {
    /// A literal from a field, template or constant; the datatype is the one given, else
    /// follows the value (numbers `xsd:integer`/`xsd:decimal`/`xsd:double`, booleans
    /// `xsd:boolean`, text `xsd:string`); the language may be a template over fields.
    case literal(Expression, datatype: String?, language: Expression?)
    /// An IRI from a template over fields (or a constant).
    case iri(Expression)
    /// A nested resource; the property links to its subject.
    case resource(RDFTargetResource)
}

extension RDFTargetSpec {
    /// Namespaces known without a declaration: the RDF module's well-known ones and the
    /// vocabularies records are mapped to most (W3C org, RegOrg, Locn, schema.org).
    static let builtInPrefixes: [(prefix: String, namespace: String)] =
        Namespace.wellKnown.map { ($0.prefix, $0.iri) } + [
            ("org", "http://www.w3.org/ns/org#"),
            ("rov", "http://www.w3.org/ns/regorg#"),
            ("locn", "http://www.w3.org/ns/locn#"),
            ("schema", "https://schema.org/"),
        ]
}
