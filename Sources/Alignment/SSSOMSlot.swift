/// One slot of the SSSOM model (a TSV column or a metadata key), as the LinkML schema
/// `sssom_schema.yaml` declares it: its range, whether it holds several values and whether
/// a mapping set's value applies to every mapping in it ("propagatable").
struct SSSOMSlot: Sendable {
    /// The range of a slot, as far as reading and writing need to know it.
    enum Kind: Sendable {
        /// `EntityReference`: a CURIE in SSSOM/TSV, an IRI in the model.
        case entityReference
        /// `NonRelativeURI`: written as it is, never contracted.
        case uri
        /// `double`, with the bounds the schema gives.
        case double(ClosedRange<Double>)
        /// Plain strings, dates and enumerations.
        case string
        /// A structure of its own (`curie_map`, `extension_definitions`).
        case structure
    }

    let name: String
    let kind: Kind
    let multivalued: Bool
    let propagatable: Bool

    init(_ name: String, _ kind: Kind, multivalued: Bool = false, propagatable: Bool = false) {
        self.name = name
        self.kind = kind
        self.multivalued = multivalued
        self.propagatable = propagatable
    }

    var isEntityReference: Bool { if case .entityReference = kind { true } else { false } }
}

/// The slots of the SSSOM `Mapping` and `MappingSet` classes, in the order of the
/// schema's slot tables: the order canonical SSSOM/TSV writes columns and metadata keys in.
enum SSSOMSchema {
    /// Every slot the two classes use, by name.
    static let slots: [String: SSSOMSlot] = {
        let all: [SSSOMSlot] = [
            SSSOMSlot("record_id", .entityReference),
            SSSOMSlot("subject_id", .entityReference),
            SSSOMSlot("subject_label", .string),
            SSSOMSlot("subject_category", .string),
            SSSOMSlot("predicate_id", .entityReference),
            SSSOMSlot("predicate_label", .string),
            SSSOMSlot("predicate_modifier", .string),
            SSSOMSlot("object_id", .entityReference),
            SSSOMSlot("object_label", .string),
            SSSOMSlot("object_category", .string),
            SSSOMSlot("mapping_justification", .entityReference),
            SSSOMSlot("author_id", .entityReference, multivalued: true),
            SSSOMSlot("author_label", .string, multivalued: true),
            SSSOMSlot("reviewer_id", .entityReference, multivalued: true),
            SSSOMSlot("reviewer_label", .string, multivalued: true),
            SSSOMSlot("creator_id", .entityReference, multivalued: true),
            SSSOMSlot("creator_label", .string, multivalued: true),
            SSSOMSlot("license", .uri),
            SSSOMSlot("subject_type", .string, propagatable: true),
            SSSOMSlot("subject_source", .entityReference, propagatable: true),
            SSSOMSlot("subject_source_version", .string, propagatable: true),
            SSSOMSlot("object_type", .string, propagatable: true),
            SSSOMSlot("object_source", .entityReference, propagatable: true),
            SSSOMSlot("object_source_version", .string, propagatable: true),
            SSSOMSlot("predicate_type", .string, propagatable: true),
            SSSOMSlot("mapping_provider", .uri, propagatable: true),
            SSSOMSlot("mapping_source", .entityReference),
            SSSOMSlot("mapping_cardinality", .string),
            SSSOMSlot("cardinality_scope", .string, multivalued: true, propagatable: true),
            SSSOMSlot("mapping_tool", .string, propagatable: true),
            SSSOMSlot("mapping_tool_id", .entityReference, propagatable: true),
            SSSOMSlot("mapping_tool_version", .string, propagatable: true),
            SSSOMSlot("mapping_date", .string, propagatable: true),
            SSSOMSlot("publication_date", .string),
            SSSOMSlot("review_date", .string),
            SSSOMSlot("confidence", .double(0...1)),
            SSSOMSlot("reviewer_agreement", .double(-1...1)),
            SSSOMSlot("curation_rule", .entityReference, multivalued: true, propagatable: true),
            SSSOMSlot("curation_rule_text", .string, multivalued: true, propagatable: true),
            SSSOMSlot("subject_match_field", .entityReference, multivalued: true, propagatable: true),
            SSSOMSlot("object_match_field", .entityReference, multivalued: true, propagatable: true),
            SSSOMSlot("match_string", .string, multivalued: true),
            SSSOMSlot("subject_preprocessing", .entityReference, multivalued: true, propagatable: true),
            SSSOMSlot("object_preprocessing", .entityReference, multivalued: true, propagatable: true),
            SSSOMSlot("similarity_score", .double(0...1)),
            SSSOMSlot("similarity_measure", .string, propagatable: true),
            SSSOMSlot("see_also", .uri, multivalued: true),
            SSSOMSlot("issue_tracker_item", .entityReference),
            SSSOMSlot("other", .string),
            SSSOMSlot("comment", .string),
            // Mapping-set-only slots.
            SSSOMSlot("sssom_version", .string),
            SSSOMSlot("curie_map", .structure),
            SSSOMSlot("mapping_set_id", .uri),
            SSSOMSlot("mapping_set_version", .string),
            SSSOMSlot("mapping_set_source", .uri, multivalued: true),
            SSSOMSlot("mapping_set_title", .string),
            SSSOMSlot("mapping_set_description", .string),
            SSSOMSlot("mapping_set_confidence", .double(0...1)),
            SSSOMSlot("issue_tracker", .uri),
            SSSOMSlot("extension_definitions", .structure),
        ]
        return Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
    }()

