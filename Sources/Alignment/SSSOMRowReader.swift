/// Turns the header and rows of an SSSOM/TSV section into `Mapping`s.
struct SSSOMRowReader {
    /// What a column holds.
    private enum Column {
        /// A slot that `Mapping` has a property for.
        case field(MappingField, SSSOMSlot)
        /// Another slot of the `Mapping` class.
        case slot(SSSOMSlot)
        /// Pre-1.0 `match_type`, read as `mapping_justification`.
        case matchType
        /// Pre-1.0 `match_term_type`, read as `subject_type` and `object_type`.
        case matchTermType
        /// A pre-1.0 column whose current slot is in the file too: left out.
        case superseded
        /// A column the schema does not define, kept as it is.
        case nonStandard(String)
    }

    let prefixes: SSSOMPrefixMap
    let source: String?
    /// The set's `subject_type`, which applies to rows that give none.
    let setSubjectType: String?
    /// The set's `object_type`.
    let setObjectType: String?
    private var columns: [Column] = []
    private var columnIndex: [String: Int] = [:]

    init(prefixes: SSSOMPrefixMap, source: String?, setSubjectType: String?, setObjectType: String?) {
        self.prefixes = prefixes
        self.source = source
        self.setSubjectType = setSubjectType
        self.setObjectType = setObjectType
    }

    /// Pre-1.0 `match_type` values and the justifications that replaced them
    /// (spec-formats-tsv, "Compatibility with pre-1.0 versions").
    private static let matchTypes: [String: String] = [
        "Lexical": MappingJustification.lexicalMatching,
        "Logical": MappingJustification.logicalMatching,
        "HumanCurated": MappingJustification.manualMappingCuration,
        "Complex": MappingJustification.compositeMatching,
        "Unspecified": MappingJustification.unspecifiedMatching,
        "SemanticSimilarity": MappingJustification.semanticSimilarityThresholdMatching,
    ]

    /// Pre-1.0 `match_term_type` values and the entity types that replaced them.
    private static let matchTermTypes: [String: String] = [
        "ConceptMatch": "skos concept",
        "ClassMatch": "owl class",
        "ObjectPropertyMatch": "owl object property",
        "IndividualMatch": "owl named individual",
        "DataPropertyMatch": "owl data property",
        "TermMatch": "rdfs literal",
    ]

    /// Reads the header line: one slot name per column.
    mutating func readHeader(_ fields: [SSSOMTSVField], line: Int) throws {
        let names = Set(fields.map(\.text))
        for field in fields {
            guard !field.text.isEmpty else {
                throw SSSOMError("a column has no name", source: source, line: field.line, column: field.column)
            }
            guard columnIndex[field.text] == nil else {
                throw SSSOMError("the column '\(field.text)' appears twice", source: source,
                                 line: field.line, column: field.column)
            }
            let column = Self.column(field.text, among: names)
            if case .slot(let slot) = column { columnIndex[slot.name] = columns.count }
            if case .field(_, let slot) = column { columnIndex[slot.name] = columns.count }
            if case .matchType = column { columnIndex["mapping_justification"] = columns.count }
            columnIndex[field.text] = columns.count
            columns.append(column)
        }
        for required in ["predicate_id", "mapping_justification"] where columnIndex[required] == nil {
            throw SSSOMError("the TSV section has no \(required) column, which SSSOM requires", source: source,
                             line: line, column: 1)
        }
    }

    private static func column(_ name: String, among names: Set<String>) -> Column {
        switch name {
        case "match_type":
            return names.contains("mapping_justification") ? .superseded : .matchType
        case "match_term_type":
            return names.contains("subject_type") || names.contains("object_type") ? .superseded : .matchTermType
        case "semantic_similarity_score", "semantic_similarity_measure":
            let current = String(name.dropFirst("semantic_".count))
            return names.contains(current) ? .superseded : column(current, among: names)
        default:
            guard let slot = SSSOMSchema.mappingSlot(name) else { return .nonStandard(name) }
            return MappingField.bySlot[name].map { .field($0, slot) } ?? .slot(slot)
        }
    }

    /// The mapping a row holds, or `nil` for a row of empty cells.
    mutating func mapping(_ fields: [SSSOMTSVField], line: Int) throws -> Mapping? {
        if fields.allSatisfy({ $0.text.isEmpty }) { return nil }
        // A row may stop early (trailing empty cells without their tabs, as spreadsheet
        // exports and pandas write them); it may not run past the header.
        guard fields.count <= columns.count else {
            let extra = fields[columns.count]
            throw SSSOMError("this row has \(fields.count) values but the header names \(columns.count) columns",
                             source: source, line: extra.line, column: extra.column)
        }
        var mapping = Mapping(subjectID: nil, predicateID: "", objectID: nil, justification: "")
        for (column, field) in zip(columns, fields) where !field.text.isEmpty {
            try read(field, as: column, into: &mapping)
        }
        try check(mapping, fields, line: line)
        return mapping
    }

