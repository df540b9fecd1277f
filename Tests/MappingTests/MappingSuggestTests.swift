import Alignment
import Foundation
@testable import Mapping
import RDFTestSupport
import Store
import Testing

/// `samsvar map suggest`: the schema readers, matching through accepted alignments, and
/// the draft mapping file.
@Suite struct MappingSuggestTests {
    static let model = Fixtures.path("catalogs/fdk/fdk-harvester/information-model-catalog-0.ttl")
    static let enhetSchema = Fixtures.path("schemas/enhet.schema.json")
    static let personXSD = Fixtures.path("schemas/person.xsd")
    static let digdir = "https://raw.githubusercontent.com/Informasjonsforvaltning/model-publisher/master/src/model/model-catalog.ttl#"
    static let fdk = "https://fellesdatakatalog.digdir.no/api/concepts/"
    static let begrep = "http://begrepskatalogen/begrep/"
    static let sivilstand = "https://example.org/samsvar/kodeliste/sivilstand/"

    /// Decisions recorded through the review log of a temporary store, read back as the
    /// command reads them.
    static func acceptedAlignments() throws -> ConceptAlignments {
        let folder = NSTemporaryDirectory() + "samsvar-suggest-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = ReviewLog(store: try SQLiteQuadStore(path: folder + "/store.sqlite"))
        func decide(_ s: String, _ o: String, _ relation: String = MappingPredicate.exactMatch, accept: Bool = true) throws {
            try log.decide(ConceptPair(s, o), relation: relation, accept: accept, reviewer: "urn:samsvar:reviewer:test", comment: nil)
        }
        try decide(fdk + "e186c93b-1368-4955-a7cd-9036f213a886", "https://data.brreg.no/begrep/telefon")
        try decide("https://data.brreg.no/begrep/mobil", fdk + "af4b2af3-64bd-42ba-967e-01cb8ef01c52")   // the other way round
        try decide(fdk + "e186c93b-1368-4955-a7cd-9036f213a886", "https://data.brreg.no/begrep/mobil", accept: false)
        try decide(fdk + "34cf0f4b-de40-41d5-9b35-305498365ad1", "https://data.brreg.no/begrep/naeringskode", MappingPredicate.closeMatch)
        try decide(begrep + "46f4d714-4c6c-11e8-bb3e-005056821322", "https://example.org/samsvar/begrep/etternavn")
        try decide(begrep + "be5d8b85-c3fb-11e9-8d53-005056825ca0", "https://example.org/samsvar/begrep/doedsdato", MappingPredicate.closeMatch)
        for code in ["Ugift": "ugift", "Gift": "gift", "Skilt": "skilt", "EnkeEllerEnkemann": "enkeEllerEnkemann"].sorted(by: { $0.key < $1.key }) {
            try decide(digdir + code.key, sivilstand + code.value)
        }
        try decide(digdir + "Separert", sivilstand + "separert", MappingPredicate.closeMatch)
        return try ConceptAlignments(reviewLog: log)
    }

    // MARK: Readers

