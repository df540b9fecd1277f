import ArgumentParser
import Foundation
import RDF
import RDFIO
import Store

/// The `samsvar` executable: thin swift-argument-parser commands over the library modules.
@main
struct Samsvar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samsvar",
        abstract: "Parse, convert and check RDF catalogues and vocabularies.",
        discussion: """
        Samsvar reads the RDF that agencies publish — N-Triples, N-Quads, Turtle, TriG and \
        RDF/XML — converts it between syntaxes, checks that two files hold the same graph, \
        validates it with SHACL against the national profiles and keeps it in an embedded store.

        Exit status: 0 success, 1 a difference found (compare) or results found (validate), \
        2 bad input or usage (with path:line:column on stderr).
        """,
        subcommands: [ConvertCommand.self, CountCommand.self, CompareCommand.self, ValidateCommand.self, ImportCommand.self, HarvestCommand.self, StoreCommand.self, CatalogCommand.self, ConceptsCommand.self, AlignCommand.self, AlignmentsCommand.self, MapCommand.self]
    )

    /// Runs the command and maps failures to the exit statuses of the CLI contract:
    /// 2 for bad input and usage errors (swift-argument-parser's own default is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as RDFSyntaxError {
            fail(error.description)
        } catch let error as RDFInputError {
            fail(error.description)
        } catch let error as RDFWriteError {
            fail(error.description)
        } catch let error as StoreError {
            fail(error.description)
        } catch let error as CLIError {
            fail("error: \(error.message)")
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            let message = fullMessage(for: error)
            fail(message.isEmpty ? "error: \(error)" : message)
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(2)
    }
}

/// A usage or environment error the CLI reports with exit status 2.
struct CLIError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
