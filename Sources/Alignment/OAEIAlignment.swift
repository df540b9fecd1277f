/// An alignment in the OAEI Alignment format (the Alignment API's RDF/XML): the two
/// ontologies and the correspondences between their entities, as mappings from entity1
/// (subject) to entity2 (object).
public struct OAEIAlignment: Hashable, Sendable {
    /// `onto1`: the first ontology (its IRI, or the text given).
    public var ontology1: String?
    /// `onto2`: the second ontology.
    public var ontology2: String?
    /// `level`: `0` for correspondences between named entities.
    public var level: String?
    /// `type`: the arity, e.g. `11`, `??`, `**`.
    public var type: String?
    /// One mapping per `Cell`, in document order: `measure` as the confidence, the
    /// relation as the predicate (see `OAEIRelation.predicate`).
    public var mappings: [Mapping]

    /// An alignment between two ontologies.
    public init(ontology1: String? = nil, ontology2: String? = nil, level: String? = nil, type: String? = nil,
                mappings: [Mapping] = []) {
        self.ontology1 = ontology1
        self.ontology2 = ontology2
        self.level = level
        self.type = type
        self.mappings = mappings
    }
}

/// An OAEI alignment that cannot be read: a cell without both entities, an unknown
/// relation, a measure that is not a number from 0 to 1.
public struct OAEIAlignmentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The file, when known.
    public var source: String?

    /// An error about the alignment in `source`.
    public init(_ message: String, source: String? = nil) {
        self.message = message
        self.source = source
    }

    /// `path: error: message`.
    public var description: String { "\(source.map { "\($0): " } ?? "")error: \(message)" }
}
