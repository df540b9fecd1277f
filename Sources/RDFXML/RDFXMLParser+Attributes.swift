#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibXML2
import RDF
import XMLSupport

/// An attribute of the element being read: its name (an index into the attribute name
/// table) and its value, borrowed from libxml2 for the duration of the callback.
struct AttributeValue {
    let name: Int
    let value: UnsafeBufferPointer<UInt8>
}

/// The attributes of one start tag, sorted by role (RDF 1.1 XML Syntax, sections 6.1.4
/// and 7.2.2–7.2.7). Reused from element to element.
struct AttributeScan {
    var id: UnsafeBufferPointer<UInt8>?
    var about: UnsafeBufferPointer<UInt8>?
    var resource: UnsafeBufferPointer<UInt8>?
    var nodeID: UnsafeBufferPointer<UInt8>?
    var datatype: UnsafeBufferPointer<UInt8>?
    var parseType: UnsafeBufferPointer<UInt8>?
    /// RDF 1.2 `rdf:annotation` / `rdf:annotationNodeID` (attribute name index).
    var annotation: Int?
    /// The first attribute the grammar forbids everywhere (rdf:li, rdf:Description,
    /// rdf:RDF, the old terms, unqualified names), by attribute name index.
    var forbidden: Int?
    /// Property attributes, in document order.
    var properties: [AttributeValue] = []

    @inline(__always)
    mutating func reset() {
        id = nil
        about = nil
        resource = nil
        nodeID = nil
        datatype = nil
        parseType = nil
        annotation = nil
        forbidden = nil
        if !properties.isEmpty { properties.removeAll(keepingCapacity: true) }
    }
}

extension RDFXMLParser.State {
    /// Sorts the attributes of a start tag into `scan`, and applies `xml:lang`,
    /// `xml:base`, `rdf:version` and `its:dir` to the element's scope.
    mutating func scanAttributes(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) throws {
        scan.reset()
        guard count > 0, let attributes else { return }
        // libxml2 passes five pointers per attribute: local name, prefix, URI, value, end.
        // Values with entity or `&` references are expanded first, all of them, so that
        // `attributeText` does not move while pointers into it are in use.
        // `rdf:about`, `rdf:resource` and `rdf:datatype` values are IRIs: they are expanded
        // only when `resolveAttributeIRI` does not know them already (see there).
        var expanded = 0
        for i in 0..<count {
            if let value = Self.value(attributes, i), XMLNames.contains(value, UInt8(ascii: "&")) {
                if let localName = attributes[i * 5] {
                    let name = try attributeName(localName, attributes[i * 5 + 1], attributes[i * 5 + 2])
                    if Self.isIRIValued(attributeNames.infos[name].syntax) { continue }
                }
                if expanded == 0 { attributeText.removeAll() }
                let entry = (attribute: i, range: try expandAttribute(value))
                if expanded < expandedValues.count {
                    expandedValues[expanded] = entry
                } else {
                    expandedValues.append(entry)
                }
                expanded += 1
            }
        }
        var next = 0
        for i in 0..<count {
            guard let localName = attributes[i * 5], var value = Self.value(attributes, i) else { continue }
            if next < expanded && expandedValues[next].attribute == i {
                value = UnsafeBufferPointer(rebasing: attributeText.bytes[expandedValues[next].range])
                next += 1
            }
            let name = try attributeName(localName, attributes[i * 5 + 1], attributes[i * 5 + 2])
            switch attributeNames.infos[name].syntax {
            case .other, .rdfType: scan.properties.append(AttributeValue(name: name, value: value))
            case .rdfID: scan.id = value
            case .rdfAbout: scan.about = value
            case .rdfResource: scan.resource = value
            case .rdfNodeID: scan.nodeID = value
            case .rdfDatatype: scan.datatype = value
            case .rdfParseType: scan.parseType = value
            case .rdfAnnotation: if scan.annotation == nil { scan.annotation = name }
            case .rdfRDF, .rdfDescription, .rdfLi, .rdfAboutEach, .rdfAboutEachPrefix, .rdfBagID, .unqualified:
                if scan.forbidden == nil { scan.forbidden = name }
            case .xmlLang: try setLanguage(value)
            case .xmlBase: try setBase(value)
            case .rdfVersion: if versionDepth == nil { versionDepth = depth }
            case .itsDir: directionScopes.append((depth, String(decoding: value, as: UTF8.self)))
            case .xmlReserved, .itsVersion: break
            }
        }
    }

