import Foundation
@testable import Mapping
import RDF
import Testing

/// Value maps: inline tables, SSSOM files, SKOS mapping graphs in the store or an RDF
/// file, and the policies for a code a map does not hold.
@Suite struct ExecutorValueMapTests {
    private let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("samsvar-maps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("""
            # curie_map:
            #   orgform: https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/
            #   euorg: http://publications.europa.eu/resource/authority/corporate-body-classification/
            #   skos: http://www.w3.org/2004/02/skos/core#
            #   semapv: https://w3id.org/semapv/vocab/
            # mapping_set_id: https://example.org/orgform-eu.sssom.tsv
            # license: https://creativecommons.org/licenses/by/4.0/
            subject_id\tsubject_label\tpredicate_id\tpredicate_modifier\tobject_id\tobject_label\tmapping_justification
            orgform:AS\tAksjeselskap\tskos:closeMatch\t\teuorg:LTD\tPrivate limited company\tsemapv:ManualMappingCuration
            orgform:AS\tAksjeselskap\tskos:exactMatch\t\teuorg:PLC_PRIV\tPrivate company\tsemapv:ManualMappingCuration
            orgform:ENK\tEnkeltpersonforetak\tskos:exactMatch\tNot\teuorg:SOLE\tSole trader\tsemapv:ManualMappingCuration
            orgform:FLI\tForening\tskos:closeMatch\t\teuorg:ASSOC\tAssociation\tsemapv:ManualMappingCuration
            orgform:SA\tSamvirkeforetak\tskos:exactMatch\t\teuorg:COOP\tCo-operative\tsemapv:ManualMappingCuration
            orgform:SA\tSamvirkeforetak\tskos:exactMatch\t\teuorg:COOP2\tCo-operative (other)\tsemapv:ManualMappingCuration

            """.utf8).write(to: directory.appendingPathComponent("orgform.sssom.tsv"))
        try Data("""
            <https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/AS> <http://www.w3.org/2004/02/skos/core#exactMatch> <http://example.org/eu/LTD> .
            <https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/FLI> <http://www.w3.org/2004/02/skos/core#broadMatch> <http://example.org/eu/ASSOC> .

            """.utf8).write(to: directory.appendingPathComponent("orgform.nt"))
    }

    private func values(_ codes: [String], field: String = "{path: kode, map: m}", map: String,
                        graphs: ValueMapGraphReader? = nil) throws -> [String] {
        let spec = try MappingSpec.parse(yaml: """
            source: {format: json}
            target: {format: json}
            fields:
              f: \(field)
            maps:
              m: \(map)
            """, file: "m.yaml", directory: directory.path)
        var maps: [ValueMap] = []
        for m in spec.maps { maps.append(try ValueMapLoader.load(m, file: spec.file, directory: spec.directory, graphs: graphs)) }
        let mapper = ExecutorRecordMapper(spec: spec, maps: maps, joins: [])
        return codes.map { code in
            switch mapper.map(.object([RecordMember("kode", .string(code))]), sequence: 1) {
            case .record(.object(let m)): ExpressionValue.text(m[0].value) ?? "null"
            case .rejected(let reason): "rejected: " + reason
            default: "?"
            }
        }
    }

    @Test func inlinePolicies() throws {
        let table = "{AS: Aksjeselskap, ENK: Enkeltpersonforetak}"
        #expect(try values(["AS", "XX"], map: "{inline: \(table)}")
                == ["Aksjeselskap", "rejected: field 'f': 'XX' is not in value map 'm'"])
        #expect(try values(["AS", "XX"], map: "{inline: \(table), unmapped: fail}")
                == ["Aksjeselskap", "rejected: field 'f': 'XX' is not in value map 'm'"])
        #expect(try values(["ENK", "XX"], map: "{inline: \(table), unmapped: keep}") == ["Enkeltpersonforetak", "XX"])
        #expect(try values(["ENK", "XX"], map: "{inline: \(table), unmapped: {default: Annen}}") == ["Enkeltpersonforetak", "Annen"])
        #expect(try values(["as", "Enk"], map: "{inline: \(table), ignore-case: true}") == ["Aksjeselskap", "Enkeltpersonforetak"])
        // The Norway problem: NO stays the text NO, as key and as value.
        #expect(try values(["NO"], map: "{inline: {NO: Norge, SE: NO}}") == ["Norge"])
        #expect(try values(["SE"], map: "{inline: {NO: Norge, SE: NO}}") == ["NO"])
        // An empty code is not looked up: default and required decide.
        #expect(try values([""], field: "{path: kode, map: m, default: tom}", map: "{inline: \(table)}") == ["tom"])
    }

    @Test func sssomPrefersExactMatchAndSkipsNegated() throws {
        let codes = ["https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/AS", "orgform:AS", "orgform:ENK", "orgform:FLI"]
        let exact = try values(codes, map: "{sssom: orgform.sssom.tsv, unmapped: keep}")
        #expect(exact == ["http://publications.europa.eu/resource/authority/corporate-body-classification/PLC_PRIV",
                          "http://publications.europa.eu/resource/authority/corporate-body-classification/PLC_PRIV",
                          "orgform:ENK", "orgform:FLI"])
        let close = try values(codes, map: "{sssom: orgform.sssom.tsv, predicates: [exactMatch, closeMatch], unmapped: keep}")
        #expect(close[1] == "http://publications.europa.eu/resource/authority/corporate-body-classification/PLC_PRIV")
        #expect(close[3] == "http://publications.europa.eu/resource/authority/corporate-body-classification/ASSOC")
        #expect(close[2] == "orgform:ENK")
    }

    @Test func sssomByLabelAndReversed() throws {
        #expect(try values(["Aksjeselskap"], map: "{sssom: orgform.sssom.tsv, key: label, value: label}") == ["Private company"])
        #expect(try values(["euorg:PLC_PRIV"], map: "{sssom: orgform.sssom.tsv, reverse: true}")
                == ["https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/AS"])
    }

    @Test func ambiguousCodeIsRejected() throws {
        let r = try values(["orgform:SA"], map: "{sssom: orgform.sssom.tsv}")
        #expect(r == ["rejected: field 'f': 'orgform:SA' has 2 values in value map 'm' ('http://publications.europa.eu/resource/authority/corporate-body-classification/COOP', 'http://publications.europa.eu/resource/authority/corporate-body-classification/COOP2')"])
    }

    @Test func skosGraphInTheStore() throws {
        let accepted = "urn:samsvar:alignment:accepted"
        let graphs: ValueMapGraphReader = { graph in
            guard graph == accepted else { return [] }
            return [Triple(.iri("https://x.no/AS"), .iri(Namespace.skos("exactMatch")), .iri("https://eu.example/LTD")),
                    Triple(.iri("https://x.no/FLI"), .iri(Namespace.skos("narrowMatch")), .iri("https://eu.example/ASSOC"))]
        }
        #expect(try values(["https://x.no/AS", "https://x.no/FLI"], map: "{store: accepted, unmapped: keep}", graphs: graphs)
                == ["https://eu.example/LTD", "https://x.no/FLI"])
        #expect(try values(["https://x.no/FLI"], map: "{store: \"\(accepted)\", predicates: [narrowMatch]}", graphs: graphs)
                == ["https://eu.example/ASSOC"])
    }

    @Test func skosGraphInAnRDFFile() throws {
        #expect(try values(["https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/AS"], map: "{rdf: orgform.nt}")
                == ["http://example.org/eu/LTD"])
    }

    @Test func mapsThatCannotBeLoadedAreErrorsAtTheirLine() throws {
        do {
            _ = try values(["AS"], map: "{sssom: mangler.sssom.tsv}")
            Issue.record("expected an error")
        } catch let error as MappingSpecError {
            #expect(error.line == 6 && error.column == 3)
            #expect(error.message.hasPrefix("value map 'm': "))
        }
        do {
            _ = try values(["AS"], map: "{store: accepted}")
            Issue.record("expected an error")
        } catch let error as MappingSpecError {
            #expect(error.description == "m.yaml:6:3: error: value map 'm' reads the store, but no store was given (--store)")
        }
        do {
            _ = try values(["AS"], map: "{store: urn:x:tom}", graphs: { _ in [] })
            Issue.record("expected an error")
        } catch let error as MappingSpecError {
            #expect(error.message == "value map 'm': the store has no graph <urn:x:tom> or it is empty")
        }
    }
}
