import RDF

/// XML 1.0 (fifth edition) name rules, as far as the writer needs them: which IRIs can
/// be element names (`prefix:local`), and which prefixes may be declared.
enum XMLName {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    static let xmlnsNamespace = "http://www.w3.org/2000/xmlns/"

    /// `NameStartChar` without `:` (XML 1.0 production [4], Namespaces production NCName).
    static func isNameStartChar(_ v: UInt32) -> Bool {
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
             0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF: true
        default: false
        }
    }

    /// `NameChar` without `:` (XML 1.0 production [4a]).
    static func isNameChar(_ v: UInt32) -> Bool {
        switch v {
        case 0x30...0x39, 0x2D, 0x2E, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: isNameStartChar(v)
        }
    }

    /// True for a non-empty NCName.
    static func isNCName<S: Sequence>(_ scalars: S) -> Bool where S.Element == Unicode.Scalar {
        var first = true
        for s in scalars {
            if first {
                guard isNameStartChar(s.value) else { return false }
                first = false
            } else if !isNameChar(s.value) {
                return false
            }
        }
        return !first
    }

    /// True for names XML reserves: those starting with `xml` in any case (XML 1.0 section 2.3).
    static func isReserved<S: Sequence>(_ scalars: S) -> Bool where S.Element == Unicode.Scalar {
        var it = scalars.makeIterator()
        for expected: UInt32 in [0x78, 0x6D, 0x6C] {
            guard let s = it.next(), s.value | 0x20 == expected else { return false }
        }
        return true
    }

    /// Where the longest suffix of `iri` that is an NCName starts, or `nil` when no
    /// suffix is (the IRI ends with a character such as `/`, or with digits only).
    static func longestLocalNameStart(of iri: String) -> String.Index? {
        let scalars = iri.unicodeScalars
        var i = scalars.endIndex
        var start: String.Index?
        while i > scalars.startIndex {
            let j = scalars.index(before: i)
            let v = scalars[j].value
            guard isNameChar(v) else { break }
            if isNameStartChar(v) { start = j }
            i = j
        }
        return start
    }
}

/// An IRI split into a namespace and an NCName local part.
struct SplitIRI: Hashable {
    var namespace: String
    var local: String
    /// True when the local name is reserved (`xml…`) and so cannot be written unprefixed.
    var isReserved: Bool { XMLName.isReserved(local.unicodeScalars) }
}

/// Chooses namespaces for element names and the prefixes declared for them: the caller's
/// prefixes first, then `Namespace.wellKnown`, then generated `ns1`, `ns2` …
struct NamespaceTable {
    /// The caller's bindings that XML can declare, in the order given; the first binding of
    /// a prefix and the first prefix of a namespace win.
    private(set) var inputBindings: [(prefix: String, namespace: String)] = []
    private var inputPrefixOf: [String: String] = [:]
    private var splitCache: [String: SplitIRI?] = [:]
    /// Namespaces that element names use (always including the RDF namespace).
    private(set) var used: Set<String> = [Namespace.rdf.iri]
    /// Namespaces bound to the empty prefix that also need a prefix, for reserved names.
    private(set) var usedPrefixed: Set<String> = []

    /// - Parameter allowDefault: whether the empty prefix may become the default
    ///   namespace (not when XML literals are written: their unprefixed elements must
    ///   stay in no namespace).
    init(prefixes: [(prefix: String, namespace: String)], allowDefault: Bool) {
        var seenPrefixes = Set<String>()
        for (prefix, namespace) in prefixes {
            guard !namespace.isEmpty, namespace != XMLName.xmlNamespace, namespace != XMLName.xmlnsNamespace,
                  inputPrefixOf[namespace] == nil, !seenPrefixes.contains(prefix) else { continue }
            if prefix.isEmpty {
                // The RDF namespace needs a prefix: its attributes (rdf:about …) must be qualified.
                guard allowDefault, namespace != Namespace.rdf.iri else { continue }
            } else {
                guard XMLName.isNCName(prefix.unicodeScalars), !XMLName.isReserved(prefix.unicodeScalars) else { continue }
                // `rdf` always names the RDF namespace, so the output stays readable.
                if prefix == Namespace.rdf.prefix && namespace != Namespace.rdf.iri { continue }
            }
            seenPrefixes.insert(prefix)
            inputPrefixOf[namespace] = prefix
            inputBindings.append((prefix, namespace))
        }
    }

    /// The namespace and local name an IRI is written with, or `nil` when no XML QName
    /// can express it. Pure: does not mark the namespace as used.
    mutating func split(_ iri: String) -> SplitIRI? {
        if let cached = splitCache[iri] { return cached }
        let result = computeSplit(iri)
        splitCache[iri] = result
        return result
    }

    private func computeSplit(_ iri: String) -> SplitIRI? {
        if let match = Self.longestMatch(iri, inputBindings) { return match }
        if let match = Self.longestMatch(iri, Self.wellKnownBindings) { return match }
        return Self.naturalSplit(iri)
    }

    private static let wellKnownBindings = Namespace.wellKnown.map { (prefix: $0.prefix, namespace: $0.iri) }

    /// The split at the longest NCName suffix — after the last `#`, `/` or `:` when what
    /// follows is a name — or `nil` when there is none or the namespace left over cannot
    /// be declared (empty, or the XML namespaces).
    static func naturalSplit(_ iri: String) -> SplitIRI? {
        guard let start = XMLName.longestLocalNameStart(of: iri) else { return nil }
        let namespace = String(iri.unicodeScalars[..<start])
        guard !namespace.isEmpty, namespace != XMLName.xmlNamespace, namespace != XMLName.xmlnsNamespace else {
            return nil
        }
        return SplitIRI(namespace: namespace, local: String(iri.unicodeScalars[start...]))
    }

