import Foundation
import RDFTestSupport
import Testing

@Suite("samsvar map suggest")
struct MapSuggestCommandTests {
    static let model = Fixtures.path("catalogs/fdk/fdk-harvester/information-model-catalog-0.ttl")
    static let enhetSchema = Fixtures.path("schemas/enhet.schema.json")
    static let telefonnummer = "https://fellesdatakatalog.digdir.no/api/concepts/e186c93b-1368-4955-a7cd-9036f213a886"

    @Test func writesADraftThatSamsvarMapRuns() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = dir + "/store.sqlite"
        let accept = try samsvar(["alignments", "accept", Self.telefonnummer, "https://data.brreg.no/begrep/telefon",
                                  "--relation", "exactMatch", "--reviewer", "test", "--store", store])
        #expect(accept.status == 0, "\(accept.stderr)")
        let run = try samsvar(["map", "suggest", "--from", Self.model, "--to", Self.enhetSchema, "--store", store, "-o", dir + "/draft.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Enhet → Enhet: 3 of 17 fields mapped, 0 to review, 0 value maps, 14 TODO"))
        let draft = try String(contentsOfFile: dir + "/draft.yaml", encoding: .utf8)
        #expect(draft.hasPrefix("# Draft mapping written by `samsvar map suggest`"))
        #expect(draft.contains("  telefon:\n    path: kontaktinformasjon.telefonnummer\n"))
        #expect(draft.contains("  # TODO mobil \"Mobiltelefon\": no source field names"))

        // The same command gives the same bytes (on standard output without -o).
        let again = try samsvar(["map", "suggest", "--from", Self.model, "--to", Self.enhetSchema, "--store", store, "--quiet"])
        #expect(again.status == 0 && again.stdout == draft && again.stderr.isEmpty)

        // samsvar map reads the draft as it stands, in its usual form and as `map run`.
        try #"[{"organisasjonsnummer": "976030788", "kontaktinformasjon": {"telefonnummer": "73 54 00 00", "epostadresse": "post@sesam.no"}}]"#
            .write(toFile: dir + "/enheter.json", atomically: true, encoding: .utf8)
        for command in [["map"], ["map", "run"]] {
            let mapped = try samsvar(command + [dir + "/draft.yaml", dir + "/enheter.json", "-o", dir + "/out.json"])
            #expect(mapped.status == 0, "\(mapped.stderr)")
            let out = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/out.json"))) as? [[String: Any]]
            #expect(out?.first?["organisasjonsnummer"] as? String == "976030788")
            #expect(out?.first?["telefon"] as? String == "73 54 00 00")
            #expect(out?.first?["epostadresse"] as? String == "post@sesam.no")
        }
    }

    @Test func withoutAStoreOnlyTheSameConceptMatches() throws {
        let run = try samsvar(["map", "suggest", "--from", Self.model, "--to", Self.enhetSchema, "--no-store", "--to-type", "Enhet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("2 of 17 fields mapped, 0 to review"))
        #expect(run.stdout.contains("  # TODO telefon \"Telefon\""))
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let missing = try samsvar(["map", "suggest", "--from", Self.model, "--to", Self.enhetSchema, "--store", dir + "/none.sqlite"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.sqlite: no store there"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/none.sqlite"))
    }

    @Test func anUnreadableSchemaExits2WithLineAndColumn() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "{\n  \"properties\": {\n    \"a\": {\"x-concept\": urn:x}\n  }\n}\n".write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
        let run = try samsvar(["map", "suggest", "--from", Self.model, "--to", dir + "/bad.json", "--no-store", "-o", dir + "/draft.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix(dir + "/bad.json:3:"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/draft.yaml"))
        let kind = try samsvar(["map", "suggest", "--from", Self.model, "--to", dir + "/bad.json", "--to-format", "yaml"])
        #expect(kind.status == 2)
        #expect(kind.stderr.contains("--to-format must be modelldcat, json-schema or xsd"))
        let type = try samsvar(["map", "suggest", "--from", Self.model, "--to", Self.enhetSchema, "--no-store", "--from-type", "Bil"])
        #expect(type.status == 2)
        #expect(type.stderr.contains("no record type 'Bil'"))
    }

    @Test func helpNamesBothForms() throws {
        let help = try samsvar(["map", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("suggest"))
        let suggest = try samsvar(["map", "suggest", "--help"])
        #expect(suggest.stdout.contains("--from") && suggest.stdout.contains("--to-type"))
    }
}
