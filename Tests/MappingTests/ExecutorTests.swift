import Foundation
@testable import Mapping
import Testing

/// The executor: order kept across batches and threads, rejects and skips counted, joins,
/// records that cannot be read, nested JSON output.
@Suite struct ExecutorTests {
    /// Runs `yaml` over in-memory inputs (by name) into a memory writer.
    private func run(_ yaml: String, inputs: [String: [RecordValue]], order: [String]? = nil,
                     batchSize: Int = 1_000) throws -> (records: [RecordValue], rejects: [String], summary: ExecutorSummary) {
        let spec = try MappingSpec.parse(yaml: yaml, file: "m.yaml")
        var executor = try MappingExecutor(spec: spec, openReader: { _, path in MemoryRecordReader(inputs[path] ?? [], source: path) })
        executor.batchSize = batchSize
        let sink = MemoryRecordSink()
        var lines: [String] = []
        let rejects = ExecutorRejects { lines.append(String(decoding: $0, as: UTF8.self)) }
        let summary = try executor.run(inputs: order ?? inputs.keys.sorted(), output: .records(MemoryRecordWriter(sink: sink)), rejects: rejects)
        #expect(sink.finished)
        return (sink.records, lines, summary)
    }

    private static func numbered(_ n: Int) -> [RecordValue] {
        (1...n).map { .object([RecordMember("n", .number(String($0)))]) }
    }

    @Test func orderIsKeptAcrossBatchesAndThreads() throws {
        let yaml = """
            source: {format: json}
            target: {format: json}
            filter: {path: n, matches: "5$"}
            fields:
              n: {path: n, type: integer}
            """
        let (records, rejects, summary) = try run(yaml, inputs: ["a": Self.numbered(5_000), "b": Self.numbered(300)], batchSize: 97)
        #expect(summary.read == 5_300)
        #expect(summary.skipped == 5_300 - 530)
        #expect(summary.rejected == 0)
        #expect(records.count == 530)
        let ns = records.compactMap { r -> Int? in
            if case .object(let m) = r, case .number(let n) = m[0].value { return Int(n) }
            return nil
        }
        #expect(ns == Array(stride(from: 5, through: 5_000, by: 10)) + Array(stride(from: 5, through: 300, by: 10)))
        #expect(rejects.isEmpty)
    }

    @Test func rejectsComeInInputOrderWithTheirNumbers() throws {
        let yaml = """
            source: {format: json}
            target: {format: json}
            fields:
              n: {path: n, function: {replace: {pattern: "^\\\\d*7$", with: "sju"}}, type: integer}
            """
        let (records, rejects, summary) = try run(yaml, inputs: ["in.json": Self.numbered(1_000)], batchSize: 64)
        #expect(summary.read == 1_000 && summary.written == 900 && summary.rejected == 100)
        #expect(records.count == 900)
        #expect(rejects.count == 100)
        #expect(rejects.first == #"{"record":7,"source":"in.json","line":7,"input":{"n":7},"reason":"field 'n': 'sju' is not a whole number"}"# + "\n")
        #expect(rejects.last?.hasPrefix(#"{"record":997,"#) == true)
    }

