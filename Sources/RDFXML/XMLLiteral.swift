import CLibXML2

/// Writes the content of a `rdf:parseType="Literal"` property element in Exclusive XML
/// Canonicalization form, with comments and an empty InclusiveNamespaces PrefixList
/// (RDF 1.1 XML Syntax, section 7.2.17; W3C Exclusive XML Canonicalization 1.0), straight
/// from the SAX events, so no tree is built.
///
/// The rules applied:
/// - Elements are written as start and end tag pairs, never as `<x/>`.
/// - A namespace declaration is written on an element only where the element visibly
///   utilizes it — its own prefix (the default namespace for an unprefixed element) or
///   the prefix of one of its attributes — and no output ancestor inside the literal has
///   already declared the same prefix with the same URI. `xmlns=""` is written only when
///   an output ancestor declared a non-empty default namespace. `xml:` is never declared.
/// - Namespace declarations come first, the default one before the others, then by
///   prefix; attributes follow, ordered by namespace URI (none first) and local name.
///   Both orders compare code points (UTF-8 byte order).
/// - In text, `&`, `<`, `>` and carriage return are escaped (`&amp;`, `&lt;`, `&gt;`,
///   `&#xD;`); in attribute values `&`, `<`, `"`, tab, line feed and carriage return
///   (`&amp;`, `&lt;`, `&quot;`, `&#x9;`, `&#xA;`, `&#xD;`). CDATA sections arrive as
///   text and are escaped like it. Entities arrive expanded.
/// - Comments and processing instructions are kept (`<?target data?>`).
struct XMLLiteralWriter {
    private(set) var bytes: [UInt8] = []
    /// Declarations written on open output elements: element depth, prefix (libxml2's
    /// interned string, `nil` for the default namespace), URI (copied; empty: none).
    private var rendered: [(depth: Int, prefix: UnsafePointer<xmlChar>?, uri: [UInt8])] = []
    private var depth = 0

    /// The length so far, in bytes.
    var count: Int { bytes.count }

    /// Starts a new literal.
    mutating func begin() {
        bytes.removeAll(keepingCapacity: true)
        rendered.removeAll(keepingCapacity: true)
        depth = 0
    }

    /// The literal's lexical form.
    func finish() -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    mutating func startElement(_ localName: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?,
                               _ uri: UnsafePointer<xmlChar>?, _ attributeCount: Int,
                               _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        depth += 1
        // The namespaces this element visibly utilizes and has to declare.
        var declare: [(prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?)] = []
        considerNamespace(prefix, uri, into: &declare)
        if attributeCount > 0, let attributes {
            for i in 0..<attributeCount {
                if let attributePrefix = attributes[i * 5 + 1] {
                    considerNamespace(attributePrefix, attributes[i * 5 + 2], into: &declare)
                }
            }
        }
        bytes.append(UInt8(ascii: "<"))
        appendQName(localName, prefix)
        if !declare.isEmpty {
            declare.sort { Self.less($0.prefix, $1.prefix) }
            for ns in declare {
                if let p = ns.prefix {
                    append(" xmlns:")
                    appendCString(p)
                } else {
                    append(" xmlns")
                }
                append("=\"")
                if let u = ns.uri { appendEscapedAttribute(UnsafeBufferPointer(start: u, count: strlen(u))) }
                bytes.append(UInt8(ascii: "\""))
                rendered.append((depth, ns.prefix, ns.uri.map { Array(UnsafeBufferPointer(start: $0, count: strlen($0))) } ?? []))
            }
        }
        if attributeCount > 0, let attributes {
            var order = Array(0..<attributeCount)
            if attributeCount > 1 {
                order.sort { a, b in
                    let c = Self.compare(attributes[a * 5 + 2], attributes[b * 5 + 2])
                    return c != 0 ? c < 0 : Self.compare(attributes[a * 5], attributes[b * 5]) < 0
                }
            }
            for i in order {
                guard let name = attributes[i * 5], let start = attributes[i * 5 + 3],
                      let end = attributes[i * 5 + 4] else { continue }
                bytes.append(UInt8(ascii: " "))
                appendQName(name, attributes[i * 5 + 1])
                append("=\"")
                appendEscapedAttribute(UnsafeBufferPointer(start: start, count: start.distance(to: end)))
                bytes.append(UInt8(ascii: "\""))
            }
        }
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func endElement(_ localName: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?) {
        append("</")
        appendQName(localName, prefix)
        bytes.append(UInt8(ascii: ">"))
        while let last = rendered.last, last.depth == depth { rendered.removeLast() }
        depth -= 1
    }

    mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        for b in text {
            switch b {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case 0x0D: append("&#xD;")
            default: bytes.append(b)
            }
        }
    }

