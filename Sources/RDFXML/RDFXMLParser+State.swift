import CLibXML2
import RDF

// The reader's state and the three events that drive it (start tag, end tag, text).
//
// All mutable state lives in one struct the parser object holds, so each libxml2
// callback costs one exclusive access to it rather than one per field; the grammar
// (RDFXMLParser+Grammar.swift) runs as mutating methods of the struct.
//
// The state stack has one flat `Frame` per open element the grammar gives a role
// (RDF 1.1 XML Syntax, section 7.2): `rdf:RDF`, node elements, property elements, and
// `rdf:parseType` Collection and Literal property elements. Elements inside an XML
// literal push no frame: they go to the literal writer, counted by `literalDepth`.

/// One open element of the RDF/XML grammar.
struct Frame {
    enum Kind: UInt8 {
        /// `rdf:RDF`: node elements inside.
        case rdf
        /// A node element (or a `rdf:parseType="Resource"` property element): property
        /// elements inside; `subject` is its subject.
        case node
        /// A property element with no object yet: text inside makes it a literal, one
        /// node element makes the node its object, nothing makes it `""` (sections
        /// 7.2.14–7.2.16, 7.2.21).
        case property
        /// A property element whose triple is already out (`rdf:resource`, `rdf:nodeID`
        /// or property attributes): it must stay empty (section 7.2.21).
        case emptyProperty
        /// `rdf:parseType="Collection"` (section 7.2.19): node elements inside become a list.
        case collection
        /// `rdf:parseType="Literal"` or any other value (sections 7.2.17, 7.2.20).
        case literal
    }

    var kind: Kind
    /// A property element: its node element has started.
    var hasNode = false
    /// A node element: the next `rdf:li` number (section 7.4).
    var nextLi: Int32 = 1
    var subject: Resource
    /// The predicate IRI of a property element.
    var predicate: String
    /// The IRI of the property element's `rdf:ID`, for reification (section 7.3).
    var reification: String?
    /// The property element's `rdf:datatype`.
    var datatype: String?
    /// A collection: the label of the last list cell so far.
    var lastCell: String?

    init(_ kind: Kind, subject: Resource = .iri(""), predicate: String = "",
         reification: String? = nil, datatype: String? = nil) {
        self.kind = kind
        self.subject = subject
        self.predicate = predicate
        self.reification = reification
        self.datatype = datatype
    }
}

/// A subject: an IRI or a blank node, in a third of the space of a `Term` (frames are
/// copied on every push and pop).
enum Resource {
    case iri(String)
    case blankNode(String)

    init(_ term: Term) {
        switch term {
        case .iri(let iri): self = .iri(iri)
        case .blankNode(let label): self = .blankNode(label)
        case .literal: preconditionFailure("a literal is never a subject")
        }
    }

    @inline(__always)
    var term: Term {
        switch self {
        case .iri(let iri): .iri(iri)
        case .blankNode(let label): .blankNode(label)
        }
    }
}

extension RDFXMLParser {
    /// Everything the callbacks change while reading.
    struct State {
        let source: String?
        let sink: QuadSink
        var context: xmlParserCtxtPtr?
        /// Set when the parser stops: later events are ignored.
        var stopped = false
        var maxNestingDepth = 1_024
        var maxLiteralLength = 64 << 20

        var frames: [Frame] = []
        var depth = 0
        var literalDepth = 0
        var literal = XMLLiteralWriter()
        var text: [UInt8] = []
        var scan = AttributeScan()

        var language: String?
        var languageScopes: [(depth: Int, previous: String?)] = []
        var base: BaseIRI?
        var baseScopes: [(depth: Int, previous: BaseIRI?)] = []
        /// RDF 1.2: depth of the outermost element carrying `rdf:version`, and `its:dir` scopes.
        var versionDepth: Int?
        var directionScopes: [(depth: Int, direction: String)] = []

        var usedIDs: Set<String> = []
        var blankNodeCount = 0
        var elementNames = NameTable(attributes: false)
        var attributeNames = NameTable(attributes: true)
        var iriCache = StringCache(bits: 12)
        var languageCache = StringCache(bits: 6)

        // Terms the grammar emits, made once.
        let rdfType = Term.iri(RDFVocabulary.type)
        let rdfFirst = Term.iri(RDFVocabulary.first)
        let rdfRest = Term.iri(RDFVocabulary.rest)
        let rdfNil = Term.iri(RDFVocabulary.nil)
        let rdfStatement = Term.iri(RDFVocabulary.statement)
        let rdfSubject = Term.iri(RDFVocabulary.subject)
        let rdfPredicate = Term.iri(RDFVocabulary.predicate)
        let rdfObject = Term.iri(RDFVocabulary.object)
        let xmlLiteralDatatype = RDFVocabulary.xmlLiteral

