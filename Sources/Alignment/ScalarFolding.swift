import Foundation

/// Unicode normalisation, case folding and character classes for labels, with fast paths
/// for Latin-1 text (all of Norwegian and English).
enum ScalarFolding {
    /// `text` in Unicode Normalization Form C. Text made only of scalars below U+0300
    /// (no combining marks) is already NFC and is returned as it is.
    static func nfc(_ text: String) -> String {
        // U+0300 and above start with a UTF-8 byte of 0xCC or more; continuation bytes are lower.
        if !text.utf8.contains(where: { $0 >= 0xCC }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Appends the case-folded form of `scalar` (Unicode full case folding for Latin-1,
    /// `ß`/`ẞ` and final sigma; lower-case mapping elsewhere) to `output`.
    @inline(__always)
    static func appendFolded(_ scalar: Unicode.Scalar, to output: inout [Unicode.Scalar]) {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x41, value <= 0x5A {
                output.append(Unicode.Scalar(UInt8(value + 0x20)))
            } else {
                output.append(scalar)
            }
            return
        }
        if value < 0x100 {
            if value >= 0xC0, value <= 0xDE, value != 0xD7 {
                output.append(Unicode.Scalar(UInt8(value + 0x20)))
            } else if value == 0xDF {
                output.append("s")
                output.append("s")
            } else if value == 0xB5 {
                output.append("\u{3BC}")
            } else {
                output.append(scalar)
            }
            return
        }
        switch value {
        case 0x1E9E:
            output.append("s")
            output.append("s")
        case 0x3C2:
            output.append("\u{3C3}")
        default:
            if scalar.properties.changesWhenCaseFolded {
                output.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
    }

    /// Whether `scalar` belongs to a word: a letter, a digit or a combining mark.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
        }
        if value < 0x100 {
            return (value >= 0xC0 && value != 0xD7 && value != 0xF7) || value == 0xAA || value == 0xB5 || value == 0xBA
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Apostrophes, which are dropped inside words (`Bowman's` → `bowmans`) instead of
    /// splitting them.
    @inline(__always)
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2BC}"
    }

    /// Whether `scalar` is white space.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        if value < 0x100 { return value == 0x85 || value == 0xA0 }
        return scalar.properties.isWhitespace
    }
}
