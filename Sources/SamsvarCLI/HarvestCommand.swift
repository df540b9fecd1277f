import ArgumentParser
import Catalog
import Foundation
import SHACL

/// `samsvar harvest`: loads catalogue files into the store, validated and diffed.
struct HarvestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harvest",
        abstract: "Harvest DCAT-AP-NO catalogue files into the store, with a harvest report.",
        discussion: """
        A source is a file, a folder (walked recursively for .ttl, .rdf, .nt, .nq and .trig \
        files) or an http(s) URL (fetched with an Accept header for the RDF syntaxes samsvar \
        reads; the syntax from Content-Type, else the URL's extension, else sniffed). A file \
        is one graph named by its file:// URI, as samsvar import names it; a URL is the graph \
        named by that URL. A folder is kept in step: the graph of a file that is gone from it \
        is deleted (status removed). A document whose content hash equals the stored graph's \
        is skipped as unchanged. Others are validated against \
        the dcat-ap-no profile; the SHACL report is stored as the graph <graph IRI>#validation. \
        The report counts catalogues, datasets, data services and concepts added, changed and \
        removed, and errors by category: unavailable (no connection, timeout, HTTP error, too \
        many redirects, body over --max-size), notFound (no such file, HTTP 404/410), invalidData (syntax errors with \
        path:line:column, data refused by --require-valid), conflict (a resource another \
        graph already holds; still imported) and internal.

        Exit status: 0 every source harvested or unchanged, 1 some source had errors, 2 usage.
        """
    )

    @Argument(help: ArgumentHelp("Files, folders or http(s) URLs to harvest.", valueName: "source"))
    var sources: [String]

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .customLong("require-valid"), help: "Refuse (do not store) sources with SHACL violations.")
    var requireValid = false

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @Option(name: .customLong("timeout"), help: ArgumentHelp("Seconds to wait for an http(s) source (whole exchange).", valueName: "seconds"))
    var timeout = 300

    @Option(name: .customLong("max-size"), help: ArgumentHelp("The largest http(s) document accepted, in MiB.", valueName: "MiB"))
    var maxSize = 512

    @Option(name: .customLong("max-redirects"), help: "Redirects followed for an http(s) source.")
    var maxRedirects = 5

    func validate() throws {
        guard timeout > 0, maxSize > 0, maxRedirects >= 0 else {
            throw ValidationError("--timeout and --max-size must be positive, --max-redirects not negative")
        }
    }

    func run() async throws {
        guard let folder = Profile.vocabulariesFolder() else {
            throw CLIError("cannot find the Vocabularies folder; set SAMSVAR_VOCABULARIES")
        }
        let profile: HarvestProfile
        do {
            profile = try HarvestProfile.named("dcat-ap-no", vocabularies: folder)
        } catch let error as ShapesError {
            throw CLIError("ill-formed shapes graph (dcat-ap-no): \(error.message)")
        } catch let error as ProfileError {
            throw CLIError(error.description)
        }
        let store = try storeOptions.open()
        let limits = FetchLimits(connectTimeout: .seconds(min(timeout, 10)), readTimeout: .seconds(min(timeout, 30)),
                                 totalTimeout: .seconds(timeout), maxBytes: maxSize << 20, maxRedirects: maxRedirects)
        let harvester = Harvester(store: store, profile: profile, requireValid: requireValid, limits: limits)
        let report = await harvester.harvest(sources)
        print(json ? try report.json() : report.text(), terminator: "")
        if report.hasErrors { throw ExitCode(1) }
    }
}
