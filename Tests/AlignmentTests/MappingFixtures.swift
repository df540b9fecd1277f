import Foundation

/// Where the alignment tests' fixtures are: `Tests/Fixtures`, found from this file.
enum MappingFixtures {
    /// `Tests/Fixtures`.
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    /// The absolute path of a fixture, given relative to `Tests/Fixtures`.
    static func path(_ relative: String) -> String { root + "/" + relative }

    /// Every SSSOM/TSV example under `sssom/` (the SSSOM repository's `examples/`),
    /// relative to `Tests/Fixtures`, sorted.
    static let sssomExamples: [String] = {
        let folder = root + "/sssom"
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".sssom.tsv") }.map { "sssom/" + $0 }.sorted()
    }()

    /// The DH-benchmark pairs copied under `alignment/dh-benchmark/`, with the number of
    /// cells each reference holds (counted in the files: `grep -c '<Cell'`).
    static let dhBenchmarkPairs: [(pair: String, cells: Int)] = [
        ("arch1_defc-pactols", 10),
        ("arch2_idai-pactols", 17),
        ("cult1_idai-parthenos", 52),
        ("dhcs1_dha-unesco", 10),
    ]
}
