/// How SSSOM/TSV writes values inside a cell: `|`-separated lists with `\|` and `\\`
/// escapes, and floating-point numbers.
enum SSSOMValueCoding {
    /// Splits a multi-valued cell at unescaped `|`; `\|` is a `|` inside a value, `\\` a
    /// `\`, and any other `\` is itself (spec-formats-tsv, "Multi-valued slots").
    static func split(_ cell: String) -> [String] {
        var values: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = cell.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\\", let next = pending, next == "|" || next == "\\" {
                current.append(next)
                pending = scalars.next()
            } else if scalar == "|" {
                values.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        values.append(String(current))
        return values
    }

    /// Joins values into one cell, escaping `\` and `|` in each.
    static func join(_ values: [String]) -> String {
        values.map { value in
            guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "|") }) else {
                return value
            }
            var escaped = ""
            for scalar in value.unicodeScalars {
                if scalar == "\\" || scalar == "|" { escaped.unicodeScalars.append("\\") }
                escaped.unicodeScalars.append(scalar)
            }
            return escaped
        }.joined(separator: "|")
    }

    /// A number as canonical SSSOM/TSV writes it: at most three digits after the point
    /// (`0.95`, `1.0`). A value that three digits would change is written with all the
    /// digits it needs instead, so that nothing is lost.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.description }
        let thousandths = (value * 1000).rounded()
        guard abs(thousandths) < 1e15, thousandths / 1000 == value else { return value.description }
        let negative = thousandths < 0
        let magnitude = Int64(abs(thousandths))
        var fraction = String(magnitude % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.count > 1, fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + String(magnitude / 1000) + "." + fraction
    }
}