    /// The `Mapping` class's slots in the order of its slot table.
    static let mappingSlotOrder: [String] = [
        "record_id", "subject_id", "subject_label", "subject_category", "predicate_id",
        "predicate_label", "predicate_modifier", "object_id", "object_label", "object_category",
        "mapping_justification", "author_id", "author_label", "reviewer_id", "reviewer_label",
        "creator_id", "creator_label", "license", "subject_type", "subject_source",
        "subject_source_version", "object_type", "object_source", "object_source_version",
        "predicate_type", "mapping_provider", "mapping_source", "mapping_cardinality",
        "cardinality_scope", "mapping_tool", "mapping_tool_id", "mapping_tool_version",
        "mapping_date", "publication_date", "review_date", "confidence", "reviewer_agreement",
        "curation_rule", "curation_rule_text", "subject_match_field", "object_match_field",
        "match_string", "subject_preprocessing", "object_preprocessing", "similarity_score",
        "similarity_measure", "see_also", "issue_tracker_item", "other", "comment",
    ]

    /// The `MappingSet` class's slots in the order of its slot table (`mappings` left out:
    /// it is the TSV section).
    static let mappingSetSlotOrder: [String] = [
        "sssom_version", "curie_map", "mapping_set_id", "mapping_set_version",
        "mapping_set_source", "mapping_set_title", "mapping_set_description",
        "mapping_set_confidence", "creator_id", "creator_label", "license", "subject_type",
        "subject_source", "subject_source_version", "object_type", "object_source",
        "object_source_version", "predicate_type", "mapping_provider", "cardinality_scope",
        "mapping_tool", "mapping_tool_id", "mapping_tool_version", "mapping_date",
        "publication_date", "subject_match_field", "object_match_field",
        "subject_preprocessing", "object_preprocessing", "similarity_measure", "curation_rule",
        "curation_rule_text", "see_also", "issue_tracker", "other", "comment",
        "extension_definitions",
    ]

    /// Position of each `Mapping` slot in its table.
    static let mappingSlotIndex: [String: Int] =
        Dictionary(uniqueKeysWithValues: mappingSlotOrder.enumerated().map { ($1, $0) })

    /// Position of each `MappingSet` slot in its table.
    static let mappingSetSlotIndex: [String: Int] =
        Dictionary(uniqueKeysWithValues: mappingSetSlotOrder.enumerated().map { ($1, $0) })

    /// The slots whose mapping-set value applies to every mapping, in `Mapping` slot order.
    /// The schema marks `mapping_tool_id` propagatable too, though the prose list in
    /// spec-model.md omits it; the schema is the normative source.
    static let propagatableSlots: [String] = mappingSlotOrder.filter { slots[$0]?.propagatable == true }

    /// The `Mapping` slot a TSV column names, or `nil` for a non-standard column.
    static func mappingSlot(_ name: String) -> SSSOMSlot? {
        mappingSlotIndex[name] == nil ? nil : slots[name]
    }

    /// The `MappingSet` slot a metadata key names, or `nil` for a non-standard key.
    static func mappingSetSlot(_ name: String) -> SSSOMSlot? {
        mappingSetSlotIndex[name] == nil ? nil : slots[name]
    }
}
