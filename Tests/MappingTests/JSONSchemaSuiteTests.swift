import Foundation
import Mapping
import RDFTestSupport
import Testing

/// Runs the official JSON Schema Test Suite (draft 2020-12, required tests) against
/// `JSONSchema`; the groups expected to fail are listed in `JSONSchemaKnownFailures`.
@Suite struct JSONSchemaSuiteTests {
    static let folder = Fixtures.path("json-schema/draft2020-12")

    /// The suite's files, e.g. `type.json`.
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// The suite's remote documents as served from `http://localhost:1234/`, and the
    /// 2020-12 meta-schemas, by URI: preloaded, since nothing is fetched.
    static let documents: [String: RecordValue] = {
        var documents: [String: RecordValue] = [:]
        let sources = [(Fixtures.path("json-schema/remotes"), "http://localhost:1234/", false),
                       (Fixtures.path("json-schema/metaschemas-draft2020-12"), "https://json-schema.org/draft/2020-12/", true)]
        for (directory, web, dropExtension) in sources {
            let files = FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []
            for file in files where file.hasSuffix(".json") {
                guard let document = try? JSONSchema.read(path: directory + "/" + file) else { continue }
                documents[web + (dropExtension ? String(file.dropLast(5)) : file)] = document
            }
        }
        return documents
    }()

    /// One group's result: which of its tests failed and why.
    struct GroupResult {
        var key: String
        var tests: Int
        var failures: [String]
    }

    static func member(_ name: String, of value: RecordValue) -> RecordValue? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.name == name }?.value
    }

    /// Runs every group of `file`.
    static func run(_ file: String) throws -> [GroupResult] {
        var reader = try JSONRecordReader(path: folder + "/" + file)
        var results: [GroupResult] = []
        while let (group, _) = try reader.next() {
            guard case .string(let description)? = member("description", of: group),
                  let schemaValue = member("schema", of: group),
                  case .array(let tests)? = member("tests", of: group) else {
                throw JSONSchemaLoadError("\(file): a group lacks description, schema or tests")
            }
            var result = GroupResult(key: "\(file): \(description)", tests: tests.count, failures: [])
            let schema: JSONSchema
            do {
                schema = try JSONSchema(schemaValue, documents: documents)
            } catch {
                result.failures = tests.map { _ in "schema not loaded: \(error)" }
                results.append(result)
                continue
            }
            for test in tests {
                guard case .string(let name)? = member("description", of: test),
                      let data = member("data", of: test),
                      case .bool(let valid)? = member("valid", of: test) else {
                    throw JSONSchemaLoadError("\(file): a test in '\(description)' lacks description, data or valid")
                }
                let errors = schema.validate(data)
                if errors.isEmpty != valid {
                    result.failures.append("\(name): expected \(valid ? "valid" : "invalid"), got "
                                           + (errors.isEmpty ? "valid" : errors.map(\.description).joined(separator: "; ")))
                }
            }
            results.append(result)
        }
        return results
    }

    @Test("JSON Schema Test Suite draft2020-12", arguments: files)
    func suiteFile(_ file: String) throws {
        let results = try Self.run(file)
        #expect(!results.isEmpty, "\(file) holds no test groups")
        for result in results {
            let known = JSONSchemaKnownFailures.reason(for: result.key) != nil
            if known && result.failures.isEmpty {
                Issue.record("\(result.key) now passes: remove it from JSONSchemaKnownFailures")
            } else if !known {
                for failure in result.failures { Issue.record("\(result.key) — \(failure)") }
            }
        }
    }

    @Test("JSON Schema Test Suite draft2020-12 pass count")
    func passCount() throws {
        var groups = 0, groupsPassed = 0, tests = 0, testsPassed = 0
        for file in Self.files {
            for result in try Self.run(file) {
                groups += 1
                tests += result.tests
                if result.failures.isEmpty { groupsPassed += 1 } else { print("  failing: \(result.key) — \(result.failures[0])") }
                testsPassed += result.tests - min(result.tests, result.failures.count)
            }
        }
        print("JSON Schema Test Suite draft2020-12: \(groupsPassed)/\(groups) groups, \(testsPassed)/\(tests) tests passed")
        #expect(Self.files.count == 46)
        #expect(groups == 383 && tests == 1_299)
    }

    @Test func errorsCarryPathAndKeyword() throws {
        let schema = try JSONSchema(.object([
            RecordMember("properties", .object([
                RecordMember("orgnr", .object([RecordMember("type", .string("string")),
                                               RecordMember("pattern", .string("^[0-9]{9}$"))])),
            ])),
            RecordMember("required", .array([.string("navn")])),
        ]))
        let errors = schema.validate(.object([RecordMember("orgnr", .string("12345"))]))
        #expect(errors.map(\.description) == ["/orgnr: does not match pattern ^[0-9]{9}$",
                                              "/: lacks required property 'navn'"])
        #expect(errors.map(\.keyword) == ["pattern", "required"])
    }

    @Test func preloadedDocumentsAreFound() throws {
        #expect(Self.documents.count == 31)
        let value = RecordValue.object([RecordMember("$ref", .string("https://example.org/int.json"))])
        let schema = try JSONSchema(value, documents: ["https://example.org/int.json": .object([RecordMember("type", .string("integer"))])])
        #expect(schema.validate(.number("2")).isEmpty)
        #expect(schema.validate(.string("2")).map(\.keyword) == ["type"])
    }

    @Test func referenceCyclesStop() throws {
        let schema = try JSONSchema(.object([RecordMember("$ref", .string("#"))]))
        #expect(schema.validate(.null).map(\.keyword) == ["$ref"])
    }

    @Test func integersAndMultiplesAreExact() throws {
        let schema = try JSONSchema(.object([RecordMember("type", .string("integer")),
                                             RecordMember("multipleOf", .number("0.01"))]))
        #expect(schema.validate(.number("1.0")).isEmpty)
        #expect(schema.validate(.number("1e2")).isEmpty)
        #expect(schema.validate(.number("1.5")).map(\.keyword) == ["type"])
    }

    @Test func remoteReferencesAreNotFetched() {
        let value = RecordValue.object([RecordMember("$ref", .string("https://example.org/other.json"))])
        #expect(throws: JSONSchemaLoadError.self) { try JSONSchema(value) }
    }
}
