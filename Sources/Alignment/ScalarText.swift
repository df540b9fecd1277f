/// Small helpers for code that works on arrays of Unicode scalars instead of `String`.
enum ScalarText {
    /// The scalars of a string literal or word.
    static func scalars(_ text: String) -> [Unicode.Scalar] {
        Array(text.unicodeScalars)
    }

    /// A string made of the given scalars, encoded straight into the string's UTF-8 storage.
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var byteCount = 0
        for scalar in scalars { byteCount += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var i = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[i] = UInt8(truncatingIfNeeded: value)
                    i += 1
                } else if value < 0x800 {
                    buffer[i] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
                    buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    i += 2
                } else if value < 0x1_0000 {
                    buffer[i] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
                    buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F)
                    buffer[i + 2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    i += 3
                } else {
                    buffer[i] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
                    buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | (value >> 12) & 0x3F)
                    buffer[i + 2] = UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F)
                    buffer[i + 3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    i += 4
                }
            }
            return i
        }
    }

    /// Whether `word[..<end]` ends with `suffix`.
    @inline(__always)
    static func hasSuffix(_ word: [Unicode.Scalar], end: Int, _ suffix: [Unicode.Scalar]) -> Bool {
        let count = suffix.count
        guard count <= end else { return false }
        var i = 0
        let start = end - count
        while i < count {
            if word[start + i] != suffix[i] { return false }
            i += 1
        }
        return true
    }

    /// Whether `word[..<end]` is exactly `other`.
    @inline(__always)
    static func equals(_ word: [Unicode.Scalar], end: Int, _ other: [Unicode.Scalar]) -> Bool {
        end == other.count && hasSuffix(word, end: end, other)
    }
}
