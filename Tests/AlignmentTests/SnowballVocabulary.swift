import Foundation
import Testing
import Alignment

/// The Snowball test vocabularies vendored under `Tests/Fixtures/snowball/<language>`:
/// `voc.txt` and `output.txt` as published (snowball-data, 2021-01-20), and
/// `changes-3.txt` with the stems that Snowball 3 changed on purpose
/// (word, 2021 stem, current stem; see the fixtures README).
enum SnowballVocabulary {
    /// One word of the vocabulary with the stem the current algorithm should give.
    struct Pair: Sendable, CustomTestStringConvertible {
        let word: String
        let stem: String
        var testDescription: String { "\(word) → \(stem)" }
    }

    /// The words that start with one letter, tested as one case.
    struct Chunk: Sendable, CustomTestStringConvertible {
        let initial: Character
        let pairs: [Pair]
        var testDescription: String { "\(initial)… (\(pairs.count) words)" }

        /// `word → got (expected)` for every word the stemmer gets wrong.
        func mismatches(_ stemmer: some Stemmer) -> [String] {
            pairs.compactMap { pair in
                let got = stemmer.stem(pair.word)
                return got == pair.stem ? nil : "\(pair.word) → \(got) (expected \(pair.stem))"
            }
        }
    }

    /// The pairs grouped by the first letter of the word, in vocabulary order.
    static func chunks(_ pairs: [Pair]) -> [Chunk] {
        var order: [Character] = []
        var groups: [Character: [Pair]] = [:]
        for pair in pairs {
            let initial = pair.word.first ?? " "
            if groups[initial] == nil { order.append(initial) }
            groups[initial, default: []].append(pair)
        }
        return order.map { Chunk(initial: $0, pairs: groups[$0] ?? []) }
    }

    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/snowball")
    }

    static func lines(_ language: String, _ file: String) -> [String] {
        let url = directory.appendingPathComponent(language).appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Every word with its expected stem; empty if the files are missing or misaligned
    /// (the tests check the count).
    static func pairs(_ language: String) -> [Pair] {
        let words = lines(language, "voc.txt")
        let stems = lines(language, "output.txt")
        guard words.count == stems.count else { return [] }
        var changed: [String: String] = [:]
        for line in lines(language, "changes-3.txt") {
            let fields = line.split(separator: "\t").map(String.init)
            if fields.count == 3 { changed[fields[0]] = fields[2] }
        }
        return zip(words, stems).map { Pair(word: $0, stem: changed[$0] ?? $1) }
    }

    /// `changes-3.txt` entries: word, 2021 stem, current stem.
    static func changes(_ language: String) -> [(word: String, old: String, new: String)] {
        lines(language, "changes-3.txt").compactMap { line in
            let fields = line.split(separator: "\t").map(String.init)
            return fields.count == 3 ? (fields[0], fields[1], fields[2]) : nil
        }
    }
}