    @Test func hashJoinBySecondSource() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("samsvar-join-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("""
            orgnr,rolle,navn
            976030788,DAGL,Kari Nordmann
            971497017,LEDE,Ola Nordmann
            971497017,NEST,Per Hansen
            """.utf8).write(to: dir.appendingPathComponent("roller.csv"))
        let yaml = """
            source: {format: json, iterator: "$._embedded.enheter[*]"}
            target: {format: json}
            join:
              source: {format: csv, file: roller.csv}
              key: organisasjonsnummer
              on: orgnr
              as: roller
              match: all
            fields:
              orgnr: organisasjonsnummer
              roller: {path: "roller[*].rolle", function: {join: "+"}}
              leder: {path: "roller[0].navn"}
            """
        let spec = try MappingSpec.parse(yaml: yaml, file: "m.yaml", directory: dir.path)
        var bytes: [UInt8] = []
        let output = try ExecutorOutput(target: spec.target) { bytes.append(contentsOf: $0) }
        let summary = try MappingExecutor(spec: spec).run(inputs: [ExecutorEnhetsregisteretTests.input], output: output, rejects: nil)
        #expect(summary.written == 2)
        let json = String(decoding: bytes, as: UTF8.self)
        #expect(json.contains(#"{"orgnr":"976030788","roller":"DAGL","leder":"Kari Nordmann"}"#))
        #expect(json.contains(#"{"orgnr":"971497017","roller":"LEDE+NEST","leder":"Ola Nordmann"}"#))

        // With match: one, a key with two records is a reject; unmatched: fail rejects the rest.
        let one = yaml.replacingOccurrences(of: "match: all", with: "match: one\n  unmatched: fail")
            .replacingOccurrences(of: "roller[*].rolle", with: "roller.rolle").replacingOccurrences(of: "roller[0].navn", with: "roller.navn")
        let spec1 = try MappingSpec.parse(yaml: one, file: "m.yaml", directory: dir.path)
        var reasons: [String] = []
        let rejects = ExecutorRejects { line in
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            reasons.append(object?["reason"] as? String ?? "")
        }
        let output1 = try ExecutorOutput(target: spec1.target) { _ in }
        let s1 = try MappingExecutor(spec: spec1).run(inputs: [ExecutorEnhetsregisteretTests.input], output: output1, rejects: rejects)
        #expect(s1.written == 1 && s1.rejected == 1)
        #expect(reasons == ["join 'roller': 2 records in roller.csv have the key '971497017' (use match: all to take them all)"])
    }

    @Test func recordsThatCannotBeReadAreRejects() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("samsvar-jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("in.jsonl").path
        try Data("{\"a\": 1}\n{\"a\": 2\n{\"a\": 3}\n".utf8).write(to: URL(fileURLWithPath: path))
        let spec = try MappingSpec.parse(yaml: "source: {format: jsonl}\ntarget: {format: jsonl}\nfields: {a: a}\n", file: "m.yaml")
        var bytes: [UInt8] = []
        var rejectLines: [String] = []
        let output = try ExecutorOutput(target: spec.target) { bytes.append(contentsOf: $0) }
        let rejects = ExecutorRejects { rejectLines.append(String(decoding: $0, as: UTF8.self)) }
        let summary = try MappingExecutor(spec: spec).run(inputs: [path], output: output, rejects: rejects)
        #expect(String(decoding: bytes, as: UTF8.self) == "{\"a\":1}\n{\"a\":3}\n")
        #expect(summary.read == 3 && summary.written == 2 && summary.rejected == 1)
        #expect(rejectLines.count == 1)
        #expect(rejectLines.first?.hasPrefix("{\"record\":2,\"source\":\"\(path)\",\"line\":2,\"input\":null,\"reason\":\"") == true)
    }

    @Test func dottedNamesNestInJSON() throws {
        let yaml = """
            source: {format: json}
            target: {format: json}
            fields:
              id: id
              adresse.postnummer: pnr
              adresse.poststed: {path: sted, function: titlecase}
              flagg: {path: id, when: {path: id, equals: "2"}}
            """
        let (records, _, _) = try run(yaml, inputs: ["x": MappingTestSupport.records(#"[{"id": "1", "pnr": "0101", "sted": "OSLO"}, {"id": "2"}]"#)])
        #expect(records == [
            .object([RecordMember("id", .string("1")),
                     RecordMember("adresse", .object([RecordMember("postnummer", .string("0101")), RecordMember("poststed", .string("Oslo"))]))]),
            .object([RecordMember("id", .string("2")),
                     RecordMember("adresse", .object([RecordMember("postnummer", .null), RecordMember("poststed", .null)])),
                     RecordMember("flagg", .string("2"))]),
        ])
    }

    @Test func rejectsLineIsJSON() throws {
        var out: [UInt8] = []
        let rejects = ExecutorRejects { out.append(contentsOf: $0) }
        try rejects.write(position: RecordPosition(source: "a\"b.csv", number: 3, line: 4),
                          input: .object([RecordMember("x", .string("tab\there")), RecordMember("n", .number("1.5")),
                                          RecordMember("m", .number("1,5")), RecordMember("l", .array([.bool(true), .null]))]),
                          reason: "line\nbreak")
        #expect(String(decoding: out, as: UTF8.self)
                == #"{"record":3,"source":"a\"b.csv","line":4,"input":{"x":"tab\there","n":1.5,"m":"1,5","l":[true,null]},"reason":"line\nbreak"}"# + "\n")
        #expect(rejects.count == 1)
    }
}

/// XML in, JSON Lines out.
@Suite struct ExecutorXMLTests {
    @Test func xmlRecordsToJSONLines() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("samsvar-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("enheter.xml").path
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <enheter xmlns="urn:enheter">
              <enhet orgnr="976030788"><navn>SESAM AS</navn><adresse>Elgeseter gate 1</adresse></enhet>
              <enhet orgnr="971497017"><navn språk="nb">SESAM FAMILIEBARNEHAGE</navn>
                <adresse>Colletts gate 44</adresse><adresse>Postboks 1</adresse></enhet>
            </enheter>
            """.utf8).write(to: URL(fileURLWithPath: input))
        let spec = try MappingSpec.parse(yaml: """
            source: {format: xml, iterator: /enheter/enhet}
            target: {format: jsonl}
            fields:
              orgnr: {path: "@orgnr", type: integer}
              navn: {path: "navn.#text", function: titlecase}
              adresse: {path: "adresse[*]", function: {join: ", "}}
            """, file: "m.yaml")
        var bytes: [UInt8] = []
        let output = try ExecutorOutput(target: spec.target) { bytes.append(contentsOf: $0) }
        let summary = try MappingExecutor(spec: spec).run(inputs: [input], output: output, rejects: nil)
        #expect(summary.written == 2)
        #expect(String(decoding: bytes, as: UTF8.self) == """
            {"orgnr":976030788,"navn":"Sesam As","adresse":"Elgeseter gate 1"}
            {"orgnr":971497017,"navn":"Sesam Familiebarnehage","adresse":"Colletts gate 44, Postboks 1"}

