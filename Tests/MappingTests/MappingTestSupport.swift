@testable import Mapping

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