    /// Attributes whose value is an IRI and is expanded lazily, as it is resolved.
    @inline(__always)
    static func isIRIValued(_ syntax: SyntaxName) -> Bool {
        syntax == .rdfAbout || syntax == .rdfResource || syntax == .rdfDatatype
    }

    /// The value of attribute `i` as libxml2 passed it.
    @inline(__always)
    static func value(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>, _ i: Int) -> UnsafeBufferPointer<UInt8>? {
        guard let start = attributes[i * 5 + 3], let end = attributes[i * 5 + 4] else { return nil }
        return UnsafeBufferPointer(start: start, count: start.distance(to: end))
    }

    /// Throws for an attribute the grammar forbids on any element.
    mutating func checkForbiddenAttribute() throws {
        guard let forbidden = scan.forbidden else { return }
        let name = attributeNames.infos[forbidden]
        switch name.syntax {
        case .unqualified:
            throw syntaxError("the attribute \(name.qualifiedName) has no namespace; RDF/XML allows only ID, about, resource, parseType and type without one")
        case .rdfAboutEach, .rdfAboutEachPrefix, .rdfBagID:
            throw syntaxError("\(name.qualifiedName) was removed from RDF/XML and is not allowed")
        default:
            throw syntaxError("\(name.qualifiedName) cannot be used as an attribute")
        }
    }

    /// `rdf:RDF` takes no RDF attributes (section 7.2.9); `xml:*`, `its:*`, `rdf:version`
    /// and attributes of other vocabularies are ignored.
    mutating func checkRDFAttributes() throws {
        if let forbidden = scan.forbidden, attributeNames.infos[forbidden].syntax != .unqualified {
            try checkForbiddenAttribute()
        }
        var misplaced: String? = scan.id != nil ? "rdf:ID" : scan.about != nil ? "rdf:about"
            : scan.resource != nil ? "rdf:resource" : scan.nodeID != nil ? "rdf:nodeID"
            : scan.datatype != nil ? "rdf:datatype" : scan.parseType != nil ? "rdf:parseType" : nil
        if misplaced == nil, let annotation = scan.annotation { misplaced = attributeNames.infos[annotation].qualifiedName }
        if misplaced == nil {
            for attribute in scan.properties where attributeNames.infos[attribute.name].iri.hasPrefix(Namespaces.rdf) {
                misplaced = attributeNames.infos[attribute.name].qualifiedName
                break
            }
        }
        if let misplaced {
            throw syntaxError("rdf:RDF cannot have the attribute \(misplaced)")
        }
    }

    // MARK: Scopes

    /// `xml:lang` (section 6.1.2): the language of literals in this element and below;
    /// `xml:lang=""` means no language.
    private mutating func setLanguage(_ value: UnsafeBufferPointer<UInt8>) throws {
        var new: String?
        if !value.isEmpty {
            guard XMLNames.isLanguageTag(value) else {
                throw syntaxError("xml:lang=\"\(String(decoding: value, as: UTF8.self))\" is not a language tag")
            }
            new = languageCache.string(value)
        }
        languageScopes.append((depth, language))
        language = new
    }

    /// `xml:base` (section 6.1.2, XML Base): resolved against the base in scope.
    private mutating func setBase(_ value: UnsafeBufferPointer<UInt8>) throws {
        let resolved = try resolveIRI(value, what: "xml:base")
        guard let new = BaseIRI(resolved) else {
            throw syntaxError("xml:base=\"\(resolved)\" is not an absolute IRI")
        }
        baseScopes.append((depth, base))
        base = new
    }