    mutating func comment(_ value: UnsafePointer<xmlChar>) {
        append("<!--")
        appendCString(value)
        append("-->")
    }

    mutating func processingInstruction(_ target: UnsafePointer<xmlChar>, _ data: UnsafePointer<xmlChar>?) {
        append("<?")
        appendCString(target)
        if let data, data.pointee != 0 {
            bytes.append(UInt8(ascii: " "))
            appendCString(data)
        }
        append("?>")
    }

    // MARK: Namespaces

    /// Adds `(prefix, uri)` to `declare` unless it is `xml`, already listed, or declared
    /// the same way by the nearest output ancestor that declares the prefix.
    private func considerNamespace(_ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                                   into declare: inout [(prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?)]) {
        if let p = prefix, p[0] == UInt8(ascii: "x"), p[1] == UInt8(ascii: "m"), p[2] == UInt8(ascii: "l"), p[3] == 0 {
            return
        }
        if declare.contains(where: { Self.compare($0.prefix, prefix) == 0 }) { return }
        var inherited: [UInt8]?
        for entry in rendered.reversed() where Self.compare(entry.prefix, prefix) == 0 {
            inherited = entry.uri
            break
        }
        let value = uri.map { UnsafeBufferPointer(start: $0, count: strlen($0)) } ?? UnsafeBufferPointer(start: nil, count: 0)
        if let inherited {
            if inherited.elementsEqual(value) { return }
        } else if prefix == nil && value.isEmpty {
            return  // no default namespace, and none declared above: nothing to undo
        }
        declare.append((prefix, uri))
    }

    /// Code point order of two optional C strings, `nil` (and "") first.
    private static func compare(_ a: UnsafePointer<xmlChar>?, _ b: UnsafePointer<xmlChar>?) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, let b?): return b.pointee == 0 ? 0 : -1
        case (let a?, nil): return a.pointee == 0 ? 0 : 1
        case (let a?, let b?): return Int(strcmp(a, b))
        }
    }

    private static func less(_ a: UnsafePointer<xmlChar>?, _ b: UnsafePointer<xmlChar>?) -> Bool {
        compare(a, b) < 0
    }

    // MARK: Output

    private mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func appendCString(_ s: UnsafePointer<xmlChar>) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s, count: strlen(s)))
    }

    private mutating func appendQName(_ localName: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?) {
        if let prefix {
            appendCString(prefix)
            bytes.append(UInt8(ascii: ":"))
        }
        appendCString(localName)
    }

    private mutating func appendEscapedAttribute(_ value: UnsafeBufferPointer<UInt8>) {
        for b in value {
            switch b {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: "\""): append("&quot;")
            case 0x09: append("&#x9;")
            case 0x0A: append("&#xA;")
            case 0x0D: append("&#xD;")
            default: bytes.append(b)
            }
        }
    }
}

/// `strlen` and `strcmp` over `xmlChar` (unsigned) strings.
@inline(__always)
private func strlen(_ s: UnsafePointer<xmlChar>) -> Int {
    Int(xmlStrlen(s))
}

@inline(__always)
private func strcmp(_ a: UnsafePointer<xmlChar>, _ b: UnsafePointer<xmlChar>) -> Int32 {
    xmlStrcmp(a, b)
}
