/// The character encoding of a text record file (CSV above all; JSON and XML are UTF-8 or
/// declare their own). Readers decode to UTF-8 as the bytes stream in; writers encode.
public enum RecordEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8, with or without a byte order mark (a BOM at the start is skipped).
    case utf8 = "utf-8"
    /// ISO 8859-1 (Latin-1): each byte is the code point of the same value.
    case iso8859_1 = "iso-8859-1"
    /// Windows-1252: Latin-1 with printable characters (€, Š, „ …) in 0x80–0x9F.
    case windows1252 = "windows-1252"

    /// The encoding called `name`, case-insensitively, with the usual aliases (`utf8`,
    /// `latin1`, `latin-1`, `iso8859-1`, `cp1252`); nil for an encoding not supported.
    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1": self = .iso8859_1
        case "windows-1252", "cp1252", "win-1252": self = .windows1252
        default: return nil
        }
    }

    /// The code point of each Windows-1252 byte in 0x80–0x9F. The five bytes the code page
    /// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same
    /// value, as the WHATWG Encoding Standard does, so no byte is ever lost.
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The most UTF-8 bytes one input byte can decode to.
    var maxExpansion: Int {
        switch self {
        case .utf8: 1
        case .iso8859_1: 2
        case .windows1252: 3
        }
    }

    /// Decodes `count` single-byte characters at `source` to UTF-8 at `target`, which has
    /// room for `count * maxExpansion` bytes; returns the number of bytes written.
    /// (UTF-8 input is never passed here.)
    func decode(_ source: UnsafePointer<UInt8>, count: Int, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var out = 0
        for i in 0..<count {
            let b = source[i]
            if b < 0x80 {
                target[out] = b
                out += 1
                continue
            }
            var scalar = UInt32(b)
            if self == .windows1252, b < 0xA0 { scalar = UInt32(Self.windows1252High[Int(b - 0x80)]) }
            if scalar < 0x800 {
                target[out] = UInt8(0xC0 | (scalar >> 6))
                target[out + 1] = UInt8(0x80 | (scalar & 0x3F))
                out += 2
            } else {
                target[out] = UInt8(0xE0 | (scalar >> 12))
                target[out + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                target[out + 2] = UInt8(0x80 | (scalar & 0x3F))
                out += 3
            }
        }
        return out
    }

    /// The byte that stands for `scalar` in this single-byte encoding, or nil if it has none.
    func encodeByte(_ scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        switch self {
        case .utf8:
            return v < 0x80 ? UInt8(v) : nil
        case .iso8859_1:
            return v < 0x100 ? UInt8(v) : nil
        case .windows1252:
            if v < 0x80 || (v >= 0xA0 && v < 0x100) { return UInt8(v) }
            if let i = Self.windows1252High.firstIndex(of: UInt16(truncatingIfNeeded: v)), v < 0x10000 {
                return UInt8(0x80 + i)
            }
            return nil
        }
    }

    /// Appends `text` in this encoding to `bytes`; throws naming the first character the
    /// encoding cannot represent.
    func append(_ text: String, to bytes: inout [UInt8]) throws(RecordOutputError) {
        if self == .utf8 {
            bytes.append(contentsOf: text.utf8)
            return
        }
        for scalar in text.unicodeScalars {
            guard let b = encodeByte(scalar) else {
                throw RecordOutputError("the character \(Self.describe(scalar)) cannot be written in \(rawValue)")
            }
            bytes.append(b)
        }
    }

    /// `'€' (U+20AC)`.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "'\(Character(scalar))' (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))"
    }
}
