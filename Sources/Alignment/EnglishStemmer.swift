/// The Snowball English ("Porter2") stemmer, written from the published description at
/// snowballstem.org (algorithms/english), as of Snowball 3.1: exceptional words, regions
/// R1/R2 (with the `gener`/`commun`/`arsen`/`past`/`univers`/`later`/`inter`/`emerg`/`organ`
/// prefixes), steps 0–5 and the `Y` marking of consonant `y`.
public struct EnglishStemmer: Stemmer {
    /// Creates the stemmer; it holds no state.
    public init() {}

    /// Replaces `word` (lower-case) by its Porter2 stem.
    public func stem(_ word: inout [Unicode.Scalar]) {
        if (3...6).contains(word.count), Self.exceptionInitials.contains(word[0]),
            let special = Self.exceptions[ScalarText.string(word)]
        {
            if let replacement = special { word = replacement }
            return
        }
        guard word.count >= 3 else { return }
        if word.first == "'" { word.removeFirst() }
        let markedY = markConsonantY(&word)
        let (p1, p2) = Self.regions(word)
        step1a(&word)
        step1b(&word, p1: p1)
        step1c(&word)
        step2(&word, p1: p1)
        step3(&word, p1: p1, p2: p2)
        step4(&word, p2: p2)
        step5(&word, p1: p1, p2: p2)
        if markedY {
            for i in word.indices where word[i] == "Y" { word[i] = "y" }
        }
    }

    // MARK: Letters

