import Foundation
import RDF
import RDFIO
import RDFTestSupport
import Testing

/// `samsvar convert --to turtle|trig`: the pretty writers behind the command.
@Suite("samsvar convert to Turtle and TriG")
struct ConvertTurtleTests {
    let dataTheme = Fixtures.repositoryRoot + "/Vocabularies/eu/data-theme.ttl"

    /// A shipped vocabulary converted to Turtle reuses the input's prefixes, reads back as
    /// the same graph, and converting the output again gives the same bytes.
    @Test func dataThemeToTurtleAndBack() throws {
        let dir = try temporaryDirectory()
        let out = dir + "/data-theme.ttl"
        let run = try samsvar(["convert", dataTheme, "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasPrefix("""
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix ns1: <http://publications.europa.eu/resource/authority/data-theme/> .
            @prefix ns2: <http://publications.europa.eu/resource/authority/> .
            @prefix dc: <http://purl.org/dc/elements/1.1/> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .

            ns2:data-theme owl:versionInfo
            """), "\(text)")
        #expect(text.contains("""
            ns1:ENER <http://publications.europa.eu/ontology/authority/start.use> "2015-10-01" ;
                dc:identifier "ENER" ;
                skos:inScheme ns2:data-theme ;
                skos:prefLabel "Energi"@nb, "Energi"@nn, "Energi"@no, "Energy"@en .

            """), "\(text)")
        let original = try RDFReader.quads(path: dataTheme, format: .turtle)
        let converted = try RDFReader.quads(path: out, format: .turtle)
        #expect(!original.isEmpty)
        #expect(Isomorphism.areIsomorphic(Array(Set(original)), Array(Set(converted))))

        // Back again, through standard output, and once more from the output itself.
        let again = try samsvar(["convert", out, "--to", "turtle"])
        #expect(again.status == 0)
        #expect(again.stdout == text, "Turtle → Turtle is not a fixed point")
        let twice = try samsvar(["convert", dataTheme, "--to", "ttl"])
        #expect(twice.stdout == text, "two runs differ")

        // And to N-Triples, which still streams in input order.
        let nt = try samsvar(["convert", out, "--to", "ntriples"])
        #expect(nt.status == 0)
        var fromNT: [Quad] = []
        try RDFReader.read(bytes: Array(nt.stdout.utf8), format: .nTriples) { fromNT.append($0) }
        #expect(Isomorphism.areIsomorphic(Array(Set(original)), Array(Set(fromNT))))
    }

    @Test func nTriplesOutputStillStreamsInInputOrder() throws {
        let run = try samsvar(["convert", dataTheme, "--to", "ntriples"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("""
            <http://publications.europa.eu/resource/authority/data-theme/AGRI> <http://www.w3.org/2004/02/skos/core#inScheme> <http://publications.europa.eu/resource/authority/data-theme> .
            <http://publications.europa.eu/resource/authority/data-theme/AGRI> <http://www.w3.org/2004/02/skos/core#prefLabel> "Jordbruk, fiskeri, skogbruk og mat"@no .

            """))
    }

    @Test func nQuadsToTriGAndBack() throws {
        let dir = try temporaryDirectory()
        let input = dir + "/in.nq"
        try """
            <http://ex/s> <http://purl.org/dc/terms/title> "default" .
            <http://ex/s> <http://purl.org/dc/terms/title> "in g" <http://ex/g> .
            _:x <http://purl.org/dc/terms/title> "blank" <http://ex/g> .

            """.write(toFile: input, atomically: true, encoding: .utf8)
        let run = try samsvar(["convert", input, "-o", dir + "/out.trig"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: dir + "/out.trig", encoding: .utf8)
        #expect(text == """
            @prefix dct: <http://purl.org/dc/terms/> .

            <http://ex/s> dct:title "default" .

            <http://ex/g> {
                <http://ex/s> dct:title "in g" .

                [] dct:title "blank" .
            }

            """)
        let back = try samsvar(["convert", dir + "/out.trig", "--to", "nquads"])
        var quads: [Quad] = []
        try RDFReader.read(bytes: Array(back.stdout.utf8), format: .nQuads) { quads.append($0) }
        #expect(Isomorphism.areIsomorphic(quads, try RDFReader.quads(path: input, format: .nQuads)))
    }

    @Test func turtleCannotHoldNamedGraphs() throws {
        let run = try samsvar(["convert", Fixtures.path("rdf-tests/rdf/rdf11/rdf-n-quads/nq-syntax-uri-01.nq"), "--to", "turtle"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("named graphs"), "\(run.stderr)")
    }

    @Test func prefixesOfSeveralInputsAreMerged() throws {
        let dir = try temporaryDirectory()
        try "@prefix a: <http://example.org/a#> .\na:s a:p a:o .\n".write(toFile: dir + "/a.ttl", atomically: true, encoding: .utf8)
        try "@prefix b: <http://example.org/b#> .\n@prefix a: <http://example.org/other#> .\nb:s b:p b:o .\n"
            .write(toFile: dir + "/b.ttl", atomically: true, encoding: .utf8)
        let run = try samsvar(["convert", dir + "/a.ttl", dir + "/b.ttl", "--to", "turtle"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            @prefix a: <http://example.org/a#> .
            @prefix b: <http://example.org/b#> .

            a:s a:p a:o .

            b:s b:p b:o .

            """)
    }
}
