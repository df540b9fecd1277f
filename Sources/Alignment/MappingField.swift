/// The SSSOM slots that `Mapping` keeps in properties of its own, so that readers and
/// writers can reach them without comparing slot names for every cell.
enum MappingField: Int, CaseIterable, Sendable {
    case subjectID, subjectLabel, predicateID, predicateModifier, objectID, objectLabel, justification
    case authorIDs, reviewerIDs, mappingDate, confidence, subjectPreprocessing, objectPreprocessing
    case similarityScore, similarityMeasure, comment

    /// The SSSOM slot the property holds.
    var slot: String {
        switch self {
        case .subjectID: "subject_id"
        case .subjectLabel: "subject_label"
        case .predicateID: "predicate_id"
        case .predicateModifier: "predicate_modifier"
        case .objectID: "object_id"
        case .objectLabel: "object_label"
        case .justification: "mapping_justification"
        case .authorIDs: "author_id"
        case .reviewerIDs: "reviewer_id"
        case .mappingDate: "mapping_date"
        case .confidence: "confidence"
        case .subjectPreprocessing: "subject_preprocessing"
        case .objectPreprocessing: "object_preprocessing"
        case .similarityScore: "similarity_score"
        case .similarityMeasure: "similarity_measure"
        case .comment: "comment"
        }
    }

    /// The property that holds a slot, if `Mapping` has one for it.
    static let bySlot: [String: MappingField] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.slot, $0) })

    /// True when the mapping has a value for the slot.
    func hasValue(in mapping: Mapping) -> Bool {
        switch self {
        case .subjectID: mapping.subjectID != nil
        case .subjectLabel: mapping.subjectLabel != nil
        case .predicateID: !mapping.predicateID.isEmpty
        case .predicateModifier: mapping.predicateModifier != nil
        case .objectID: mapping.objectID != nil
        case .objectLabel: mapping.objectLabel != nil
        case .justification: !mapping.justification.isEmpty
        case .authorIDs: !mapping.authorIDs.isEmpty
        case .reviewerIDs: !mapping.reviewerIDs.isEmpty
        case .mappingDate: mapping.mappingDate != nil
        case .confidence: mapping.confidence != nil
        case .subjectPreprocessing: !mapping.subjectPreprocessing.isEmpty
        case .objectPreprocessing: !mapping.objectPreprocessing.isEmpty
        case .similarityScore: mapping.similarityScore != nil
        case .similarityMeasure: mapping.similarityMeasure != nil
        case .comment: mapping.comment != nil
        }
    }

    /// The slot's values as text, numbers as SSSOM/TSV writes them.
    func values(of mapping: Mapping) -> [String] {
        func one(_ value: String?) -> [String] { value.map { [$0] } ?? [] }
        return switch self {
        case .subjectID: one(mapping.subjectID)
        case .subjectLabel: one(mapping.subjectLabel)
        case .predicateID: one(mapping.predicateID.isEmpty ? nil : mapping.predicateID)
        case .predicateModifier: one(mapping.predicateModifier?.rawValue)
        case .objectID: one(mapping.objectID)
        case .objectLabel: one(mapping.objectLabel)
        case .justification: one(mapping.justification.isEmpty ? nil : mapping.justification)
        case .authorIDs: mapping.authorIDs
        case .reviewerIDs: mapping.reviewerIDs
        case .mappingDate: one(mapping.mappingDate)
        case .confidence: one(mapping.confidence.map(SSSOMValueCoding.format))
        case .subjectPreprocessing: mapping.subjectPreprocessing
        case .objectPreprocessing: mapping.objectPreprocessing
        case .similarityScore: one(mapping.similarityScore.map(SSSOMValueCoding.format))
        case .similarityMeasure: one(mapping.similarityMeasure)
        case .comment: one(mapping.comment)
        }
    }

    /// Sets the slot from text (`[]` clears it; numbers and the modifier are parsed).
    func set(_ values: [String], on mapping: inout Mapping) {
        let first = values.first
        switch self {
        case .subjectID: mapping.subjectID = first
        case .subjectLabel: mapping.subjectLabel = first
        case .predicateID: mapping.predicateID = first ?? ""
        case .predicateModifier: mapping.predicateModifier = first.flatMap(MappingPredicateModifier.init(rawValue:))
        case .objectID: mapping.objectID = first
        case .objectLabel: mapping.objectLabel = first
        case .justification: mapping.justification = first ?? ""
        case .authorIDs: mapping.authorIDs = values
        case .reviewerIDs: mapping.reviewerIDs = values
        case .mappingDate: mapping.mappingDate = first
        case .confidence: mapping.confidence = first.flatMap(Double.init)
        case .subjectPreprocessing: mapping.subjectPreprocessing = values
        case .objectPreprocessing: mapping.objectPreprocessing = values
        case .similarityScore: mapping.similarityScore = first.flatMap(Double.init)
        case .similarityMeasure: mapping.similarityMeasure = first
        case .comment: mapping.comment = first
        }
    }
}
