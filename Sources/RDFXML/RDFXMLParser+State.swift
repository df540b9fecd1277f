import CLibXML2
import RDF
import XMLSupport

// The reader's state and the three events that drive it (start tag, end tag, text).
//
// All mutable state lives in one struct that the parser object keeps in memory of its
// own (`RDFXMLParser.state`), so a libxml2 callback reaches it without the dynamic
// exclusivity checks every stored property of a class costs; the grammar
// (RDFXMLParser+Grammar.swift) runs as mutating methods of the struct.
//
// The state stack has one small `Frame` per open element the grammar gives a role
// (RDF 1.1 XML Syntax, section 7.2): `rdf:RDF`, node elements, property elements, and
// `rdf:parseType` Collection and Literal property elements. What a frame needs beyond
// its kind lives in side stacks: `subjects` and `nextLi` (a node element's subject and
// `rdf:li` counter) and `properties` (a property element's predicate and what it has collected),
// so pushing and popping frames moves no reference-counted values, and a property
// element refers to its node element's subject instead of copying it. Elements inside
// an XML literal push no frame: they go to the literal writer, counted by `literalDepth`.

/// One open element of the RDF/XML grammar.
struct Frame {
    enum Kind: UInt8 {
        /// `rdf:RDF`: node elements inside.
        case rdf
        /// A node element (or a `rdf:parseType="Resource"` property element): property
        /// elements inside; `slot` indexes `subjects` and `nextLi`.
        case node
        /// A property element with no object yet: text inside makes it a literal, one
        /// node element makes the node its object, nothing makes it `""` (sections
        /// 7.2.14–7.2.16, 7.2.21); `slot` indexes `properties`.
        case property
        /// A property element whose triple is already out (`rdf:resource`, `rdf:nodeID`
        /// or property attributes): it must stay empty (section 7.2.21).
        case emptyProperty
        /// `rdf:parseType="Collection"` (section 7.2.19): node elements inside become a
        /// list; `slot` indexes `properties`.
        case collection
        /// `rdf:parseType="Literal"` or any other value (sections 7.2.17, 7.2.20); `slot`
        /// indexes `properties`.
        case literal
    }

    var kind: Kind
    /// A property element: its node element has started.
    var hasNode = false
    var slot: Int32 = 0

    /// A placeholder term (allocates nothing).
    static var none: Term { .iri("") }
}


/// The predicate of a property element, by name so that repeating it costs nothing. A
/// plain number (no reference-counted term), so property entries copy and destroy for free.
struct Predicate {
    /// Index in `elementNames`, or for `rdf:li` minus its member number n (`rdf:_n`).
    var name: Int
}

/// A property element (or Collection / Literal property element) still open.
struct PropertyEntry {
    /// The node element (index in `subjects`) whose subject is the subject of the triple.
    var node: Int
    /// The predicate: the element's name (index in `elementNames`), or for `rdf:li` the
    /// `rdf:_n` term.
    var predicate: Predicate
    /// The IRI of the property element's `rdf:ID`, for reification (section 7.3).
    var reification: String?
    /// The property element's `rdf:datatype`.
    var datatype: String?
    /// A collection: the last list cell so far.
    var lastCell: Term?
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
        /// Open node elements: their subjects, and their next `rdf:li` numbers (section 7.4).
        var subjects: [Term] = []
        var nextLi: [Int] = []
        /// A number for each node element opened (1, 2, …), by open node element: tells
        /// `emit(node:)` whether the quad already holds that node's subject.
        var nodeStamps: [Int] = []
        var nodeCount = 0
        /// The stamp of the node whose subject `quad.subject` holds (0: some other term),
        /// and the element name whose IRI `quad.predicate` holds (-1: some other term).
        var quadSubjectStamp = 0
        var quadPredicateName = -1
        var properties: [PropertyEntry] = []
        var depth = 0
        var literalDepth = 0
        var literal = XMLLiteralWriter()
        /// The text of the innermost property element so far.
        var text = TextBuffer()
        /// Internal general entities, expanded in attribute values and namespace names.
        var entities = EntityTable()
        /// Attribute values of the current start tag with their entities expanded, and
        /// which attribute's value is where.
        var attributeText = TextBuffer()
        var expandedValues: [(attribute: Int, range: Range<Int>)] = []
        /// Scratch space for namespace names with entity references.
        var namespaceText = TextBuffer(capacity: 256)
        /// External entities refused, references and replacement text metered against the
        /// input fed so far (kept up to date by `feed`).
        var entityGuard = EntityGuard()
        /// General entities libxml2 asked for, by the address of their name (32 slots;
        /// see `generalEntity`).
        var entityNames = [UnsafePointer<xmlChar>?](repeating: nil, count: 32)
        var entityValues = [xmlEntityPtr?](repeating: nil, count: 32)
        var scan = AttributeScan()
        /// What `_private` of an entity prepared by `prepareTextEntity` holds (the
        /// address of this state: unique while the parser lives).
        var textEntityMarker: UnsafeMutableRawPointer?

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
        /// IRIs by the attribute value they were written as (see IRICache).
        let iriCache = IRICache(bits: 11)
        /// Scratch space for IRI attribute values with entity references.
        var iriText = TextBuffer(capacity: 256)
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
        let xsdString = XSD.string
        let rdfLangString = RDFVocabulary.langString

