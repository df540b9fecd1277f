/// An xsd:decimal (or integer) kept as its digits, so comparisons are exact at any size
/// (XSD 1.1 Part 2 §3.3.3: `[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)`).
struct DecimalText: Comparable {
    let negative: Bool
    /// Integer digits without leading zeros.
    let integer: [UInt8]
    /// Fraction digits without trailing zeros.
    let fraction: [UInt8]

    init?(_ s: String) {
        var bytes = Array(s.utf8)[...]
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let dot = bytes.firstIndex(of: UInt8(ascii: "."))
        let intPart = dot.map { bytes[..<$0] } ?? bytes
        let fracPart = dot.map { bytes[bytes.index(after: $0)...] } ?? []
        guard !(intPart.isEmpty && fracPart.isEmpty),
              intPart.allSatisfy(\.isDigit), fracPart.allSatisfy(\.isDigit) else { return nil }
        integer = Array(intPart.drop(while: { $0 == UInt8(ascii: "0") }))
        var frac = Array(fracPart)
        while frac.last == UInt8(ascii: "0") { frac.removeLast() }
        fraction = frac
        self.negative = negative && !(integer.isEmpty && fraction.isEmpty)
    }

    static func < (a: DecimalText, b: DecimalText) -> Bool {
        if a.negative != b.negative { return a.negative }
        let magnitudeLess = lessMagnitude(a, b)
        return a.negative ? lessMagnitude(b, a) : magnitudeLess
    }

    private static func lessMagnitude(_ a: DecimalText, _ b: DecimalText) -> Bool {
        if a.integer.count != b.integer.count { return a.integer.count < b.integer.count }
        if a.integer != b.integer { return a.integer.lexicographicallyPrecedes(b.integer) }
        return a.fraction.lexicographicallyPrecedes(b.fraction)
    }

    var double: Double {
        let int = integer.isEmpty ? "0" : String(decoding: integer, as: UTF8.self)
        let frac = fraction.isEmpty ? "0" : String(decoding: fraction, as: UTF8.self)
        return Double((negative ? "-" : "") + int + "." + frac) ?? .nan
    }
}
