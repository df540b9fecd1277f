import RDF

/// The orders the pretty writers use, all independent of the order quads arrive in.
enum TurtleOrder {
    /// Sort positions for every term: IRIs by code point, then literals (by lexical form,
    /// datatype and language), then blank nodes by what they say: their statements (type
    /// first, then by predicate and object), so `[ ex:a 1 ]` comes before `[ ex:a 2 ]`.
    /// Blank nodes met as objects, and ties, are ordered by canonical labels, which depend
    /// only on the graph's structure and not on the labels the input used.
    static func ranks(of terms: [Term], statements: [TurtleStatement]) -> [Int32] {
        var named: [Int] = [], blanks: [Int] = []
        for id in terms.indices { if terms[id].isBlankNode { blanks.append(id) } else { named.append(id) } }
        named.sort { a, b in
            switch (terms[a], terms[b]) {
            case let (.iri(x), .iri(y)):
                return precedes(x, y)
            case let (.literal(x), .literal(y)):
                if x.lexicalForm != y.lexicalForm { return precedes(x.lexicalForm, y.lexicalForm) }
                if x.datatype != y.datatype { return precedes(x.datatype, y.datatype) }
                return precedes(x.language?.lowercased() ?? "", y.language?.lowercased() ?? "")
            case let (x, _):
                return x.isIRI
            }
        }
        var rank = [Int32](repeating: 0, count: terms.count)
        for (position, id) in named.enumerated() { rank[id] = Int32(position) }
        guard !blanks.isEmpty else { return rank }

        var blankQuads: [Quad] = []
        for st in statements where terms[Int(st.s)].isBlankNode || terms[Int(st.o)].isBlankNode
            || (st.g >= 0 && terms[Int(st.g)].isBlankNode) {
            blankQuads.append(Quad(terms[Int(st.s)], terms[Int(st.p)], terms[Int(st.o)],
                                   graph: st.g >= 0 ? terms[Int(st.g)] : nil))
        }
        let canonical = Isomorphism.canonicalLabels(blankQuads)
        var canonicalNumber = [Int](repeating: 0, count: terms.count)
        for id in blanks {
            if case .blankNode(let label) = terms[id] {
                canonicalNumber[id] = canonical[label].flatMap { Int($0.dropFirst()) } ?? Int.max
            }
        }
        // What each blank node says: (predicate, object) keys, rdf:type first.
        let type = terms.firstIndex(of: .iri(RDFVocabulary.type))
        var signature: [Int32: [UInt64]] = [:]
        for st in statements where terms[Int(st.s)].isBlankNode {
            let p = Int(st.p) == type ? 0 : UInt64(rank[Int(st.p)]) + 1
            let o = terms[Int(st.o)].isBlankNode ? min(UInt64(named.count) + UInt64(canonicalNumber[Int(st.o)]), 0xFFFF_FFFF)
                                                 : UInt64(rank[Int(st.o)])
            signature[st.s, default: []].append(p << 32 | o)
        }
        for key in signature.keys { signature[key]!.sort() }
        blanks.sort { a, b in
            let x = signature[Int32(a)] ?? [], y = signature[Int32(b)] ?? []
            if x != y { return x.lexicographicallyPrecedes(y) }
            if canonicalNumber[a] != canonicalNumber[b] { return canonicalNumber[a] < canonicalNumber[b] }
            if case .blankNode(let l) = terms[a], case .blankNode(let m) = terms[b] { return precedes(l, m) }
            return false
        }
        for (position, id) in blanks.enumerated() { rank[id] = Int32(named.count + position) }
        return rank
    }

    /// Code point order (UTF-8 byte order is code point order), the same in every locale.
    @inline(__always)
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8Precedes(b) }

    /// Types whose instances are written first, in this order: a document's header
    /// (ontology, concept scheme, catalogue), then what a catalogue holds, then
    /// concepts, vocabulary definitions, shapes and agents.
    static let leadingTypes: [String] = [
        Namespace.owl("Ontology"), Namespace.skos("ConceptScheme"), Namespace.dcat("Catalog"),
        Namespace.dcat("CatalogRecord"), Namespace.dcat("DataService"), Namespace.dcat("DatasetSeries"),
        Namespace.dcat("Dataset"), Namespace.dcat("Distribution"),
        Namespace.skos("Collection"), Namespace.skos("OrderedCollection"), Namespace.skos("Concept"),
        Namespace.skosxl("Label"),
        Namespace.rdfs("Class"), Namespace.owl("Class"), Namespace.rdf("Property"), Namespace.owl("ObjectProperty"),
        Namespace.owl("DatatypeProperty"), Namespace.owl("AnnotationProperty"),
        Namespace.sh("NodeShape"), Namespace.sh("PropertyShape"),
        Namespace.foaf("Organization"), Namespace.foaf("Person"), Namespace.foaf("Agent"),
        Namespace.vcard("Organization"), Namespace.vcard("Individual"), Namespace.vcard("Kind"),
    ]
    private static let leadingIndex: [String: Int] = Dictionary(
        uniqueKeysWithValues: leadingTypes.enumerated().map { ($1, $0) })

    /// Group of a type not in `leadingTypes` (such types are then ordered by IRI).
    static let otherType = leadingTypes.count
    /// `owl:NamedIndividual` says little about what a thing is, so it comes after other types.
    static let namedIndividual = otherType + 1
    /// Group of subjects without a type.
    static let untyped = otherType + 2

    /// The group of instances of a type.
    static func group(ofType term: Term) -> Int {
        guard case .iri(let iri) = term else { return otherType }
        if let index = leadingIndex[iri] { return index }
        return iri == Namespace.owl("NamedIndividual") ? namedIndividual : otherType
    }
}
