import RDF

// The productions of RDF 1.1 XML Syntax section 7.2 and the triples they emit.

extension RDFXMLParser.State {
    // MARK: Node elements

    /// Opens a node element frame for `subject`.
    @inline(__always)
    mutating func pushNode(_ subject: Term) {
        frames.append(Frame(kind: .node, slot: Int32(subjects.count)))
        subjects.append(subject)
        nextLi.append(1)
        nodeCount += 1
        nodeStamps.append(nodeCount)
    }

    /// A node element directly inside `rdf:RDF` (or as the document element).
    mutating func startNode(_ element: Int) throws {
        let subject = try nodeSubject(element)
        try nodeProperties(subject, element)
        pushNode(subject)
    }

    /// The node element inside a property element: the property's object (section 7.2.14).
    mutating func startObjectNode(_ element: Int, in parent: Int) throws {
        if frames[parent].hasNode {
            throw syntaxError("the property element has a second node element inside; only one is allowed")
        }
        let slot = Int(frames[parent].slot)
        if properties[slot].datatype != nil {
            throw syntaxError("a property element with rdf:datatype holds a literal, not the node element <\(elementNames.infos[element].qualifiedName)>")
        }
        if !XMLNames.isWhitespace(text.bytes) {
            throw syntaxError("a property element contains both text and the node element <\(elementNames.infos[element].qualifiedName)>")
        }
        text.removeAll()
        frames[parent].hasNode = true
        let subject = try nodeSubject(element)
        let owner = subjects[properties[slot].node]
        let predicate = term(properties[slot].predicate)
        try emit(owner, predicate, subject)
        if let reification = properties[slot].reification {
            try reify(reification, owner, predicate, subject)
        }
        try nodeProperties(subject, element)
        pushNode(subject)
    }

    /// A node element inside `rdf:parseType="Collection"`: the next list member (section 7.2.19).
    mutating func startCollectionItem(_ element: Int, in parent: Int) throws {
        let slot = Int(frames[parent].slot)
        let item = try nodeSubject(element)
        let cell = newBlankNode()
        if let last = properties[slot].lastCell {
            try emit(last, rdfRest, cell)
        } else {
            let owner = subjects[properties[slot].node]
            let predicate = term(properties[slot].predicate)
            try emit(owner, predicate, cell)
            if let reification = properties[slot].reification {
                try reify(reification, owner, predicate, cell)
            }
        }
        try emit(cell, rdfFirst, item)
        properties[slot].lastCell = cell
        try nodeProperties(item, element)
        pushNode(item)
    }

    /// The end of a collection: the list is closed with `rdf:nil` (or is `rdf:nil`).
    mutating func endCollection(_ entry: PropertyEntry) throws {
        if let last = entry.lastCell {
            try emit(last, rdfRest, rdfNil)
        } else {
            let subject = subjects[entry.node]
            try emit(subject, term(entry.predicate), rdfNil)
            if let reification = entry.reification { try reify(reification, subject, term(entry.predicate), rdfNil) }
        }
    }

    /// Section 7.2.11: the subject of a node element.
    mutating func nodeSubject(_ element: Int) throws -> Term {
        let syntax = elementNames.infos[element].syntax
        if syntax != .other && syntax != .rdfDescription {
            if syntax == .unqualified {
                throw syntaxError("the element <\(elementNames.infos[element].qualifiedName)> has no namespace; RDF/XML node elements need one")
            }
            if syntax.forbiddenAsNodeElement {
                throw syntaxError("\(elementNames.infos[element].qualifiedName) cannot be used as a node element")
            }
        }
        try checkForbiddenAttribute()
        if scan.resource != nil || scan.datatype != nil || scan.parseType != nil || scan.annotation != nil {
            let which = scan.resource != nil ? "rdf:resource" : scan.datatype != nil ? "rdf:datatype"
                : scan.parseType != nil ? "rdf:parseType" : attributeNames.infos[scan.annotation!].qualifiedName
            throw syntaxError("\(which) is not allowed on a node element (<\(elementNames.infos[element].qualifiedName)>)")
        }
        if let about = scan.about {
            if scan.id != nil || scan.nodeID != nil {
                throw syntaxError("a node element can have only one of rdf:ID, rdf:nodeID and rdf:about")
            }
            return .iri(try resolveAttributeIRI(about))
        }
        if let id = scan.id {
            if scan.nodeID != nil {
                throw syntaxError("a node element can have only one of rdf:ID, rdf:nodeID and rdf:about")
            }
            return .iri(try idIRI(id))
        }
        if let nodeID = scan.nodeID { return try blankNode(nodeID) }
        return newBlankNode()
    }

