import RDF

extension RDFXMLWriter {
    /// Writes a laid-out graph as an RDF/XML document.
    struct Serializer {
        let layout: Layout
        let base: BaseIRI?
        let output: (UnsafeRawBufferPointer) throws -> Void
        private var out: [UInt8] = []
        private let blockSize = 256 << 10
        /// `rdf:` or whatever prefix the RDF namespace has, with the colon.
        private let rdf: String
        /// ` rdf:about="` and the other attribute openings, and `rdf:Description`.
        private let about, resource, nodeIDAttribute, parseType, datatype, language: [UInt8]
        private let description: [UInt8]
        /// `prefix:local` (or `local` in the default namespace) of each predicate and type.
        private var elementNames: [String: [UInt8]] = [:]
        private var nodeIDs: [String: String] = [:]
        private var literalForms: [String: Bool] = [:]
        private var references: [String: String] = [:]
        /// The base without its fragment, and up to its last `/` (when it has a path).
        private let baseDocument: String?
        private let baseDirectory: String?

        init(layout: Layout, base: BaseIRI?, output: @escaping (UnsafeRawBufferPointer) throws -> Void) {
            self.layout = layout
            self.base = base
            self.output = output
            out.reserveCapacity(blockSize + 4096)
            let rdf = layout.prefixes.prefixOf[Namespace.rdf.iri]! + ":"
            self.rdf = rdf
            func opening(_ name: String) -> [UInt8] { Array(" \(name)=\"".utf8) }
            about = opening(rdf + "about")
            resource = opening(rdf + "resource")
            nodeIDAttribute = opening(rdf + "nodeID")
            parseType = opening(rdf + "parseType")
            datatype = opening(rdf + "datatype")
            language = opening("xml:lang")
            description = Array((rdf + "Description").utf8)
            for (iri, split) in layout.names {
                guard let name = layout.prefixes.qualifiedName(split) else { continue }
                elementNames[iri] = Array(name.utf8)
            }
            if let base {
                let string = base.string
                let document = string.firstIndex(of: "#").map { String(string[..<$0]) } ?? string
                baseDocument = document
                let path = base.reference.path
                if base.reference.authority != nil, let slash = path.lastIndex(of: "/") {
                    baseDirectory = String(string[..<string.index(after: slash)])
                } else {
                    baseDirectory = nil
                }
            } else {
                baseDocument = nil
                baseDirectory = nil
            }
        }

        mutating func writeDocument() throws {
            append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<\(rdf)RDF")
            var declarations: [(name: String, value: String)] = [("xmlns:" + rdf.dropLast(), Namespace.rdf.iri)]
            for (prefix, namespace) in layout.prefixes.declarations where prefix + ":" != rdf {
                declarations.append((prefix.isEmpty ? "xmlns" : "xmlns:" + prefix, namespace))
            }
            if let base { declarations.append(("xml:base", base.string)) }
            let continuation = "\n" + String(repeating: " ", count: rdf.count + 5)
            for (i, declaration) in declarations.enumerated() {
                if i > 0 { append(continuation.dropLast()) }
                attribute(Array(" \(declaration.name)=\"".utf8), declaration.value)
            }
            if layout.topLevel.isEmpty {
                append("/>\n")
            } else {
                append(">\n")
                for subject in layout.topLevel { try writeNode(subject, indent: 1) }
                append("</\(rdf)RDF>\n")
            }
            try flush()
        }

        private mutating func flush() throws {
            guard !out.isEmpty else { return }
            try out.withUnsafeBytes { try output($0) }
            out.removeAll(keepingCapacity: true)
        }

        /// A node element and its property elements.
        private mutating func writeNode(_ subject: Term, indent: Int) throws {
            let element = layout.typeStatement[subject].map { typeIndex in
                elementNames[layout.triples[typeIndex].object.iriValue!]!
            } ?? description
            spaces(indent)
            out.append(0x3C)
            out.append(contentsOf: element)
            switch subject {
            case .iri(let iri):
                attribute(about, reference(iri))
            case .blankNode(let label) where layout.needsNodeID(label):
                attribute(nodeIDAttribute, nodeID(label))
            default: break
            }
            let properties = layout.properties(of: subject)
            if properties.isEmpty {
                append("/>\n")
            } else {
                append(">\n")
                for index in properties { try writeProperty(index, indent: indent + 1) }
                closeElement(element, indent: indent)
            }
            if out.count >= blockSize { try flush() }
        }

