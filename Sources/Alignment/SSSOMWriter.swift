import Foundation

/// Writes a `MappingSet` as SSSOM/TSV with an embedded metadata block.
///
/// The output follows the canonical SSSOM/TSV rules where they lose nothing: LF line
/// ends, `#` directly before each YAML line, metadata keys and columns in the order of the
/// schema's slot tables (non-standard ones after), only slots that have a value,
/// multi-valued slots as YAML block sequences, the curie_map sorted without the built-in
/// prefixes, values quoted only when they must be, numbers with at most three decimals
/// when that is exact. Mappings stay in the set's order and unused prefixes stay in the
/// curie_map, so that reading the output gives back the same `MappingSet` (for a set
/// whose propagatable slots are already propagated, as every set `SSSOMReader` returns).
///
/// IRIs are written as CURIEs; an IRI that no declared or built-in prefix covers is an
/// error (the specification asks writers not to invent prefixes).
public struct SSSOMWriter: Sendable {
    /// Choices about the output.
    public struct Options: Sendable {
        /// Move propagatable slots that all mappings share up to the set (default `true`).
        public var condense: Bool

        /// Options; the default condenses.
        public init(condense: Bool = true) {
            self.condense = condense
        }
    }

    /// The options in force.
    public var options: Options

    /// A writer with `options`.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// The SSSOM/TSV text of `set`.
    public func write(_ set: MappingSet) throws -> String {
        let set = options.condense ? set.condensed() : set
        for (prefix, iri) in set.curieMap {
            if let builtIn = SSSOMPrefixMap.builtIn[prefix], builtIn != iri {
                throw SSSOMError("the built-in prefix '\(prefix)' stands for <\(builtIn)> and cannot be redeclared as <\(iri)>")
            }
        }
        let prefixes = SSSOMPrefixMap(curieMap: set.curieMap)
        var output = ""
        for line in SSSOMYAMLEmitter.lines(try metadataEntries(set, prefixes)) {
            output += "#" + line + "\n"
        }
        // A set without mappings still gets a header, with the required columns.
        let columns = set.mappings.isEmpty
            ? ["subject_id", "predicate_id", "object_id", "mapping_justification"].map {
                Column(name: $0, field: MappingField.bySlot[$0], slot: SSSOMSchema.mappingSlot($0))
            }
            : columns(of: set.mappings)
        output += columns.map(\.name).joined(separator: "\t") + "\n"
        for (number, mapping) in set.mappings.enumerated() {
            try check(mapping, number: number + 1, in: set)
            var cells: [String] = []
            cells.reserveCapacity(columns.count)
            for column in columns {
                cells.append(Self.quoted(try cell(mapping, column, prefixes, number: number + 1)))
            }
            output += cells.joined(separator: "\t") + "\n"
        }
        return output
    }

