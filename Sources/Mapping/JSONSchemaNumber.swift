/// A JSON number as an exact decimal, `digits × 10^exponent`, read from its text so that
/// `1.0` equals `1`, `1e2` equals `100`, and comparisons never round.
struct JSONSchemaNumber: Sendable, Hashable {
    /// True for numbers below zero (never for zero).
    let negative: Bool
    /// Significant digits without leading or trailing zeros; empty for zero.
    let digits: [UInt8]
    /// The power of ten the last digit stands for.
    let exponent: Int

    /// Reads JSON number text (`-12.50e3`); nil for anything else.
    init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var digits: [UInt8] = []
        var exponent = 0
        var seenDigit = false
        var inFraction = false
        while let byte = bytes.first {
            if byte >= 48 && byte <= 57 {
                seenDigit = true
                digits.append(byte - 48)
                if inFraction { exponent -= 1 }
            } else if byte == UInt8(ascii: "."), !inFraction {
                inFraction = true
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard seenDigit else { return nil }
        if let byte = bytes.first {
            guard byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") else { return nil }
            bytes = bytes.dropFirst()
            var exponentNegative = false
            if bytes.first == UInt8(ascii: "-") { exponentNegative = true; bytes = bytes.dropFirst() }
            else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard !bytes.isEmpty else { return nil }
            var value = 0
            for byte in bytes {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = min(value * 10 + Int(byte - 48), 1_000_000_000)
            }
            exponent += exponentNegative ? -value : value
        }
        let first = digits.firstIndex { $0 != 0 } ?? digits.endIndex
        digits.removeSubrange(..<first)
        while digits.last == 0 { digits.removeLast(); exponent += 1 }
        if digits.isEmpty { exponent = 0; negative = false }
        self.negative = negative
        self.digits = digits
        self.exponent = exponent
    }

    /// True for whole numbers (`1.0` included).
    var isInteger: Bool { exponent >= 0 }

    /// True when `self` is less than `other`.
    func less(than other: JSONSchemaNumber) -> Bool {
        if negative != other.negative { return negative }
        let magnitude = Self.compareMagnitude(self, other)
        return negative ? magnitude > 0 : magnitude < 0
    }

    /// -1, 0 or 1 as |a| is less than, equal to or greater than |b|.
    private static func compareMagnitude(_ a: JSONSchemaNumber, _ b: JSONSchemaNumber) -> Int {
        if a.digits.isEmpty || b.digits.isEmpty {
            return a.digits.isEmpty ? (b.digits.isEmpty ? 0 : -1) : 1
        }
        let aTop = a.digits.count + a.exponent
        let bTop = b.digits.count + b.exponent
        if aTop != bTop { return aTop < bTop ? -1 : 1 }
        for i in 0..<max(a.digits.count, b.digits.count) {
            let x = i < a.digits.count ? a.digits[i] : 0
            let y = i < b.digits.count ? b.digits[i] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    /// True when `self` divided by `divisor` is a whole number; exact while the divisor,
    /// scaled to the finer of the two exponents, stays below 10^17, else by `Double`.
    func isMultiple(of divisor: JSONSchemaNumber) -> Bool {
        if digits.isEmpty { return true }
        if divisor.digits.isEmpty { return false }
        let common = min(exponent, divisor.exponent)
        let divisorScale = divisor.exponent - common
        if divisor.digits.count + divisorScale <= 17 {
            var modulus: UInt64 = 0
            for digit in divisor.digits { modulus = modulus * 10 + UInt64(digit) }
            for _ in 0..<divisorScale { modulus *= 10 }
            var remainder: UInt64 = 0
            for digit in digits { remainder = (remainder * 10 + UInt64(digit)) % modulus }
            remainder = Self.multiply(remainder, Self.power(ten: exponent - common, modulo: modulus), modulo: modulus)
            return remainder == 0
        }
        let quotient = double / divisor.double
        return quotient.isFinite && quotient == quotient.rounded()
    }

    /// 10^n mod m, by squaring.
    private static func power(ten n: Int, modulo m: UInt64) -> UInt64 {
        var result: UInt64 = 1 % m
        var base: UInt64 = 10 % m
        var n = n
        while n > 0 {
            if n & 1 == 1 { result = multiply(result, base, modulo: m) }
            base = multiply(base, base, modulo: m)
            n >>= 1
        }
        return result
    }

    /// a × b mod m without overflow (a and b below m).
    private static func multiply(_ a: UInt64, _ b: UInt64, modulo m: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return m.dividingFullWidth((product.high, product.low)).remainder
    }

    /// The nearest `Double`.
    var double: Double {
        var text = negative ? "-" : ""
        text += digits.isEmpty ? "0" : digits.map { String($0) }.joined()
        text += "e\(exponent)"
        return Double(text) ?? 0
    }
}
