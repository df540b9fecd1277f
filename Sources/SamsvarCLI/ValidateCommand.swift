import ArgumentParser
import Foundation
import RDF
import RDFIO
import SHACL

/// `samsvar validate`: SHACL Core validation of data against shapes or shipped profiles.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate RDF data against SHACL shapes or a shipped profile.",
        discussion: """
        Profiles (--profile) are shipped in Vocabularies/profiles: dcat-ap-no, dcat-ap-3, \
        skos-ap-no, skos-ap-no-v1. A profile brings its background vocabularies (EU authority \
        tables, LOS) so class and vocabulary checks on their IRIs succeed; --vocab adds more. \
        Background data is looked up but not itself validated.

        Exit status: 0 no result at or above --fail-on (default: violation, so warnings \
        alone exit 0), 1 such results, 2 bad input, an ill-formed shapes graph, or usage.
        """
    )

    @Argument(help: ArgumentHelp("Data files to validate (validated as one graph); - reads standard input.", valueName: "data"))
    var data: [String]

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("SHACL shapes files.", valueName: "file"))
    var shapes: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Shipped profiles to validate against.", valueName: "name"))
    var profile: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("More background vocabulary files.", valueName: "file"))
    var vocab: [String] = []

    @Option(name: .long, help: ArgumentHelp("Report format: text, turtle, json or junit.", valueName: "format"))
    var report: ReportFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report here (default: standard output).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Language of messages: nb or en.", valueName: "lang"))
    var lang: String = "en"

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Lowest severity that fails: violation, warning or info.", valueName: "severity"))
    var failOn: FailOn = .violation

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, turtle, json, junit }
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case violation, warning, info }

    func validate() throws {
        guard shapes.isEmpty != profile.isEmpty else {
            throw ValidationError("give either --shapes FILE... or --profile NAME...")
        }
        guard ["nb", "nn", "no", "en"].contains(lang) else { throw ValidationError("--lang must be nb or en") }
    }

    func run() throws {
        var shapeFiles = shapes
        var background: [String] = []
        if !profile.isEmpty {
            guard let folder = Profile.vocabulariesFolder() else {
                throw CLIError("cannot find the Vocabularies folder; set SAMSVAR_VOCABULARIES")
            }
            for name in profile {
                let p = try Profile.named(name, vocabularies: folder)
                shapeFiles += p.shapesFiles
                background += p.backgroundFiles.filter { !background.contains($0) }
            }
        }
        background += vocab

        var shapesLoader = GraphLoader<Graph>()
        for file in shapeFiles { try shapesLoader.load(try existing(file)) }
        let compiled: ShapesGraph
        do {
            compiled = try ShapesGraph(shapesLoader.graph)
        } catch let error as ShapesError {
            throw CLIError("ill-formed shapes graph (\(shapeFiles.joined(separator: ", "))): \(error.message)")
        }

        // Shipped profiles are used as published; their known slips are documented in
        // their README instead of being repeated on every run.
        for warning in profile.isEmpty ? compiled.warnings : [] {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }

        // The data goes in first; its scope is taken before the background is added.
        var loader = GraphLoader<FrozenGraph.Builder>()
        for file in data { try loader.load(try existing(file), base: file == "-" ? nil : baseIRI(file)) }
        let scope = background.isEmpty ? nil : ValidationScope(data: loader.graph)
        for file in background { try loader.load(try existing(file)) }

        let data = loader.graph.freeze()
        let validator = Validator(shapes: compiled)
        let result = validator.validate(data, scope: scope)
        let namer = TermNamer(prefixes: loader.prefixes + shapesLoader.prefixes)
        let failSeverity: Severity = switch failOn {
        case .violation: .violation
        case .warning: .warning
        case .info: .info
        }
        let text: String = switch report {
        case .text: ReportText.render(result, namer: namer, language: lang)
        case .json: try ReportJSON.render(result, language: lang)
        case .turtle: try turtle(result, prefixes: loader.prefixes)
        case .junit: ReportJUnit.render(
            result, checked: validator.checkedPairs(data, scope: scope),
            namer: namer, language: lang, failOn: failSeverity)
        }
        let out = try OutputFile(path: output)
        try Array(text.utf8).withUnsafeBytes { try out.write($0) }
        try out.commit()
        if output != nil && output != "-" {
            let focus = Set(result.results.map(\.focusNode)).count
            FileHandle.standardError.write(Data((ReportText.summary(result, focusNodes: focus) + "\n").utf8))
        }
        // Exit here: freeing a graph of a million triples costs more than a tenth of the
        // run, and the process is ending anyway.
        withExtendedLifetime((loader, data)) {
            Foundation.exit(result.hasResult(atLeast: failSeverity) ? 1 : 0)
        }
    }

    private func existing(_ path: String) throws -> String {
        guard path == "-" || FileManager.default.fileExists(atPath: path) else { throw RDFInputError("no such file", source: path) }
        return path
    }

    private func baseIRI(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.absoluteString
    }

    private func turtle(_ report: ValidationReport, prefixes: [(prefix: String, namespace: String)]) throws -> String {
        let quads = report.triples(language: lang).map { Quad($0.subject, $0.predicate, $0.object) }
        let standard: [(prefix: String, namespace: String)] = [
            ("sh", Namespace.sh.iri), ("rdf", Namespace.rdf.iri), ("xsd", Namespace.xsd.iri),
        ]
        var bytes: [UInt8] = []
        let writer = try RDFWriter.writer(for: .turtle, prefixes: standard + prefixes) { bytes.append(contentsOf: $0) }
        for quad in quads { try writer.write(quad) }
        try writer.finish()
        return String(decoding: bytes, as: UTF8.self)
    }
}