    private func read(_ field: SSSOMTSVField, as column: Column, into mapping: inout Mapping) throws {
        let text = field.text
        switch column {
        case .superseded:
            return
        case .nonStandard(let name):
            mapping.extras[name] = [text]
        case .matchType:
            guard let justification = Self.matchTypes[text] else {
                throw error("'\(text)' is not a match_type of SSSOM before 1.0", at: field)
            }
            mapping.justification = justification
        case .matchTermType:
            guard let type = Self.matchTermTypes[text] else {
                throw error("'\(text)' is not a match_term_type of SSSOM before 1.0", at: field)
            }
            mapping.extras["subject_type"] = [type]
            mapping.extras["object_type"] = [type]
        case .field(let property, let slot):
            try read(field, as: property, slot, into: &mapping)
        case .slot(let slot):
            if case .double = slot.kind { _ = try number(text, slot, at: field) }
            var values = slot.multivalued ? SSSOMValueCoding.split(text) : [text]
            if slot.isEntityReference { values = try values.map { try expand($0, at: field) } }
            mapping.extras[slot.name] = values
        }
    }

    private func read(_ field: SSSOMTSVField, as property: MappingField, _ slot: SSSOMSlot,
                      into mapping: inout Mapping) throws {
        let text = field.text
        switch property {
        case .subjectID: mapping.subjectID = try expand(text, at: field)
        case .subjectLabel: mapping.subjectLabel = text
        case .predicateID: mapping.predicateID = try expand(text, at: field)
        case .predicateModifier:
            guard let modifier = MappingPredicateModifier(rawValue: text) else {
                throw error("predicate_modifier can only be 'Not', not '\(text)'", at: field)
            }
            mapping.predicateModifier = modifier
        case .objectID: mapping.objectID = try expand(text, at: field)
        case .objectLabel: mapping.objectLabel = text
        case .justification: mapping.justification = try expand(text, at: field)
        case .authorIDs: mapping.authorIDs = try expandAll(text, at: field)
        case .reviewerIDs: mapping.reviewerIDs = try expandAll(text, at: field)
        case .mappingDate: mapping.mappingDate = text
        case .confidence: mapping.confidence = try number(text, slot, at: field)
        case .subjectPreprocessing: mapping.subjectPreprocessing = try expandAll(text, at: field)
        case .objectPreprocessing: mapping.objectPreprocessing = try expandAll(text, at: field)
        case .similarityScore: mapping.similarityScore = try number(text, slot, at: field)
        case .similarityMeasure: mapping.similarityMeasure = text
        case .comment: mapping.comment = text
        }
    }

    /// The slots SSSOM requires, and the literal-mapping exception for subject and object.
    private func check(_ mapping: Mapping, _ fields: [SSSOMTSVField], line: Int) throws {
        func missing(_ slot: String, _ why: String = "which SSSOM requires") -> SSSOMError {
            let field = columnIndex[slot].map { fields[$0] }
            return SSSOMError("\(slot) is empty, \(why)", source: source,
                              line: field?.line ?? line, column: field?.column ?? 1)
        }
        if mapping.predicateID.isEmpty { throw missing("predicate_id") }
        if mapping.justification.isEmpty { throw missing("mapping_justification") }
        if mapping.subjectID == nil {
            guard (mapping.extras.value("subject_type") ?? setSubjectType) == "rdfs literal" else {
                throw missing("subject_id", "which only a literal mapping (subject_type 'rdfs literal') may leave out")
            }
            if mapping.subjectLabel == nil { throw missing("subject_label", "which a literal mapping requires") }
        }
        if mapping.objectID == nil {
            guard (mapping.extras.value("object_type") ?? setObjectType) == "rdfs literal" else {
                throw missing("object_id", "which only a literal mapping (object_type 'rdfs literal') may leave out")
            }
            if mapping.objectLabel == nil { throw missing("object_label", "which a literal mapping requires") }
        }
    }

    private func expand(_ curie: String, at field: SSSOMTSVField) throws -> String {
        switch prefixes.expand(curie) {
        case .success(let iri): return iri
        case .failure(let failure): throw error(failure.message(for: curie), at: field)
        }
    }

    private func expandAll(_ text: String, at field: SSSOMTSVField) throws -> [String] {
        try SSSOMValueCoding.split(text).map { try expand($0, at: field) }
    }

    private func number(_ text: String, _ slot: SSSOMSlot, at field: SSSOMTSVField) throws -> Double {
        guard case .double(let range) = slot.kind else { return 0 }
        guard let value = Double(text), range.contains(value) else {
            throw error("\(slot.name) must be a number from \(range.lowerBound) to \(range.upperBound), not '\(text)'",
                        at: field)
        }
        return value
    }

    private func error(_ message: String, at field: SSSOMTSVField) -> SSSOMError {
        SSSOMError(message, source: source, line: field.line, column: field.column)
    }
}
