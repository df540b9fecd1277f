import ArgumentParser
import Foundation
import RDFIO
import SHACL
import Store

/// `samsvar import`: loads RDF files into the store, one named graph per file.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import RDF files into the store, one named graph per file.",
        discussion: """
        Each file replaces the graph of its name (default: the file's absolute file:// URI). \
        A file is parsed completely before anything is written and written in one \
        transaction: a bad file exits 2 with path:line:column and leaves the store as it was. \
        --bundled imports the vocabularies shipped in Vocabularies/eu, no and los, as graphs \
        named urn:samsvar:vocabularies:FOLDER/FILE.
        """
    )

    @Argument(help: ArgumentHelp("RDF files to import.", valueName: "file"))
    var files: [String] = []

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Graph IRI (with one file only).", valueName: "iri"))
    var graph: String?

    @Option(name: .long, help: ArgumentHelp("Input syntax. Default: from the file extension.", valueName: "format"))
    var from: String?

    @Flag(name: .long, help: "Import the bundled vocabularies (EU authority tables, Norwegian code lists, LOS).")
    var bundled = false

    func validate() throws {
        if files.isEmpty && !bundled { throw ValidationError("give files to import, or --bundled") }
        if graph != nil && (files.count != 1 || bundled) { throw ValidationError("--graph names the graph of a single file") }
    }

    func run() throws {
        var format: RDFFormat?
        if let from {
            guard let f = RDFFormat(name: from) else { throw CLIError("unknown format '\(from)'") }
            format = f
        }
        var jobs = files.map { (path: $0, graph: graph ?? URL(fileURLWithPath: $0).standardizedFileURL.absoluteString) }
        if bundled { jobs += try Self.bundledFiles() }
        let store = try storeOptions.open()
        let progress = isatty(2) != 0
        for (index, job) in jobs.enumerated() {
            if progress { Self.status("[\(index + 1)/\(jobs.count)] importing \(job.path) …") }
            let info = try store.importGraph(.file(job.path, format: format), into: job.graph)
            if progress { Self.status("") }
            print("imported \(info.tripleCount) triples into <\(info.graph)>")
        }
    }

    /// The .ttl and .rdf files under Vocabularies/eu, no and los, with stable graph names.
    static func bundledFiles() throws -> [(path: String, graph: String)] {
        guard let folder = Profile.vocabulariesFolder() else {
            throw CLIError("cannot find the Vocabularies folder; set SAMSVAR_VOCABULARIES")
        }
        var found: [(path: String, graph: String)] = []
        for sub in ["eu", "no", "los"] {
            let dir = folder + "/" + sub
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for name in names.sorted() where name.hasSuffix(".ttl") || name.hasSuffix(".rdf") {
                found.append((dir + "/" + name, "urn:samsvar:vocabularies:\(sub)/\(name)"))
            }
        }
        return found
    }

    /// Rewrites the progress line on a terminal's stderr.
    static func status(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }
}
