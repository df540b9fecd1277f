/// A set of mappings with its metadata: one SSSOM/TSV file.
///
/// `curieMap` holds the prefixes the set declares, apart from SSSOM's built-in ones
/// (`owl`, `rdf`, `rdfs`, `semapv`, `skos`, `sssom`, `xsd`, `linkml`), which need no
/// declaration. Metadata slots without a property of their own are kept, with any
/// non-standard keys, in `metadata`.
public struct MappingSet: Hashable, Sendable {
    /// `mapping_set_id`: the set's IRI (required).
    public var id: String
    /// `license`: the IRI of the licence the set is published under (required).
    public var license: String
    /// `curie_map`: prefix name → IRI prefix, built-in prefixes left out.
    public var curieMap: [String: String]
    /// `mapping_set_title`.
    public var title: String?
    /// `mapping_set_description`.
    public var description: String?
    /// `mapping_set_version`.
    public var version: String?
    /// `creator_id`: who made the set (IRIs).
    public var creatorIDs: [String]
    /// Every other metadata key with a value, in canonical order.
    public var metadata: MappingSetMetadata
    /// The mappings, in file order.
    public var mappings: [Mapping]

    /// An empty set with its required metadata.
    public init(id: String, license: String, curieMap: [String: String] = [:], mappings: [Mapping] = []) {
        self.id = id
        self.license = license
        self.curieMap = curieMap
        self.title = nil
        self.description = nil
        self.version = nil
        self.creatorIDs = []
        self.metadata = MappingSetMetadata()
        self.mappings = mappings
    }
}
