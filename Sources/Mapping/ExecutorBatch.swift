import Dispatch
import RDF
import RDFIO

/// A batch of records on its way through the executor: read on the calling thread,
/// mapped on others (split into one slice per thread), written back on the calling thread.
final class ExecutorBatch: @unchecked Sendable {
    // Safety: `records` and `unreadable` are only written before `start`; each mapping
    // thread writes only its own slice of `results` and its own element of `lines`; the
    // caller reads them only after `wait()`, which orders those writes before the reads.
    var records: [(RecordValue, RecordPosition, Int)] = []
    /// Records that could not be read: the index of the record they came before, where
    /// they are and why.
    var unreadable: [(before: Int, position: RecordPosition, reason: String)] = []
    private(set) var results: [ExecutorResult] = []
    /// With N-Triples or N-Quads output, the lines of each slice's records, in order.
    private(set) var lines: [RDFTargetLines?] = []
    private let group = DispatchGroup()

    /// Starts mapping the records on a background thread; returns self. With `format`
    /// (N-Triples or N-Quads), the statements are written there too, into `lines`, whose
    /// buffers are taken from `spare` while it has some.
    func start(_ mapper: ExecutorRecordMapper, threads: Int, lines format: RDFFormat? = nil,
               spare: inout [RDFTargetLines]) -> ExecutorBatch {
        let count = records.count
        results = [ExecutorResult](repeating: .skipped, count: count)
        guard count > 0 else { return self }
        // More slices than threads, so that a thread that is held up leaves its share to others.
        let slices = count < 64 ? 1 : threads * 4
        if let format {
            lines = (0..<slices).map { _ in spare.popLast() ?? RDFTargetLines(format: format) }
        }
        group.enter()
        DispatchQueue.global().async { [self] in
            results.withUnsafeMutableBufferPointer { results in
                lines.withUnsafeMutableBufferPointer { lines in
                    let out = ExecutorSliceBuffers(results: results, lines: lines)
                    DispatchQueue.concurrentPerform(iterations: slices) { slice in
                        let lower = count * slice / slices, upper = count * (slice + 1) / slices
                        var sliceLines: RDFTargetLines? = out.lines.isEmpty ? nil : out.lines[slice]
                        if !out.lines.isEmpty { out.lines[slice] = nil }
                        for i in lower..<upper {
                            out.results[i] = mapper.map(records[i].0, sequence: records[i].2, lines: &sliceLines)
                        }
                        if !out.lines.isEmpty { out.lines[slice] = sliceLines }
                    }
                }
            }
            group.leave()
        }
        return self
    }

    /// Empties the lines (once written) into `spare`, for a later batch.
    func recycleLines(into spare: inout [RDFTargetLines]) {
        for k in lines.indices {
            guard var buffer = lines[k] else { continue }
            lines[k] = nil
            buffer.removeAll()
            spare.append(buffer)
        }
        lines = []
    }

    /// Waits until every record of the batch is mapped.
    func wait() { group.wait() }
}

/// The results and lines buffers, shared by the threads that fill disjoint parts of them.
private struct ExecutorSliceBuffers: @unchecked Sendable {
    let results: UnsafeMutableBufferPointer<ExecutorResult>
    let lines: UnsafeMutableBufferPointer<RDFTargetLines?>
}
