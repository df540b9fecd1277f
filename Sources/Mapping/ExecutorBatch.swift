import Dispatch

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

    /// Starts mapping the records on a background thread; returns self.
    func start(_ mapper: ExecutorRecordMapper, threads: Int) -> ExecutorBatch {
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
                    for i in lower..<upper {
                        out.buffer[i] = mapper.map(records[i].0, sequence: records[i].2)
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
