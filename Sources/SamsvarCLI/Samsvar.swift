import ArgumentParser

/// The `samsvar` command: thin swift-argument-parser commands over the library modules.
@main
struct Samsvar: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "samsvar")
}