    /// Writes `set` to `path` through a temporary file, so a failed write leaves no
    /// half-written file behind.
    public func write(_ set: MappingSet, toFile path: String) throws {
        let text = try write(set)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw SSSOMError("cannot write the file: \(error.localizedDescription)", source: path)
        }
    }

    // MARK: Metadata

    private func metadataEntries(_ set: MappingSet, _ prefixes: SSSOMPrefixMap) throws -> [MappingMetadataEntry] {
        var entries: [MappingMetadataEntry] = []
        func add(_ key: String, _ value: MappingMetadataValue?) {
            if let value { entries.append(MappingMetadataEntry(key: key, value: value)) }
        }
        if !set.curieMap.isEmpty {
            add("curie_map", .map(set.curieMap.sorted { $0.key < $1.key }.map {
                MappingMetadataEntry(key: $0.key, value: .string($0.value))
            }))
        }
        add("mapping_set_id", .string(set.id))
        add("mapping_set_version", set.version.map(MappingMetadataValue.string))
        add("mapping_set_title", set.title.map(MappingMetadataValue.string))
        add("mapping_set_description", set.description.map(MappingMetadataValue.string))
        if !set.creatorIDs.isEmpty {
            add("creator_id", .list(try set.creatorIDs.map { .string(try contract($0, prefixes, "creator_id")) }))
        }
        add("license", .string(set.license))
        for entry in set.metadata {
            if Self.propertySlots.contains(entry.key) {
                throw SSSOMError("the metadata holds '\(entry.key)', which MappingSet keeps in a property of its own")
            }
            guard let slot = SSSOMSchema.mappingSetSlot(entry.key), slot.isEntityReference else {
                add(entry.key, entry.value)
                continue
            }
            add(entry.key, try contracted(entry.value, prefixes, entry.key))
        }
        let rank = { (key: String) in SSSOMSchema.mappingSetSlotIndex[key] ?? Int.max }
        return entries.enumerated().sorted {
            (rank($0.element.key), $0.offset) < (rank($1.element.key), $1.offset)
        }.map(\.element)
    }

    /// The metadata keys `MappingSet` has properties for.
    private static let propertySlots: Set<String> = [
        "curie_map", "mapping_set_id", "mapping_set_version", "mapping_set_title", "mapping_set_description",
        "creator_id", "license",
    ]

    private func contracted(_ value: MappingMetadataValue, _ prefixes: SSSOMPrefixMap,
                            _ slot: String) throws -> MappingMetadataValue {
        switch value {
        case .string(let iri): .string(try contract(iri, prefixes, slot))
        case .list(let items): .list(try items.map { try contracted($0, prefixes, slot) })
        case .map: value
        }
    }

    // MARK: Mappings

    /// A column to write: its slot and where the mappings keep it.
    private struct Column {
        let name: String
        let field: MappingField?
        let slot: SSSOMSlot?
    }

    /// The standard slots some mapping has a value for, in table order, then the
    /// non-standard ones in the order they first occur.
    private func columns(of mappings: [Mapping]) -> [Column] {
        var present = [Bool](repeating: false, count: MappingField.allCases.count)
        var extras = Set<String>()
        var nonStandard: [String] = []
        for mapping in mappings {
            for field in MappingField.allCases where !present[field.rawValue] && field.hasValue(in: mapping) {
                present[field.rawValue] = true
            }
            for entry in mapping.extras where !extras.contains(entry.slot) {
                extras.insert(entry.slot)
                if SSSOMSchema.mappingSlot(entry.slot) == nil { nonStandard.append(entry.slot) }
            }
        }
        var columns: [Column] = []
        for name in SSSOMSchema.mappingSlotOrder {
            let field = MappingField.bySlot[name]
            if field.map({ present[$0.rawValue] }) ?? extras.contains(name) {
                columns.append(Column(name: name, field: field, slot: SSSOMSchema.mappingSlot(name)))
            }
        }
        return columns + nonStandard.map { Column(name: $0, field: nil, slot: nil) }
    }

    private func cell(_ mapping: Mapping, _ column: Column, _ prefixes: SSSOMPrefixMap, number: Int) throws -> String {
        var values = column.field?.values(of: mapping) ?? mapping.extras[column.name] ?? []
        guard let slot = column.slot else { return values.first ?? "" }
        if slot.isEntityReference {
            values = try values.map { try contract($0, prefixes, "\(column.name) of mapping \(number)") }
        }
        return slot.multivalued ? SSSOMValueCoding.join(values) : (values.first ?? "")
    }

    /// What a reader would refuse: the required slots, and a missing subject or object
    /// outside a literal mapping.
    private func check(_ mapping: Mapping, number: Int, in set: MappingSet) throws {
        if mapping.predicateID.isEmpty { throw SSSOMError("mapping \(number) has no predicate_id") }
        if mapping.justification.isEmpty { throw SSSOMError("mapping \(number) has no mapping_justification") }
        if let entry = mapping.extras.first(where: { MappingField.bySlot[$0.slot] != nil }) {
            throw SSSOMError("mapping \(number) holds '\(entry.slot)' among its extras, but Mapping keeps it in a property of its own")
        }
        for (id, side) in [(mapping.subjectID, "subject"), (mapping.objectID, "object")] where id == nil {
            let type = mapping.extras.value("\(side)_type") ?? set.metadata["\(side)_type"]?.string
            guard type == "rdfs literal" else {
                throw SSSOMError("mapping \(number) has no \(side)_id and is not a literal mapping (\(side)_type 'rdfs literal')")
            }
        }
    }

    private func contract(_ iri: String, _ prefixes: SSSOMPrefixMap, _ what: String) throws -> String {
        guard let curie = prefixes.contract(iri) else {
            throw SSSOMError("<\(iri)> (\(what)) cannot be written as a CURIE: no prefix in the curie_map covers it")
        }
        return curie
    }

    /// A cell in double quotes, with inner quotes doubled, when it holds a tab, a line
    /// break or a double quote; as it is otherwise.
    static func quoted(_ cell: String) -> String {
        guard cell.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x22 }) else { return cell }
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(cell.utf8.count + 8)
        for byte in cell.utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}
