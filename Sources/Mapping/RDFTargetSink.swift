import RDF
import RDFIO

/// Where `RDFTargetBuilder` puts the statements of a record as it makes them: kept as
/// quads (for the syntaxes written sorted at the end), or written at once as N-Triples or
/// N-Quads lines on the mapping thread.
protocol RDFTargetSink {
    mutating func add(_ subject: Term, _ predicate: Term, _ object: Term, graph: Term?)
}

/// Keeps the statements.
struct RDFTargetQuads: RDFTargetSink {
    var quads: [Quad] = []

    mutating func add(_ subject: Term, _ predicate: Term, _ object: Term, graph: Term?) {
        quads.append(Quad(subject, predicate, object, graph: graph))
    }
}

/// Writes statements as N-Triples or N-Quads lines, into one buffer for the records a
/// mapping thread maps one after the other (a slice of a batch), so that their lines are
/// handed on together. The lines of a record that is rejected are dropped. A statement
/// that cannot be written is remembered rather than thrown, so that a rejection the rest
/// of the record raises still wins, as when the lines are written after the whole record.
struct RDFTargetLines: RDFTargetSink {
    private var lines: RDFLineBuffer
    private var recordStart = 0
    private var statements = 0
    /// Why the first statement of the record that could not be written could not.
    private var failure: String?

    /// Lines of `format`, N-Triples or N-Quads; nil for another format.
    init?(format: RDFFormat) {
        guard let lines = RDFLineBuffer(format: format) else { return nil }
        self.lines = lines
    }

    /// The lines of the records so far.
    var bytes: [UInt8] { lines.bytes }

    /// Starts the statements of a record.
    mutating func beginRecord() {
        recordStart = lines.bytes.count
        statements = 0
        failure = nil
    }

    mutating func add(_ subject: Term, _ predicate: Term, _ object: Term, graph: Term?) {
        guard failure == nil else { return }
        do {
            try lines.append(subject, predicate, object, graph: graph)
            statements += 1
        } catch {
            failure = "\(error)"
        }
    }

    /// Ends the record: its result, `.serialized` with its lines kept, or a rejection
    /// (the record's own, else a statement that could not be written) with them dropped.
    mutating func endRecord(rejection: ExpressionRejection? = nil) -> ExecutorResult {
        if let reason = rejection?.reason ?? failure {
            lines.truncate(to: recordStart)
            return .rejected(reason)
        }
        return .serialized(statements: statements)
    }

    /// Drops every line, keeping the buffer for more.
    mutating func removeAll() {
        lines.truncate(to: 0)
        recordStart = 0
    }
}