        init(base: BaseIRI?, source: String?, sink: @escaping QuadSink) {
            self.base = base
            self.source = source
            self.sink = sink
            frames.reserveCapacity(64)
            text.reserveCapacity(4096)
        }

        // MARK: Events

        mutating func startElement(_ localName: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
                                   _ uri: UnsafePointer<xmlChar>?, _ attributeCount: Int,
                                   _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) throws {
            if stopped { return }
            depth += 1
            if depth > maxNestingDepth {
                throw syntaxError("elements nest deeper than \(maxNestingDepth) levels")
            }
            if literalDepth > 0 {
                literalDepth += 1
                literal.startElement(localName, prefix, uri, attributeCount, attributes)
                try checkLiteralLength(literal.count)
                return
            }
            let element = elementNames.index(localName, prefix, uri)
            try scanAttributes(attributeCount, attributes)
            let top = frames.count - 1
            guard top >= 0 else {
                if elementNames.infos[element].syntax == .rdfRDF {
                    try checkRDFAttributes()
                    frames.append(Frame(.rdf))
                } else {
                    // The document element may be a node element (section 2.13).
                    try startNode(element)
                }
                return
            }
            switch frames[top].kind {
            case .rdf: try startNode(element)
            case .node: try startProperty(element, in: top)
            case .property: try startObjectNode(element, in: top)
            case .collection: try startCollectionItem(element, in: top)
            case .emptyProperty:
                throw syntaxError("a property element with rdf:resource, rdf:nodeID or property attributes must be empty, but contains <\(elementNames.infos[element].qualifiedName)>")
            case .literal:
                preconditionFailure("XML literal content never reaches the frame stack")
            }
        }

        mutating func endElement(_ localName: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?) throws {
            if stopped { return }
            if literalDepth > 1 {
                literal.endElement(localName, prefix)
                try checkLiteralLength(literal.count)
                literalDepth -= 1
                popScopes()
                return
            }
            literalDepth = 0
            if let frame = frames.popLast() {
                switch frame.kind {
                case .rdf, .node, .emptyProperty: break
                case .property: try endProperty(frame)
                case .collection: try endCollection(frame)
                case .literal:
                    let object = Term.literal(Literal(literal.finish(), datatype: xmlLiteralDatatype))
                    try emit(frame.subject.term, .iri(frame.predicate), object)
                    if let reification = frame.reification {
                        try reify(reification, frame.subject.term, .iri(frame.predicate), object)
                    }
                }
            }
            popScopes()
        }

        mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            if stopped { return }
            if literalDepth > 0 {
                literal.text(bytes)
                try checkLiteralLength(literal.count)
                return
            }
            let top = frames.count - 1
            guard top >= 0 else { return }
            let kind = frames[top].kind
            if kind == .property && !frames[top].hasNode {
                text.append(contentsOf: bytes)
                try checkLiteralLength(text.count)
                return
            }
            if let offset = XMLNames.firstNonWhitespace(bytes) {
                let place = switch kind {
                case .rdf: "directly inside rdf:RDF"
                case .node: "inside a node element"
                case .collection: "inside a rdf:parseType=\"Collection\" property element"
                case .emptyProperty: "in a property element with rdf:resource, rdf:nodeID or property attributes"
                default: "next to the node element of a property element"
                }
                throw syntaxError("text is not allowed \(place)", at: .byte(bytes.baseAddress! + offset))
            }
        }

        mutating func comment(_ value: UnsafePointer<xmlChar>) {
            if !stopped && literalDepth > 0 { literal.comment(value) }
        }

        mutating func processingInstruction(_ target: UnsafePointer<xmlChar>, _ data: UnsafePointer<xmlChar>?) {
            if !stopped && literalDepth > 0 { literal.processingInstruction(target, data) }
        }

        /// True once the document element has ended and every frame is closed.
        var isComplete: Bool { frames.isEmpty && depth == 0 }

        // MARK: Errors

        /// An error at `position`, naming the source.
        func syntaxError(_ message: String, at position: RDFXMLParser.Position = .tag) -> RDFSyntaxError {
            let (line, column) = RDFXMLParser.locate(position, in: context)
            return RDFSyntaxError(message, line: line, column: column, source: source)
        }

        func checkLiteralLength(_ count: Int) throws {
            if count > maxLiteralLength {
                throw syntaxError("a literal is longer than \(maxLiteralLength) bytes", at: .current)
            }
        }
    }
}
