/// Writes records as XML, streaming (64 KiB at a time to the sink or file): an XML
/// declaration, a root element (with the namespace declarations given), one element per
/// record, the end of the root.
///
/// A record must be an object, written as the record element by the rules the XML reader
/// reads back:
///
/// - a member `@name` is an attribute (a list of plain values is joined with spaces);
/// - the member `#text` is the element's text;
/// - any other member is a child element of that name: a plain value is its text, an
///   object its attributes, text and children in turn, a list one element per item;
/// - null members are left out.
///
/// Names must be XML names (`prefix:name` with the prefix declared through the options'
/// namespaces); one that is not, such as `Org. nr`, is an error naming it. Text and
/// attribute values are escaped (`&`, `<`, `>`, and in attributes `"`, tab and line
/// breaks); characters XML 1.0 cannot hold (most C0 controls) are an error.
public struct XMLRecordWriter: RecordWriter {
    /// The root element's name.
    public let root: String
    /// Each record's element name.
    public let record: String
    /// Whether elements are indented (two spaces per level).
    public let pretty: Bool
    private let namespaces: [(prefix: String, uri: String)]
    private var output: ByteOutput
    private var records = 0
    private var started = false
    private var finished = false
    private var checkedNames: Set<String> = []

    /// A writer that hands its bytes to `sink`.
    public init(root: String = "records", record: String = "record", namespaces: [String: String] = [:],
                pretty: Bool = false, sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws(RecordOutputError) {
        try self.init(root: root, record: record, namespaces: namespaces, pretty: pretty, target: OutputTarget(sink: sink))
    }

    /// A writer to the file at `path` (created or truncated; `-` for standard output).
    public init(path: String, root: String = "records", record: String = "record", namespaces: [String: String] = [:],
                pretty: Bool = false) throws(RecordOutputError) {
        try self.init(root: root, record: record, namespaces: namespaces, pretty: pretty, target: OutputTarget(path: path))
    }

    init(root: String, record: String, namespaces: [String: String], pretty: Bool, target: OutputTarget) throws(RecordOutputError) {
        for name in [root, record] where !XMLName.isValid(name) {
            throw RecordOutputError("\"\(name)\" is not an XML element name", destination: target.name)
        }
        for prefix in namespaces.keys where !prefix.isEmpty && (!XMLName.isValid(prefix) || prefix.contains(":")) {
            throw RecordOutputError("\"\(prefix)\" is not a namespace prefix", destination: target.name)
        }
        self.root = root
        self.record = record
        self.pretty = pretty
        self.namespaces = namespaces.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        output = ByteOutput(target: target)
    }

    /// Writes one record as a record element.
    public mutating func write(_ record: RecordValue) throws {
        start()
        let mark = output.bytes.count
        do throws(RecordOutputError) {
            guard case .object = record else {
                throw RecordOutputError("an XML record is written from an object, not \(CSVRecordWriter.kind(record))")
            }
            if pretty { newline(1) }
            try element(self.record, record, level: 1)
        } catch {
            output.bytes.removeSubrange(mark...)
            throw error.located(destination: output.target.name, record: records + 1)
        }
        records += 1
        try output.flushIfFull()
    }

    /// Ends the root element, then flushes (and closes a file).
    public mutating func finish() throws {
        guard !finished else { return }
        finished = true
        start()
        if pretty, records > 0 { newline(0) }
        output.append("</\(root)>\n")
        try output.finish()
    }

    private mutating func start() {
        guard !started else { return }
        started = true
        output.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(root)")
        for (prefix, uri) in namespaces {
            output.append(prefix.isEmpty ? " xmlns=\"" : " xmlns:\(prefix)=\"")
            try? XMLName.appendEscaped(uri, attribute: true, to: &output.bytes)
            output.bytes.append(0x22)
        }
        output.bytes.append(UInt8(ascii: ">"))
    }

    // MARK: Elements

    private mutating func element(_ name: String, _ value: RecordValue, level: Int) throws(RecordOutputError) {
        try check(name)
        switch value {
        case .null:
            return
        case .array(let items):
            for (k, item) in items.enumerated() {
                if k > 0, pretty, item != .null { newline(level) }
                try element(name, item, level: level)
            }
        case .object(let members):
            output.bytes.append(UInt8(ascii: "<"))
            output.append(name)
            var text: RecordValue?
            var hasChildren = false
            for member in members {
                if member.name.hasPrefix("@") {
                    let attribute = String(member.name.dropFirst())
                    try check(attribute)
                    if member.value == .null { continue }
                    guard let plain = Self.attributeText(member.value) else {
                        throw RecordOutputError("the attribute \"\(attribute)\" must have a plain value or a list of them")
                    }
                    output.bytes.append(0x20)
                    output.append(attribute)
                    output.append("=\"")
                    try XMLName.appendEscaped(plain, attribute: true, to: &output.bytes)
                    output.bytes.append(0x22)
                } else if member.name == "#text" {
                    text = member.value
                } else if member.value != .null {
                    hasChildren = true
                }
            }
            var plainText: String?
            if let text, text != .null {
                guard !Self.isList(text), let s = Self.attributeText(text) else {
                    throw RecordOutputError("#text must be a plain value")
                }
                plainText = s
            }
            guard hasChildren || !(plainText ?? "").isEmpty else {
                output.append("/>")
                return
            }
            output.bytes.append(UInt8(ascii: ">"))
            if let plainText { try XMLName.appendEscaped(plainText, attribute: false, to: &output.bytes) }
            // Indenting inside an element with text would change its text.
            let indent = pretty && plainText == nil
            for member in members where !member.name.hasPrefix("@") && member.name != "#text" && member.value != .null {
                if indent { newline(level + 1) }
                try element(member.name, member.value, level: level + 1)
            }
            if indent { newline(level) }
            output.append("</\(name)>")
        default:
            let text = Self.attributeText(value) ?? ""
            output.bytes.append(UInt8(ascii: "<"))
            output.append(name)
            if text.isEmpty {
                output.append("/>")
                return
            }
            output.bytes.append(UInt8(ascii: ">"))
            try XMLName.appendEscaped(text, attribute: false, to: &output.bytes)
            output.append("</\(name)>")
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

    private mutating func newline(_ level: Int) {
        output.bytes.append(0x0A)
        for _ in 0..<(2 * level) { output.bytes.append(0x20) }
    }

    /// The text of a plain value, or of a list of plain values joined with spaces; nil
    /// for objects and nested lists.
    static func attributeText(_ value: RecordValue) -> String? {
        switch value {
        case .null: ""
        case .string(let s), .number(let s): s
        case .bool(let b): b ? "true" : "false"
        case .object: nil
        case .array(let items):
            items.allSatisfy(CSVRecordWriter.isPlain) ? items.map(CSVRecordWriter.plainText).joined(separator: " ") : nil
        }
    }

    static func isList(_ value: RecordValue) -> Bool {
        if case .array = value { return true }
        return false
    }
}

/// XML 1.0 (fifth edition) names and character escaping.
enum XMLName {
    /// Whether `name` is an XML `Name` with at most one colon, not at either end.
    static func isValid(_ name: String) -> Bool {
        var first = true
        var colons = 0
        for scalar in name.unicodeScalars {
            if scalar == ":" {
                colons += 1
                if first { return false }
                continue
            }
            if first ? !isStart(scalar) : !isNameChar(scalar) { return false }
            first = false
        }
        return !first && colons <= 1 && !name.hasSuffix(":")
    }

    static func isStart(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
             0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF: true
        default: false
        }
    }

    static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        if isStart(c) { return true }
        switch c.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }

    /// Appends `text` escaped for element content or (with `attribute`) a double-quoted
    /// attribute value; throws for a character XML 1.0 does not allow.
    static func appendEscaped(_ text: String, attribute: Bool, to out: inout [UInt8]) throws(RecordOutputError) {
        var copy = text
        var bad: UInt8?
        copy.withUTF8 { bytes in
            var start = 0
            for (i, b) in bytes.enumerated() {
                let replacement: String
                switch b {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
                case 0x0D: replacement = "&#13;"
                case 0x09 where attribute: replacement = "&#9;"
                case 0x0A where attribute: replacement = "&#10;"
                case 0x09, 0x0A: continue
                case 0..<0x20:
                    bad = b
                    return
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE:
                    bad = b
                    return
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.append(contentsOf: replacement.utf8)
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        if let bad {
            let what = bad < 0x20 ? "the control character U+00\(JSONScanner.hex2(bad))" : "U+FFFE or U+FFFF"
            throw RecordOutputError("\(what) cannot be written in XML 1.0")
        }
    }
}