    /// The longest namespace of `bindings` that `iri` starts with, leaving an NCName.
    private static func longestMatch(_ iri: String, _ bindings: [(prefix: String, namespace: String)]) -> SplitIRI? {
        var best: SplitIRI?
        for (prefix, namespace) in bindings where namespace.utf8.count < iri.utf8.count {
            guard iri.utf8.starts(with: namespace.utf8),
                  best.map({ namespace.utf8.count > $0.namespace.utf8.count }) ?? true else { continue }
            let start = iri.utf8.index(iri.utf8.startIndex, offsetBy: namespace.utf8.count)
            let local = iri.unicodeScalars[start...]
            // Unprefixed names starting with `xml` are reserved.
            guard XMLName.isNCName(local), !(prefix.isEmpty && XMLName.isReserved(local)) else { continue }
            best = SplitIRI(namespace: namespace, local: String(local))
        }
        return best
    }

    /// Records that an element name is written with `name`.
    mutating func use(_ name: SplitIRI) {
        if inputPrefixOf[name.namespace] == "" && name.isReserved {
            usedPrefixed.insert(name.namespace)
        } else {
            used.insert(name.namespace)
        }
    }

    /// The prefixes to declare, and the prefix of each element name.
    struct Prefixes {
        /// Namespace → prefix (`""` for the default namespace).
        var prefixOf: [String: String] = [:]
        /// The prefix of a default namespace, for its reserved names.
        var aliasOf: [String: String] = [:]

        /// Every declaration, as (prefix, namespace), sorted by prefix.
        var declarations: [(prefix: String, namespace: String)] {
            (prefixOf.map { ($0.value, $0.key) } + aliasOf.map { ($0.value, $0.key) })
                .sorted { RDFXMLWriter.utf8Less($0.0, $1.0) }
        }

        /// `prefix:local`, or `local` in the default namespace.
        func qualifiedName(_ name: SplitIRI) -> String? {
            guard let prefix = prefixOf[name.namespace] else { return aliasOf[name.namespace].map { $0 + ":" + name.local } }
            if prefix.isEmpty {
                guard name.isReserved else { return name.local }
                return aliasOf[name.namespace].map { $0 + ":" + name.local }
            }
            return prefix + ":" + name.local
        }
    }

    /// Prefixes for the used namespaces: the caller's, then well-known, then `ns1`, `ns2` …
    /// in namespace order, skipping prefixes already taken.
    func assignPrefixes() -> Prefixes {
        var result = Prefixes()
        var prefixOf: [String: String] = [:]
        var taken = Set<String>()
        for (prefix, namespace) in inputBindings where used.contains(namespace) {
            prefixOf[namespace] = prefix
            taken.insert(prefix)
        }
        for ns in Namespace.wellKnown where used.contains(ns.iri) && prefixOf[ns.iri] == nil {
            guard !taken.contains(ns.prefix) else { continue }
            prefixOf[ns.iri] = ns.prefix
            taken.insert(ns.prefix)
        }
        // Generated names also avoid the input's unused prefixes, so `ns1` never means
        // one namespace in the input and another in the output.
        taken.formUnion(inputBindings.map(\.0))
        var counter = 0
        func generate() -> String {
            var prefix: String
            repeat {
                counter += 1
                prefix = "ns\(counter)"
            } while taken.contains(prefix)
            taken.insert(prefix)
            return prefix
        }
        for namespace in used.union(usedPrefixed).sorted(by: RDFXMLWriter.utf8Less) {
            if prefixOf[namespace] == nil && used.contains(namespace) {
                prefixOf[namespace] = generate()
            }
            if usedPrefixed.contains(namespace) {
                result.aliasOf[namespace] = generate()
            }
        }
        result.prefixOf = prefixOf
        return result
    }
}

extension RDFXMLWriter {
    /// RDF names the RDF/XML grammar does not allow as property or node element names
    /// (coreSyntaxTerms, `rdf:Description`, `rdf:li` and oldTerms, RDF/XML section 7.2).
    static let forbiddenElementNames: Set<String> = Set(
        ["RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype", "Description", "li",
         "aboutEach", "aboutEachPrefix", "bagID"].map { Namespace.rdf($0) })

    /// Why a predicate cannot be a property element, or `nil` when it can.
    static func predicateProblem(_ iri: String) -> String? {
        if forbiddenElementNames.contains(iri) {
            if iri == Namespace.rdf("li") {
                return "predicate <\(iri)> cannot be written in RDF/XML: a reader numbers rdf:li elements "
                    + "as rdf:_1, rdf:_2 …, so it would come back as a different predicate"
            }
            return "predicate <\(iri)> cannot be written in RDF/XML: rdf:\(iri.dropFirst(Namespace.rdf.iri.count)) "
                + "is RDF/XML syntax and the grammar forbids it as a property element"
        }
        // Every binding the table accepts leaves an NCName suffix in a declarable namespace,
        // so when the natural split fails, no prefix can help.
        if NamespaceTable.naturalSplit(iri) == nil {
            return "predicate <\(iri)> cannot be written in RDF/XML: no XML QName can express it (an element "
                + "name needs a local part that starts with a letter or '_' and holds no '/', '#', ':' or '%'); "
                + "write Turtle or N-Triples instead"
        }
        return nil
    }
}
