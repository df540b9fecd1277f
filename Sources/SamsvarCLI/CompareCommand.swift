import Foundation
import ArgumentParser
import RDF
import RDFIO
import Turtle

/// `samsvar compare`: tells whether two RDF files hold the same graph (or dataset),
/// up to blank node labels.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Check that two RDF files hold the same graph, up to blank node labels.",
        discussion: """
        The files may be in different syntaxes. Exit status: 0 the same (isomorphic, \
        RDF 1.1 Concepts section 3.6), 1 different (with the statements that differ, \
        where they do not involve blank nodes), 2 bad input.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: ArgumentHelp("How many differing statements to show per side.", valueName: "n"))
    var show = 10

    func validate() throws {
        guard input.inputs.count == 2 else { throw ValidationError("compare takes exactly two inputs") }
    }

    func run() throws {
        let sides = try input.inputs.map { path -> [Quad] in
            var one = input
            one.inputs = [path]
            var quads: [Quad] = []
            try one.readAll { quads.append($0) }
            return quads
        }
        let (a, b) = (Set(sides[0]), Set(sides[1]))
        if Isomorphism.areIsomorphic(Array(a), Array(b)) {
            print("same: \(a.count) statements")
            return
        }
        print("different: \(input.inputs[0]) has \(a.count) statements, \(input.inputs[1]) has \(b.count)")
        func ground(_ q: Quad) -> Bool { !q.subject.isBlankNode && !q.object.isBlankNode && !(q.graph?.isBlankNode ?? false) }
        for (label, only) in [("only in \(input.inputs[0])", a.subtracting(b)), ("only in \(input.inputs[1])", b.subtracting(a))] {
            let shown = only.filter(ground).prefix(show)
            let blankCount = only.count - only.filter(ground).count
            print("\(label): \(only.count - blankCount) ground statements" + (blankCount > 0 ? ", \(blankCount) with blank nodes (labels may just differ)" : ""))
            for q in shown.sorted(by: { "\($0)" < "\($1)" }) {
                print("  " + ((try? NQuadsWriter.string(for: [q])) ?? "\(q)").trimmingCharacters(in: .newlines))
            }
        }
        throw ExitCode(1)
    }
}
