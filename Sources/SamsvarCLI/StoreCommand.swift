import ArgumentParser
import Foundation
import Store

/// `samsvar store`: looks after the store itself.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "List or delete the graphs in the store.",
        subcommands: [StoreGraphsCommand.self, StoreDeleteCommand.self]
    )
}

/// `samsvar store graphs`: the graphs held, with their provenance.
struct StoreGraphsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphs",
        abstract: "List the graphs in the store with their source, time, hash, format and triple count."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Print JSON (an array of objects).")
    var json = false

    func run() throws {
        let graphs = try storeOptions.open().graphs()
        if json { return try printJSON(graphs) }
        for g in graphs {
            print("<\(g.graph)>\t\(g.tripleCount) triples\t\(g.format)\t\(g.importedAt)\t\(g.contentHash)\t\(g.source)")
        }
    }
}

/// `samsvar store delete`: removes one graph.
struct StoreDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a graph from the store."
    )

    @Argument(help: ArgumentHelp("The graph IRI.", valueName: "graph"))
    var graph: String

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        guard try store.deleteGraph(graph) else { throw StoreError.unknownGraph(path: store.path, graph: graph) }
        print("deleted <\(graph)>")
    }
}
