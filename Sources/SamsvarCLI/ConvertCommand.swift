import ArgumentParser
import RDF
import RDFIO

/// `samsvar convert`: reads RDF and writes it in another syntax, streaming.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert RDF between syntaxes.",
        discussion: """
        N-Triples and N-Quads output streams from input to output in document order, so no \
        file has to fit in memory. Turtle and TriG output is pretty: the whole dataset is \
        read, then written sorted and grouped by subject, with the prefixes the inputs \
        declared. Either way two runs give byte-identical output. Several inputs are \
        merged; their blank nodes are kept apart. With -o the output appears only when the \
        whole conversion succeeded.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: ArgumentHelp(
        "Output syntax. Default: from -o's extension, else N-Quads for inputs that can hold named graphs, else N-Triples.",
        valueName: "format"))
    var to: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file; - or none writes standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let format = try outputFormat()
        let out = try OutputFile(path: output)
        let writer = try RDFWriter.writer(for: format) { try out.write($0) }
        let prefixes = try input.readAll { try writer.write($0) }
        writer.setPrefixes(prefixes)
        try writer.finish()
        try out.commit()
    }

    private func outputFormat() throws -> RDFFormat {
        let format: RDFFormat
        if let to {
            guard let f = RDFFormat(name: to) else { throw CLIError("unknown format '\(to)'; use one of \(InputOptions.formatList)") }
            format = f
        } else if let output, output != "-", let f = RDFFormat(path: output) {
            format = f
        } else {
            let graphs = input.inputs.contains { RDFFormat(path: $0)?.supportsNamedGraphs ?? false }
                || (input.from.flatMap(RDFFormat.init(name:))?.supportsNamedGraphs ?? false)
            format = graphs ? .nQuads : .nTriples
        }
        guard format.isWritable else { throw CLIError("writing \(format.displayName) is not supported yet") }
        return format
    }
}
