/// Writes the rejects file: JSON Lines, one object per record that could not be mapped or
/// read, with its number, input file, line, the input record and the reason:
/// `{"record":3,"source":"in.json","line":12,"input":{…},"reason":"field 'orgnr': required but empty"}`.
public final class ExecutorRejects {
    private let output: ([UInt8]) throws -> Void
    /// How many rejects were written.
    public private(set) var count = 0

    /// Rejects whose lines go to `output`, one call per line (with its newline).
    public init(output: @escaping ([UInt8]) throws -> Void) {
        self.output = output
    }

    /// Writes one reject; `input` is nil for a record that could not be read.
    public func write(position: RecordPosition, input: RecordValue?, reason: String) throws {
        var line: [UInt8] = []
        line.append(contentsOf: "{\"record\":\(position.number),\"source\":".utf8)
        Self.appendString(position.source, to: &line)
        line.append(contentsOf: ",\"line\":\(position.line),\"input\":".utf8)
        Self.append(input ?? .null, to: &line)
        line.append(contentsOf: ",\"reason\":".utf8)
        Self.appendString(reason, to: &line)
        line.append(contentsOf: "}\n".utf8)
        try output(line)
        count += 1
    }

    /// A record value as compact JSON, members in their order.
    static func append(_ value: RecordValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n):
            // Numbers from CSV or XML text may not be JSON numbers; keep them valid JSON.
            if RDFTargetLiteral.isDouble(n), !n.hasPrefix("+"), !n.hasPrefix("."), !["INF", "-INF", "+INF", "NaN"].contains(n) {
                out.append(contentsOf: n.utf8)
            } else {
                appendString(n, to: &out)
            }
        case .string(let s): appendString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, m) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendString(m.name, to: &out)
                out.append(UInt8(ascii: ":"))
                append(m.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string: `"`, `\` and control characters escaped, the rest as UTF-8.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = String(b, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
