import ArgumentParser
import Foundation
import RDF
import RDFIO

/// The input options that every reading command shares.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Files to read; - reads standard input.", valueName: "input"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp(
        "Input syntax: \(RDFFormat.allCases.map(\.rawValue).joined(separator: ", ")). Default: from the file extension, or sniffed for -.",
        valueName: "format"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp(
        "Base IRI for relative IRIs. Default: the file's own file:// URI.", valueName: "iri"))
    var base: String?

    /// The syntax of one input: `--from`, else its extension, else (for `-`) sniffed.
    func format(of path: String, firstBytes: () -> [UInt8]) throws -> RDFFormat {
        if let from {
            guard let f = RDFFormat(name: from) else { throw CLIError("unknown format '\(from)'; use one of \(Self.formatList)") }
            return try readable(f, path)
        }
        if path == "-" { return try readable(RDFFormat.sniff(firstBytes()), path) }
        guard let f = RDFFormat(path: path) else {
            throw CLIError("\(path): cannot tell the format from the extension; say --from \(Self.formatList)")
        }
        return try readable(f, path)
    }

    private func readable(_ f: RDFFormat, _ path: String) throws -> RDFFormat {
        guard f.isReadable else { throw CLIError("\(path): reading \(f.displayName) is not supported yet") }
        return f
    }

    /// The base IRI for one input: `--base`, else the file's absolute `file://` URI (as rapper does).
    func baseIRI(for path: String) -> String? {
        if let base { return base }
        guard path != "-" else { return nil }
        return URL(fileURLWithPath: path).standardizedFileURL.absoluteString
    }

    static var formatList: String { RDFFormat.allCases.map(\.rawValue).joined(separator: "|") }

    /// Reads every input in turn, handing its quads to `sink`. With several inputs, blank
    /// node labels are made distinct per input, since each document scopes its own.
    /// Returns the prefixes the inputs declared, in order; the first declaration of a
    /// name or of a namespace wins.
    @discardableResult
    func readAll(_ sink: @escaping QuadSink) throws -> [(prefix: String, namespace: String)] {
        var prefixes: [(prefix: String, namespace: String)] = []
        let multiple = inputs.count > 1
        for (index, path) in inputs.enumerated() {
            if path != "-", !FileManager.default.fileExists(atPath: path) {
                throw RDFInputError("no such file", source: path)
            }
            var stdinBytes: [UInt8] = []
            let format: RDFFormat
            if path == "-" && from == nil {
                stdinBytes = Array(FileHandle.standardInput.readDataToEndOfFile())
                format = try self.format(of: path) { stdinBytes }
            } else {
                format = try self.format(of: path) { [] }
            }
            let scoped: QuadSink = multiple ? { quad in try sink(Self.scope(quad, index)) } : sink
            let declared: [(prefix: String, namespace: String)]
            if path == "-" && from == nil {
                declared = try RDFReader.read(bytes: stdinBytes, format: format, base: baseIRI(for: path), source: "<stdin>", sink: scoped)
            } else {
                declared = try RDFReader.read(path: path, format: format, base: baseIRI(for: path), sink: scoped)
            }
            for p in declared where !prefixes.contains(where: { $0.prefix == p.prefix || $0.namespace == p.namespace }) {
                prefixes.append(p)
            }
        }
        return prefixes
    }

    private static func scope(_ quad: Quad, _ index: Int) -> Quad {
        func rename(_ t: Term) -> Term {
            if case .blankNode(let label) = t { return .blankNode("f\(index)x\(label)") }
            return t
        }
        return Quad(rename(quad.subject), quad.predicate, rename(quad.object), graph: quad.graph.map(rename))
    }
}
