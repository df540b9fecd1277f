import RDF
@testable import Turtle

// Shared by the Turtle reader and writer tests.

/// The namespace the tests' data lives in.
let ex = "http://example.org/ns#"
/// `ex` declared as the prefix `ex:`.
let exPrefix = [(prefix: "ex", namespace: ex)]

/// Parses Turtle or TriG text held in memory.
func turtleQuads(_ text: String, _ syntax: TurtleSyntax = .turtle, base: String? = nil) throws -> [Quad] {
    var quads: [Quad] = []
    try TurtleParser(syntax: syntax, base: base) { quads.append($0) }.parse(Array(text.utf8))
    return quads
}
