import Testing
@testable import Alignment

@Suite("String similarity")
struct SimilarityTests {
    private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    private func rounded(_ value: Double, _ places: Double = 3) -> Double {
        let scale = pow10(places)
        return (value * scale).rounded() / scale
    }

    private func pow10(_ places: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(places) { result *= 10 }
        return result
    }

    @Test("Jaro-Winkler: the published examples", arguments: [
        ("MARTHA", "MARHTA", 0.961),
        ("DIXON", "DICKSONX", 0.813),
        ("DWAYNE", "DUANE", 0.840),
        ("JELLYFISH", "SMELLYFISH", 0.896),
    ])
    func jaroWinkler(a: String, b: String, expected: Double) {
        #expect(rounded(StringSimilarity.jaroWinkler(a, b)) == expected)
        #expect(rounded(StringSimilarity.jaroWinkler(b, a)) == expected)
    }

    @Test("Jaro and the edge cases")
    func jaroEdges() {
        #expect(rounded(StringSimilarity.jaro(scalars("MARTHA"), scalars("MARHTA"))) == 0.944)
        #expect(rounded(StringSimilarity.jaro(scalars("DIXON"), scalars("DICKSONX"))) == 0.767)
        #expect(StringSimilarity.jaroWinkler("", "") == 1)
        #expect(StringSimilarity.jaroWinkler("abc", "") == 0)
        #expect(StringSimilarity.jaroWinkler("abc", "xyz") == 0)
        #expect(StringSimilarity.jaroWinkler("fødsel", "fødsel") == 1)
        // Below Winkler's threshold the prefix does not help.
        let low = StringSimilarity.jaro(scalars("abcdefgh"), scalars("abxxxxxxxxxx"))
        #expect(low < 0.7)
        #expect(StringSimilarity.jaroWinkler(scalars("abcdefgh"), scalars("abxxxxxxxxxx")) == low)
    }

    @Test("Levenshtein distance and ratio", arguments: [
        ("kitten", "sitting", 3),
        ("flaw", "lawn", 2),
        ("bosted", "bustad", 2),
        ("", "abc", 3),
        ("abc", "abc", 0),
        ("eiendom", "eigedom", 2),
    ])
    func levenshtein(a: String, b: String, distance: Int) {
        #expect(StringSimilarity.levenshtein(scalars(a), scalars(b)) == distance)
        #expect(StringSimilarity.levenshtein(scalars(b), scalars(a)) == distance)
        #expect(StringSimilarity.levenshtein(scalars(a), scalars(b), maximum: distance) == distance)
        if distance > 0 {
            #expect(StringSimilarity.levenshtein(scalars(a), scalars(b), maximum: distance - 1) == nil)
        }
        let length = max(a.unicodeScalars.count, b.unicodeScalars.count)
        let ratio = length == 0 ? 1 : 1 - Double(distance) / Double(length)
        #expect(StringSimilarity.levenshteinRatio(a, b) == ratio)
    }

    @Test("the ratio with a floor")
    func ratioFloor() {
        #expect(StringSimilarity.levenshteinRatio(scalars("kitten"), scalars("sitting"), minimum: 0.5) != nil)
        #expect(StringSimilarity.levenshteinRatio(scalars("kitten"), scalars("sitting"), minimum: 0.6) == nil)
        // 1 − 2/10 is exactly the floor.
        #expect(StringSimilarity.levenshteinRatio(scalars("abcdefghij"), scalars("abcdefghXY"), minimum: 0.8) == 0.8)
    }

    @Test("the bounded distance agrees with the full one on random strings")
    func boundedAgrees() {
        var generator = SplitMix64(seed: 7)
        let alphabet: [Unicode.Scalar] = ["a", "b", "c", "æ", "ø"]
        for _ in 0..<2_000 {
            let a = (0..<Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % 5)] }
            let b = (0..<Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % 5)] }
            let full = naiveLevenshtein(a, b)
            #expect(StringSimilarity.levenshtein(a, b) == full)
            let bound = Int(generator.next() % 8)
            #expect(StringSimilarity.levenshtein(a, b, maximum: bound) == (full <= bound ? full : nil))
        }
    }

    private func naiveLevenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                table[i][j] = min(
                    table[i - 1][j] + 1, table[i][j - 1] + 1,
                    table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
        }
        return table[a.count][b.count]
    }
}
