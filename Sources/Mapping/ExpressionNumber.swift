/// Number formatting for the `number` function: reads a number written with `.` (or the
/// given decimal mark) and optional spaces between digit groups, rounds it half away
/// from zero to a number of decimals, and writes it with the given decimal mark and
/// thousands separator. Works on the digits, so nothing is lost to binary floating point.
struct ExpressionNumber: Sendable, Hashable {
    /// Decimals to round to, or nil to keep those given.
    var decimals: Int?
    /// The decimal mark written (`.` by default; `,` in Norwegian).
    var decimalMark: String = "."
    /// The thousands separator written (none by default; `" "` in Norwegian).
    var thousandsSeparator: String = ""
    /// The decimal mark of the input (`.` by default). With `,`, dots in the input are
    /// taken as thousands separators.
    var inputDecimalMark: Character = "."

    /// A number as sign, integer digits and fraction digits.
    struct Digits: Equatable {
        var negative: Bool
        var integer: [UInt8]
        var fraction: [UInt8]
    }

    /// Formats `text`; throws a rejection when it is not a number.
    func format(_ text: String) throws(ExpressionRejection) -> String {
        guard var d = parse(text) else { throw ExpressionRejection("'\(text)' is not a number") }
        if let decimals { d = Self.round(d, to: decimals) }
        var integer = String(decoding: d.integer.map { $0 + 0x30 }, as: UTF8.self)
        if !thousandsSeparator.isEmpty, integer.count > 3 {
            var grouped = ""
            for (i, c) in integer.enumerated() {
                if i > 0, (integer.count - i) % 3 == 0 { grouped += thousandsSeparator }
                grouped.append(c)
            }
            integer = grouped
        }
        var out = d.negative && !(d.integer.allSatisfy { $0 == 0 } && d.fraction.allSatisfy { $0 == 0 }) ? "-" : ""
        out += integer
        if !d.fraction.isEmpty { out += decimalMark + String(decoding: d.fraction.map { $0 + 0x30 }, as: UTF8.self) }
        return out
    }

    /// Reads `-1 234.5`, `+12`, `1.5E3`, `.5`; nil when it is not a number.
    func parse(_ text: String) -> Digits? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if s.first == "-" || s.first == "+" { negative = s.first == "-"; s = s.dropFirst() }
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        var exponent = 0
        var seenMark = false
        var index = s.startIndex
        while index < s.endIndex {
            let c = s[index]
            if let v = c.asciiValue, v >= 0x30, v <= 0x39 {
                if seenMark { fraction.append(v - 0x30) } else { integer.append(v - 0x30) }
            } else if c == inputDecimalMark, !seenMark {
                seenMark = true
            } else if c == " " || c == "\u{A0}" || c == "\u{202F}" || (inputDecimalMark == "," && c == "."), !seenMark, !integer.isEmpty {
                // a thousands separator
            } else if c == "e" || c == "E", !(integer.isEmpty && fraction.isEmpty) {
                guard let e = Int(s[s.index(after: index)...]), abs(e) < 1000 else { return nil }
                exponent = e
                break
            } else {
                return nil
            }
            index = s.index(after: index)
        }
        if integer.isEmpty && fraction.isEmpty { return nil }
        if exponent > 0 {
            let moved = fraction.prefix(exponent)
            integer += moved + [UInt8](repeating: 0, count: exponent - moved.count)
            fraction = Array(fraction.dropFirst(moved.count))
        } else if exponent < 0 {
            let n = -exponent
            let padded = [UInt8](repeating: 0, count: max(0, n - integer.count)) + integer
            fraction = Array(padded.suffix(n)) + fraction
            integer = Array(padded.dropLast(n))
        }
        while integer.count > 1, integer.first == 0 { integer.removeFirst() }
        if integer.isEmpty { integer = [0] }
        return Digits(negative: negative, integer: integer, fraction: fraction)
    }

    /// `d` rounded half away from zero to `decimals` fraction digits (padded with zeros).
    static func round(_ d: Digits, to decimals: Int) -> Digits {
        var r = d
        if r.fraction.count <= decimals {
            r.fraction += [UInt8](repeating: 0, count: decimals - r.fraction.count)
            return r
        }
        let roundUp = r.fraction[decimals] >= 5
        var digits = r.integer + r.fraction.prefix(decimals)
        if roundUp {
            var i = digits.count - 1
            while i >= 0 {
                if digits[i] == 9 { digits[i] = 0; i -= 1 } else { digits[i] += 1; break }
            }
            if i < 0 { digits.insert(1, at: 0) }
        }
        r.integer = Array(digits.prefix(digits.count - decimals))
        r.fraction = Array(digits.suffix(decimals))
        return r
    }
}
