import Foundation
import RDFTestSupport
import Testing

@Suite("samsvar compare")
struct CompareTests {
    @Test func sameGraphInTwoSyntaxesWithOtherBlankLabels() throws {
        let dir = try temporaryDirectory()
        try "_:a <http://ex/p> _:b .\n_:b <http://ex/q> \"x\"@en .\n".write(toFile: dir + "/a.nt", atomically: true, encoding: .utf8)
        try "@prefix ex: <http://ex/> .\n[] ex:p [ ex:q \"x\"@EN ] .\n".write(toFile: dir + "/b.ttl", atomically: true, encoding: .utf8)
        let run = try samsvar(["compare", dir + "/a.nt", dir + "/b.ttl"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == "same: 2 statements\n")
    }

    @Test func differentGraphsExit1AndShowTheDifference() throws {
        let dir = try temporaryDirectory()
        try "<http://ex/s> <http://ex/p> \"1\" .\n<http://ex/s> <http://ex/p> \"2\" .\n".write(toFile: dir + "/a.nt", atomically: true, encoding: .utf8)
        try "<http://ex/s> <http://ex/p> \"1\" .\n".write(toFile: dir + "/b.nt", atomically: true, encoding: .utf8)
        let run = try samsvar(["compare", dir + "/a.nt", dir + "/b.nt"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("<http://ex/s> <http://ex/p> \"2\" ."))
    }

    @Test func needsExactlyTwoInputs() throws {
        #expect(try samsvar(["compare", Fixtures.path("rdf-tests/rdf/rdf11/rdf-n-triples/nt-syntax-subm-01.nt")]).status == 2)
    }
}
