/// A value map as declared in a mapping file's `maps:` section, before it is loaded.
public struct ValueMapSpec: Sendable {
    /// Where the pairs come from.
    public enum Source: Sendable, Hashable {
        /// A table written in the mapping file: code → value.
        case inline([String: RecordValue])
        /// An SSSOM/TSV file (relative to the mapping file).
        case sssom(String)
        /// A named graph in the store holding `skos:*Match` triples (`accepted` names the
        /// graph of accepted alignments).
        case store(String)
        /// An RDF file holding `skos:*Match` triples (relative to the mapping file).
        case rdf(String)
    }

    /// What a code and a value are in an SSSOM map.
    public enum Slot: String, Sendable, Hashable, CaseIterable {
        /// The entity's IRI (`subject_id`, `object_id`).
        case id
        /// The entity's label (`subject_label`, `object_label`).
        case label
    }

    /// The map's name, used by `map:` and `lookup`.
    public var name: String
    /// Where the pairs come from.
    public var source: Source
    /// The mapping predicates used (SSSOM, store and RDF maps), in order of preference:
    /// a code with an `exactMatch` is not also looked up by `closeMatch`.
    public var predicates: [String]
    /// Whether codes are objects and values subjects, rather than the other way round.
    public var reverse: Bool
    /// What a code is matched against (SSSOM maps).
    public var key: Slot
    /// What the value is (SSSOM maps).
    public var value: Slot
    /// What a code the map does not hold does.
    public var unmapped: ValueMapPolicy
    /// Whether codes are compared without regard to case.
    public var ignoreCase: Bool
    /// Where the map is declared, for errors while loading it.
    public var line: Int
    /// The column of the declaration.
    public var column: Int
}
