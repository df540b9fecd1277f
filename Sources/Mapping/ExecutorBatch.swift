import Dispatch
import RDF
import RDFIO

/// A batch of records on its way through the executor: read on the calling thread,
/// mapped on others (split into one slice per thread), written back on the calling thread.
final class ExecutorBatch: @unchecked Sendable {
    // Safety: `records` and `unreadable` are only written before `start`; each mapping
    // thread writes only its own slice of `results`; the caller reads `results` only
    // after `wait()`, which orders those writes before the reads.
    var records: [(RecordValue, RecordPosition, Int)] = []
    /// Records that could not be read: the index of the record they came before, where
    /// they are and why.
    var unreadable: [(before: Int, position: RecordPosition, reason: String)] = []
    private(set) var results: [ExecutorResult] = []
    private let group = DispatchGroup()

    /// Starts mapping the records on a background thread; returns self. With `lines`, the
    /// statements of each record are written there too, as N-Triples or N-Quads.
    func start(_ mapper: ExecutorRecordMapper, threads: Int, lines: RDFFormat? = nil) -> ExecutorBatch {
        let count = records.count
        results = [ExecutorResult](repeating: .skipped, count: count)
        guard count > 0 else { return self }
        group.enter()
        DispatchQueue.global().async { [self] in
            let slices = count < 64 ? 1 : threads
            results.withUnsafeMutableBufferPointer { buffer in
                let out = ExecutorResultBuffer(buffer)
                DispatchQueue.concurrentPerform(iterations: slices) { slice in
                    let lower = count * slice / slices, upper = count * (slice + 1) / slices
                    let serializer = lines.flatMap { try? ExecutorLineSerializer(format: $0) }
                    for i in lower..<upper {
                        let result = mapper.map(records[i].0, sequence: records[i].2)
                        if let serializer, case .quads(let quads) = result {
                            out.buffer[i] = serializer.serialize(quads)
                        } else {
                            out.buffer[i] = result
                        }
                    }
                }
            }
            group.leave()
        }
        return self
    }

    /// Waits until every record of the batch is mapped.
    func wait() { group.wait() }
}

/// The results buffer, shared by the threads that fill disjoint parts of it.
private struct ExecutorResultBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<ExecutorResult>
    init(_ buffer: UnsafeMutableBufferPointer<ExecutorResult>) { self.buffer = buffer }
}

/// Writes one record's statements as N-Triples or N-Quads bytes, on a mapping thread.
final class ExecutorLineSerializer {
    private var bytes: [UInt8] = []
    private var writer: (any RDFStreamWriter)!

    init(format: RDFFormat) throws {
        writer = try RDFWriter.writer(for: format) { [unowned self] in self.bytes.append(contentsOf: $0) }
    }

    func serialize(_ quads: [Quad]) -> ExecutorResult {
        bytes.removeAll(keepingCapacity: true)
        do {
            for q in quads { try writer.write(q) }
            try writer.finish()
        } catch {
            return .rejected("\(error)")
        }
        return .serialized(bytes, statements: quads.count)
    }
}
