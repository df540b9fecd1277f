/// JSON text (RFC 8259) as bytes: the number grammar, string escaping, and whole values,
/// for the JSON writer and for nested values the CSV writer puts in one field.
enum JSONText {
    /// Whether `bytes` is a JSON number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        @inline(__always) func digit(_ k: Int) -> Bool { k < n && bytes[k] >= 0x30 && bytes[k] <= 0x39 }
        if i < n, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digit(i) else { return false }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while digit(i) { i += 1 }
        }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        return i == n
    }

    /// Whether `text` is a JSON number.
    static func isNumber(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { isNumber($0) }
    }

    /// Appends `text` as a JSON string: quoted, with `"`, `\` and the control characters
    /// escaped (`\n`, `\t` … or `\u00XX`), everything else as UTF-8.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        var copy = text
        copy.withUTF8 { bytes in
            var start = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                start = i + 1
                out.append(0x5C)
                switch b {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    out.append(contentsOf: Array("u00".utf8))
                    out.append(contentsOf: Array(JSONScanner.hex2(b).utf8))
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(0x22)
    }

    /// Appends `value` as JSON text. With `indent`, objects and arrays are laid out one
    /// member per line, indented by two spaces per `level`; without, on one line with no
    /// spaces. Throws for a number that is not a JSON number.
    static func append(_ value: RecordValue, to out: inout [UInt8], indent: Bool = false, level: Int = 0)
        throws(RecordOutputError) {
        switch value {
        case .null:
            out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b):
            out.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
        case .number(let text):
            guard isNumber(text) else {
                throw RecordOutputError("\"\(text)\" is not a JSON number (give the field the type number only for numbers)")
            }
            out.append(contentsOf: text.utf8)
        case .string(let text):
            appendString(text, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                if indent { newline(&out, level + 1) }
                try append(item, to: &out, indent: indent, level: level + 1)
            }
            if indent, !items.isEmpty { newline(&out, level) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (k, member) in members.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                if indent { newline(&out, level + 1) }
                appendString(member.name, to: &out)
                out.append(UInt8(ascii: ":"))
                if indent { out.append(0x20) }
                try append(member.value, to: &out, indent: indent, level: level + 1)
            }
            if indent, !members.isEmpty { newline(&out, level) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A line feed and two spaces per level.
    static func newline(_ out: inout [UInt8], _ level: Int) {
        out.append(0x0A)
        for _ in 0..<(2 * level) { out.append(0x20) }
    }
}
