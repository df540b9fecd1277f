import ArgumentParser
import RDF
import RDFIO

/// `samsvar count`: parses RDF and prints how many triples or quads it holds.
struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Parse RDF and print the number of triples (or quads).",
        discussion: """
        Parses without storing anything, so it also checks syntax: a bad file exits 2 with \
        path:line:column. With one input it prints a number; with several, a count per file \
        and the total.
        """
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        var total = 0
        var lines: [String] = []
        for path in input.inputs {
            var count = 0
            var single = input
            single.inputs = [path]
            try single.readAll { _ in count += 1 }
            total += count
            lines.append("\(count)\t\(path)")
        }
        if input.inputs.count == 1 {
            print(total)
        } else {
            for line in lines { print(line) }
            print("\(total)\ttotal")
        }
    }
}
