import ArgumentParser
import Foundation
import Mapping
import Store

/// `samsvar map`: `run` (the default, so `samsvar map MAPPING.yaml INPUT...` works as it
/// always has) and `suggest`.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Map records (CSV, JSON, JSON Lines, XML) to another schema or to RDF, as a mapping file says.",
        discussion: """
        samsvar map MAPPING.yaml INPUT... runs a mapping (the same as samsvar map run …); \
        samsvar map suggest --from SCHEMA --to SCHEMA writes a draft mapping file from two \
        schemas whose fields name concepts. See docs/mapping.md.
        """,
        subcommands: [MapRunCommand.self, MapSuggestCommand.self],
        defaultSubcommand: MapRunCommand.self
    )
}

/// `samsvar map [run] MAPPING.yaml INPUT...`: turns records into another schema or into RDF.
struct MapRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Map records (CSV, JSON, JSON Lines, XML) to another schema or to RDF, as a mapping file says.",
        discussion: """
        The mapping file (YAML, see docs/mapping.md) names the source format, the fields and \
        the target: csv, json, jsonl, xml, or an RDF syntax (ntriples, nquads, turtle, trig, \
        rdfxml). It is checked completely before any record is read; a mistake in it is \
        reported as file:line:column and exits 2.

        Records stream through in input order, mapped on all cores. Every record that cannot \
        be read or mapped goes to the rejects file, one JSON object per line (record number, \
        input file, line, the input record, the reason): --rejects FILE, else OUT.rejects.jsonl \
        beside -o OUT (made only when there are rejects), else standard error. The summary \
        (read, written, rejected) goes to standard error.

        Exit status: 0 done (even with rejects), 1 records were rejected and --fail-on-reject \
        is given, 2 a bad mapping file, unreadable input or a usage error.
        """
    )

    @Argument(help: ArgumentHelp("The mapping file (YAML).", valueName: "mapping"))
    var mapping: String

    @Argument(help: ArgumentHelp("Input files; - reads standard input.", valueName: "input"))
    var inputs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file; - or none writes standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The rejects file (JSON Lines).", valueName: "file"))
    var rejects: String?

    @Flag(name: .customLong("fail-on-reject"), help: "Exit 1 when any record was rejected.")
    var failOnReject = false

    @Flag(name: .long, help: "No progress line and no summary on standard error.")
    var quiet = false

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one input file") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        if rejects == "-", output == nil || output == "-" {
            throw ValidationError("the output and the rejects cannot both go to standard output")
        }
    }

    func run() throws {
        do {
            try map()
        } catch let error as MappingSpecError {
            try fail(error.description)
        } catch let error as RecordInputError {
            try fail(error.line > 0 ? error.description : "\(error.source): error: \(error.message)")
        } catch let error as RecordOutputError {
            try fail(error.description)
        }
    }

    private func fail(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        throw ExitCode(2)
    }

    private func map() throws {
        let spec = try MappingSpec.read(path: mapping)
        let graphs = try graphReader(for: spec)
        let executor = try MappingExecutor(spec: spec, graphs: graphs)
        let out = try OutputFile(path: output)
        let rejectsOutput = try RejectsOutput(explicit: rejects, beside: output)
        let writer = try ExecutorOutput(target: spec.target) { try out.write($0) }
        let rejectsWriter = ExecutorRejects { try rejectsOutput.write($0) }
        let terminal = !quiet && isatty(2) != 0
        var lastShown = Date.distantPast
        let summary = try executor.run(inputs: inputs, output: writer, rejects: rejectsWriter) { summary in
            guard terminal, Date().timeIntervalSince(lastShown) > 0.2 else { return }
            lastShown = Date()
            Self.status(summary.description + " …")
        }
        try out.commit()
        try rejectsOutput.commit()
        if terminal { Self.status("") }
        if !quiet {
            var line = summary.description
            if summary.rejected > 0, let path = rejectsOutput.path { line += " (rejects in \(path))" }
            FileHandle.standardError.write(Data((line + "\n").utf8))
            if summary.read == 0 {
                FileHandle.standardError.write(Data("warning: no records were read; does the source's iterator match the input?\n".utf8))
            } else if let first = inputs.first {
                let (records, empty) = MappingDiagnostics.emptyPathFields(spec, input: first)
                for (field, path) in empty {
                    let checked = records == 1 ? "the first record" : "all of the first \(records) records"
                    let message = "warning: field '\(field)' is empty in \(checked) of \(first); "
                        + "is its path '\(path)' spelt as in the input?\n"
                    FileHandle.standardError.write(Data(message.utf8))
                }
            }
        }
        if failOnReject, summary.rejected > 0 { throw ExitCode(1) }
    }

    /// Reads named graphs of the store, for value maps with `store:`; nil when the mapping
    /// has none (the store is not opened then).
    private func graphReader(for spec: MappingSpec) throws -> ValueMapGraphReader? {
        let needsStore = spec.maps.contains { if case .store = $0.source { true } else { false } }
        guard needsStore else { return nil }
        let store = try storeOptions.open()
        return { graph in try store.quads(matching: QuadPattern(graph: graph)).map(\.triple) }
    }

    /// Rewrites the progress line on a terminal's stderr.
    static func status(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }
}

/// Where rejects go: the file given (always made, empty when nothing was rejected), else
/// `OUT.rejects.jsonl` beside the output file (made at the first reject), else standard error.
final class RejectsOutput {
    /// The file rejects go to, nil for standard error.
    let path: String?
    private let madeOnDemand: Bool
    private var file: OutputFile?

    init(explicit: String?, beside output: String?) throws {
        if let explicit {
            path = explicit == "-" ? nil : explicit
            madeOnDemand = false
            file = try OutputFile(path: explicit)
        } else if let output, output != "-" {
            path = output + ".rejects.jsonl"
            madeOnDemand = true
        } else {
            path = nil
            madeOnDemand = false
        }
    }

    func write(_ line: [UInt8]) throws {
        if file == nil, madeOnDemand { file = try OutputFile(path: path) }
        if let file {
            try line.withUnsafeBytes { try file.write($0) }
        } else {
            FileHandle.standardError.write(Data(line))
        }
    }

    func commit() throws { try file?.commit() }
}
