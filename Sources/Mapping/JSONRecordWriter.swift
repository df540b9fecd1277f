/// Writes records as JSON (RFC 8259), streaming (64 KiB at a time to the sink or file):
/// a JSON array of the records, optionally inside an object under a root member
/// (`{"root": [...]}`), pretty (two-space indent) or compact; or JSON Lines, one compact
/// record per line.
///
/// Numbers are written as kept (a number that is not a JSON number is an error, so the
/// output is always valid JSON); strings are escaped as RFC 8259 requires (`"`, `\` and
/// control characters), everything else is written as UTF-8.
public struct JSONRecordWriter: RecordWriter {
    /// Whether the output is JSON Lines.
    public let lines: Bool
    /// Whether arrays and objects are indented.
    public let pretty: Bool
    /// The member that holds the array of records, or nil for a bare array.
    public let root: String?
    private var output: ByteOutput
    private var records = 0
    private var finished = false

    /// A writer that hands its bytes to `sink`.
    public init(lines: Bool = false, pretty: Bool = false, root: String? = nil,
                sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.init(lines: lines, pretty: pretty, root: root, target: OutputTarget(sink: sink))
    }

    /// A writer to the file at `path` (created or truncated; `-` for standard output).
    public init(path: String, lines: Bool = false, pretty: Bool = false, root: String? = nil) throws(RecordOutputError) {
        self.init(lines: lines, pretty: pretty, root: root, target: try OutputTarget(path: path))
    }

    init(lines: Bool, pretty: Bool, root: String?, target: OutputTarget) {
        self.lines = lines
        self.pretty = pretty && !lines
        self.root = lines ? nil : root
        output = ByteOutput(target: target)
    }

    /// Writes one record.
    public mutating func write(_ record: RecordValue) throws {
        let mark = output.bytes.count
        let level = root == nil ? 1 : 2
        if !lines {
            if records == 0 { openArray() } else { output.bytes.append(UInt8(ascii: ",")) }
            if pretty { JSONText.newline(&output.bytes, level) }
        }
        do {
            try JSONText.append(record, to: &output.bytes, indent: pretty, level: level)
        } catch {
            output.bytes.removeSubrange(mark...)
            throw error.located(destination: output.target.name, record: records + 1)
        }
        if lines { output.bytes.append(0x0A) }
        records += 1
        try output.flushIfFull()
    }

    /// Closes the array (an empty one when there were no records), then flushes (and
    /// closes a file).
    public mutating func finish() throws {
        guard !finished else { return }
        finished = true
        if !lines {
            if records == 0 {
                openArray()
            } else if pretty {
                JSONText.newline(&output.bytes, root == nil ? 0 : 1)
            }
            output.bytes.append(UInt8(ascii: "]"))
            if root != nil {
                if pretty { output.bytes.append(0x0A) }
                output.bytes.append(UInt8(ascii: "}"))
            }
            output.bytes.append(0x0A)
        }
        try output.finish()
    }

    private mutating func openArray() {
        if let root {
            output.bytes.append(UInt8(ascii: "{"))
            if pretty { JSONText.newline(&output.bytes, 1) }
            JSONText.appendString(root, to: &output.bytes)
            output.bytes.append(UInt8(ascii: ":"))
            if pretty { output.bytes.append(0x20) }
        }
        output.bytes.append(UInt8(ascii: "["))
    }
}
