/// The XML form of one record: the record element exactly as `XMLRecordWriter` writes it
/// (the rules are in the writer's documentation). The writer appends it to its output;
/// `XMLSchemaValidator` builds it on its own, with the namespace declarations on the
/// element, so that what an XSD checks is what the XML output holds.
struct XMLRecordElement {
    /// The record element's name.
    let name: String
    /// The namespace declarations (prefix "" for the default namespace), sorted by prefix.
    let namespaces: [(prefix: String, uri: String)]
    /// Whether elements are indented (two spaces per level).
    let pretty: Bool
    private var checkedNames: Set<String> = []

    init(name: String, namespaces: [String: String], pretty: Bool) {
        self.name = name
        self.namespaces = namespaces.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        self.pretty = pretty
    }

    /// Appends `record` (an object) as the record element, at `level` (for indentation).
    /// With `declaringNamespaces` the element carries the namespace declarations itself,
    /// so that it stands alone as a document. On an error `out` may hold part of the
    /// element: the caller removes it.
    mutating func append(_ record: RecordValue, to out: inout [UInt8], level: Int,
                         declaringNamespaces: Bool) throws(RecordOutputError) {
        guard case .object = record else {
            throw RecordOutputError("an XML record is written from an object, not \(record.kindName)")
        }
        try element(name, record, level: level, to: &out, declarations: declaringNamespaces)
    }

    /// Appends ` xmlns:p="uri"` for each declaration.
    static func appendDeclarations(_ namespaces: [(prefix: String, uri: String)], to out: inout [UInt8]) {
        for (prefix, uri) in namespaces {
            out.append(contentsOf: (prefix.isEmpty ? " xmlns=\"" : " xmlns:\(prefix)=\"").utf8)
            // A URI with a character XML cannot hold is written up to it (as before).
            try? XMLName.appendEscaped(uri, attribute: true, to: &out)
            out.append(0x22)
        }
    }

    /// A line break and two spaces per level.
    static func newline(_ level: Int, to out: inout [UInt8]) {
        out.append(0x0A)
        for _ in 0..<(2 * level) { out.append(0x20) }
    }

    private mutating func element(_ name: String, _ value: RecordValue, level: Int, to out: inout [UInt8],
                                  declarations: Bool = false) throws(RecordOutputError) {
        try check(name)
        switch value {
        case .null:
            return
        case .array(let items):
            for (k, item) in items.enumerated() {
                if k > 0, pretty, item != .null { Self.newline(level, to: &out) }
                try element(name, item, level: level, to: &out)
            }
        case .object(let members):
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: name.utf8)
            if declarations { Self.appendDeclarations(namespaces, to: &out) }
            var text: RecordValue?
            var hasChildren = false
            for member in members {
                if member.name.hasPrefix("@") {
                    let attribute = String(member.name.dropFirst())
                    try check(attribute)
                    if member.value == .null { continue }
                    guard let plain = XMLRecordWriter.attributeText(member.value) else {
                        throw RecordOutputError("the attribute \"\(attribute)\" must have a plain value or a list of them")
                    }
                    out.append(0x20)
                    out.append(contentsOf: attribute.utf8)
                    out.append(contentsOf: "=\"".utf8)
                    try XMLName.appendEscaped(plain, attribute: true, to: &out)
                    out.append(0x22)
                } else if member.name == "#text" {
                    text = member.value
                } else if member.value != .null {
                    hasChildren = true
                }
            }
            var plainText: String?
            if let text, text != .null {
                guard !XMLRecordWriter.isList(text), let s = XMLRecordWriter.attributeText(text) else {
                    throw RecordOutputError("#text must be a plain value")
                }
                plainText = s
            }
            guard hasChildren || !(plainText ?? "").isEmpty else {
                out.append(contentsOf: "/>".utf8)
                return
            }
            out.append(UInt8(ascii: ">"))
            if let plainText { try XMLName.appendEscaped(plainText, attribute: false, to: &out) }
            // Indenting inside an element with text would change its text.
            let indent = pretty && plainText == nil
            for member in members where !member.name.hasPrefix("@") && member.name != "#text" && member.value != .null {
                if indent { Self.newline(level + 1, to: &out) }
                try element(member.name, member.value, level: level + 1, to: &out)
            }
            if indent { Self.newline(level, to: &out) }
            out.append(contentsOf: "</\(name)>".utf8)
        default:
            let text = XMLRecordWriter.attributeText(value) ?? ""
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: name.utf8)
            if text.isEmpty {
                out.append(contentsOf: "/>".utf8)
                return
            }
            out.append(UInt8(ascii: ">"))
            try XMLName.appendEscaped(text, attribute: false, to: &out)
            out.append(contentsOf: "</\(name)>".utf8)
        }
    }

    private mutating func check(_ name: String) throws(RecordOutputError) {
        guard !checkedNames.contains(name) else { return }
        guard XMLName.isValid(name) else { throw RecordOutputError("\"\(name)\" is not an XML name") }
        if let colon = name.firstIndex(of: ":") {
            let prefix = String(name[..<colon])
            guard prefix == "xml" || namespaces.contains(where: { $0.prefix == prefix }) else {
                throw RecordOutputError("the prefix of \"\(name)\" is not declared (give it in the writer's namespaces)")
            }
        }
        if checkedNames.count < 10_000 { checkedNames.insert(name) }
    }
}