    /// Section 7.2.11: the type of a typed node element and its property attributes.
    mutating func nodeProperties(_ subject: Term, _ element: Int) throws {
        if elementNames.infos[element].syntax != .rdfDescription {
            try emit(subject, rdfType, elementNames.infos[element].term)
        }
        if !scan.properties.isEmpty { try emitPropertyAttributes(subject) }
    }

    /// The property attributes of the current start tag, as triples about `subject`.
    mutating func emitPropertyAttributes(_ subject: Term) throws {
        for attribute in scan.properties {
            if attributeNames.infos[attribute.name].syntax == .rdfType {
                try emit(subject, rdfType, .iri(try resolveIRI(attribute.value)))
            } else {
                let value = String(decoding: attribute.value, as: UTF8.self)
                try emit(subject, attributeNames.infos[attribute.name].term, try plainLiteral(value))
            }
        }
    }

    // MARK: Property elements

    /// Section 7.2.13: a property element inside the node element `frames[parent]`.
    mutating func startProperty(_ element: Int, in parent: Int) throws {
        let syntax = elementNames.infos[element].syntax
        if syntax != .other {
            if syntax == .unqualified {
                throw syntaxError("the element <\(elementNames.infos[element].qualifiedName)> has no namespace; RDF/XML property elements need one")
            }
            if syntax.forbiddenAsPropertyElement {
                throw syntaxError("\(elementNames.infos[element].qualifiedName) cannot be used as a property element")
            }
        }
        if scan.forbidden != nil || scan.about != nil || scan.annotation != nil || scan.id != nil
            || scan.parseType != nil {
            try unusualPropertyElement(element, in: parent)
            return
        }
        let node = Int(frames[parent].slot)
        if scan.resource == nil && scan.nodeID == nil && scan.properties.isEmpty {
            // The common case: a literal, or a node element, comes next.
            let datatype = try scan.datatype.map { try resolveAttributeIRI($0) }
            text.removeAll()
            frames.append(Frame(kind: .property, slot: Int32(properties.count)))
            properties.append(PropertyEntry(node: node, predicate: predicate(element, node), datatype: datatype))
            return
        }
        try emptyPropertyElement(predicate(element, node), node: node, reification: nil)
    }

    /// The predicate of a property element: its name, or `rdf:_n` for `rdf:li`.
    @inline(__always)
    private mutating func predicate(_ element: Int, _ node: Int) -> Predicate {
        guard elementNames.infos[element].syntax == .rdfLi else { return Predicate(name: element) }
        let n = nextLi[node]
        nextLi[node] += 1
        return Predicate(name: -n)
    }

    /// The term of a predicate.
    @inline(__always)
    func term(_ predicate: Predicate) -> Term {
        predicate.name >= 0 ? elementNames.infos[predicate.name].term : .iri(Namespaces.rdf + "_\(-predicate.name)")
    }

