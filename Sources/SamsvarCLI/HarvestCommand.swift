import ArgumentParser
import Catalog
import Foundation
import SHACL

/// `samsvar harvest`: loads catalogue files into the store, validated and diffed.
struct HarvestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harvest",
        abstract: "Harvest DCAT-AP-NO catalogue files into the store, with a harvest report.",
        discussion: """
        A source is a file or a folder (walked recursively for .ttl, .rdf, .nt, .nq and .trig \
        files); http(s) URLs are not supported yet (error category unavailable). Each file is \
        one graph named by its file:// URI, as samsvar import names it. A file whose content \
        hash equals the stored graph's is skipped as unchanged. Others are validated against \
        the dcat-ap-no profile; the SHACL report is stored as the graph <graph IRI>#validation. \
        The report counts catalogues, datasets, data services and concepts added, changed and \
        removed, and errors by category: unavailable, notFound, invalidData (syntax errors with \
        path:line:column, data refused by --require-valid), conflict (a resource another \
        graph already holds; still imported) and internal.

        Exit status: 0 every source harvested or unchanged, 1 some source had errors, 2 usage.
        """
    )

    @Argument(help: ArgumentHelp("Files or folders to harvest.", valueName: "source"))
    var sources: [String]

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .customLong("require-valid"), help: "Refuse (do not store) sources with SHACL violations.")
    var requireValid = false

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func run() throws {
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
        let report = Harvester(store: store, profile: profile, requireValid: requireValid).harvest(sources)
        print(json ? try report.json() : report.text(), terminator: "")
        if report.hasErrors { throw ExitCode(1) }
    }
}
