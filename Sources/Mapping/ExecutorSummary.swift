/// The counts of a mapping run, printed at the end (and as progress on a terminal).
public struct ExecutorSummary: Sendable, Equatable, CustomStringConvertible {
    /// Records read from the inputs (including those that could not be read).
    public var read = 0
    /// Records written to the output.
    public var written = 0
    /// Records sent to the rejects file.
    public var rejected = 0
    /// Records the filter left out.
    public var skipped = 0
    /// RDF statements written (RDF output only).
    public var statements = 0

    /// All zero.
    public init() {}

    /// `read 3, written 2, rejected 1` (with `skipped` and `statements` when there are any).
    public var description: String {
        var parts = ["read \(read)", "written \(written)", "rejected \(rejected)"]
        if skipped > 0 { parts.append("skipped \(skipped)") }
        if statements > 0 { parts.append("statements \(statements)") }
        return parts.joined(separator: ", ")
    }
}