    @inline(__always)
    static func isVowel(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a", "e", "i", "o", "u", "y": return true
        default: return false
        }
    }

    @inline(__always)
    private static func isVowelWXY(_ s: Unicode.Scalar) -> Bool {
        isVowel(s) || s == "w" || s == "x" || s == "Y"
    }

    @inline(__always)
    private static func isDouble(_ word: [Unicode.Scalar]) -> Bool {
        let n = word.count
        guard n >= 2, word[n - 1] == word[n - 2] else { return false }
        switch word[n - 1] {
        case "b", "d", "f", "g", "m", "n", "p", "r", "t": return true
        default: return false
        }
    }

    @inline(__always)
    private static func isValidLIEnding(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "c", "d", "e", "g", "h", "k", "m", "n", "r", "t": return true
        default: return false
        }
    }

    /// Turns an initial `y`, and a `y` after a vowel, into `Y` (a consonant).
    private func markConsonantY(_ word: inout [Unicode.Scalar]) -> Bool {
        var found = false
        for i in word.indices where word[i] == "y" && (i == 0 || Self.isVowel(word[i - 1])) {
            word[i] = "Y"
            found = true
        }
        return found
    }

    // MARK: Regions

    private static let regionPrefixes: [[Unicode.Scalar]] = [
        "gener", "commun", "arsen", "past", "univers", "later", "inter", "emerg", "organ",
    ].map(ScalarText.scalars)

    /// The position after the first non-vowel that follows a vowel, searching from `start`.
    private static func afterVowelConsonant(_ word: [Unicode.Scalar], from start: Int) -> Int {
        let n = word.count
        var i = start
        while i < n, !isVowel(word[i]) { i += 1 }
        while i < n, isVowel(word[i]) { i += 1 }
        return i < n ? i + 1 : n
    }

    static func regions(_ word: [Unicode.Scalar]) -> (Int, Int) {
        var p1: Int
        if let prefix = regionPrefixes.first(where: { word.starts(with: $0) }) {
            p1 = prefix.count
        } else {
            p1 = afterVowelConsonant(word, from: 0)
        }
        let p2 = afterVowelConsonant(word, from: p1)
        p1 = min(p1, word.count)
        return (p1, p2)
    }

    /// Whether `word[..<end]` ends in a short syllable.
    private static func endsShortSyllable(_ word: [Unicode.Scalar], end: Int) -> Bool {
        if end >= 3, !isVowelWXY(word[end - 1]), isVowel(word[end - 2]), !isVowel(word[end - 3]) {
            return true
        }
        if end == 2, !isVowel(word[1]), isVowel(word[0]) {
            return true
        }
        return ScalarText.hasSuffix(word, end: end, past)
    }

    private static let past = ScalarText.scalars("past")

    // MARK: Step 1a

    private static let apostropheSuffixes: [[Unicode.Scalar]] = ["'s'", "'s", "'"].map(ScalarText.scalars)

    private func step1a(_ word: inout [Unicode.Scalar]) {
        if let suffix = Self.apostropheSuffixes.first(where: { ScalarText.hasSuffix(word, end: word.count, $0) }) {
            word.removeLast(suffix.count)
        }
        let n = word.count
        guard n >= 1, word[n - 1] == "s" else {
            if ScalarText.hasSuffix(word, end: n, Self.ied) { replaceIE(&word, suffixLength: 3) }
            return
        }
        if ScalarText.hasSuffix(word, end: n, Self.sses) {
            word.removeLast(2)
        } else if ScalarText.hasSuffix(word, end: n, Self.ies) {
            replaceIE(&word, suffixLength: 3)
        } else if n >= 2, word[n - 2] == "s" || word[n - 2] == "u" {
            return
        } else if n >= 3, word[0..<(n - 2)].contains(where: Self.isVowel) {
            word.removeLast()
        }
    }

    private static let sses = ScalarText.scalars("sses")
    private static let ies = ScalarText.scalars("ies")
    private static let ied = ScalarText.scalars("ied")

    /// `ied`/`ies` become `i` after two or more letters, otherwise `ie`.
    private func replaceIE(_ word: inout [Unicode.Scalar], suffixLength: Int) {
        let before = word.count - suffixLength
        word.removeLast(suffixLength)
        word.append("i")
        if before < 2 { word.append("e") }
    }

    // MARK: Step 1b

    private static let step1bSuffixes = SuffixTable(["eedly", "ingly", "edly", "eed", "ing", "ed"])
    private static let keptBeforeEED: [[Unicode.Scalar]] = ["succ", "proc", "exc"].map(ScalarText.scalars)
    private static let keptBeforeING: [[Unicode.Scalar]] = ["inn", "out", "cann", "herr", "earr", "even"].map(ScalarText.scalars)

    private func step1b(_ word: inout [Unicode.Scalar], p1: Int) {
        let n = word.count
        guard let (_, length) = Self.step1bSuffixes.longestMatch(in: word) else { return }
        let start = n - length
        if length >= 3, word[start] == "e", word[start + 1] == "e" {  // eed, eedly
            if start >= p1, !Self.keptBeforeEED.contains(where: { ScalarText.equals(word, end: start, $0) }) {
                word.removeSubrange(start...)
                word.append(contentsOf: ["e", "e"] as [Unicode.Scalar])
            }
            return
        }
        if length == 3, word[start] == "i" {  // exactly "ing"
            if start == 2, word[1] == "y", !Self.isVowel(word[0]) {
                word = [word[0], "i", "e"]
                return
            }
            if Self.keptBeforeING.contains(where: { ScalarText.equals(word, end: start, $0) }) { return }
        }
        guard word[0..<start].contains(where: Self.isVowel) else { return }
        word.removeSubrange(start...)
        let end = word.count
        if end >= 2 {
            let last2 = (word[end - 2], word[end - 1])
            if last2 == ("a", "t") || last2 == ("b", "l") || last2 == ("i", "z") {
                word.append("e")
                return
            }
        }
        if Self.isDouble(word) {
            if end == 3, word[0] == "a" || word[0] == "e" || word[0] == "o" { return }
            word.removeLast()
            return
        }
        if end == p1, Self.endsShortSyllable(word, end: end) {
            word.append("e")
        }
    }

    // MARK: Step 1c

    private func step1c(_ word: inout [Unicode.Scalar]) {
        let n = word.count
        guard n >= 3, word[n - 1] == "y" || word[n - 1] == "Y", !Self.isVowel(word[n - 2]) else { return }
        word[n - 1] = "i"
    }

    // MARK: Steps 2–4

    private enum Replacement {
        case with([Unicode.Scalar])
        case delete
        case deleteInR2
        case ogiAfterL
        case liAfterValidEnding
        case ionAfterSOrT
    }

    /// Suffixes with what to do with them.
    private struct Rules: Sendable {
        let suffixes: SuffixTable
        let replacements: [Replacement]
    }

    private static func table(_ entries: [(String, Replacement)]) -> Rules {
        Rules(
            suffixes: SuffixTable(entries.enumerated().map { ($0.element.0, $0.offset) }),
            replacements: entries.map(\.1))
    }

    private static func to(_ text: String) -> Replacement { .with(ScalarText.scalars(text)) }

    private static let step2Suffixes = table([
        ("tional", to("tion")), ("enci", to("ence")), ("anci", to("ance")), ("abli", to("able")),
        ("entli", to("ent")), ("izer", to("ize")), ("ization", to("ize")),
        ("ational", to("ate")), ("ation", to("ate")), ("ator", to("ate")),
        ("alism", to("al")), ("aliti", to("al")), ("alli", to("al")),
        ("fulness", to("ful")), ("ousli", to("ous")), ("ousness", to("ous")),
        ("iveness", to("ive")), ("iviti", to("ive")), ("biliti", to("ble")), ("bli", to("ble")),
        ("ogist", to("og")), ("ogi", .ogiAfterL), ("fulli", to("ful")), ("lessli", to("less")),
        ("li", .liAfterValidEnding),
    ])

    private static let step3Suffixes = table([
        ("tional", to("tion")), ("ational", to("ate")), ("alize", to("al")),
        ("icate", to("ic")), ("iciti", to("ic")), ("ical", to("ic")),
        ("ful", .delete), ("ness", .delete), ("ative", .deleteInR2),
    ])

    private static let step4Suffixes = table(
        ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize"]
            .map { ($0, Replacement.delete) } + [("ion", .ionAfterSOrT)]
    )

    /// Applies the longest matching suffix of `suffixes`, provided it starts at or after
    /// `region`; a longest match outside the region blocks shorter ones.
    private func applyLongest(_ rules: Rules, to word: inout [Unicode.Scalar], region: Int, p2: Int) {
        guard let (entry, length) = rules.suffixes.longestMatch(in: word) else { return }
        let start = word.count - length
        guard start >= region else { return }
        switch rules.replacements[rules.suffixes.actions[entry]] {
        case .with(let text):
            word.removeSubrange(start...)
            word.append(contentsOf: text)
        case .delete:
            word.removeSubrange(start...)
        case .deleteInR2:
            if start >= p2 { word.removeSubrange(start...) }
        case .ogiAfterL:
            if start >= 1, word[start - 1] == "l" {
                word.removeLast()
            }
        case .liAfterValidEnding:
            if start >= 1, Self.isValidLIEnding(word[start - 1]) { word.removeSubrange(start...) }
        case .ionAfterSOrT:
            if start >= 1, word[start - 1] == "s" || word[start - 1] == "t" { word.removeSubrange(start...) }
        }
    }

    private func step2(_ word: inout [Unicode.Scalar], p1: Int) {
        applyLongest(Self.step2Suffixes, to: &word, region: p1, p2: Int.max)
    }

    private func step3(_ word: inout [Unicode.Scalar], p1: Int, p2: Int) {
        applyLongest(Self.step3Suffixes, to: &word, region: p1, p2: p2)
    }

    private func step4(_ word: inout [Unicode.Scalar], p2: Int) {
        applyLongest(Self.step4Suffixes, to: &word, region: p2, p2: p2)
    }

    // MARK: Step 5

    private func step5(_ word: inout [Unicode.Scalar], p1: Int, p2: Int) {
        let n = word.count
        guard n >= 1 else { return }
        let start = n - 1
        if word[start] == "e" {
            if start >= p2 || (start >= p1 && !Self.endsShortSyllable(word, end: start)) {
                word.removeLast()
            }
        } else if word[start] == "l" {
            if start >= p2, start >= 1, word[start - 1] == "l" { word.removeLast() }
        }
    }

    // MARK: Exceptional words

    /// The first letters of the exceptional words.
    private static let exceptionInitials: Set<Unicode.Scalar> = Set(exceptions.keys.compactMap(\.unicodeScalars.first))

    /// Whole words stemmed specially (`nil`: left as they are).
    private static let exceptions: [String: [Unicode.Scalar]?] = {
        var table: [String: [Unicode.Scalar]?] = [:]
        let changed = [
            ("skis", "ski"), ("skies", "sky"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"),
            ("early", "earli"), ("only", "onli"), ("singly", "singl"),
        ]
        for (word, stem) in changed { table[word] = .some(ScalarText.scalars(stem)) }
        for word in ["sky", "news", "howe", "atlas", "cosmos", "bias", "andes"] {
            table[word] = .some(nil)
        }
        return table
    }()
}
