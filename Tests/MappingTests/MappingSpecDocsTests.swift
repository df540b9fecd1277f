import Foundation
@testable import Mapping
import RDFTestSupport
import Testing

/// docs/mapping.md and docs/mapping.schema.json stay true to the reader: every complete
/// example parses, every function is documented, and the schema knows every key.
@Suite struct MappingSpecDocsTests {
    static let guide = Fixtures.repositoryRoot + "/docs/mapping.md"
    static let schema = Fixtures.repositoryRoot + "/docs/mapping.schema.json"

    /// The fenced blocks whose info string is exactly `yaml` (fragments say `yaml fragment`),
    /// with the line each starts on.
    static func examples() throws -> [(line: Int, yaml: String)] {
        let text = try String(contentsOfFile: guide, encoding: .utf8)
        var out: [(Int, String)] = []
        var current: [String]?
        var start = 0
        for (i, line) in text.components(separatedBy: "\n").enumerated() {
            if let block = current {
                if line == "```" {
                    out.append((start, block.joined(separator: "\n")))
                    current = nil
                } else {
                    current = block + [line]
                }
            } else if line == "```yaml" {
                current = []
                start = i + 2
            }
        }
        return out
    }

    @Test func everyExampleMappingParses() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 8)
        for (line, yaml) in examples {
            do {
                _ = try MappingSpec.parse(yaml: yaml, file: "docs/mapping.md (example at line \(line))")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func everyFunctionIsDocumented() throws {
        let text = try String(contentsOfFile: Self.guide, encoding: .utf8)
        // The first cell of each row of the functions table.
        let names = text.components(separatedBy: "\n")
            .drop { !$0.hasPrefix("| function |") }.dropFirst(2).prefix { $0.hasPrefix("| ") }
            .map { $0.dropFirst(2).prefix { $0 != "|" } }
        for name in ExpressionFunction.names {
            #expect(names.contains { $0.contains("`\(name)`") || $0.contains("`{\(name):") },
                    "function \(name) is not in the functions table")
        }
    }

    @Test func everyExampleFollowsTheSchema() throws {
        let validator = JSONSchemaValidator(schema: try JSONSchema(path: Self.schema))
        for (line, yaml) in try Self.examples() {
            let document = try MappingSpecReader.json(yaml: yaml)
            let errors = validator.validate(document)
            #expect(errors.isEmpty, "the example at line \(line) of docs/mapping.md: \(errors)")
        }
        // And the schema catches what the reader refuses.
        for bad in ["source: {format: json, iterater: x}\ntarget: {format: csv}\nfields: {a: a}",
                    "source: {format: json}\ntarget: {format: csv}\nfields: {a: {path: x, value: y}}",
                    "source: {format: json}\ntarget: {format: csv}\nfields: {a: {path: x, function: titelcase}}",
                    "source: {format: json}\ntarget: {format: turtel}\nfields: {a: a}",
                    "source: {format: json}\nfields: {a: a}"] {
            let document = try MappingSpecReader.json(yaml: bad)
            #expect(!validator.validate(document).isEmpty, "the schema accepts \(bad)")
        }
    }

    private func schemaObject() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.schema))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The property names of a definition of the schema.
    private func properties(_ schema: [String: Any], _ definition: String) -> Set<String> {
        let defs = schema["$defs"] as? [String: Any]
        let def = definition == "" ? schema : defs?[definition] as? [String: Any]
        return Set((def?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
    }

    @Test func schemaKnowsEveryKey() throws {
        let schema = try schemaObject()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(properties(schema, "") == Set(MappingSpecReader.topKeys))
        #expect(properties(schema, "source") == Set(MappingSpecReader.sourceKeys))
        #expect(properties(schema, "joinSource") == Set(MappingSpecReader.sourceKeys + ["file"]))
        #expect(properties(schema, "field") == Set(MappingSpecReader.fieldKeys))
        #expect(properties(schema, "valueMap") == Set(MappingSpecReader.mapKeys))
        #expect(properties(schema, "join") == Set(MappingSpecReader.joinKeys))
        #expect(properties(schema, "property") == Set(MappingSpecReader.propertyKeys))
        #expect(properties(schema, "condition") == Set(MappingSpecReader.conditionKeys))
        #expect(properties(schema, "target") == Set(["format"] + MappingSpecReader.recordTargetKeys + MappingSpecReader.rdfTargetKeys))
        let functionNames = Set(((schema["$defs"] as? [String: Any])?["function"] as? [String: Any]).map { f in
            ((f["oneOf"] as? [[String: Any]]) ?? []).flatMap { alt -> [String] in
                (alt["enum"] as? [String]) ?? ((alt["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
            }
        } ?? [])
        #expect(functionNames == Set(ExpressionFunction.names))
    }
}