    /// Section 7.2.21, an empty property element with a resource object (`rdf:resource`,
    /// `rdf:nodeID` or property attributes): everything is known at the start tag, so the
    /// triples go out now; the element must stay empty.
    private mutating func emptyPropertyElement(_ predicate: Predicate, node: Int, reification: String?) throws {
        if scan.resource != nil && scan.nodeID != nil {
            throw syntaxError("a property element cannot have both rdf:resource and rdf:nodeID")
        }
        if scan.datatype != nil {
            throw syntaxError("rdf:datatype cannot be combined with rdf:resource, rdf:nodeID or property attributes")
        }
        let object: Term
        if let resource = scan.resource {
            object = .iri(try resolveAttributeIRI(resource))
        } else if let nodeID = scan.nodeID {
            object = try blankNode(nodeID)
        } else {
            object = newBlankNode()
        }
        frames.append(Frame(kind: .emptyProperty))
        guard reification != nil || !scan.properties.isEmpty else {
            try emit(node: node, predicate, consume object)  // the common case: no copy of the object
            return
        }
        try emit(node: node, predicate, object)
        if let reification { try reify(reification, subjects[node], term(predicate), object) }
        if !scan.properties.isEmpty { try emitPropertyAttributes(object) }
    }

    /// Property elements with `rdf:ID`, `rdf:parseType`, or an attribute that is an error.
    private mutating func unusualPropertyElement(_ element: Int, in parent: Int) throws {
        try checkForbiddenAttribute()
        if scan.about != nil {
            throw syntaxError("rdf:about is not allowed on a property element")
        }
        if let annotation = scan.annotation {
            throw syntaxError("\(attributeNames.infos[annotation].qualifiedName) (RDF 1.2 annotations on triple terms) cannot be represented in Samsvar's RDF 1.1 model")
        }
        let node = Int(frames[parent].slot)
        let predicate = predicate(element, node)
        let reification = try scan.id.map { try idIRI($0) }
        guard let parseType = scan.parseType else {
            if scan.resource != nil || scan.nodeID != nil || !scan.properties.isEmpty {
                try emptyPropertyElement(predicate, node: node, reification: reification)
                return
            }
            let datatype = try scan.datatype.map { try resolveAttributeIRI($0) }
            text.removeAll()
            frames.append(Frame(kind: .property, slot: Int32(properties.count)))
            properties.append(PropertyEntry(node: node, predicate: predicate, reification: reification,
                                            datatype: datatype))
            return
        }
        if scan.resource != nil || scan.nodeID != nil || scan.datatype != nil || !scan.properties.isEmpty {
            throw syntaxError("rdf:parseType cannot be combined with rdf:resource, rdf:nodeID, rdf:datatype or property attributes")
        }
        switch ParseType(parseType) {
        case .resource:
            // Section 7.2.18: a fresh blank node whose properties are the content.
            let object = newBlankNode()
            try emit(node: node, predicate, object)
            if let reification { try reify(reification, subjects[node], term(predicate), object) }
            pushNode(object)
        case .collection:
            frames.append(Frame(kind: .collection, slot: Int32(properties.count)))
            properties.append(PropertyEntry(node: node, predicate: predicate, reification: reification))
        case .triple:
            throw syntaxError("rdf:parseType=\"Triple\" (RDF 1.2 triple terms) cannot be represented in Samsvar's RDF 1.1 model")
        case .literal:
            literal.begin()
            literalDepth = 1
            frames.append(Frame(kind: .literal, slot: Int32(properties.count)))
            properties.append(PropertyEntry(node: node, predicate: predicate, reification: reification))
        }
    }

    /// The end of a property element without a parseType or resource object: a literal
    /// (sections 7.2.16 and 7.2.21), unless its node element already gave the object.
    mutating func endProperty(_ entry: PropertyEntry, hasNode: Bool) throws {
        if hasNode { return }  // the triple went out when the node element started
        let object = try literalTerm(String(decoding: text.bytes, as: UTF8.self), datatype: entry.datatype)
        guard let reification = entry.reification else {
            try emit(node: entry.node, entry.predicate, consume object)  // no copy of the literal
            return
        }
        try emit(node: entry.node, entry.predicate, object)
        try reify(reification, subjects[entry.node], term(entry.predicate), object)
    }

