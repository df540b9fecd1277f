import RDF

// The productions of RDF 1.1 XML Syntax section 7.2 and the triples they emit.

extension RDFXMLParser.State {
    // MARK: Node elements

    /// A node element directly inside `rdf:RDF` (or as the document element).
    mutating func startNode(_ element: Int) throws {
        let subject = try nodeSubject(element)
        try nodeProperties(subject, element)
        frames.append(Frame(.node, subject: Resource(subject)))
    }

    /// The node element inside a property element: the property's object (section 7.2.14).
    mutating func startObjectNode(_ element: Int, in parent: Int) throws {
        if frames[parent].hasNode {
            throw syntaxError("the property element has a second node element inside; only one is allowed")
        }
        if frames[parent].datatype != nil {
            throw syntaxError("a property element with rdf:datatype holds a literal, not the node element <\(elementNames.infos[element].qualifiedName)>")
        }
        if !text.withUnsafeBufferPointer({ XMLNames.isWhitespace($0) }) {
            throw syntaxError("a property element contains both text and the node element <\(elementNames.infos[element].qualifiedName)>")
        }
        text.removeAll(keepingCapacity: true)
        frames[parent].hasNode = true
        let subject = try nodeSubject(element)
        let owner = frames[parent].subject.term
        let predicate = Term.iri(frames[parent].predicate)
        try emit(owner, predicate, subject)
        if let reification = frames[parent].reification { try reify(reification, owner, predicate, subject) }
        try nodeProperties(subject, element)
        frames.append(Frame(.node, subject: Resource(subject)))
    }

    /// A node element inside `rdf:parseType="Collection"`: the next list member (section 7.2.19).
    mutating func startCollectionItem(_ element: Int, in parent: Int) throws {
        let item = try nodeSubject(element)
        let cell = newBlankNode()
        if let last = frames[parent].lastCell {
            try emit(.blankNode(last), rdfRest, cell)
        } else {
            let owner = frames[parent].subject.term
            let predicate = Term.iri(frames[parent].predicate)
            try emit(owner, predicate, cell)
            if let reification = frames[parent].reification { try reify(reification, owner, predicate, cell) }
        }
        try emit(cell, rdfFirst, item)
        if case .blankNode(let label) = cell { frames[parent].lastCell = label }
        try nodeProperties(item, element)
        frames.append(Frame(.node, subject: Resource(item)))
    }

    /// The end of a collection: the list is closed with `rdf:nil` (or is `rdf:nil`).
    mutating func endCollection(_ frame: Frame) throws {
        if let last = frame.lastCell {
            try emit(.blankNode(last), rdfRest, rdfNil)
        } else {
            try emit(frame.subject.term, .iri(frame.predicate), rdfNil)
            if let reification = frame.reification {
                try reify(reification, frame.subject.term, .iri(frame.predicate), rdfNil)
            }
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
            return .iri(try resolveIRI(about))
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
        try checkForbiddenAttribute()
        if scan.about != nil {
            throw syntaxError("rdf:about is not allowed on a property element")
        }
        if let annotation = scan.annotation {
            throw syntaxError("\(attributeNames.infos[annotation].qualifiedName) (RDF 1.2 annotations on triple terms) cannot be represented in Samsvar's RDF 1.1 model")
        }
        let subject = frames[parent].subject
        let predicateIRI: String
        if syntax == .rdfLi {
            predicateIRI = Namespaces.rdf + "_\(frames[parent].nextLi)"
            frames[parent].nextLi += 1
        } else {
            predicateIRI = elementNames.infos[element].iri
        }
        let predicate = Term.iri(predicateIRI)
        let reification = try scan.id.map { try idIRI($0) }

        if let parseType = scan.parseType {
            if scan.resource != nil || scan.nodeID != nil || scan.datatype != nil || !scan.properties.isEmpty {
                throw syntaxError("rdf:parseType cannot be combined with rdf:resource, rdf:nodeID, rdf:datatype or property attributes")
            }
            switch ParseType(parseType) {
            case .resource:
                // Section 7.2.18: a fresh blank node whose properties are the content.
                let object = newBlankNode()
                try emit(subject.term, predicate, object)
                if let reification { try reify(reification, subject.term, predicate, object) }
                frames.append(Frame(.node, subject: Resource(object)))
            case .collection:
                frames.append(Frame(.collection, subject: subject, predicate: predicateIRI, reification: reification))
            case .triple:
                throw syntaxError("rdf:parseType=\"Triple\" (RDF 1.2 triple terms) cannot be represented in Samsvar's RDF 1.1 model")
            case .literal:
                literal.begin()
                literalDepth = 1
                frames.append(Frame(.literal, subject: subject, predicate: predicateIRI, reification: reification))
            }
            return
        }

        if scan.resource != nil || scan.nodeID != nil || !scan.properties.isEmpty {
            // Section 7.2.21, an empty property element with a resource object: everything
            // is known now, so the triples go out now; the element must stay empty.
            if scan.resource != nil && scan.nodeID != nil {
                throw syntaxError("a property element cannot have both rdf:resource and rdf:nodeID")
            }
            if scan.datatype != nil {
                throw syntaxError("rdf:datatype cannot be combined with rdf:resource, rdf:nodeID or property attributes")
            }
            let object: Term
            if let resource = scan.resource {
                object = .iri(try resolveIRI(resource))
            } else if let nodeID = scan.nodeID {
                object = try blankNode(nodeID)
            } else {
                object = newBlankNode()
            }
            try emit(subject.term, predicate, object)
            if let reification { try reify(reification, subject.term, predicate, object) }
            if !scan.properties.isEmpty { try emitPropertyAttributes(object) }
            frames.append(Frame(.emptyProperty))
            return
        }

        let datatype = try scan.datatype.map { try resolveIRI($0) }
        text.removeAll(keepingCapacity: true)
        frames.append(Frame(.property, subject: subject, predicate: predicateIRI, reification: reification,
                            datatype: datatype))
    }

    /// The end of a property element without a parseType or resource object: a literal
    /// (sections 7.2.16 and 7.2.21), unless its node element already gave the object.
    mutating func endProperty(_ frame: Frame) throws {
        if frame.hasNode { return }  // the triple went out when the node element started
        let lexical = text.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        let object: Term
        if let datatype = frame.datatype {
            object = .literal(Literal(lexical, datatype: datatype))
        } else {
            object = try plainLiteral(lexical)
        }
        try emit(frame.subject.term, .iri(frame.predicate), object)
        if let reification = frame.reification {
            try reify(reification, frame.subject.term, .iri(frame.predicate), object)
        }
    }

    // MARK: Triples

    @inline(__always)
    func emit(_ subject: Term, _ predicate: Term, _ object: Term) throws {
        try sink(Quad(subject, predicate, object))
    }

    /// Section 7.3: the four reification triples for a statement with an `rdf:ID`.
    func reify(_ id: String, _ subject: Term, _ predicate: Term, _ object: Term) throws {
        let statement = Term.iri(id)
        try emit(statement, rdfType, rdfStatement)
        try emit(statement, rdfSubject, subject)
        try emit(statement, rdfPredicate, predicate)
        try emit(statement, rdfObject, object)
    }

    /// A literal in the language in scope, or a plain string when there is none.
    func plainLiteral(_ lexical: String) throws -> Term {
        guard let language else { return .literal(Literal(lexical)) }
        if versionDepth != nil, let direction = directionScopes.last?.direction {
            throw syntaxError("a literal with base direction \"\(direction)\" (RDF 1.2 its:dir) cannot be represented in Samsvar's RDF 1.1 model")
        }
        return .literal(Literal(lexical, language: language))
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
