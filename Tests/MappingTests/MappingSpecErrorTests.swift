@testable import Mapping
import Testing

/// Every problem in a mapping file is an error at its exact line and column, found before
/// any record is read.
@Suite struct MappingSpecErrorTests {
    private func error(_ yaml: String) -> MappingSpecError? {
        do {
            _ = try MappingSpec.parse(yaml: yaml, file: "m.yaml")
            return nil
        } catch {
            return error
        }
    }

    private func expectError(_ yaml: String, _ position: String, _ message: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        guard let e = error(yaml) else {
            Issue.record("expected an error", sourceLocation: sourceLocation)
            return
        }
        #expect("\(e.line):\(e.column)" == position, sourceLocation: sourceLocation)
        #expect(e.message == message, sourceLocation: sourceLocation)
        #expect(e.description == "m.yaml:\(position): error: \(message)", sourceLocation: sourceLocation)
    }

    @Test func unknownKeyWithSuggestion() {
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              orgnr: {pth: organisasjonsnummer}
            """, "4:11", "unknown key 'pth' in field 'orgnr' (did you mean 'path'?)")
        expectError("""
            source: {format: json, iterater: "$[*]"}
            target: {format: csv}
            fields: {a: a}
            """, "1:24", "unknown key 'iterater' in the source (did you mean 'iterator'?)")
        expectError("""
            sourse: {format: json}
            """, "1:1", "unknown key 'sourse' in the mapping (did you mean 'source'?)")
    }

    @Test func unknownKeyWithoutCloseSuggestion() {
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields: {a: a}
            colour: red
            """, "4:1", "unknown key 'colour' in the mapping")
    }

    @Test func missingRequiredKeys() {
        expectError("""
            target: {format: csv}
            fields: {a: a}
            """, "1:1", "the mapping needs the key 'source'")
        expectError("""
            source: {iterator: "$[*]"}
            """, "1:9", "the source needs the key 'format'")
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              a: {function: trim}
            """, "4:6", "field 'a' needs one of 'path', 'field', 'value', 'template', 'concat', 'coalesce'")
    }

    @Test func twoSourcesOfAValue() {
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              a: {path: x, value: y}
            """, "4:16", "field 'a' has both 'path' and 'value'; give only one source of the value")
    }

    @Test func wrongTypes() {
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              a: {path: x, required: yes please}
            """, "4:26", "required must be true or false, found 'yes please'")
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              a:
                path: [x, y]
            """, "5:11", "path must be text, found a list")
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields: [a, b]
            """, "3:9", "fields must be a mapping, found a list")
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              a: {path: x, function: {pad: {width: wide}}}
            """, "4:40", "width must be a whole number, found 'wide'")
    }

    @Test func unknownFormats() {
        expectError("""
            source: {format: jsn}
            """, "1:18", "unknown source format 'jsn'; use csv, json, jsonl or xml (did you mean 'json'?)")
        expectError("""
            source: {format: json}
            target: {format: turtel}
            fields: {a: a}
            """, "2:18", "unknown target format 'turtel'; use csv, json, jsonl, xml, ntriples, nquads, turtle, trig, rdfxml (did you mean 'turtle'?)")
        expectError("""
            source: {format: csv, encoding: ebcdic}
            """, "1:33", "unknown encoding 'ebcdic'; use utf-8, iso-8859-1 or windows-1252")
    }

    @Test func unknownFunction() {
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              navn:
                path: navn
                function: [trim, titelcase]
            """, "6:22", "unknown function 'titelcase' (did you mean 'titlecase'?)")
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              navn: {path: navn, function: {spilt: ","}}
            """, "4:33", "unknown function 'spilt' (did you mean 'split'?)")
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              navn: {path: navn, function: split}
            """, "4:32", "function 'split' needs an argument: write {split: …}")
    }

    @Test func badRegularExpressions() {
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              a:
                path: x
                function:
                  - replace: {pattern: "([a-z", with: "$1"}
            """, "7:29", "'([a-z' is not a valid regular expression")
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              a:
                path: x
                function:
                  - replace: {pattern: "[a-z]+", with: "$2"}
            """, "7:44", "the replacement uses $2 but the pattern has 0 groups")
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              a: {path: x, when: {path: y, matches: "a(b"}}
            """, "4:42", "'a(b' is not a valid regular expression")
    }

    @Test func badTemplates() {
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              adresse: {template: "{postnummer} {poststed"}
            """, "4:37", "'{' without '}' in template")
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              adresse: {template: 'a } b'}
            """, "4:26", "'}' without '{' in template (write '\\}' for the character)")
        expectError("""
            source: {format: json}
            target: {format: turtle, subject: "https://x.no/{orgnummer}"}
            fields:
              orgnr: organisasjonsnummer
            """, "2:50", "unknown field 'orgnummer' in template; templates in the target name fields")
        expectError("""
            source: {format: json}
            target:
              format: turtle
              subject: "https://x.no/{organisasjonsnummer}"
            fields:
              orgnr: organisasjonsnummer
              organisasjonsnr: x
            """, "4:27", "unknown field 'organisasjonsnummer' in template; templates in the target name fields (did you mean 'organisasjonsnr'?)")
    }

    @Test func badPaths() {
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              a: {path: "adresse[x]"}
            """, "4:22", "expected a number, '*' or a quoted name inside brackets in path 'adresse[x]'")
        // The iterator's own error, moved to its place in the file.
        var pathError: JSONPathError?
        do { _ = try JSONPath("$.a[?(@.b)]") } catch { pathError = error }
        #expect(pathError != nil)
        expectError("""
            source: {format: json, iterator: "$.a[?(@.b)]"}
            """, "1:\(35 + (pathError?.offset ?? 0))", "iterator: \(pathError?.message ?? "")")
    }

    @Test func unknownReferences() {
        expectError("""
            source: {format: json}
            target: {format: csv, columns: [orgnr, navnn]}
            fields:
              orgnr: organisasjonsnummer
              navn: navn
            """, "2:40", "column 'navnn' is not a field (did you mean 'navn'?)")
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              orgform: {path: organisasjonsform.kode, map: orgfrom}
            maps:
              orgform: {inline: {AS: aksjeselskap}}
            """, "4:48", "unknown value map 'orgfrom' (did you mean 'orgform'?)")
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              a: {field: b}
              b: x
            """, "4:14", "field 'b' is declared after this one; a field can use only the fields above it")
        expectError("""
            source: {format: json}
            target: {format: turtle, subject: "https://x.no/{a}", class: [rov2:RegisteredOrganization]}
            fields: {a: a}
            """, "2:63", "unknown prefix 'rov2' in 'rov2:RegisteredOrganization'; declare it under the target's 'prefixes' (did you mean 'rov'?)")
    }

    @Test func keysInTheWrongPlace() {
        expectError("""
            source: {format: json, delimiter: ";"}
            """, "1:24", "'delimiter' is for csv sources")
        expectError("""
            source: {format: json}
            target: {format: csv, subject: "https://x.no/{a}"}
            fields: {a: a}
            """, "2:23", "'subject' is for RDF targets (ntriples, nquads, turtle, trig, rdfxml)")
        expectError("""
            source: {format: json}
            target: {format: turtle, subject: "https://x.no/{a}", graph: "https://x.no/g"}
            fields: {a: a}
            """, "2:55", "'graph' needs an RDF format with named graphs (nquads, trig), not turtle")
        expectError("""
            source: {format: json}
            target:
              format: turtle
              subject: "https://x.no/{a}"
              properties:
                - {predicate: rov:legalName, field: a, datatype: xsd:string, language: nb}
            fields: {a: a}
            """, "6:66", "a literal has a datatype or a language, not both")
    }

    @Test func badDatePatternAndValues() {
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              a: {path: x, function: {date: {from: "dd.MM.åååå"}}}
            """, "4:47", "'åååå' is not a date pattern letter (use \(ExpressionDatePattern.letters))")
        expectError("""
            source: {format: json}
            target: {format: turtle, subject: "https://x.no/{a}", properties: [{predicate: dct:issued, value: "2017-02-30", datatype: xsd:date}]}
            fields: {a: a}
            """, "2:99", "'2017-02-30' is not a valid xsd:date")
        expectError("""
            source: {format: json}
            target: {format: turtle, subject: "https://x.no/{a}", properties: [{predicate: rov:legalName, field: a, language: "nb NO"}]}
            fields: {a: a}
            """, "2:115", "'nb NO' is not a language tag (nb, nn, en-GB …)")
    }

    @Test func yamlSyntaxErrorsAndDuplicates() {
        let e = error("""
            source: {format: json
            target: {format: csv}
            """)
        #expect(e?.line == 2)
        #expect(e?.message.hasPrefix("YAML: ") == true)
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields:
              a: x
              a: y
            """, "4:3", "the key 'a' is given twice in one mapping")
    }

    @Test func valueMapErrors() {
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields: {a: a}
            maps:
              m: {inline: {A: x}, sssom: m.sssom.tsv}
            """, "5:23", "value map 'm' has both 'inline' and 'sssom'; give only one source of pairs")
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields: {a: a}
            maps:
              m: {inline: {A: x}, unmapped: drop}
            """, "5:33", "unmapped must be 'fail', 'keep' or {default: value}, not 'drop'")
        expectError("""
            source: {format: json}
            target: {format: csv}
            fields: {a: a}
            maps:
              m: {sssom: m.sssom.tsv, predicates: [exactMach]}
            """, "5:40", "unknown mapping predicate 'exactMach'; use exactMatch, closeMatch, broadMatch, narrowMatch, relatedMatch, a CURIE or an IRI (did you mean 'exactMatch'?)")
    }
}
