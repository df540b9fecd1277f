/// The Snowball stemmer for Norwegian (Bokmål and Nynorsk), written from the published
/// description at snowballstem.org (algorithms/norwegian), as of Snowball 3.
///
/// R1 is the region after the first non-vowel that follows a vowel, but starts no earlier
/// than the fourth letter (or after the first apostrophe, if there is one). Step 1 removes
/// the longest inflectional suffix in R1, step 2 removes the `t` of a final `dt`/`vt` in R1,
/// step 3 removes the longest derivational suffix in R1.
public struct NorwegianStemmer: Stemmer {
    /// Creates the stemmer; it holds no state.
    public init() {}

    /// Replaces `word` (lower-case, NFC) by its stem.
    public func stem(_ word: inout [Unicode.Scalar]) {
        guard word.count >= 3 else { return }
        let p1 = Self.regionStart(word)
        mainSuffix(&word, p1: p1)
        consonantPair(&word, p1: p1)
        otherSuffix(&word, p1: p1)
        if word.last == "'" { word.removeLast() }
    }

    // MARK: Letters and regions

    @inline(__always)
    static func isVowel(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a", "e", "i", "o", "u", "y", "æ", "å", "ø", "ê", "ò", "ó", "ô": return true
        default: return false
        }
    }

    /// The letters that may come before a removable final `s` (besides `r` not after `e`
    /// and `k` not after a vowel).
    @inline(__always)
    static func isSEnding(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "b", "c", "d", "f", "g", "h", "j", "l", "m", "n", "o", "p", "t", "v", "y", "z": return true
        default: return false
        }
    }

    /// Start of R1, at least 3.
    static func regionStart(_ word: [Unicode.Scalar]) -> Int {
        let n = word.count
        var p1 = n
        if let apostrophe = word.firstIndex(of: "'") {
            p1 = apostrophe + 1
        } else if let vowel = word.firstIndex(where: isVowel) {
            var i = vowel + 1
            while i < n, isVowel(word[i]) { i += 1 }
            if i < n { p1 = i + 1 }
        }
        return max(p1, 3)
    }

    // MARK: Step 1

    private enum MainAction: Int {
        case delete, ers, s, replaceWithER
    }

    private static let mainSuffixes = SuffixTable(
        [
            "a", "e", "ede", "ande", "ende", "ane", "ene", "hetene", "en", "heten", "ar",
            "er", "heter", "as", "es", "edes", "endes", "enes", "hetenes", "ens",
            "hetens", "ets", "et", "het", "ast",
        ].map { ($0, MainAction.delete.rawValue) }
            + [("ers", MainAction.ers.rawValue), ("s", MainAction.s.rawValue)]
            + [("erte", MainAction.replaceWithER.rawValue), ("ert", MainAction.replaceWithER.rawValue)]
    )

    /// Endings before `ers`: 1 keeps it (`tvers`, `kappers` …), 0 removes it after all
    /// (`giv`, `hav` and `skap` are longer than the keeping `v` and `kap`).
    private static let beforeERS = SuffixTable(
        ["amm", "ast", "ind", "kap", "kk", "lt", "nk", "omm", "pp", "v", "øst"].map { ($0, 1) }
            + ["giv", "hav", "skap"].map { ($0, 0) }
    )

    private func mainSuffix(_ word: inout [Unicode.Scalar], p1: Int) {
        guard let (entry, length) = Self.mainSuffixes.longestMatch(in: word, minimumStart: p1) else { return }
        let start = word.count - length
        switch MainAction(rawValue: Self.mainSuffixes.actions[entry])! {
        case .delete:
            word.removeLast(length)
        case .ers:
            // The longest ending before `ers` decides; the letters need not be in R1.
            if let (before, _) = Self.beforeERS.longestMatch(in: word, end: start), Self.beforeERS.actions[before] == 1 {
                return
            }
            word.removeLast(length)
        case .s:
            // The letter before `s` need not be in R1.
            let before = word[start - 1]
            let removable: Bool
            if Self.isSEnding(before) {
                removable = true
            } else if before == "r" {
                removable = start < 2 || word[start - 2] != "e"
            } else if before == "k" {
                removable = start >= 2 && !Self.isVowel(word[start - 2])
            } else {
                removable = false
            }
            if removable { word.removeLast() }
        case .replaceWithER:
            word.removeLast(length - 2)  // `erte`, `ert` → `er`
        }
    }

    // MARK: Step 2

    private func consonantPair(_ word: inout [Unicode.Scalar], p1: Int) {
        let n = word.count
        guard n >= 2, n - 2 >= p1, word[n - 1] == "t" else { return }
        let before = word[n - 2]
        if before == "d" || before == "v" { word.removeLast() }
    }

    // MARK: Step 3

    private static let otherSuffixes = SuffixTable([
        "leg", "eleg", "ig", "eig", "lig", "elig", "els", "lov", "elov", "slov", "hetslov",
    ])

    private func otherSuffix(_ word: inout [Unicode.Scalar], p1: Int) {
        if let (_, length) = Self.otherSuffixes.longestMatch(in: word, minimumStart: p1) {
            word.removeLast(length)
        }
    }
}