    /// Restores the scopes the ending element opened, and leaves it.
    @inline(__always)
    mutating func popScopes() {
        if let last = languageScopes.last, last.depth == depth {
            language = last.previous
            languageScopes.removeLast()
        }
        if let last = baseScopes.last, last.depth == depth {
            base = last.previous
            baseScopes.removeLast()
        }
        if versionDepth == depth { versionDepth = nil }
        if let last = directionScopes.last, last.depth == depth { directionScopes.removeLast() }
        depth -= 1
    }

    // MARK: IRIs and blank nodes

    /// Resolves an IRI reference (already free of entity references) against the base
    /// in scope (RFC 3986 section 5.2).
    ///
    /// One pass over the bytes rejects characters no IRI may contain and notices whether
    /// the reference is absolute and free of dot segments; such a reference is its own
    /// resolution, does not depend on the base, and is cached by its bytes (`iriCache`),
    /// so IRIs that recur (themes, licences, types, datatypes) are checked and decoded
    /// once and share storage.
    mutating func resolveIRI(_ bytes: UnsafeBufferPointer<UInt8>, what: String = "IRI") throws -> String {
        // Expanded text may hold a literal `&`; the cache keys values before expansion
        // (see IRICache), so such text is not looked up or cached.
        guard !XMLNames.contains(bytes, UInt8(ascii: "&")) else {
            return try resolveNewIRI(bytes, key: nil, hash: 0, metered: 0, what: what)
        }
        let hash = StringCache.hash(bytes)
        if let known = iriCache.lookup(bytes, hash: hash) { return known.iri }
        return try resolveNewIRI(bytes, key: bytes, hash: hash, metered: 0, what: what)
    }

    /// The IRI of a `rdf:about`, `rdf:resource` or `rdf:datatype` value as libxml2 passed
    /// it, entity references (`&ds;c2cf…`, `&xsd;date`) not yet expanded.
    ///
    /// The value is looked up as written: values such as `&theme;ECON` or `&xsd;date`
    /// recur, and their IRI is then found without expanding them. (The internal subset
    /// is complete before the document element starts, so a value always expands to the
    /// same text; only IRIs that do not depend on the base are cached. The replacement
    /// text a hit stands for is still metered.)
    mutating func resolveAttributeIRI(_ value: UnsafeBufferPointer<UInt8>) throws -> String {
        let hash = StringCache.hash(value)
        if let known = iriCache.lookup(value, hash: hash) {
            if known.metered > 0 {
                do throws(EntityGuard.Violation) { try entityGuard.meter(known.metered) } catch { throw syntaxError(error) }
            }
            return known.iri
        }
        guard XMLNames.contains(value, UInt8(ascii: "&")) else {
            return try resolveNewIRI(value, key: value, hash: hash, metered: 0, what: "IRI")
        }
        var output = iriText
        output.removeAll()
        defer { iriText = output }
        try expand(value, into: &output)
        return try resolveNewIRI(output.bytes, key: value, hash: hash, metered: output.count, what: "IRI")
    }

    /// Resolves `bytes` (the reference with its entities expanded), and offers the IRI to
    /// `iriCache` under `key` (the value as written; `nil`: not cached) when it does not
    /// depend on the base.
    mutating func resolveNewIRI(_ bytes: UnsafeBufferPointer<UInt8>, key: UnsafeBufferPointer<UInt8>?, hash: UInt64,
                                metered: Int, what: String) throws -> String {
        let shape = ReferenceShape(bytes)
        if let bad = shape.forbidden {
            let shown = String(decoding: bytes, as: UTF8.self)
            let character = bad == 0x20 ? "a space" : bad < 0x20 || bad == 0x7F ? "a control character"
                : "'\(Character(Unicode.Scalar(bad)))'"
            throw syntaxError("the \(what) \"\(shown)\" is not a valid IRI: it contains \(character)")
        }
        if shape.isAbsolute && !shape.mayHaveDotSegments {
            let iri = String(decoding: bytes, as: UTF8.self)
            if let key { iriCache.insert(key, hash: hash, iri: iri, metered: metered) }
            return iri
        }
        if let base { return base.resolve(utf8: bytes) }
        let reference = String(decoding: bytes, as: UTF8.self)
        guard shape.isAbsolute else {
            throw syntaxError("the relative \(what) <\(reference)> cannot be resolved: there is no base IRI")
        }
        return IRIResolver.resolve(reference, against: reference)
    }

