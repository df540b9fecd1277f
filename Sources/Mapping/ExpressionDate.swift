/// Date and time patterns for the `date` function: `dd.MM.yyyy`, `yyyy-MM-dd'T'HH:mm:ss`,
/// or `iso` for ISO 8601 (`2017-10-20`, `2017-10-20T13:45:00Z`). Parsing is strict: the
/// whole text must match and the date must exist (no 31 April, 29 February only in leap years).
struct ExpressionDatePattern: Sendable, Hashable {
    enum Token: Sendable, Hashable {
        case year4, year2, month2, month, day2, day, hour2, hour, minute2, second2
        case fraction(Int)
        case zone
        case literal(String)
    }

    /// The pattern as written.
    let text: String
    /// nil for `iso`.
    let tokens: [Token]?

    /// The pattern letters and what they mean, for the documentation and errors.
    static let letters = "yyyy, yy, MM, M, dd, d, HH, H, mm, ss, S… (fraction), XXX (zone), 'text'"

    init(_ text: String) throws(ExpressionSyntaxError) {
        self.text = text
        if text == "iso" || text == "iso8601" { tokens = nil; return }
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            var run = 1
            while i + run < chars.count, chars[i + run] == c { run += 1 }
            switch (c, run) {
            case ("y", 4): tokens.append(.year4)
            case ("y", 2): tokens.append(.year2)
            case ("M", 2): tokens.append(.month2)
            case ("M", 1): tokens.append(.month)
            case ("d", 2): tokens.append(.day2)
            case ("d", 1): tokens.append(.day)
            case ("H", 2): tokens.append(.hour2)
            case ("H", 1): tokens.append(.hour)
            case ("m", 2): tokens.append(.minute2)
            case ("s", 2): tokens.append(.second2)
            case ("S", _) where run <= 9: tokens.append(.fraction(run))
            case ("X", 3): tokens.append(.zone)
            case ("'", _):
                if run == 2 { tokens.append(.literal("'")); break }
                guard let close = chars[(i + 1)...].firstIndex(of: "'") else {
                    throw ExpressionSyntaxError("a quote without its closing quote in date pattern '\(text)'", offset: i)
                }
                tokens.append(.literal(String(chars[(i + 1)..<close])))
                run = close - i + 1
            default:
                if c.isLetter {
                    throw ExpressionSyntaxError("'\(String(repeating: c, count: run))' is not a date pattern letter (use \(Self.letters))", offset: i)
                }
                tokens.append(.literal(String(repeating: c, count: run)))
            }
            i += run
        }
        self.tokens = tokens
    }

    /// A date, with a time and zone when the input had them.
    struct Value: Equatable {
        var year = 0, month = 1, day = 1
        var hour: Int?, minute = 0, second = 0
        var fraction = ""
        var zone: String?
    }

    /// Reads `text`; throws a rejection when it does not match or is no real date.
    func parse(_ text: String) throws(ExpressionRejection) -> Value {
        var fail: ExpressionRejection { ExpressionRejection("'\(text)' does not match the date pattern '\(self.text)'") }
        var v: Value
        if tokens == nil, let iso = ISOBytes.parse(text) {
            // ASCII ISO 8601 read on the bytes: the same as on the characters, faster.
            guard let read = iso else { throw fail }
            v = read
        } else {
            v = try parseCharacters(text, fail: fail)
        }
        guard (1...12).contains(v.month), v.day >= 1, v.day <= Self.daysIn(month: v.month, year: v.year),
              (v.hour ?? 0) < 24 || ((v.hour ?? 0) == 24 && v.minute == 0 && v.second == 0),
              v.minute < 60, v.second < 60 else {
            throw ExpressionRejection("'\(text)' is not a real date or time")
        }
        return v
    }

    /// Reads `text` character by character, for patterns and for text that is not ASCII.
    private func parseCharacters(_ text: String,
                                 fail: @autoclosure () -> ExpressionRejection) throws(ExpressionRejection) -> Value {
        var v = Value()
        var s = Substring(text)
        func digits(_ min: Int, _ max: Int) throws(ExpressionRejection) -> Int {
            let run = s.prefix(max).prefix { $0.isASCII && $0.isNumber }
            guard run.count >= min, let n = Int(run) else { throw fail() }
            s = s.dropFirst(run.count)
            return n
        }
        func literal(_ t: String) throws(ExpressionRejection) {
            guard s.hasPrefix(t) else { throw fail() }
            s = s.dropFirst(t.count)
        }
        func zone() throws(ExpressionRejection) {
            if s.first == "Z" { v.zone = "Z"; s = s.dropFirst(); return }
            guard let sign = s.first, sign == "+" || sign == "-" else { throw fail() }
            s = s.dropFirst()
            let h = try digits(2, 2)
            try literal(":")
            let m = try digits(2, 2)
            guard h <= 14, m < 60 else { throw fail() }
            v.zone = "\(sign)\(Self.pad(h, 2)):\(Self.pad(m, 2))"
        }
        if let tokens {
            for token in tokens {
                switch token {
                case .year4: v.year = try digits(4, 4)
                case .year2: let y = try digits(2, 2); v.year = y < 69 ? 2000 + y : 1900 + y
                case .month2: v.month = try digits(2, 2)
                case .month: v.month = try digits(1, 2)
                case .day2: v.day = try digits(2, 2)
                case .day: v.day = try digits(1, 2)
                case .hour2: v.hour = try digits(2, 2)
                case .hour: v.hour = try digits(1, 2)
                case .minute2: v.minute = try digits(2, 2); if v.hour == nil { v.hour = 0 }
                case .second2: v.second = try digits(2, 2); if v.hour == nil { v.hour = 0 }
                case .fraction:
                    let run = s.prefix { $0.isASCII && $0.isNumber }
                    guard !run.isEmpty, run.count <= 9 else { throw fail() }
                    v.fraction = String(run)
                    s = s.dropFirst(run.count)
                case .zone: try zone()
                case .literal(let t): try literal(t)
                }
            }
        } else {
            if s.first == "-" || s.first == "+" { throw fail() }
            v.year = try digits(4, 4)
            try literal("-")
            v.month = try digits(2, 2)
            try literal("-")
            v.day = try digits(2, 2)
            if s.first == "T" {
                s = s.dropFirst()
                v.hour = try digits(2, 2)
                try literal(":")
                v.minute = try digits(2, 2)
                if s.first == ":" {
                    s = s.dropFirst()
                    v.second = try digits(2, 2)
                    if s.first == "." {
                        s = s.dropFirst()
                        let run = s.prefix { $0.isASCII && $0.isNumber }
                        guard !run.isEmpty else { throw fail() }
                        v.fraction = String(run)
                        s = s.dropFirst(run.count)
                    }
                }
            }
            if !s.isEmpty { try zone() }
        }
        guard s.isEmpty else { throw fail() }
        return v
    }

    /// Writes `v` in this pattern.
    func format(_ v: Value) -> String {
        guard let tokens else {
            var out = "\(Self.pad(v.year, 4))-\(Self.pad(v.month, 2))-\(Self.pad(v.day, 2))"
            if let hour = v.hour {
                out += "T\(Self.pad(hour, 2)):\(Self.pad(v.minute, 2)):\(Self.pad(v.second, 2))"
                if !v.fraction.isEmpty { out += "." + v.fraction }
            }
            return out + (v.zone ?? "")
        }
        var out = ""
        for token in tokens {
            switch token {
            case .year4: out += Self.pad(v.year, 4)
            case .year2: out += Self.pad(v.year % 100, 2)
            case .month2: out += Self.pad(v.month, 2)
            case .month: out += String(v.month)
            case .day2: out += Self.pad(v.day, 2)
            case .day: out += String(v.day)
            case .hour2: out += Self.pad(v.hour ?? 0, 2)
            case .hour: out += String(v.hour ?? 0)
            case .minute2: out += Self.pad(v.minute, 2)
            case .second2: out += Self.pad(v.second, 2)
            case .fraction(let n): out += String((v.fraction + String(repeating: "0", count: n)).prefix(n))
            case .zone: out += v.zone ?? "Z"
            case .literal(let t): out += t
            }
        }
        return out
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
