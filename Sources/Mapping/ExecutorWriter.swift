import RDF
import RDFIO

/// Writes the results of mapped batches in input order: records and statements to the
/// output, rejects to the rejects file, and counts them.
///
/// The record writer is held apart from the `ExecutorOutput` it came in, so that it is
/// changed in place rather than copied for every record. N-Triples and N-Quads lines,
/// written on the mapping threads, go to the sink a slice of a batch at a time.
struct ExecutorWriter {
    private var records: (any RecordWriter)?
    private let rdf: (any RDFStreamWriter)?
    private let lines: (format: RDFFormat, sink: (UnsafeRawBufferPointer) throws -> Void)?
    private let rejects: ExecutorRejects?
    private(set) var summary = ExecutorSummary()

    init(_ output: ExecutorOutput, rejects: ExecutorRejects?) {
        switch output {
        case .records(let writer):
            records = writer
            rdf = nil
            lines = nil
        case .rdf(let writer):
            records = nil
            rdf = writer
            lines = nil
        case .lines(let format, let sink):
            records = nil
            rdf = nil
            lines = (format, sink)
        }
        self.rejects = rejects
    }

    /// The syntax the mapping threads write statements in, if they do.
    var lineFormat: RDFFormat? { lines?.format }

    /// Writes the results of `batch`, which must be mapped.
    mutating func write(_ batch: ExecutorBatch) throws {
        var unreadable = batch.unreadable[...]
        for (i, result) in batch.results.enumerated() {
            while let u = unreadable.first, u.before == i {
                summary.read += 1
                try reject(position: u.position, input: nil, reason: u.reason)
                unreadable.removeFirst()
            }
            let (record, position, _) = batch.records[i]
            summary.read += 1
            switch result {
            case .record(let value):
                guard records != nil else { continue }
                do {
                    try records!.write(value)
                    summary.written += 1
                } catch let error as RecordOutputError where error.record != nil {
                    // The writer left nothing of the record behind: it is a reject.
                    try reject(position: position, input: record, reason: "cannot be written: \(error.message)")
                }
            case .quads(let quads):
                if let rdf {
                    for q in quads { try rdf.write(q) }
                } else if let lines {
                    // Only from a batch mapped without lines (`run` maps them with).
                    var serializer = RDFTargetLines(format: lines.format)
                    serializer?.beginRecord()
                    for q in quads { serializer?.add(q.subject, q.predicate, q.object, graph: q.graph) }
                    guard case .serialized = serializer?.endRecord(), let bytes = serializer?.bytes else {
                        throw RDFWriteError("cannot write the statements of record \(position.number)")
                    }
                    try bytes.withUnsafeBytes { try lines.sink($0) }
                } else {
                    continue
                }
                summary.statements += quads.count
                summary.written += 1
            case .serialized(let statements):
                summary.statements += statements
                summary.written += 1
            case .rejected(let reason):
                try reject(position: position, input: record, reason: reason)
            case .skipped:
                summary.skipped += 1
            }
        }
        for u in unreadable {
            summary.read += 1
            try reject(position: u.position, input: nil, reason: u.reason)
        }
        if let lines {
            for slice in batch.lines {
                guard let bytes = slice?.bytes, !bytes.isEmpty else { continue }
                try bytes.withUnsafeBytes { try lines.sink($0) }
            }
        }
    }

    /// Writes what the output needs at the end.
    mutating func finish() throws {
        try records?.finish()
        try rdf?.finish()
    }

    private mutating func reject(position: RecordPosition, input: RecordValue?, reason: String) throws {
        summary.rejected += 1
        try rejects?.write(position: position, input: input, reason: reason)
    }
}
