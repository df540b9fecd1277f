/// The tokens of JSON (RFC 8259).
enum JSONToken: Equatable {
    case beginObject, endObject, beginArray, endArray, colon, comma
    case string, number, trueLiteral, falseLiteral, null
    /// A line feed, reported instead of skipped when `stopAtNewline` is set (JSON Lines).
    case newline
    case end
}

/// A streaming JSON tokenizer over a `ByteInput`. A string's or number's text stays in
/// the buffer (or, for a string with escapes, in a scratch buffer) until the next token:
/// the caller turns it into a `String` only when it keeps it, or compares it in place.
///
/// Strings are checked as they are scanned: no raw control characters, only the escapes
/// RFC 8259 defines, `\u` surrogates in pairs, valid UTF-8. Numbers must follow the JSON
/// number grammar and keep their text as written.
struct JSONScanner {
    var input: ByteInput
    var pos = 0
    /// When set, a line feed is a token (`.newline`, not consumed) instead of whitespace.
    var stopAtNewline = false

    /// The buffer index and line of the last token's first byte.
    private(set) var tokenStart = 0
    private(set) var tokenLine = 1
    /// The text of the last string (unescaped) or number token, when not in `scratch`.
    private var textStart = 0
    private var textCount = 0
    private var textInScratch = false
    private var scratch: [UInt8] = []

    init(input: ByteInput) {
        self.input = input
    }

    // MARK: Tokens

    /// The next token.
    mutating func next() throws(RecordInputError) -> JSONToken {
        try skipWhitespace()
        guard pos < input.count else { return .end }
        tokenStart = pos
        tokenLine = input.line
        let b = input.bytes[pos]
        switch b {
        case UInt8(ascii: "{"): pos += 1; return .beginObject
        case UInt8(ascii: "}"): pos += 1; return .endObject
        case UInt8(ascii: "["): pos += 1; return .beginArray
        case UInt8(ascii: "]"): pos += 1; return .endArray
        case UInt8(ascii: ":"): pos += 1; return .colon
        case UInt8(ascii: ","): pos += 1; return .comma
        case UInt8(ascii: "\""): try scanString(); return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber(); return .number
        case UInt8(ascii: "t"): try scanLiteral("true"); return .trueLiteral
        case UInt8(ascii: "f"): try scanLiteral("false"); return .falseLiteral
        case UInt8(ascii: "n"): try scanLiteral("null"); return .null
        case 0x0A: return .newline
        default:
            throw error(Self.unexpected(at: input.bytes + pos, available: input.count - pos), at: pos)
        }
    }

    /// Skips spaces, tabs, CRs and (unless `stopAtNewline`) line feeds.
    private mutating func skipWhitespace() throws(RecordInputError) {
        while true {
            let p = input.bytes
            let n = input.count
            while pos < n {
                let b = p[pos]
                if b == 0x20 || b == 0x09 || b == 0x0D {
                    pos += 1
                } else if b == 0x0A, !stopAtNewline {
                    pos += 1
                    input.newLine(at: pos)
                } else {
                    return
                }
            }
            if input.atEnd { return }
            pos -= try input.refill(keepingFrom: pos)
        }
    }

    /// Consumes the line feed a `.newline` token reported.
    mutating func consumeNewline() {
        pos += 1
        input.newLine(at: pos)
    }

    /// Skips past the next line feed (or to the end): the way back into step after an
    /// error in a JSON Lines record. A raw line feed never occurs inside a JSON string.
    mutating func skipLine() throws(RecordInputError) {
        while true {
            let p = input.bytes
            let n = input.count
            while pos < n {
                if p[pos] == 0x0A {
                    consumeNewline()
                    return
                }
                pos += 1
            }
            if input.atEnd { return }
            pos -= try input.refill(keepingFrom: n)
        }
    }

    /// Refills keeping the current token; false when nothing more could be read.
    private mutating func more(_ indexes: inout Int, _ other: inout Int) throws(RecordInputError) -> Bool {
        if input.atEnd { return false }
        let before = input.count - tokenStart
        let shift = try input.refill(keepingFrom: tokenStart)
        tokenStart -= shift
        pos -= shift
        indexes -= shift
        other -= shift
        return input.count - tokenStart > before
    }

    // MARK: Strings

    private mutating func scanString() throws(RecordInputError) {
        var i = pos + 1
        var start = i
        var high: UInt8 = 0
        textInScratch = false
        while true {
            let p = input.bytes
            let n = input.count
            while i < n {
                let b = p[i]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
                high |= b
                i += 1
            }
            if i >= n {
                guard try more(&i, &start) else { throw error("the string never ends: its closing quote is missing", at: tokenStart) }
                continue
            }
            let b = p[i]
            if b == UInt8(ascii: "\"") {
                if textInScratch {
                    scratch.append(contentsOf: UnsafeBufferPointer(start: p + start, count: i - start))
                } else {
                    textStart = start
                    textCount = i - start
                }
                pos = i + 1
                if high >= 0x80 {
                    let valid = textInScratch ? scratch.withUnsafeBufferPointer { UTF8Check.isValid($0) }
                        : UTF8Check.isValid(UnsafeBufferPointer(start: p + textStart, count: textCount))
                    if !valid { throw error("the string is not valid UTF-8", at: tokenStart) }
                }
                return
            }
            if b < 0x20 {
                throw error("a control character (U+00\(Self.hex2(b))) must be escaped in a string", at: i)
            }
            // A backslash: make sure the longest escape (a surrogate pair, 12 bytes) is here.
            if n - i < 12, !input.atEnd {
                _ = try more(&i, &start)
                continue
            }
            if !textInScratch {
                scratch.removeAll(keepingCapacity: true)
                textInScratch = true
            }
            scratch.append(contentsOf: UnsafeBufferPointer(start: p + start, count: i - start))
            i += try unescape(at: i, available: n - i)
            start = i
        }
    }

