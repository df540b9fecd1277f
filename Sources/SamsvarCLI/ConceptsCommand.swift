import ArgumentParser
import Concepts
import RDF
import Foundation

/// `samsvar concepts`: concept schemes, collections and concepts in the store or a file.
struct ConceptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concepts",
        abstract: "List, show, search and browse concepts (SKOS, SKOS-XL, SKOS-AP-NO v1/v2, OWL classes).",
        discussion: """
        Concepts are read from the store (all graphs, or with --scheme the graphs describing \
        that concept scheme or collection) or, with --file, from an RDF file. --profile picks \
        which classes are concepts and which properties are labels and synonyms: skos \
        (skos:Concept; skos and skosxl labels; SKOS-AP-NO definitions), owl (owl:Class; \
        rdfs:label, oboInOwl synonyms and definitions, rdfs:subClassOf as broader) or any (both, \
        the default).
        """,
        subcommands: [ConceptsListCommand.self, ConceptsShowCommand.self, ConceptsSearchCommand.self, ConceptsTreeCommand.self]
    )
}

/// Where the concepts come from, how they are read and shown.
struct ConceptSourceOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Read this RDF file instead of the store.", valueName: "file"))
    var file: String?

    @Option(name: .long, help: ArgumentHelp("Only this concept scheme or collection.", valueName: "IRI"))
    var scheme: String?

    @Option(name: .long, help: ArgumentHelp("skos, owl or any.", valueName: "name"))
    var profile = "any"

    @Option(name: .long, help: ArgumentHelp("Preferred label language (default: nb, nn, no, en).", valueName: "tag"))
    var lang: String?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    var preference: LanguagePreference { .preferring(lang) }

    func load() throws -> ConceptIndex {
        guard let profile = ConceptProfile.named(profile) else {
            throw CLIError("unknown concept profile '\(self.profile)' (skos, owl or any)")
        }
        do {
            if let file { return try ConceptLoader.load(file: file, vocabulary: scheme, profile: profile) }
            return try ConceptLoader.load(from: try storeOptions.open(), vocabulary: scheme, profile: profile)
        } catch let error as ConceptError {
            throw CLIError(error.description)
        }
    }
}

/// `samsvar concepts list`.
struct ConceptsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Without --scheme: the concept schemes and collections with their concept counts; with it, its concepts.")

    @OptionGroup var source: ConceptSourceOptions

    func run() throws {
        let index = try source.load()
        if source.scheme == nil {
            let vocabularies = ConceptListing.vocabularies(index, source.preference)
            if source.json { return try printJSON(vocabularies) }
            for v in vocabularies { print("\(v.kind)\t<\(v.iri)>\t\(v.title ?? "")\t\(v.concepts) concepts") }
            return
        }
        let rows = index.concepts.map { ConceptListing.Row($0, source.preference) }
        if source.json { return try printJSON(rows) }
        for r in rows { print("<\(r.iri)>\t\(r.label ?? "")") }
    }
}

/// `samsvar concepts show IRI`.
struct ConceptsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One concept: labels by kind and language, definitions, notes, hierarchy, mappings.")

    @Argument(help: ArgumentHelp("The concept's IRI.", valueName: "IRI"))
    var iri: String

    @OptionGroup var source: ConceptSourceOptions

    func run() throws {
        let index = try source.load()
        guard let concept = index.concept(iri) else { throw CLIError(ConceptError.unknownConcept(iri).description) }
        if source.json { return try printJSON(concept) }
        print(ConceptListing.page(concept, in: index, source.preference), terminator: "")
    }
}

/// `samsvar concepts search TEXT`.
struct ConceptsSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Concepts whose labels (any kind) match the text, exact and preferred labels first.")

    @Argument(help: "The text to look for (case and diacritics ignored).")
    var text: String

    @Option(name: .long, help: "At most this many hits.")
    var limit = 20

    @Option(name: .customLong("label-lang"), help: ArgumentHelp("Match only labels in this language.", valueName: "tag"))
    var labelLanguage: String?

    @OptionGroup var source: ConceptSourceOptions

    func run() throws {
        let hits = try source.load().search(text, language: labelLanguage, limit: limit)
        let rows = hits.map { ConceptListing.Hit($0, source.preference) }
        if source.json { return try printJSON(rows) }
        for h in rows { print(String(format: "%.2f", h.score) + "\t<\(h.iri)>\t\(h.label ?? "")\t(\(h.matchedKind): \(h.matched))") }
    }
}

/// `samsvar concepts tree`.
struct ConceptsTreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tree", abstract: "The broader/narrower hierarchy, indented, from the roots or from --root.")

    @Option(name: .long, help: ArgumentHelp("Start from this concept.", valueName: "IRI"))
    var root: String?

    @Option(name: .long, help: "Levels shown below the start.")
    var depth = 10

    @OptionGroup var source: ConceptSourceOptions

    func run() throws {
        let index = try source.load()
        let roots: [String]
        if let root {
            guard index.concept(root) != nil else { throw CLIError(ConceptError.unknownConcept(root).description) }
            roots = [root]
        } else {
            roots = index.roots.map(\.id)
        }
        let tree = roots.map { ConceptListing.node($0, in: index, source.preference, depth: depth) }
            .sorted { ($0.label ?? $0.iri) < ($1.label ?? $1.iri) }
        if source.json { return try printJSON(tree) }
        var out = ""
        for node in tree { node.write(to: &out, indent: 0) }
        print(out, terminator: "")
    }
}