            """)
    }
}

// MARK: - Support shared by the spec, expression and executor tests


/// Helpers shared by the spec, expression and executor tests.
enum MappingTestSupport {
    /// The records of a JSON text (an array's elements, or the one value).
    static func records(_ json: String) -> [RecordValue] {
        guard var reader = try? JSONRecordReader(data: Array(json.utf8)) else { return [] }
        var out: [RecordValue] = []
        while let next = try? reader.next() { out.append(next.0) }
        return out
    }

    /// One record from JSON text.
    static func record(_ json: String) -> RecordValue { records(json).first ?? .null }

    /// A mapping of JSON records to JSON with the fields given as YAML lines (indented
    /// two spaces) and optional extra top-level YAML.
    static func spec(fields: String, extra: String = "", target: String = "{format: json}") throws -> MappingSpec {
        try MappingSpec.parse(yaml: """
            source: {format: json}
            target: \(target)
            fields:
            \(fields)
            \(extra)
            """, file: "test.yaml")
    }

    /// A mapper for `spec` with its value maps loaded (inline ones, or files beside `directory`).
    static func mapper(_ spec: MappingSpec) throws -> ExecutorRecordMapper {
        var maps: [ValueMap] = []
        for m in spec.maps { maps.append(try ValueMapLoader.load(m, file: spec.file, directory: spec.directory, graphs: nil)) }
        return ExecutorRecordMapper(spec: spec, maps: maps, joins: [])
    }

    /// The value of the field `f` for `record` (nil when its condition leaves it out), or
    /// the rejection reason.
    static func field(_ yaml: String, _ record: RecordValue, extra: String = "") throws -> Result<RecordValue?, ExpressionRejection> {
        let spec = try spec(fields: "  f: \(yaml)", extra: extra)
        switch try mapper(spec).map(record, sequence: 1) {
        case .record(.object(let members)): return .success(members.first { $0.name == "f" }?.value)
        case .rejected(let reason): return .failure(ExpressionRejection(reason))
        default: return .success(nil)
        }
    }
}

/// A reader over records held in memory, for tests that need no file.
struct MemoryRecordReader: RecordReader {
    var records: [RecordValue]
    var source = "memory"
    private var index = 0

    init(_ records: [RecordValue], source: String = "memory") {
        self.records = records
        self.source = source
    }

    mutating func next() throws -> (RecordValue, RecordPosition)? {
        guard index < records.count else { return nil }
        index += 1
        return (records[index - 1], RecordPosition(source: source, number: index, line: index))
    }
}

/// A writer that keeps the records written.
final class MemoryRecordSink: @unchecked Sendable {
    var records: [RecordValue] = []
    var finished = false
}

struct MemoryRecordWriter: RecordWriter {
    let sink: MemoryRecordSink
    mutating func write(_ record: RecordValue) throws { sink.records.append(record) }
    mutating func finish() throws { sink.finished = true }
}
