/// Character-level string similarities on arrays of Unicode scalars: Jaro, Jaro-Winkler,
/// Levenshtein distance (full and bounded) and the Levenshtein ratio.
public enum StringSimilarity {
    // MARK: Jaro and Jaro-Winkler

    /// The Jaro similarity in 0…1.
    public static func jaro(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        let (shorter, longer) = a.count <= b.count ? (a, b) : (b, a)
        let window = max(0, longer.count / 2 - 1)
        let (matches, transpositions) = shorter.withUnsafeBufferPointer { short in
            longer.withUnsafeBufferPointer { long in
                withUnsafeTemporaryAllocation(of: Bool.self, capacity: short.count + long.count) { flags in
                    flags.initialize(repeating: false)
                    let matchedShort = UnsafeMutableBufferPointer(rebasing: flags[..<short.count])
                    let matchedLong = UnsafeMutableBufferPointer(rebasing: flags[short.count...])
                    var matches = 0
                    for i in 0..<short.count {
                        let low = max(0, i - window)
                        let high = min(long.count - 1, i + window)
                        guard low <= high else { continue }
                        for j in low...high where !matchedLong[j] && long[j] == short[i] {
                            matchedLong[j] = true
                            matchedShort[i] = true
                            matches += 1
                            break
                        }
                    }
                    var transpositions = 0
                    var j = 0
                    if matches > 0 {
                        for i in 0..<short.count where matchedShort[i] {
                            while !matchedLong[j] { j += 1 }
                            if short[i] != long[j] { transpositions += 1 }
                            j += 1
                        }
                    }
                    return (matches, transpositions)
                }
            }
        }
        if matches == 0 { return 0 }
        let m = Double(matches)
        return (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions) / 2) / m) / 3
    }

    /// The Jaro-Winkler similarity in 0…1: Jaro raised by `prefixScale` for each of up to
    /// four leading scalars in common, when Jaro is at least `boostThreshold` (Winkler's 0.7).
    public static func jaroWinkler(
        _ a: [Unicode.Scalar], _ b: [Unicode.Scalar], prefixScale: Double = 0.1, boostThreshold: Double = 0.7
    ) -> Double {
        let similarity = jaro(a, b)
        guard similarity >= boostThreshold else { return similarity }
        var prefix = 0
        while prefix < 4, prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        return similarity + Double(prefix) * prefixScale * (1 - similarity)
    }

    /// The Jaro-Winkler similarity of two strings, compared scalar by scalar.
    public static func jaroWinkler(_ a: String, _ b: String) -> Double {
        jaroWinkler(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    // MARK: Levenshtein

    /// The Levenshtein distance: insertions, deletions and substitutions of one scalar.
    public static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        levenshtein(a, b, maximum: Int.max)!
    }

    /// The Levenshtein distance if it is at most `maximum`, else `nil`. Only the diagonal
    /// band of width `2 × maximum + 1` is computed, and the computation stops as soon as a
    /// whole row exceeds `maximum`.
    public static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], maximum: Int) -> Int? {
        guard maximum >= 0 else { return nil }
        // Common prefix and suffix cost nothing.
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count
        var endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] {
            endA -= 1
            endB -= 1
        }
        let lengthA = endA - start
        let lengthB = endB - start
        if abs(lengthA - lengthB) > maximum { return nil }
        if lengthA == 0 { return lengthB }
        if lengthB == 0 { return lengthA }

        let band = min(maximum, max(lengthA, lengthB))
        let beyond = band + 1  // any value above the band limit
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (lengthB + 1)) { rows in
                    rows.initialize(repeating: beyond)
                    var previous = UnsafeMutableBufferPointer(rebasing: rows[..<(lengthB + 1)])
                    var current = UnsafeMutableBufferPointer(rebasing: rows[(lengthB + 1)...])
                    for j in 0...min(lengthB, band) { previous[j] = j }
                    for i in 1...lengthA {
                        let low = max(1, i - band)
                        let high = min(lengthB, i + band)
                        current[low - 1] = low == 1 && i <= band ? i : beyond
                        var rowMinimum = current[low - 1]
                        if low <= high {
                            let scalarA = a[start + i - 1]
                            for j in low...high {
                                let substitution = previous[j - 1] + (scalarA == b[start + j - 1] ? 0 : 1)
                                let value = min(substitution, previous[j] + 1, current[j - 1] + 1, beyond)
                                current[j] = value
                                if value < rowMinimum { rowMinimum = value }
                            }
                        }
                        if high < lengthB { current[high + 1] = beyond }
                        if rowMinimum > band { return nil }
                        swap(&previous, &current)
                    }
                    let distance = previous[lengthB]
                    return distance <= band ? distance : nil
                }
            }
        }
    }

    /// `1 − distance / longer length`: 1 for equal strings, 0 for nothing in common.
    public static func levenshteinRatio(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        let length = max(a.count, b.count)
        if length == 0 { return 1 }
        return 1 - Double(levenshtein(a, b)) / Double(length)
    }

    /// The Levenshtein ratio if it is at least `minimum`, else `nil`; computes only the
    /// band of distances that could reach `minimum`.
    public static func levenshteinRatio(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], minimum: Double) -> Double? {
        let length = max(a.count, b.count)
        if length == 0 { return minimum <= 1 ? 1 : nil }
        let allowed = Int(((1 - minimum) * Double(length) + 1e-9).rounded(.down))
        guard let distance = levenshtein(a, b, maximum: max(0, allowed)) else { return nil }
        let ratio = 1 - Double(distance) / Double(length)
        return ratio >= minimum ? ratio : nil
    }

    /// The Levenshtein ratio of two strings, compared scalar by scalar.
    public static func levenshteinRatio(_ a: String, _ b: String) -> Double {
        levenshteinRatio(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }
}