        /// The quad `emit` fills in and lends to the sink.
        var quad = Quad(Frame.none, Frame.none, Frame.none)

        init(base: BaseIRI?, source: String?, sink: @escaping QuadSink) {
            self.base = base
            self.source = source
            self.sink = sink
            frames.reserveCapacity(64)
            subjects.reserveCapacity(32)
            nextLi.reserveCapacity(32)
            nodeStamps.reserveCapacity(32)
            properties.reserveCapacity(32)
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
                try literalStartElement(localName, prefix, uri, attributeCount, attributes)
                try checkLiteralLength(literal.count)
                return
            }
            let element = try elementName(localName, prefix, uri)
            try scanAttributes(attributeCount, attributes)
            let top = frames.count - 1
            guard top >= 0 else {
                if elementNames.infos[element].syntax == .rdfRDF {
                    try checkRDFAttributes()
                    frames.append(Frame(kind: .rdf))
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
            if !frames.isEmpty {
                let frame = frames.removeLast()
                switch frame.kind {
                case .rdf, .emptyProperty: break
                case .node:
                    subjects.removeLast()
                    nextLi.removeLast()
                    nodeStamps.removeLast()
                case .property: try endProperty(properties.removeLast(), hasNode: frame.hasNode)
                case .collection: try endCollection(properties.removeLast())
                case .literal: try endLiteral(properties.removeLast())
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
                text.append(bytes)
                if text.count > maxLiteralLength { try checkLiteralLength(text.count) }
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
                throw syntaxError("text is not allowed \(place)", at: .text(bytes, offset: offset))
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

        mutating func checkLiteralLength(_ count: Int) throws {
            if count > maxLiteralLength {
                throw syntaxError("a literal is longer than \(maxLiteralLength) bytes", at: .current)
            }
        }
    }
}

extension RDFXMLParser.State {
    /// The interned element name.
    @inline(__always)
    mutating func elementName(_ localName: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
                              _ uri: UnsafePointer<xmlChar>?) throws -> Int {
        if let known = elementNames.lookup(localName, uri) { return known }
        let info = NameTable.classify(localName, prefix, namespace: try uri.map { try namespaceName($0) }, attribute: false)
        return elementNames.insert(localName, uri, info)
    }

    /// The interned attribute name.
    @inline(__always)
    mutating func attributeName(_ localName: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
                                _ uri: UnsafePointer<xmlChar>?) throws -> Int {
        if let known = attributeNames.lookup(localName, uri) { return known }
        let info = NameTable.classify(localName, prefix, namespace: try uri.map { try namespaceName($0) }, attribute: true)
        return attributeNames.insert(localName, uri, info)
    }
}

extension RDFXMLParser.State {
    /// An element inside an XML literal. Entity references left in its attribute values
    /// and namespace names (see RDFXMLParser+Entities.swift) are expanded first.
    mutating func literalStartElement(_ localName: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
                                      _ uri: UnsafePointer<xmlChar>?, _ count: Int,
                                      _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) throws {
        func hasReference(_ s: UnsafePointer<xmlChar>?) -> Bool {
            guard let s else { return false }
            return XMLNames.contains(UnsafeBufferPointer(start: s, count: Int(xmlStrlen(s))), UInt8(ascii: "&"))
        }
        var needed = hasReference(uri)
        if let attributes {
            for i in 0..<count where !needed {
                needed = hasReference(attributes[i * 5 + 2])
                    || (Self.value(attributes, i).map { XMLNames.contains($0, UInt8(ascii: "&")) } ?? false)
            }
        }
        guard needed else {
            literal.startElement(localName, prefix, uri, count, attributes)
            return
        }
        // Expanded copies in `attributeText` (names NUL-terminated), then pointers to them.
        attributeText.removeAll()
        var ranges: [Range<Int>?] = []
        func expandName(_ s: UnsafePointer<xmlChar>?) throws -> Range<Int>? {
            guard let s else { return nil }
            var range = try expandAttribute(UnsafeBufferPointer(start: s, count: Int(xmlStrlen(s))))
            attributeText.append(0)
            range = range.lowerBound..<(range.upperBound + 1)
            return range
        }
        ranges.append(try expandName(uri))
        if let attributes {
            for i in 0..<count {
                ranges.append(try expandName(attributes[i * 5 + 2]))
                ranges.append(try Self.value(attributes, i).map { try expandAttribute($0) })
            }
        }
        let base = UnsafePointer(attributeText.start)
        var copied = [UnsafePointer<xmlChar>?](repeating: nil, count: max(count * 5, 1))
        if let attributes {
            for i in 0..<count {
                copied[i * 5] = attributes[i * 5]
                copied[i * 5 + 1] = attributes[i * 5 + 1]
                copied[i * 5 + 2] = ranges[1 + 2 * i].map { base + $0.lowerBound }
                if let value = ranges[2 + 2 * i] {
                    copied[i * 5 + 3] = base + value.lowerBound
                    copied[i * 5 + 4] = base + value.upperBound
                }
            }
        }
        let expandedURI = ranges[0].map { base + $0.lowerBound }
        copied.withUnsafeMutableBufferPointer { buffer in
            literal.startElement(localName, prefix, expandedURI, count, buffer.baseAddress)
        }
    }
}