    /// Decodes the escape at `i` into `scratch`; returns its length in bytes.
    private mutating func unescape(at i: Int, available: Int) throws(RecordInputError) -> Int {
        let p = input.bytes + i
        guard available >= 2 else { throw error("the string never ends: its closing quote is missing", at: tokenStart) }
        let simple: UInt8
        switch p[1] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            guard let unit = Self.hex4(p + 2, available - 2) else {
                throw error("\\u must be followed by four hexadecimal digits", at: i)
            }
            var scalar = UInt32(unit)
            var length = 6
            if unit >= 0xD800, unit < 0xDC00 {
                guard available >= 12, p[6] == UInt8(ascii: "\\"), p[7] == UInt8(ascii: "u"),
                      let low = Self.hex4(p + 8, available - 8), low >= 0xDC00, low < 0xE000 else {
                    throw error("the escape \\u\(Self.hex4Text(unit)) is half of a surrogate pair without its other half", at: i)
                }
                scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                length = 12
            } else if unit >= 0xDC00, unit < 0xE000 {
                throw error("the escape \\u\(Self.hex4Text(unit)) is half of a surrogate pair without its other half", at: i)
            }
            for b in Unicode.UTF8.encode(Unicode.Scalar(scalar)!)! { scratch.append(b) }
            return length
        default:
            throw error("\\\(Character(Unicode.Scalar(p[1]))) is not a JSON escape (only \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX are)",
                        at: i)
        }
        scratch.append(simple)
        return 2
    }

    // MARK: Numbers and literals

    private mutating func scanNumber() throws(RecordInputError) {
        var i = pos
        var unused = 0
        while true {
            let p = input.bytes
            let n = input.count
            while i < n {
                let b = p[i]
                guard (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                    || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") else { break }
                i += 1
            }
            if i < n { break }
            guard try more(&i, &unused) else { break }
        }
        textInScratch = false
        textStart = tokenStart
        textCount = i - tokenStart
        pos = i
        guard JSONText.isNumber(UnsafeBufferPointer(start: input.bytes + textStart, count: textCount)) else {
            throw error("\(String(decoding: UnsafeBufferPointer(start: input.bytes + textStart, count: min(textCount, 40)), as: UTF8.self)) is not a JSON number",
                        at: tokenStart)
        }
    }

    private mutating func scanLiteral(_ word: StaticString) throws(RecordInputError) {
        let length = word.utf8CodeUnitCount
        while input.count - pos < length, !input.atEnd {
            pos -= try input.refill(keepingFrom: pos)
            tokenStart = pos
        }
        let p = input.bytes + pos
        let available = input.count - pos
        var matches = available >= length
        if matches {
            for k in 0..<length where p[k] != word.utf8Start[k] {
                matches = false
                break
            }
        }
        guard matches else { throw error(Self.unexpected(at: p, available: available), at: pos) }
        pos += length
    }

    // MARK: Token text

    /// The last string or number token's text as a `String` (already checked to be UTF-8).
    func string() -> String {
        if textInScratch { return String(decoding: scratch, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(start: input.bytes + textStart, count: textCount), as: UTF8.self)
    }

    /// Calls `body` with the last string or number token's text.
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if textInScratch { return scratch.withUnsafeBufferPointer(body) }
        return body(UnsafeBufferPointer(start: input.bytes + textStart, count: textCount))
    }

    /// Whether the last string token's text is `bytes`.
    func textEquals(_ bytes: [UInt8]) -> Bool {
        withText { Self.equal($0, bytes) }
    }

    /// Whether `text` and `bytes` hold the same bytes.
    @inline(__always)
    static func equal(_ text: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8]) -> Bool {
        guard text.count == bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            for k in 0..<b.count where text[k] != b[k] { return false }
            return true
        }
    }

    /// A cheap hash of the last string token's text (its length and three of its bytes),
    /// and its length: enough to pick a cache slot, which is then checked byte by byte.
    func textHash() -> (UInt64, Int) {
        withText { text in
            let n = text.count
            guard n > 0 else { return (0, 0) }
            let h = UInt64(n) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(text[0]) ^ UInt64(text[n - 1]) << 8 ^ UInt64(text[n / 2]) << 16
            return (h ^ (h >> 29) ^ (h >> 41), n)
        }
    }

    // MARK: Errors

    /// An error at buffer index `index` (on the current line).
    mutating func error(_ message: String, at index: Int) -> RecordInputError {
        input.error(message, at: index)
    }

    /// An error at the start of the last token.
    mutating func errorAtToken(_ message: String) -> RecordInputError {
        input.error(message, at: tokenStart)
    }

    static func unexpected(at p: UnsafePointer<UInt8>, available: Int) -> String {
        guard available > 0 else { return "unexpected end of input" }
        let b = p[0]
        if b >= 0x21, b < 0x7F { return "unexpected '\(Character(Unicode.Scalar(b)))'" }
        if b == 0x0A { return "unexpected end of line" }
        return "unexpected byte 0x\(hex2(b))"
    }

    static func hex2(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }

    static func hex4Text(_ v: UInt16) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - s.count) + s
    }

    static func hex4(_ p: UnsafePointer<UInt8>, _ available: Int) -> UInt16? {
        guard available >= 4 else { return nil }
        var v: UInt16 = 0
        for k in 0..<4 {
            let b = p[k]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: return nil
            }
            v = v << 4 | UInt16(d)
        }
        return v
    }
}
