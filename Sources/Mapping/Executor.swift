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
        var writer = ExecutorWriter(output, rejects: rejects)
        let lines = writer.lineFormat
        var sequence = 0
        var pending: ExecutorBatch?
        var spareLines: [RDFTargetLines] = []
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
                    pending = batch.start(mapper, threads: threads, lines: lines, spare: &spareLines)
                    try writer.write(previous)
                    previous.recycleLines(into: &spareLines)
                    progress?(writer.summary)
                } else {
                    pending = batch.start(mapper, threads: threads, lines: lines, spare: &spareLines)
                }
            }
        }
        if let last = pending {
            last.wait()
            try writer.write(last)
        }
        try writer.finish()
        progress?(writer.summary)
        return writer.summary
    }
}
