import Alignment
import ArgumentParser
import Concepts
import Foundation
import Store

/// `samsvar align A B`: proposes mappings between two vocabularies.
struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Propose mappings (skos:exactMatch, closeMatch, broadMatch, narrowMatch) between two vocabularies, with explanations.",
        discussion: """
        A and B are each an RDF file (imported into the store on the fly, as samsvar import \
        names it) or the IRI of a concept scheme or collection in the store. The proposals are kept in the store for review \
        (samsvar alignments list, accept, reject). Labels are normalised (case, punctuation, stop words, \
        Norwegian and English Snowball stems, Bokmål/Nynorsk spellings); candidates come from \
        exact-key, token and trigram indexes; each pair gets a confidence from label \
        equality, Jaro-Winkler, Levenshtein, token TF-IDF cosine, definitions and aligned \
        neighbours, and equivalences are chosen 1:1. Pairs rejected in review \
        (samsvar alignments reject) are never proposed again.

        -o FILE writes the proposals: SSSOM/TSV for a .sssom.tsv name, else RDF (skos:*Match \
        triples) in the syntax of the extension. --evaluate GOLD prints precision, recall \
        and F1 of the equivalences (exactMatch and closeMatch) against a gold alignment \
        (OAEI Alignment format, SSSOM, or SKOS mapping triples).
        """
    )

    @Argument(help: ArgumentHelp("The source vocabulary: an RDF file or a scheme/collection IRI in the store.", valueName: "A"))
    var source: String

    @Argument(help: ArgumentHelp("The target vocabulary.", valueName: "B"))
    var target: String

    @Option(name: .customLong("min-confidence"), help: ArgumentHelp("Drop proposals below this confidence (0–1).", valueName: "X"))
    var minConfidence = 0.6

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the proposals to this file (.sssom.tsv, .ttl, .nt, …).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Evaluate against this gold alignment.", valueName: "gold"))
    var evaluate: String?

    @Option(name: .long, help: ArgumentHelp("Concept profile: skos, owl or any.", valueName: "name"))
    var profile = "any"

    @Option(name: .long, help: "Show at most this many proposals on standard output (0: none).")
    var limit = 50

    @Flag(name: .long, help: "Print the proposals as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
    }

    func run() throws {
        guard let profile = ConceptProfile.named(profile) else { throw CLIError("unknown concept profile '\(profile)'") }
        let store = try storeOptions.open()
        let a = try load(source, profile, store)
        let b = try load(target, profile, store)
        var options = AlignmentOptions()
        options.minimumConfidence = minConfidence
        let review = ReviewLog(store: store)
        let proposals = Aligner(options: options).align(a, b, rejected: try review.rejectedPairs())
        try review.keep(proposals)
        if let output { try AlignmentOutput.write(proposals, to: output, source: source, target: target) }
        if let evaluate {
            let gold = try GoldAlignment.read(path: evaluate)
            let equivalences = proposals.filter(\.isEquivalence).map(\.mapping)
            let evaluation = Evaluation(proposed: equivalences, gold: gold.mappings)
            FileHandle.standardError.write(Data((evaluation.text + "\n").utf8))
        }
        if json { return try printJSON(proposals) }
        for p in proposals.prefix(limit) {
            print("\(p.confidence)\t\(p.relationName)\t<\(p.source)> \"\(p.sourceLabel)\"\t<\(p.target)> \"\(p.targetLabel)\"")
            print("\t\(p.explanationText)")
        }
        if proposals.count > limit && limit > 0 { print("… \(proposals.count - limit) more (use -o or --json for all)") }
    }

    /// A file is imported into the store on the fly (as `samsvar import` names it; skipped
    /// when the stored graph has the same content hash), so its concepts can be shown and
    /// reviewed later; an IRI is looked up in the store.
    func load(_ vocabulary: String, _ profile: ConceptProfile, _ store: SQLiteQuadStore) throws -> ConceptIndex {
        do {
            if FileManager.default.fileExists(atPath: vocabulary) {
                let source = try ImportSource.file(vocabulary)
                let graph = URL(fileURLWithPath: vocabulary).standardizedFileURL.absoluteString
                if try store.graphs().first(where: { $0.graph == graph })?.contentHash != source.contentHash {
                    try store.importGraph(source, into: graph)
                }
                return try ConceptLoader.load(source, profile: profile)
            }
            return try ConceptLoader.load(from: store, vocabulary: vocabulary, profile: profile)
        } catch let error as ConceptError {
            throw CLIError(error.description)
        }
    }
}
