extension ExpressionDatePattern {
    /// ISO 8601 (`2017-10-20`, `2017-10-20T13:45`, `…:00.5+01:00`) read on the UTF-8
    /// bytes of ASCII text. For ASCII every character is one byte (a CR LF pair is one
    /// character, but no ISO date holds it), so this reads exactly what the character
    /// reading in `parse(_:)` reads, without its cost; the date's validity is checked there.
    enum ISOBytes {
        /// nil when `text` is not ASCII (read it as characters); .some(nil) when it does not
        /// match; else the value.
        static func parse(_ text: String) -> Value?? {
            if let result = text.utf8.withContiguousStorageIfAvailable({ read($0) }) { return result }
            return nil
        }

        private static func read(_ u: UnsafeBufferPointer<UInt8>) -> Value?? {
            guard u.allSatisfy({ $0 < 0x80 }) else { return nil }
            var i = 0
            func digits(_ n: Int) -> Int? {
                guard i + n <= u.count else { return nil }
                var value = 0
                for k in i..<(i + n) {
                    guard u[k] >= 0x30, u[k] <= 0x39 else { return nil }
                    value = value * 10 + Int(u[k] - 0x30)
                }
                // As on characters: a run of digits longer than asked for does not match.
                if i + n < u.count, u[i + n] >= 0x30, u[i + n] <= 0x39 { return nil }
                i += n
                return value
            }
            func skip(_ b: UInt8) -> Bool {
                guard i < u.count, u[i] == b else { return false }
                i += 1
                return true
            }
            var v = Value()
            guard let year = digits(4), skip(0x2D), let month = digits(2), skip(0x2D), let day = digits(2) else {
                return .some(nil)
            }
            v.year = year
            v.month = month
            v.day = day
            if skip(0x54) {  // T
                guard let hour = digits(2), skip(0x3A), let minute = digits(2) else { return .some(nil) }
                v.hour = hour
                v.minute = minute
                if skip(0x3A) {
                    guard let second = digits(2) else { return .some(nil) }
                    v.second = second
                    if skip(0x2E) {
                        let start = i
                        while i < u.count, u[i] >= 0x30, u[i] <= 0x39 { i += 1 }
                        guard i > start else { return .some(nil) }
                        v.fraction = String(decoding: UnsafeBufferPointer(rebasing: u[start..<i]), as: UTF8.self)
                    }
                }
            }
            if i < u.count {
                if skip(0x5A) {  // Z
                    v.zone = "Z"
                } else {
                    guard i < u.count, u[i] == 0x2B || u[i] == 0x2D else { return .some(nil) }
                    let sign = u[i] == 0x2B ? "+" : "-"
                    i += 1
                    guard let h = digits(2), skip(0x3A), let m = digits(2), h <= 14, m < 60 else { return .some(nil) }
                    v.zone = sign + ExpressionDatePattern.pad(h, 2) + ":" + ExpressionDatePattern.pad(m, 2)
                }
            }
            return i == u.count ? .some(v) : .some(nil)
        }
    }
}
