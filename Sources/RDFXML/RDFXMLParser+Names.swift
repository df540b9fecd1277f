import CLibXML2
import RDF

// Element and attribute names, interned once per distinct name.
//
// libxml2 interns every element and attribute local name and every namespace URI in the
// parser's dictionary (the dictionary is shared with the parsers it starts for entity
// content), so within one parse the same name always arrives as the same two pointers.
// `NameTable` is an open-addressing hash table keyed on those pointers: the IRI of a
// predicate or class and its role in the RDF/XML grammar are worked out the first time a
// name is seen, and found again with a multiply, a shift and two compares.

/// What a name means to the RDF/XML grammar (RDF 1.1 XML Syntax, sections 6.1.4 and 7.2.2–7.2.7).
enum SyntaxName: UInt8 {
    /// Any other name: a class, a property, or a property attribute.
    case other
    // coreSyntaxTerms
    case rdfRDF, rdfID, rdfAbout, rdfParseType, rdfResource, rdfNodeID, rdfDatatype
    // syntaxTerms
    case rdfDescription, rdfLi
    // oldTerms
    case rdfAboutEach, rdfAboutEachPrefix, rdfBagID
    /// `rdf:type`, which as an attribute has an IRI value.
    case rdfType
    /// RDF 1.2: `rdf:version`, announcing the RDF version of the document.
    case rdfVersion
    /// RDF 1.2: `rdf:annotation` and `rdf:annotationNodeID` (triple-term annotations).
    case rdfAnnotation
    /// `xml:lang`.
    case xmlLang
    /// `xml:base`.
    case xmlBase
    /// Any other attribute whose name or prefix starts with `xml`: ignored (section 6.1.4).
    case xmlReserved
    /// RDF 1.2: `its:dir` (base direction).
    case itsDir
    /// RDF 1.2: `its:version`.
    case itsVersion
    /// A name without a namespace that RDF/XML forbids (section 6.1.4).
    case unqualified

    /// coreSyntaxTerms, `rdf:li` and oldTerms cannot name a node element (section 7.2.11).
    var forbiddenAsNodeElement: Bool {
        switch self {
        case .rdfRDF, .rdfID, .rdfAbout, .rdfParseType, .rdfResource, .rdfNodeID, .rdfDatatype,
             .rdfLi, .rdfAboutEach, .rdfAboutEachPrefix, .rdfBagID: true
        default: false
        }
    }

    /// coreSyntaxTerms, `rdf:Description` and oldTerms cannot name a property element (section 7.2.13).
    var forbiddenAsPropertyElement: Bool {
        switch self {
        case .rdfRDF, .rdfID, .rdfAbout, .rdfParseType, .rdfResource, .rdfNodeID, .rdfDatatype,
             .rdfDescription, .rdfAboutEach, .rdfAboutEachPrefix, .rdfBagID: true
        default: false
        }
    }
}

/// An interned name: its IRI (namespace URI + local name), the term for it, and its role.
struct NameInfo {
    let iri: String
    let term: Term
    let syntax: SyntaxName
    /// The qualified name as written (`dct:title`), for messages.
    let qualifiedName: String

    init(iri: String, syntax: SyntaxName, qualifiedName: String) {
        self.iri = iri
        self.term = .iri(iri)
        self.syntax = syntax
        self.qualifiedName = qualifiedName
    }
}

enum Namespaces {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let its = "http://www.w3.org/2005/11/its"
}

/// Names by the addresses of libxml2's interned namespace URI and local name.
struct NameTable {
    /// The names, by index; the table stores indices.
    private(set) var infos: [NameInfo] = []
    private var namespaces: [UnsafeRawPointer?]
    private var localNames: [UnsafeRawPointer?]
    private var slots: [Int32]
    private var shift: Int
    /// True for attribute names, which classify differently (`rdf:type`, `xml:lang` …).
    let attributes: Bool

    init(attributes: Bool) {
        self.attributes = attributes
        let capacity = 256
        namespaces = Array(repeating: nil, count: capacity)
        localNames = Array(repeating: nil, count: capacity)
        slots = Array(repeating: -1, count: capacity)
        shift = 64 - 8
    }

