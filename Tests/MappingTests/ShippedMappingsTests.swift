import Foundation
@testable import Mapping
import RDF
import RDFIO
import RDFTestSupport
import Testing

/// The mappings shipped in `Mappings/` give exactly their expected output and rejects on
/// their sample input, follow docs/mapping.schema.json, and the concept mapping gives the
/// graph Brønnøysund published, up to the differences listed beside it.
///
/// Each mapping says how it is run in its `# Try it:  samsvar map NAME.yaml INPUT... -o
/// OUT.EXT` line; the expected output is `expected/NAME.EXT` and the expected rejects
/// `expected/NAME.rejects.jsonl`, as that command (run in the mapping's folder) writes them.
@Suite struct ShippedMappingsTests {
    static let root = Fixtures.repositoryRoot + "/Mappings"

    struct Shipped: CustomTestStringConvertible, Sendable {
        var folder: String
        var name: String
        var inputs: [String]
        var outputExtension: String
        var testDescription: String { "\(URL(fileURLWithPath: folder).lastPathComponent)/\(name).yaml" }
        var mapping: String { folder + "/" + name + ".yaml" }
        var expectedOutput: String { folder + "/expected/" + name + "." + outputExtension }
        var expectedRejects: String { folder + "/expected/" + name + ".rejects.jsonl" }
    }

    static func shipped() -> [Shipped] {
        let fm = FileManager.default
        let folders = ((try? fm.contentsOfDirectory(atPath: root)) ?? []).sorted()
        return folders.flatMap { folder -> [Shipped] in
            let path = root + "/" + folder
            let files = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            return files.compactMap { file in
                guard let text = try? String(contentsOfFile: path + "/" + file, encoding: .utf8),
                      let line = text.components(separatedBy: "\n").first(where: { $0.hasPrefix("# Try it:") })
                else { return nil }
                let words = line.split(separator: " ").map(String.init)
                guard let map = words.firstIndex(of: "map"), let o = words.firstIndex(of: "-o"), o + 1 < words.count
                else { return nil }
                let inputs = Array(words[(map + 2)..<o])
                let ext = URL(fileURLWithPath: words[o + 1]).pathExtension
                return Shipped(folder: path, name: String(file.dropLast(5)), inputs: inputs, outputExtension: ext)
            }
        }
    }

    /// Runs a shipped mapping over its sample inputs, as the CLI does in its folder.
    static func run(_ shipped: Shipped) throws -> (output: String, rejects: String, summary: ExecutorSummary) {
        let spec = try MappingSpec.read(path: shipped.mapping)
        var bytes: [UInt8] = []
        var rejectBytes: [UInt8] = []
        let output = try ExecutorOutput(target: spec.target) { bytes.append(contentsOf: $0) }
        let rejects = ExecutorRejects { rejectBytes.append(contentsOf: $0) }
        let summary = try MappingExecutor(spec: spec).run(inputs: shipped.inputs.map { shipped.folder + "/" + $0 },
                                                          output: output, rejects: rejects)
        // The rejects name the input as given on the command line in the mapping's folder.
        let rejectsText = String(decoding: rejectBytes, as: UTF8.self)
            .replacingOccurrences(of: "\"source\":\"\(shipped.folder)/", with: "\"source\":\"")
        return (String(decoding: bytes, as: UTF8.self), rejectsText, summary)
    }

    @Test func everyFolderShipsMappings() {
        let names = Set(Self.shipped().map(\.testDescription))
        for expected in ["enhetsregisteret/to-regorg.yaml", "enhetsregisteret/to-csv.yaml",
                         "enhetsregisteret/to-dcat-agent.yaml", "begrepspubliserer/to-skos-ap-no.yaml"] {
            #expect(names.contains(expected), "\(expected) is missing or has no '# Try it:' line")
        }
    }

    @Test(arguments: shipped())
    func givesItsExpectedOutputAndRejects(_ shipped: Shipped) throws {
        let (output, rejects, summary) = try Self.run(shipped)
        let expected = try String(contentsOfFile: shipped.expectedOutput, encoding: .utf8)
        #expect(output == expected, "\(shipped.testDescription): the output differs from \(shipped.expectedOutput)")
        let expectedRejects = (try? String(contentsOfFile: shipped.expectedRejects, encoding: .utf8)) ?? ""
        #expect(rejects == expectedRejects, "\(shipped.testDescription): the rejects differ")
        #expect(summary.rejected == expectedRejects.split(separator: "\n").count)
        #expect(summary.written > 0)
    }

    @Test(arguments: shipped())
    func followsTheMappingSchema(_ shipped: Shipped) throws {
        let validator = JSONSchemaValidator(schema: try JSONSchema(path: MappingSpecDocsTests.schema))
        let yaml = try String(contentsOfFile: shipped.mapping, encoding: .utf8)
        let errors = validator.validate(try MappingSpecReader.json(yaml: yaml))
        #expect(errors.isEmpty, "\(shipped.testDescription): \(errors)")
    }

    /// Malformed records of the Enhetsregisteret sample are rejected with their reasons.
    @Test func malformedUnitsAreRejectedWithReasons() throws {
        let regorg = try #require(Self.shipped().first { $0.testDescription == "enhetsregisteret/to-regorg.yaml" })
        let (_, rejects, summary) = try Self.run(regorg)
        #expect(summary.read == 9 && summary.skipped == 1 && summary.rejected == 2)
        #expect(rejects.contains("\"record\":8") && rejects.contains("'2019-02-30' is not a valid xsd:date"))
        #expect(rejects.contains("\"record\":9") && rejects.contains("field 'orgnr': required but empty"))
    }

    /// The Jira concept gives the graph Brønnøysund's begrepspubliserer published for it,
    /// once the differences listed (with their reasons) in published/differences.json are
    /// applied to the published Turtle.
    @Test func conceptMappingMatchesThePublishedResult() throws {
        let concept = try #require(Self.shipped().first { $0.testDescription == "begrepspubliserer/to-skos-ap-no.yaml" })
        let (output, _, _) = try Self.run(concept)
        var published = try String(contentsOfFile: concept.folder + "/published/jira-example-result.ttl", encoding: .utf8)
        let differences = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: concept.folder + "/published/differences.json"))) as? [[String: String]] ?? []
        #expect(differences.count == 2)
        for difference in differences {
            let from = try #require(difference["published"]), to = try #require(difference["samsvar"])
            #expect(published.contains(from), "the published result no longer holds \(from)")
            published = published.replacingOccurrences(of: from, with: to)
        }
        var ours = Dataset(), theirs = Dataset()
        try RDFReader.read(bytes: Array(output.utf8), format: .turtle) { ours.insert($0) }
        try RDFReader.read(bytes: Array(published.utf8), format: .turtle) { theirs.insert($0) }
        #expect(ours.count == 33)
        #expect(ours.isIsomorphic(to: theirs))
    }
}
