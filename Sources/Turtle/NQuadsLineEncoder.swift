import RDF

/// Canonical N-Triples or N-Quads lines (the form `NQuadsWriter` writes) appended to a
/// byte array, statement by statement. The text of the last subject is kept: the
/// statements about one subject usually come together, and its IRI is then checked and
/// copied once rather than once per statement.
public struct NQuadsLineEncoder {
    /// The syntax written.
    public let syntax: LineSyntax
    /// The lines so far.
    public private(set) var bytes: [UInt8] = []
    private var subject: Term?
    /// The last subject's text and the space after it.
    private var subjectText: [UInt8] = []

    public init(syntax: LineSyntax) {
        self.syntax = syntax
    }

    /// Appends the line of one statement. Throws for a named graph in N-Triples (the
    /// syntax cannot say which graph a statement is in, and dropping it loses data) and
    /// for an IRI that no IRI may be, leaving the lines as they were.
    public mutating func append(_ subject: Term, _ predicate: Term, _ object: Term, graph: Term?) throws {
        if self.subject != subject {
            self.subject = nil
            subjectText.removeAll(keepingCapacity: true)
            try NQuadsWriter.appendTerm(subject, to: &subjectText)
            subjectText.append(0x20)
            self.subject = subject
        }
        let mark = bytes.count
        bytes.append(contentsOf: subjectText)
        do {
            try NQuadsWriter.appendTerm(predicate, to: &bytes)
            bytes.append(0x20)
            try NQuadsWriter.appendTerm(object, to: &bytes)
            if let graph {
                guard syntax == .nQuads else {
                    throw RDFWriteError("N-Triples cannot hold named graphs; write N-Quads or TriG instead")
                }
                bytes.append(0x20)
                try NQuadsWriter.appendTerm(graph, to: &bytes)
            }
        } catch {
            bytes.removeSubrange(mark...)
            throw error
        }
        bytes.append(0x20)
        bytes.append(0x2E)
        bytes.append(0x0A)
    }

    /// Makes room for `count` bytes of lines.
    public mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    /// Drops the lines from byte `count` on (all of them for 0), keeping the capacity.
    public mutating func truncate(to count: Int) {
        bytes.removeSubrange(count...)
    }
}