    @Test func readsTheModellDCATInformationModel() throws {
        let schema = try SchemaReader.read(path: Self.model)
        #expect(schema.kind == .modelldcat)
        #expect(schema.title == "Felles informasjonsmodell for Person og Enhet")
        #expect(schema.recordTypes.map(\.name) == ["Aktør", "Person", "Enhet", "Identifikator", "Kontaktinformasjon", "Adresse", "GeografiskAdresse"])
        let enhet = try #require(schema.recordType(named: "Enhet"))
        #expect(enhet.iri == Self.digdir + "Enhet")
        // Attributes, then the specialised Aktør's roles with their object types' attributes.
        #expect(enhet.fields.map(\.displayPath) == [
            "organisasjonsnummer", "enhetsnavn", "organisasjonsform", "næringskode",
            "identifikator.gyldighetsperiode", "identifikator.utstedtAvAutoritet", "identifikator.utstedtDato",
            "identifikator.identifikatortype", "identifikator.identifikatorverdi",
            "kontaktinformasjon.mobiltelefonnummer", "kontaktinformasjon.telefonnummer", "kontaktinformasjon.epostadresse",
        ])
        let orgnr = enhet.fields[0]
        #expect(orgnr.concepts == ["http://data.brreg.no/begrep/28155"])   // an xsd:anyURI literal
        #expect(orgnr.datatype == "string")
        #expect(enhet.fields[1].concepts.isEmpty)
        let person = try #require(schema.recordType(named: "Person"))
        let fornavn = try #require(person.fields.first { $0.displayPath == "navn.fornavn" })
        #expect(fornavn.concepts == [Self.begrep + "5138da05-be20-11e6-8004-005056825ca0"])
        let sivilstand = try #require(person.fields.first { $0.displayPath == "sivilstand" })
        let codes = try #require(sivilstand.codeList)
        #expect(codes.iris == [Self.digdir + "Sivilstand"])
        #expect(codes.label == "Sivilstand")
        #expect(codes.codes.count == 10)
        #expect(codes.codes.first == SchemaCode(value: "ugift", iris: [Self.digdir + "Ugift"]))
        let statsborgerskap = try #require(person.fields.first { $0.displayPath == "statsborgerskap" })
        #expect(statsborgerskap.codeList?.iris == [Self.digdir + "Landkode", "https://www.iso.org/iso-3166-country-codes.html"])
        #expect(statsborgerskap.codeList?.codes.isEmpty == true)
        // A field without a concept of its own takes its type's (the Kjønn list has none).
        #expect(person.fields.first { $0.displayPath == "kjønn" }?.concepts == [])
    }

    @Test func readsTheJSONSchema() throws {
        let schema = try SchemaReader.read(path: Self.enhetSchema)
        #expect(schema.kind == .jsonSchema)
        let enhet = try #require(schema.recordTypes.first)
        #expect(schema.recordTypes.count == 1 && enhet.name == "Enhet" && enhet.iterator == nil)
        #expect(enhet.fields.map(\.displayPath) == [
            "organisasjonsnummer", "navn", "organisasjonsform.kode", "organisasjonsform.beskrivelse",
            "naeringskode1.kode", "naeringskode1.beskrivelse", "epostadresse", "telefon", "mobil", "antallAnsatte",
            "registreringsdatoEnhetsregisteret", "forretningsadresse.adresse[]", "forretningsadresse.postnummer",
            "forretningsadresse.poststed", "forretningsadresse.kommunenummer", "roller[].type", "roller[].navn",
        ])
        func field(_ path: String) throws -> SchemaField { try #require(enhet.fields.first { $0.displayPath == path }) }
        #expect(try field("navn").label == "Navn")
        #expect(try field("navn").description == "Enhetens navn slik det er registrert.")
        #expect(try field("epostadresse").concepts == [Self.fdk + "6fb2f9a3-3e27-410b-8e1d-2d3d471d14b7"])   // dct:subject
        #expect(try field("telefon").concepts == ["https://data.brreg.no/begrep/telefon"])   // an array
        #expect(try field("antallAnsatte").datatype == "integer")
        #expect(try field("registreringsdatoEnhetsregisteret").datatype == "date")
        #expect(try field("roller[].type").recordPath == "roller[*].type")
        #expect(try field("roller[].type").codeList == SchemaCodeList(
            iris: ["https://data.brreg.no/enhetsregisteret/api/roller/rolletyper"],
            codes: ["DAGL", "LEDE", "NEST", "MEDL"].map { SchemaCode(value: $0) }))
        let orgform = try #require(try field("organisasjonsform.kode").codeList)
        #expect(orgform.iris == ["https://data.brreg.no/enhetsregisteret/api/organisasjonsformer"])
        #expect(orgform.codes.first == SchemaCode(value: "AS", label: "Aksjeselskap",
                                                  iris: ["https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/AS"]))
        #expect(try field("forretningsadresse.adresse[]").recordPath == "forretningsadresse.adresse[*]")
    }

    @Test func readsTheXSD() throws {
        let schema = try SchemaReader.read(path: Self.personXSD)
        #expect(schema.kind == .xsd)
        #expect(schema.title == "Personer i folkeregisteret (forenklet)")
        #expect(schema.recordTypes.map(\.name) == ["personer", "person"])
        let person = try #require(schema.recordType(named: "person"))
        #expect(person.iterator == "//person")
        #expect(person.concepts == ["https://example.org/samsvar/begrep/person"])
        #expect(person.fields.map(\.displayPath) == [
            "@foedselsnummer", "navn.fornavn", "navn.mellomnavn", "navn.etternavn", "foedselsdato", "sivilstand",
            "statsborgerskap[]", "kjoenn", "doedsdato", "bostedsadresse.adressenavn", "bostedsadresse.husnummer",
            "bostedsadresse.postnummer", "bostedsadresse.poststed", "kontakt.epost",
        ])
        func field(_ path: String) throws -> SchemaField { try #require(person.fields.first { $0.displayPath == path }) }
        // A named simple type's modelReference is the concept of fields without their own.
        #expect(try field("@foedselsnummer").concepts == ["https://example.org/samsvar/begrep/foedselsnummer"])
        #expect(try field("@foedselsnummer").datatype == "string")
        #expect(try field("foedselsdato").description == "Dato personen ble født")
        #expect(try field("bostedsadresse.husnummer").datatype == "integer")
        let sivilstand = try #require(try field("sivilstand").codeList)
        #expect(sivilstand.iris == ["https://example.org/samsvar/kodeliste/sivilstand"])
        #expect(sivilstand.label == "Sivilstandstype")
        #expect(sivilstand.codes[2] == SchemaCode(value: "2", label: "gift", iris: [Self.sivilstand + "gift"]))
        #expect(try field("sivilstand").concepts == [Self.begrep + "88804c58-ff43-11e6-9d97-005056825ca0"])
        #expect(try field("kjoenn").codeList?.codes.map(\.value) == ["mann", "kvinne"])
        #expect(try field("kjoenn").concepts.isEmpty)
        let personer = try #require(schema.recordType(named: "personer"))
        #expect(personer.fields.first?.displayPath == "person[].@foedselsnummer")
        #expect(personer.fields.first?.recordPath == "person[*].@foedselsnummer")
    }

    @Test func xsdModelReferencesWorkUnderAnyPrefixAndSimpleContent() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            <schema xmlns="http://www.w3.org/2001/XMLSchema" xmlns:sem='http://www.w3.org/ns/sawsdl'>
              <element name="beløp">
                <complexType>
                  <simpleContent>
                    <extension base="decimal">
                      <attribute name="valuta" type="string" sem:modelReference="urn:c:valuta"/>
                    </extension>
                  </simpleContent>
                </complexType>
              </element>
              <element name="r" sem:modelReference="urn:c:r">
                <complexType><sequence><element ref="beløp" sem:modelReference="urn:c:beløp  urn:c:sum"/></sequence></complexType>
              </element>
            </schema>
            """.write(toFile: dir + "/s.xsd", atomically: true, encoding: .utf8)
        let schema = try SchemaReader.read(path: dir + "/s.xsd")
        let r = try #require(schema.recordType(named: "r"))
        #expect(r.fields.map(\.displayPath) == ["beløp.#text", "beløp.@valuta"])
        #expect(r.fields[0].concepts == ["urn:c:beløp", "urn:c:sum"])
        #expect(r.fields[0].datatype == "decimal")
        #expect(r.fields[1].concepts == ["urn:c:valuta"])
    }

    @Test func unreadableSchemasReportFileLineAndColumn() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "{\n  \"type\": \"object\",\n  \"properties\": {,}\n}".write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
        try "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n  <xs:element name=\"a\">\n</xs:schema>\n"
            .write(toFile: dir + "/bad.xsd", atomically: true, encoding: .utf8)
        try "@prefix modelldcatno: <https://data.norge.no/vocabulary/modelldcatno#> .\n<a> a modelldcatno:ObjectType ;\n  <b> .\n"
            .write(toFile: dir + "/bad.ttl", atomically: true, encoding: .utf8)
        try "<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<schema xmlns=\"http://www.w3.org/2001/XMLSchema\"><element name=\"&x;\"/></schema>\n"
            .write(toFile: dir + "/entity.xsd", atomically: true, encoding: .utf8)
        for (file, line) in [("bad.json", 3), ("bad.xsd", 3), ("bad.ttl", 3), ("entity.xsd", 2)] {
            let error = #expect(throws: SchemaReadError.self) { try SchemaReader.read(path: dir + "/" + file) }
            #expect(error?.line == line, "\(file): \(String(describing: error))")
            #expect(error?.description.hasPrefix(dir + "/" + file + ":\(line):") == true)
        }
        #expect(throws: SchemaReadError.self) { try SchemaReader.read(path: dir + "/schema.yaml") }
        #expect(throws: SchemaReadError.self) { try SchemaReader.read(path: dir + "/missing.json") }
    }

    // MARK: Matching and the draft

    @Test func suggestsTheEnhetMappingFromTheInformationModel() throws {
        let alignments = try Self.acceptedAlignments()
        let suggestion = try MappingSuggester(alignments: alignments)
            .suggest(from: try SchemaReader.read(path: Self.model), to: try SchemaReader.read(path: Self.enhetSchema))
        #expect(suggestion.sourceType.name == "Enhet")
        func target(_ path: String) throws -> FieldSuggestion { try #require(suggestion.fields.first { $0.target.displayPath == path }) }
        // The same concept.
        #expect(try target("organisasjonsnummer").mapped?.source.recordPath == "organisasjonsnummer")
        #expect(try target("epostadresse").mapped?.source.recordPath == "kontaktinformasjon.epostadresse")
        // An accepted exactMatch, stated either way round; the rejected pair is never used.
        #expect(try target("telefon").mapped?.source.recordPath == "kontaktinformasjon.telefonnummer")
        #expect(try target("mobil").mapped?.source.recordPath == "kontaktinformasjon.mobiltelefonnummer")
        #expect(try target("mobil").alternatives.isEmpty)
        // A closeMatch is a suggestion only.
        let naering = try target("naeringskode1.kode")
        #expect(naering.mapped == nil && naering.suggestions.map(\.evidence.relation) == [.closeMatch])
        #expect(naering.suggestions.first?.source.recordPath == "næringskode")
        #expect(try target("navn").mapped == nil && target("navn").suggestions.isEmpty)
        #expect(suggestion.mappedCount == 4 && suggestion.suggestedCount == 1 && suggestion.unmatchedCount == 12)

        let draft = MappingDraftWriter().write(suggestion)
        #expect(draft.contains("""
              telefon:
                path: kontaktinformasjon.telefonnummer
                # accepted exactMatch, confidence 1.00: <\(Self.fdk)e186c93b-1368-4955-a7cd-9036f213a886> "telefonnummer" → <https://data.brreg.no/begrep/telefon> "Telefon" (source kontaktinformasjon.telefonnummer)
            """))
        #expect(draft.contains("  # naeringskode1.kode: {path: næringskode}\n"))
        #expect(draft.contains("  # REVIEW naeringskode1.kode \"Næringskode\": accepted closeMatch"))
        #expect(draft.contains("  # TODO navn \"Navn\" (Enhetens navn slik det er registrert.): no source field names <https://data.brreg.no/begrep/enhetsnavn>"))
        #expect(draft.contains("  # TODO organisasjonsform.beskrivelse: names no concept\n"))
        #expect(draft.contains("#   4 of 17 target fields mapped (2 by the same concept, 2 by an accepted exactMatch),"))
        #expect(draft.contains("  # schema: enhet.schema.json"))

        // The draft reads as a mapping; writing it again gives the same bytes.
        let spec = try MappingSpec.parse(yaml: draft, file: "draft.yaml")
        #expect(spec.fields.map(\.name) == ["organisasjonsnummer", "epostadresse", "telefon", "mobil"])
        #expect(spec.source.format == .json && spec.target.format == .records(.json))
        let again = try MappingSuggester(alignments: try Self.acceptedAlignments())
            .suggest(from: try SchemaReader.read(path: Self.model), to: try SchemaReader.read(path: Self.enhetSchema))
        #expect(MappingDraftWriter().write(again) == draft)
    }

    @Test func codeListsBecomeValueMaps() throws {
        let suggestion = try MappingSuggester(alignments: try Self.acceptedAlignments())
            .suggest(from: try SchemaReader.read(path: Self.model), to: try SchemaReader.read(path: Self.personXSD))
        #expect(suggestion.sourceType.name == "Person" && suggestion.targetType.name == "person")
        func target(_ path: String) throws -> FieldSuggestion { try #require(suggestion.fields.first { $0.target.displayPath == path }) }
        #expect(try target("navn.fornavn").mapped?.source.recordPath == "navn.fornavn")
        #expect(try target("navn.fornavn").alternatives.map(\.source.recordPath) == ["opprinneligNavn.fornavn"])
        #expect(try target("navn.etternavn").mapped?.evidence.relation == .exactMatch)
        #expect(try target("doedsdato").suggestions.first?.source.recordPath == "dødsdato")
        // Both sides list codes: an inline table from the accepted matches between the codes.
        let sivilstand = try #require(try target("sivilstand").valueMap)
        guard case .inline = sivilstand.kind else { Issue.record("expected an inline map"); return }
        #expect(sivilstand.entries.map { "\($0.source.value)=\($0.target.value)" } == ["ugift=1", "gift=2", "skilt=4", "enkeEllerEnkemann=3"])
        #expect(sivilstand.weakerEntries.map { "\($0.source.value)=\($0.target.value)" } == ["separert=5"])
        #expect(sivilstand.unmatched.count == 6)
        // One side only names the list: the store's alignments translate the codes' IRIs.
        let land = try #require(try target("statsborgerskap[]").valueMap)
        guard case .store(let reverse) = land.kind else { Issue.record("expected a store map"); return }
        #expect(!reverse)

        let draft = MappingDraftWriter().write(suggestion)
        #expect(draft.contains("""
              sivilstand:
                path: sivilstand
                map: sivilstand
            """))
        #expect(draft.contains("      ugift: \"1\"   # accepted exactMatch, confidence 1.00: <\(Self.digdir)Ugift> → <\(Self.sivilstand)ugift> \"ugift\""))
        #expect(draft.contains("      # REVIEW separert: \"5\"   # accepted closeMatch"))
        #expect(draft.contains("      # TODO skiltPartner <\(Self.digdir)SkiltPartner>: no matching target code"))
        #expect(draft.contains("    store: accepted\n    predicates: [exactMatch]\n    unmapped: fail"))
        #expect(draft.contains("  iterator: \"$[*]\"") == false)
        #expect(draft.contains("  record: person\n"))
        #expect(draft.contains("  # TODO kjoenn (Personens juridiske kjønn): names no concept"))
        let spec = try MappingSpec.parse(yaml: draft, file: "draft.yaml")
        #expect(spec.target.format == .records(.xml) && spec.target.options.record == "person")
        #expect(spec.maps.map(\.name) == ["sivilstand", "statsborgerskap"])
        #expect(spec.maps.first?.source == .inline(["ugift": .string("1"), "gift": .string("2"), "skilt": .string("4"),
                                                    "enkeEllerEnkemann": .string("3")]))
    }

    @Test func anXSDSourceIsReadByItsRecordElement() throws {
        let suggestion = try MappingSuggester()
            .suggest(from: try SchemaReader.read(path: Self.personXSD), to: try SchemaReader.read(path: Self.model), targetType: "Person")
        #expect(suggestion.sourceType.name == "person")
        let draft = MappingDraftWriter().write(suggestion)
        #expect(draft.contains("source:\n  format: xml\n  iterator: \"//person\""))
        // The same codes on neither side and no alignments: no value map, a note instead.
        let spec = try MappingSpec.parse(yaml: draft, file: "draft.yaml")
        #expect(spec.field(named: "kontaktinformasjon.epostadresse") != nil)
        #expect(spec.field(named: "navn.fornavn") != nil)
    }

    @Test func recordTypesCanBeChosenAndUnknownOnesAreErrors() throws {
        let model = try SchemaReader.read(path: Self.model)
        let schema = try SchemaReader.read(path: Self.enhetSchema)
        let chosen = try MappingSuggester().suggest(from: model, to: schema, sourceType: "Kontaktinformasjon")
        #expect(chosen.sourceType.name == "Kontaktinformasjon")
        #expect(try MappingSuggester().suggest(from: model, to: schema, sourceType: Self.digdir + "Person").sourceType.name == "Person")
        #expect(throws: MappingSuggester.ChoiceError.self) { try MappingSuggester().suggest(from: model, to: schema, sourceType: "Bil") }
    }

    @Test func aDraftWithoutAnyMatchStillReads() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try #"{"title": "T", "properties": {"a b": {"x-concept": "urn:x"}, "true": {"type": "boolean"}}}"#
            .write(toFile: dir + "/t.json", atomically: true, encoding: .utf8)
        let suggestion = try MappingSuggester().suggest(from: try SchemaReader.read(path: Self.enhetSchema),
                                                        to: try SchemaReader.read(path: dir + "/t.json"))
        #expect(suggestion.mappedCount == 0)
        let draft = MappingDraftWriter().write(suggestion)
        let spec = try MappingSpec.parse(yaml: draft, file: "draft.yaml")
        #expect(spec.fields.map(\.name) == ["a b"])
        #expect(draft.contains("  # TODO true: names no concept"))
    }

    @Test func alignmentsAreReadFromEitherEnd() {
        var a = ConceptAlignments(accepted: [
            Mapping(subjectID: "urn:a", predicateID: MappingPredicate.broadMatch, objectID: "urn:b",
                    justification: MappingJustification.manualMappingCuration, confidence: 1),
            Mapping(subjectID: "urn:c", predicateID: MappingPredicate.exactMatch, objectID: "urn:d",
                    justification: MappingJustification.manualMappingCuration, predicateModifier: .not),
        ], proposals: [
            Mapping(subjectID: "urn:a", predicateID: MappingPredicate.broadMatch, objectID: "urn:b",
                    justification: MappingJustification.lexicalMatching, confidence: 0.75),
        ])
        #expect(a.link(from: "urn:a", to: "urn:b")?.relation == .broadMatch)
        #expect(a.link(from: "urn:b", to: "urn:a")?.relation == .narrowMatch)
        #expect(a.link(from: "urn:b", to: "urn:a")?.confidence == 0.75)
        #expect(a.link(from: "urn:c", to: "urn:d") == nil)
        a.add("urn:b", .exactMatch, "urn:a")
        #expect(a.link(from: "urn:a", to: "urn:b")?.relation == .exactMatch)
    }

    @Test func yamlScalarsReadBackAsTheSameText() throws {
        for text in ["navn", "adresse.postnummer", "@id", "roller[*].type", "1", "true", "no", "a b", "næringskode",
                     "#text", "x: y", "\"q\"", "-", "", "tab\there"] {
            let yaml = "k: " + YAMLText.scalar(text) + "\n"
            let value = try MappingSpecReader.json(yaml: yaml)
            #expect(value == .object([RecordMember("k", .string(text))]), "\(text) → \(yaml)")
        }
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "samsvar-suggest-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
