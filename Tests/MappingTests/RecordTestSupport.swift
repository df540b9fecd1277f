import Foundation
@testable import Mapping

/// Helpers for the record reader and writer tests.
enum RecordTesting {
    /// Reads every record, stopping at the first error.
    static func readAll<R: RecordReader>(_ reader: R) throws -> [RecordValue] {
        try readAllWithPositions(reader).map(\.0)
    }

    /// Reads every record with its position.
    static func readAllWithPositions<R: RecordReader>(_ reader: R) throws -> [(RecordValue, RecordPosition)] {
        var reader = reader
        var records: [(RecordValue, RecordPosition)] = []
        while let next = try reader.next() { records.append(next) }
        return records
    }

    /// Reads on after errors: each record, or the error in its place, until the end.
    static func readRecovering<R: RecordReader>(_ reader: R, limit: Int = 100) -> [Result<RecordValue, RecordInputError>] {
        var reader = reader
        var results: [Result<RecordValue, RecordInputError>] = []
        while results.count < limit {
            do {
                guard let (record, _) = try reader.next() else { break }
                results.append(.success(record))
            } catch let error as RecordInputError {
                results.append(.failure(error))
            } catch {
                break
            }
        }
        return results
    }

    /// The `RecordInputError` `body` throws, or nil.
    static func inputError(_ body: () throws -> Void) -> RecordInputError? {
        do {
            try body()
            return nil
        } catch let error as RecordInputError {
            return error
        } catch {
            return nil
        }
    }

    /// A new temporary directory; remove it with `remove`.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "samsvar-records-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of a file under `Tests/Fixtures/records`.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/records").appendingPathComponent(name).path
    }

    /// The UTF-8 bytes of `text`.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A one-level object of strings.
    static func strings(_ pairs: KeyValuePairs<String, String>) -> RecordValue {
        .object(pairs.map { RecordMember($0.key, .string($0.value)) })
    }
}

extension RecordValue {
    /// The first member called `name` of an object (tests only).
    func testMember(_ name: String) -> RecordValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.name == name }?.value
    }

    /// The element at `index` of an array (tests only).
    func testElement(_ index: Int) -> RecordValue? {
        guard case .array(let items) = self, index < items.count else { return nil }
        return items[index]
    }

    /// The member names of an object, in order (tests only).
    var testMemberNames: [String] {
        guard case .object(let members) = self else { return [] }
        return members.map(\.name)
    }

    /// The text of a `.string` (tests only).
    var testString: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}
