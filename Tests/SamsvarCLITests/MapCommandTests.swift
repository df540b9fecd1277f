import Foundation
import RDFTestSupport
import Testing

@Suite("samsvar map")
struct MapCommandTests {
    static let mapping = """
        source: {format: json, iterator: "$._embedded.enheter[*]"}
        target: {format: csv, columns: [orgnr, navn, orgform]}
        fields:
          orgnr: {path: organisasjonsnummer, required: true}
          navn: {path: navn, function: titlecase}
          orgform: {path: organisasjonsform.kode, map: orgform}
        maps:
          orgform: {inline: {AS: Aksjeselskap}, unmapped: fail}
        """

    @Test func mapsRecordsWritesRejectsAndExits() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.mapping.write(toFile: dir + "/m.yaml", atomically: true, encoding: .utf8)
        let input = Fixtures.path("records/enheter-search-page1-response.json")
        let run = try samsvar(["map", dir + "/m.yaml", input, "-o", dir + "/out.csv", "--rejects", dir + "/rejects.jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: dir + "/out.csv", encoding: .utf8) == "orgnr,navn,orgform\r\n976030788,Sesam As,Aksjeselskap\r\n")
        #expect(try String(contentsOfFile: dir + "/rejects.jsonl", encoding: .utf8).contains("'FLI' is not in value map 'orgform'"))
        #expect(run.stderr.contains("read 2, written 1, rejected 1"))
        let strict = try samsvar(["map", dir + "/m.yaml", input, "-o", dir + "/out2.csv", "--rejects", dir + "/r2.jsonl", "--fail-on-reject"])
        #expect(strict.status == 1)
    }

    @Test func badMappingFileExits2WithLineAndColumn() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.mapping.replacingOccurrences(of: "function: titlecase", with: "function: titelcase")
            .write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        let run = try samsvar(["map", dir + "/bad.yaml", Fixtures.path("records/enheter-search-page1-response.json"), "-o", dir + "/o.csv"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.yaml:5:"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/o.csv"))
    }
}
