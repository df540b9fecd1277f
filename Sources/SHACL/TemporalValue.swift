import RDF

/// A date/time literal (xsd:dateTime, date, time and the g* types) parsed to a point on a
/// time line for comparison (XSD 1.1 Part 2 §3.3.7–3.3.15, §E.3 order).
struct TemporalValue {
    let datatype: String
    /// Seconds from 0000-01-01T00:00:00 in the literal's own clock (not shifted by timezone).
    let localSeconds: Double
    /// Timezone offset in minutes, when given.
    let timezone: Int?

    /// The instant in UTC seconds, for values with a timezone.
    var utcSeconds: Double { localSeconds - Double((timezone ?? 0) * 60) }

    init?(_ s: String, datatype: String) {
        var text = Substring(s)
        var tz: Int?
        if text.hasSuffix("Z") {
            tz = 0
            text = text.dropLast()
        } else if text.count >= 6 {
            let tail = text.suffix(6)
            let b = Array(tail.utf8)
            if (b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-")), b[3] == UInt8(ascii: ":"),
               let h = Int(tail.dropFirst().prefix(2)), let m = Int(tail.suffix(2)),
               tail.dropFirst().prefix(2).utf8.allSatisfy(\.isDigit), tail.suffix(2).utf8.allSatisfy(\.isDigit) {
                guard h < 14 && m < 60 || h == 14 && m == 0 else { return nil }
                tz = (b[0] == UInt8(ascii: "-") ? -1 : 1) * (h * 60 + m)
                text = text.dropLast(6)
            }
        }
        guard let seconds = Self.localSeconds(text, datatype: datatype) else { return nil }
        self.datatype = datatype
        self.localSeconds = seconds
        self.timezone = tz
    }

    private static func localSeconds(_ t: Substring, datatype: String) -> Double? {
        let xsd = Namespace.xsd
        switch datatype {
        case xsd("dateTime"):
            guard let tIndex = t.firstIndex(of: "T"), let day = date(t[..<tIndex]),
                  let time = time(t[t.index(after: tIndex)...]) else { return nil }
            return day * 86400 + time
        case xsd("date"):
            return date(t).map { $0 * 86400 }
        case xsd("time"):
            return time(t)
        case xsd("gYear"):
            return year(t).map { Double(daysBefore(year: $0)) * 86400 }
        case xsd("gYearMonth"):
            guard let dash = t.lastIndex(of: "-"), dash != t.startIndex, let y = year(t[..<dash]),
                  let m = twoDigits(t[t.index(after: dash)...]), (1...12).contains(m) else { return nil }
            return Double(daysBefore(year: y) + daysBefore(month: m, year: y)) * 86400
        case xsd("gMonthDay"):
            guard t.hasPrefix("--"), t.count == 7, let m = twoDigits(t.dropFirst(2).prefix(2)), t.dropFirst(4).first == "-",
                  let d = twoDigits(t.suffix(2)), (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: 2000) else { return nil }
            return Double(daysBefore(month: m, year: 2000) + d - 1) * 86400
        case xsd("gMonth"):
            guard t.hasPrefix("--"), t.count == 4, let m = twoDigits(t.suffix(2)), (1...12).contains(m) else { return nil }
            return Double(daysBefore(month: m, year: 2000)) * 86400
        case xsd("gDay"):
            guard t.hasPrefix("---"), t.count == 5, let d = twoDigits(t.suffix(2)), (1...31).contains(d) else { return nil }
            return Double(d - 1) * 86400
        default:
            return nil
        }
    }

    /// `-?YYYY-MM-DD` as days from year 0.
    private static func date(_ t: Substring) -> Double? {
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        let negative = t.hasPrefix("-")
        let p = negative ? Array(parts.dropFirst()) : parts
        guard p.count == 3, let y = year((negative ? "-" : "") + p[0]),
              let m = twoDigits(p[1]), let d = twoDigits(p[2]),
              (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
        return Double(daysBefore(year: y) + daysBefore(month: m, year: y) + d - 1)
    }

    /// `hh:mm:ss(.s+)?` as seconds; 24:00:00 is the end of the day.
    private static func time(_ t: Substring) -> Double? {
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let h = twoDigits(parts[0]), let m = twoDigits(parts[1]) else { return nil }
        let sec = parts[2]
        let whole = sec.prefix(while: { $0 != "." })
        guard whole.count == 2, whole.utf8.allSatisfy(\.isDigit), let secs = Double(sec),
              sec.count == 2 || (sec.count > 3 && sec.dropFirst(3).utf8.allSatisfy(\.isDigit)) else { return nil }
        if h == 24 { return m == 0 && secs == 0 ? 86400 : nil }
        guard h < 24, m < 60, secs < 60 else { return nil }
        return Double(h * 3600 + m * 60) + secs
    }

    private static func year<S: StringProtocol>(_ t: S) -> Int? {
        let digits = t.hasPrefix("-") ? t.dropFirst() : t[...]
        guard digits.count >= 4, digits.utf8.allSatisfy(\.isDigit),
              digits.count == 4 || digits.first != "0", let y = Int(digits) else { return nil }
        return t.hasPrefix("-") ? -y : y
    }

    private static func twoDigits<S: StringProtocol>(_ t: S) -> Int? {
        guard t.count == 2, t.utf8.allSatisfy(\.isDigit) else { return nil }
        return Int(t)
    }

    static func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func daysBefore(month m: Int, year y: Int) -> Int {
        (1..<m).reduce(0) { $0 + daysIn(month: $1, year: y) }
    }

    static func daysBefore(year y: Int) -> Int {
        let p = y - 1
        let leaps = p >= 0 ? p / 4 - p / 100 + p / 400 + 1 : -((-p) / 4 - (-p) / 100 + (-p) / 400)
        return y * 365 + leaps
    }

    /// The order of two values of one type (XSD §E.3.3): with both or neither timezone
    /// the instants compare; otherwise only when they are more than 14 hours apart.
    static func compare(_ a: TemporalValue, _ b: TemporalValue) -> Int? {
        guard a.datatype == b.datatype else { return nil }
        let x: Double, y: Double
        switch (a.timezone, b.timezone) {
        case (nil, nil): (x, y) = (a.localSeconds, b.localSeconds)
        case (_?, _?): (x, y) = (a.utcSeconds, b.utcSeconds)
        default:
            let (x0, y0) = (a.timezone == nil ? a.localSeconds : a.utcSeconds, b.timezone == nil ? b.localSeconds : b.utcSeconds)
            guard abs(x0 - y0) > 14 * 3600 else { return nil }
            (x, y) = (x0, y0)
        }
        return x < y ? -1 : (x > y ? 1 : 0)
    }
}
