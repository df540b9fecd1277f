import ArgumentParser
import Store

/// `--store PATH`, shared by the commands that use the embedded store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The store file. Default: $SAMSVAR_STORE, else ~/.local/share/samsvar/store.sqlite ($XDG_DATA_HOME if set).",
        valueName: "path"))
    var store: String?

    func open() throws -> SQLiteQuadStore {
        try SQLiteQuadStore(path: store ?? StoreLocation.defaultPath())
    }
}