    @inline(__always)
    private func slot(_ namespace: UnsafeRawPointer?, _ localName: UnsafeRawPointer) -> Int {
        let h = (UInt(bitPattern: Int(bitPattern: localName)) &+ UInt(bitPattern: Int(bitPattern: namespace)) &* 31)
            &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h >> UInt(shift))
    }

    /// The index of the name, if it has been seen before.
    @inline(__always)
    func lookup(_ localName: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?) -> Int? {
        let namespace = uri.map(UnsafeRawPointer.init)
        let local = UnsafeRawPointer(localName)
        let mask = slots.count - 1
        var i = slot(namespace, local)
        while true {
            let found = slots[i]
            if found < 0 { return nil }
            if localNames[i] == local && namespaces[i] == namespace { return Int(found) }
            i = (i + 1) & mask
        }
    }

    /// Interns a name not seen before; returns its index.
    mutating func insert(_ localName: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?, _ info: NameInfo) -> Int {
        let namespace = uri.map(UnsafeRawPointer.init)
        let local = UnsafeRawPointer(localName)
        let mask = slots.count - 1
        var i = slot(namespace, local)
        while slots[i] >= 0 { i = (i + 1) & mask }
        let index = infos.count
        infos.append(info)
        slots[i] = Int32(index)
        namespaces[i] = namespace
        localNames[i] = local
        if infos.count * 2 > slots.count { grow() }
        return index
    }

    private mutating func grow() {
        let oldNamespaces = namespaces
        let oldLocalNames = localNames
        let oldSlots = slots
        let capacity = slots.count * 2
        namespaces = Array(repeating: nil, count: capacity)
        localNames = Array(repeating: nil, count: capacity)
        slots = Array(repeating: -1, count: capacity)
        shift -= 1
        for j in 0..<oldSlots.count where oldSlots[j] >= 0 {
            var i = slot(oldNamespaces[j], oldLocalNames[j]!)
            while slots[i] >= 0 { i = (i + 1) & (capacity - 1) }
            slots[i] = oldSlots[j]
            namespaces[i] = oldNamespaces[j]
            localNames[i] = oldLocalNames[j]
        }
    }

    /// Works out the IRI and grammar role of a name; `namespace` is its namespace name
    /// (with any entity references already expanded), `nil` for none.
    static func classify(_ localNamePointer: UnsafePointer<xmlChar>, _ prefixPointer: UnsafePointer<xmlChar>?,
                         namespace: String?, attribute: Bool) -> NameInfo {
        let local = String(cString: localNamePointer)
        let prefix = prefixPointer.map { String(cString: $0) }
        let qualified = prefix.map { "\($0):\(local)" } ?? local
        guard let namespace else {
            // Section 6.1.4: an attribute without a namespace whose local name is ID, about,
            // resource, parseType or type stands for the rdf: attribute; names starting
            // with "xml" are ignored; any other is forbidden. Elements need a namespace.
            if attribute {
                if startsWithXML(local) { return NameInfo(iri: local, syntax: .xmlReserved, qualifiedName: qualified) }
                let syntax: SyntaxName? = switch local {
                case "ID": .rdfID
                case "about": .rdfAbout
                case "resource": .rdfResource
                case "parseType": .rdfParseType
                case "type": .rdfType
                default: nil
                }
                if let syntax { return NameInfo(iri: Namespaces.rdf + local, syntax: syntax, qualifiedName: qualified) }
            }
            return NameInfo(iri: local, syntax: .unqualified, qualifiedName: qualified)
        }
        var syntax = SyntaxName.other
        if namespace == Namespaces.rdf {
            switch local {
            case "RDF": syntax = .rdfRDF
            case "ID": syntax = .rdfID
            case "about": syntax = .rdfAbout
            case "parseType": syntax = .rdfParseType
            case "resource": syntax = .rdfResource
            case "nodeID": syntax = .rdfNodeID
            case "datatype": syntax = .rdfDatatype
            case "Description": syntax = .rdfDescription
            case "li": syntax = .rdfLi
            case "aboutEach": syntax = .rdfAboutEach
            case "aboutEachPrefix": syntax = .rdfAboutEachPrefix
            case "bagID": syntax = .rdfBagID
            case "type": syntax = .rdfType
            case "version": syntax = attribute ? .rdfVersion : .other
            case "annotation", "annotationNodeID": syntax = attribute ? .rdfAnnotation : .other
            default: break
            }
        } else if attribute && namespace == Namespaces.xml {
            syntax = local == "lang" ? .xmlLang : local == "base" ? .xmlBase : .xmlReserved
        } else if attribute && namespace == Namespaces.its && (local == "dir" || local == "version") {
            syntax = local == "dir" ? .itsDir : .itsVersion
        } else if attribute, let prefix, startsWithXML(prefix) {
            syntax = .xmlReserved
        }
        return NameInfo(iri: namespace + local, syntax: syntax, qualifiedName: qualified)
    }

    /// True for names starting with "xml" in any case (RDF 1.1 XML Syntax, section 6.1.4).
    static func startsWithXML(_ name: String) -> Bool {
        let u = Array(name.utf8.prefix(3))
        return u.count == 3 && u[0] | 0x20 == UInt8(ascii: "x") && u[1] | 0x20 == UInt8(ascii: "m")
            && u[2] | 0x20 == UInt8(ascii: "l")
    }
}

// MARK: - XML names, language tags, white space

enum XMLNames {
    /// True if `bytes` (UTF-8) is an XML NCName (Namespaces in XML 1.0, production [4]):
    /// an XML Name without colons. rdf:ID and rdf:nodeID values must be NCNames.
    static func isNCName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.isEmpty { return false }
        var first = true
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                if first ? !isNameStartChar(s.value) : !isNameChar(s.value) { return false }
                first = false
            case .emptyInput:
                return true
            case .error:
                return false
            }
        }
    }

    /// NameStartChar (XML 1.0 fifth edition, production [4]) minus ':'.
    static func isNameStartChar(_ c: UInt32) -> Bool {
        switch c {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF: return true
        default: return false
        }
    }

    /// NameChar (XML 1.0 fifth edition, production [4a]) minus ':'.
    static func isNameChar(_ c: UInt32) -> Bool {
        if isNameStartChar(c) { return true }
        switch c {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }

    /// True for a language tag of the form `[a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`, the syntax
    /// N-Triples and Turtle accept (and every well-formed BCP 47 tag has).
    static func isLanguageTag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        while i < n && isAlpha(bytes[i]) { i += 1 }
        if i == 0 { return false }
        while i < n {
            guard bytes[i] == UInt8(ascii: "-") else { return false }
            i += 1
            let start = i
            while i < n && (isAlpha(bytes[i]) || (bytes[i] >= 0x30 && bytes[i] <= 0x39)) { i += 1 }
            if i == start { return false }
        }
        return true
    }

    /// The index of the first byte that is not XML white space (#x20, #x9, #xD, #xA), if any.
    @inline(__always)
    static func firstNonWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if !(b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D) { return i }
            i += 1
        }
        return nil
    }

    /// True if every byte is XML white space.
    @inline(__always)
    static func isWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstNonWhitespace(bytes) == nil
    }
}