        /// One property element, with the node it points to nested when that is a blank
        /// node referenced nowhere else.
        private mutating func writeProperty(_ index: Int, indent: Int) throws {
            let triple = layout.triples[index]
            let name = elementNames[triple.predicate.iriValue!]!
            spaces(indent)
            out.append(0x3C)
            out.append(contentsOf: name)
            switch triple.object {
            case .iri(let iri):
                attribute(resource, reference(iri))
                append("/>\n")
            case .blankNode(let label) where !layout.nested.contains(label):
                attribute(nodeIDAttribute, nodeID(label))
                append("/>\n")
            case .blankNode(let label):
                if let items = layout.collections[label] {
                    attribute(parseType, "Collection")
                    append(">\n")
                    for item in items { try writeItem(item, indent: indent + 1) }
                    closeElement(name, indent: indent)
                } else if layout.typeStatement[triple.object] != nil {
                    append(">\n")
                    try writeNode(triple.object, indent: indent + 1)
                    closeElement(name, indent: indent)
                } else {
                    attribute(parseType, "Resource")
                    let properties = layout.properties(of: triple.object)
                    if properties.isEmpty {
                        append("/>\n")
                    } else {
                        append(">\n")
                        for inner in properties { try writeProperty(inner, indent: indent + 1) }
                        closeElement(name, indent: indent)
                    }
                }
            case .literal(let literal):
                if let language = literal.language {
                    attribute(self.language, language)
                    append(">")
                    RDFXMLWriter.appendText(literal.lexicalForm, to: &out)
                } else if literal.datatype == XSD.string {
                    append(">")
                    RDFXMLWriter.appendText(literal.lexicalForm, to: &out)
                } else if literal.datatype == RDFVocabulary.xmlLiteral && isCanonicalXML(literal.lexicalForm) {
                    attribute(parseType, "Literal")
                    append(">")
                    append(literal.lexicalForm)
                } else {
                    attribute(datatype, literal.datatype)
                    append(">")
                    RDFXMLWriter.appendText(literal.lexicalForm, to: &out)
                }
                append("</")
                out.append(contentsOf: name)
                append(">\n")
            }
        }

        /// A node element inside `rdf:parseType="Collection"`.
        private mutating func writeItem(_ item: Term, indent: Int) throws {
            switch item {
            case .blankNode(let label) where layout.nested.contains(label):
                try writeNode(item, indent: indent)
            case .blankNode(let label):
                spaces(indent)
                out.append(0x3C)
                out.append(contentsOf: description)
                attribute(nodeIDAttribute, nodeID(label))
                append("/>\n")
            default:
                spaces(indent)
                out.append(0x3C)
                out.append(contentsOf: description)
                attribute(about, reference(item.iriValue!))
                append("/>\n")
            }
        }

        // MARK: - Pieces

        private mutating func nodeID(_ label: String) -> String {
            if let id = nodeIDs[label] { return id }
            let id = "b\(nodeIDs.count + 1)"
            nodeIDs[label] = id
            return id
        }

        private mutating func isCanonicalXML(_ lexical: String) -> Bool {
            if let known = literalForms[lexical] { return known }
            let canonical = XMLLiteralForm.isCanonicalContent(lexical)
            literalForms[lexical] = canonical
            return canonical
        }

        /// `iri`, relative to the base when a simple relative reference resolves back to
        /// exactly `iri`.
        private mutating func reference(_ iri: String) -> String {
            guard let base, let baseDocument else { return iri }
            if let known = references[iri] { return known }
            var candidate: String?
            if iri == baseDocument {
                candidate = ""
            } else if iri.utf8.count > baseDocument.utf8.count, iri.utf8.starts(with: baseDocument.utf8),
                      iri.utf8[iri.utf8.index(iri.utf8.startIndex, offsetBy: baseDocument.utf8.count)] == 0x23 {
                candidate = String(iri.unicodeScalars[iri.utf8.index(iri.utf8.startIndex, offsetBy: baseDocument.utf8.count)...])
            } else if let baseDirectory, iri.utf8.count > baseDirectory.utf8.count,
                      iri.utf8.starts(with: baseDirectory.utf8) {
                candidate = String(iri.unicodeScalars[iri.utf8.index(iri.utf8.startIndex, offsetBy: baseDirectory.utf8.count)...])
            }
            let result = candidate.flatMap { base.resolve($0) == iri ? $0 : nil } ?? iri
            references[iri] = result
            return result
        }

        private mutating func append<S: StringProtocol>(_ string: S) {
            out.append(contentsOf: string.utf8)
        }

        /// ` name="value"`, given the opening ` name="`.
        private mutating func attribute(_ opening: [UInt8], _ value: String) {
            out.append(contentsOf: opening)
            RDFXMLWriter.appendAttributeValue(value, to: &out)
            out.append(0x22)
        }

        private mutating func spaces(_ indent: Int) {
            out.append(contentsOf: repeatElement(0x20, count: indent * 2))
        }

        private mutating func closeElement(_ name: [UInt8], indent: Int) {
            spaces(indent)
            out.append(contentsOf: [0x3C, 0x2F])
            out.append(contentsOf: name)
            out.append(contentsOf: [0x3E, 0x0A])
        }
    }
}