    /// The end of a `rdf:parseType="Literal"` property element: an XML literal.
    mutating func endLiteral(_ entry: PropertyEntry) throws {
        let object = Term.literal(Literal(literal.finish(), datatype: xmlLiteralDatatype))
        try emit(node: entry.node, entry.predicate, object)
        if let reification = entry.reification {
            try reify(reification, subjects[entry.node], term(entry.predicate), object)
        }
    }

    // MARK: Triples

    /// Hands a triple to the sink. The quad is a stored property whose terms are
    /// overwritten in place and lent to the sink from there: building a new `Quad` per
    /// triple made Swift copy it once and destroy it twice, a large share of the time.
    @inline(__always)
    mutating func emit(_ subject: consuming Term, _ predicate: consuming Term, _ object: consuming Term) throws {
        quad.subject = subject
        quadSubjectStamp = 0
        quad.predicate = predicate
        quadPredicateName = -1
        quad.object = object
        try sink(quad)
    }

    /// Hands a triple whose subject is the open node element `subjects[node]` to the
    /// sink. Its property elements come one after another, so the quad usually holds
    /// that subject already, and often the predicate too; neither is copied again then.
    @inline(__always)
    mutating func emit(node: Int, _ predicate: Predicate, _ object: consuming Term) throws {
        if quadSubjectStamp != nodeStamps[node] {
            quad.subject = subjects[node]
            quadSubjectStamp = nodeStamps[node]
        }
        if predicate.name < 0 || predicate.name != quadPredicateName {
            quad.predicate = term(predicate)
            quadPredicateName = predicate.name
        }
        quad.object = object
        try sink(quad)
    }

    /// Section 7.3: the four reification triples for a statement with an `rdf:ID`.
    mutating func reify(_ id: String, _ subject: Term, _ predicate: Term, _ object: Term) throws {
        let statement = Term.iri(id)
        try emit(statement, rdfType, rdfStatement)
        try emit(statement, rdfSubject, subject)
        try emit(statement, rdfPredicate, predicate)
        try emit(statement, rdfObject, object)
    }

    /// A literal in the language in scope, or a plain string when there is none.
    mutating func plainLiteral(_ lexical: String) throws -> Term {
        try literalTerm(lexical, datatype: nil)
    }

    /// The literal of a property element: typed with `datatype`, else in the language in
    /// scope, else a plain string. Built in place from the datatype IRIs the state keeps,
    /// so that only the lexical form and the language are reference-counted.
    @inline(__always)
    mutating func literalTerm(_ lexical: consuming String, datatype: String?) throws -> Term {
        if let datatype { return .literal(Literal(lexical, datatype: datatype)) }
        var literal = Literal(lexical, datatype: xsdString)
        if let language {
            if versionDepth != nil, let direction = directionScopes.last?.direction {
                throw syntaxError("a literal with base direction \"\(direction)\" (RDF 1.2 its:dir) cannot be represented in Samsvar's RDF 1.1 model")
            }
            literal.datatype = rdfLangString
            literal.language = language
        }
        return .literal(literal)
    }

    /// A blank node the document does not name.
    mutating func newBlankNode() -> Term {
        blankNodeCount += 1
        return .blankNode("_b\(blankNodeCount)")
    }
}

/// The values of `rdf:parseType` (sections 7.2.17–7.2.20; "Triple" is RDF 1.2).
enum ParseType {
    case resource, collection, literal, triple

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.elementsEqual("Resource".utf8) {
            self = .resource
        } else if bytes.elementsEqual("Collection".utf8) {
            self = .collection
        } else if bytes.elementsEqual("Triple".utf8) {
            self = .triple
        } else {
            self = .literal  // "Literal" and, by section 7.2.20, any other value
        }
    }
}
