import Dispatch
import Foundation
import RDF
import RDFIO

/// Opens a reader for a source: the main inputs (named on the command line) and join
/// sources (named in the mapping). The default opens files with the format's reader.
public typealias ExecutorReaderFactory = (_ source: MappingSpecSource, _ path: String) throws -> any RecordReader

/// Runs a mapping: reads records, maps them and writes them in input order, sending every
/// record that cannot be mapped (or read) to the rejects, and counts.
///
/// Streaming: records go through in batches, so memory stays constant whatever the
/// input's size (a join's second source is held in memory). Each batch is mapped on other
/// threads, split across the cores, while the next batch is read and the previous one
/// written, so output order is input order.
public struct MappingExecutor {
    /// The mapping.
    public let spec: MappingSpec
    let mapper: ExecutorRecordMapper
    private let openReader: ExecutorReaderFactory
    /// Records per batch.
    public var batchSize = 1_000
    /// Threads that map one batch.
    public var threads = 2

    /// Loads the value maps and join sources of `spec`; throws `MappingSpecError` for a
    /// map that cannot be loaded (at its line in the mapping file) and the reader's error
    /// for a join source that cannot be read. `graphs` reads named graphs of the store
    /// for `store:` maps.
    public init(spec: MappingSpec, graphs: ValueMapGraphReader? = nil,
                openReader: @escaping ExecutorReaderFactory = MappingExecutor.openFile) throws {
        self.spec = spec
        self.openReader = openReader
        var maps: [ValueMap] = []
        for m in spec.maps {
            maps.append(try ValueMapLoader.load(m, file: spec.file, directory: spec.directory, graphs: graphs))
        }
        var joins: [ExecutorJoin] = []
        for j in spec.joins {
            let file = j.source.file ?? ""
            var reader = try openReader(j.source, ValueMapLoader.resolve(file, directory: spec.directory))
            joins.append(try ExecutorJoin(spec: j, file: file, reader: &reader))
        }
        mapper = ExecutorRecordMapper(spec: spec, maps: maps, joins: joins)
        threads = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// Opens the file at `path` (`-` for standard input) with the reader of the source's format.
    public static func openFile(_ source: MappingSpecSource, _ path: String) throws -> any RecordReader {
        try RecordFormat.reader(path: path, format: source.format, options: source.options)
    }

    /// Maps the records of `inputs` (paths; `-` is standard input) to `output`, rejects to
    /// `rejects`; calls `progress` after each batch. Throws for input that cannot be read
    /// at all and for output that cannot be written; a record that cannot be read or
    /// mapped is a reject, not an error.
    @discardableResult
    public func run(inputs: [String], output: ExecutorOutput, rejects: ExecutorRejects?,
                    progress: ((ExecutorSummary) -> Void)? = nil) throws -> ExecutorSummary {
        var output = output
        var lines: RDFFormat?
        if case .lines(let format, _) = output { lines = format }
        var summary = ExecutorSummary()
        var sequence = 0
        var pending: ExecutorBatch?
        for path in inputs {
            var reader = try openReader(spec.source, path)
            var lastError: RecordInputError?
            var finished = false
            // Records are numbered in their input, those that cannot be read included.
            var number = 0
            while !finished {
                let batch = ExecutorBatch()
                while batch.records.count < batchSize {
                    do {
                        guard let (record, read) = try reader.next() else { finished = true; break }
                        sequence += 1
                        number += 1
                        var position = read
                        position.number = number
                        batch.records.append((record, position, sequence))
                        lastError = nil
                    } catch let error as RecordInputError {
                        // A record that cannot be read is a reject; the same error twice
                        // means the reader cannot go on past it.
                        if error == lastError { throw error }
                        lastError = error
                        sequence += 1
                        number += 1
                        let position = RecordPosition(source: error.source.isEmpty ? path : error.source, number: number, line: error.line)
                        batch.unreadable.append((batch.records.count, position, error.message))
                    }
                }
                if let previous = pending {
                    previous.wait()
                    pending = batch.start(mapper, threads: threads, lines: lines)
                    try write(previous, to: &output, rejects: rejects, summary: &summary)
                    progress?(summary)
                } else {
                    pending = batch.start(mapper, threads: threads, lines: lines)
                }
            }
        }
        if let last = pending {
            last.wait()
            try write(last, to: &output, rejects: rejects, summary: &summary)
        }
        switch output {
        case .records(var writer):
            try writer.finish()
        case .rdf(let writer):
            try writer.finish()
        case .lines:
            break
        }
        progress?(summary)
        return summary
    }

    private func write(_ batch: ExecutorBatch, to output: inout ExecutorOutput, rejects: ExecutorRejects?,
                       summary: inout ExecutorSummary) throws {
        var unreadable = batch.unreadable[...]
        for (i, result) in batch.results.enumerated() {
            while let u = unreadable.first, u.before == i {
                summary.read += 1
                summary.rejected += 1
                try rejects?.write(position: u.position, input: nil, reason: u.reason)
                unreadable.removeFirst()
            }
            summary.read += 1
            let (record, position, _) = batch.records[i]
            switch result {
            case .record(let value):
                guard case .records(var writer) = output else { continue }
                do {
                    try writer.write(value)
                    summary.written += 1
                } catch let error as RecordOutputError where error.record != nil {
                    // The writer left nothing of the record behind: it is a reject.
                    summary.rejected += 1
                    try rejects?.write(position: position, input: record, reason: "cannot be written: \(error.message)")
                }
                output = .records(writer)
            case .quads(let quads):
                switch output {
                case .rdf(let writer):
                    for q in quads { try writer.write(q) }
                case .lines(let format, let sink):
                    guard case .serialized(let bytes, _) = try ExecutorLineSerializer(format: format).serialize(quads) else {
                        throw RDFWriteError("cannot write the statements of record \(position.number)")
                    }
                    try bytes.withUnsafeBytes { try sink($0) }
                case .records:
                    continue
                }
                summary.statements += quads.count
                summary.written += 1
            case .serialized(let bytes, let statements):
                guard case .lines(_, let sink) = output else { continue }
                try bytes.withUnsafeBytes { try sink($0) }
                summary.statements += statements
                summary.written += 1
            case .rejected(let reason):
                summary.rejected += 1
                try rejects?.write(position: position, input: record, reason: reason)
            case .skipped:
                summary.skipped += 1
            }
        }
        for u in unreadable {
            summary.read += 1
            summary.rejected += 1
            try rejects?.write(position: u.position, input: nil, reason: u.reason)
        }
    }
}