    /// The IRI of `rdf:ID="name"`: `#name` resolved against the base in scope; each such
    /// IRI may be used only once in a document (section 5.3 and the idAttr production).
    mutating func idIRI(_ bytes: UnsafeBufferPointer<UInt8>) throws -> String {
        let id = String(decoding: bytes, as: UTF8.self)
        guard XMLNames.isNCName(bytes) else {
            throw syntaxError("rdf:ID=\"\(id)\" is not an XML name (NCName)")
        }
        guard let base else {
            throw syntaxError("rdf:ID=\"\(id)\" cannot be resolved: there is no base IRI")
        }
        let iri = base.resolve("#" + id)
        guard usedIDs.insert(iri).inserted else {
            throw syntaxError("rdf:ID=\"\(id)\" is used twice: <\(iri)> must be unique in the document")
        }
        return iri
    }

    /// The blank node of `rdf:nodeID="name"` (a `_` is put in front of names that start
    /// with `_`, so they never clash with the reader's own `_b1`, `_b2`, …).
    mutating func blankNode(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Term {
        guard XMLNames.isNCName(bytes) else {
            throw syntaxError("rdf:nodeID=\"\(String(decoding: bytes, as: UTF8.self))\" is not an XML name (NCName)")
        }
        let label = String(decoding: bytes, as: UTF8.self)
        return .blankNode(bytes[0] == UInt8(ascii: "_") ? "_" + label : label)
    }
}

/// What one pass over an IRI reference finds (RFC 3986 sections 3.1 and 5.2.4, RFC 3987).
struct ReferenceShape {
    /// The first byte no IRI may contain (controls, space, `<>"{}|^`, backquote, backslash).
    var forbidden: UInt8?
    /// The reference starts with a scheme: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`.
    var isAbsolute = false
    /// A `.` starts the reference or follows a `/`: remove_dot_segments may change it.
    var mayHaveDotSegments = false

    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return }
        isAbsolute = Self.hasScheme(bytes)
        // One pass over a byte class table (1: forbidden, 2: "."), four bytes a round.
        let t = Self.classes
        var seen: UInt8 = 0
        var i = 0
        while i + 4 <= n {
            seen |= t[Int(base[i])] | t[Int(base[i + 1])] | t[Int(base[i + 2])] | t[Int(base[i + 3])]
            i += 4
        }
        while i < n {
            seen |= t[Int(base[i])]
            i += 1
        }
        if seen & 1 != 0, let bad = bytes.first(where: { Self.isForbidden($0) }) { forbidden = bad }
        // Only a reference with a "." can have dot segments: look at each "." (a handful
        // in a typical IRI, in the host name) for a "/" or the start before it.
        if seen & 2 != 0 {
            var p = base
            let end = base + n
            while let found = memchr(p, Int32(UInt8(ascii: ".")), end - p) {
                let dot = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if dot == base || dot[-1] == UInt8(ascii: "/") {
                    mayHaveDotSegments = true
                    break
                }
                p = dot + 1
            }
        }
    }

    /// Byte classes: 1 for bytes no IRI may contain, 2 for ".". Allocated once, never freed.
    nonisolated(unsafe) private static let classes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 { table[b] = b == 0x2E ? 2 : isForbidden(UInt8(b)) ? 1 : 0 }
        return UnsafePointer(table)
    }()

    @inline(__always)
    static func isForbidden(_ b: UInt8) -> Bool {
        switch b {
        case 0...0x20, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D, 0x7F: true
        default: false
        }
    }

    /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"` at the start (RFC 3986 section 3.1).
    @inline(__always)
    static func hasScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = bytes[0] | 0x20
        guard first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") else { return false }
        var i = 1
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ":") { return true }
            let l = b | 0x20
            guard (l >= UInt8(ascii: "a") && l <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") else { return false }
            i += 1
        }
        return false
    }
}
