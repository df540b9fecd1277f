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
///
/// The record element itself is made by `XMLRecordElement`, which the XSD validation of
/// output records (`XMLSchemaValidator`) shares, so that it checks what is written.
public struct XMLRecordWriter: RecordWriter {
    /// The root element's name.
    public let root: String
    /// Each record's element name.
    public let record: String
    /// Whether elements are indented (two spaces per level).
    public let pretty: Bool
    private var element: XMLRecordElement
    private var output: ByteOutput
    private var records = 0
    private var started = false
    private var finished = false

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
        element = XMLRecordElement(name: record, namespaces: namespaces, pretty: pretty)
        output = ByteOutput(target: target)
    }

    /// Writes one record as a record element.
    public mutating func write(_ record: RecordValue) throws {
        start()
        let mark = output.bytes.count
        do throws(RecordOutputError) {
            if pretty { XMLRecordElement.newline(1, to: &output.bytes) }
            try element.append(record, to: &output.bytes, level: 1, declaringNamespaces: false)
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
        if pretty, records > 0 { XMLRecordElement.newline(0, to: &output.bytes) }
        output.append("</\(root)>\n")
        try output.finish()
    }

    private mutating func start() {
        guard !started else { return }
        started = true
        output.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(root)")
        XMLRecordElement.appendDeclarations(element.namespaces, to: &output.bytes)
        output.bytes.append(UInt8(ascii: ">"))
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
