/// A term's number in one store's term dictionary: the store keeps quads as four of them.
///
/// Ids let indexes built over a whole store (the catalogue's search index) compare and
/// hash integers instead of strings. An id means something only to the store that gave it
/// out, and only until the next import or delete (terms no graph uses any more are dropped,
/// and their numbers may be given to new terms).
public struct TermID: RawRepresentable, Hashable, Comparable, Sendable {
    public var rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }

    public static func < (a: TermID, b: TermID) -> Bool { a.rawValue < b.rawValue }
}

/// A quad as term ids: graph, subject, predicate, object.
public struct IDQuad: Hashable, Sendable {
    public var graph: TermID
    public var subject: TermID
    public var predicate: TermID
    public var object: TermID

    public init(graph: TermID, subject: TermID, predicate: TermID, object: TermID) {
        self.graph = graph
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }
}
