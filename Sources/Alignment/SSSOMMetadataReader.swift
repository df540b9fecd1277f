import Yams

/// Reads the YAML metadata block of an SSSOM/TSV file (embedded or external) into the
/// parts of a `MappingSet`.
struct SSSOMMetadataReader {
    /// The file the YAML came from, for errors.
    let source: String?
    /// What to add to a YAML column to get the file's column: the `#` and the spaces
    /// after it in embedded mode, 0 in an external file.
    let columnOffset: Int

    private var id: String?
    private var license: String?
    private var curieMap: [String: String] = [:]
    private var title: String?
    private var description: String?
    private var version: String?
    private var creatorIDs: [String] = []
    private var metadata = MappingSetMetadata()
    private var prefixes = SSSOMPrefixMap(curieMap: [:])

    init(source: String?, columnOffset: Int) {
        self.source = source
        self.columnOffset = columnOffset
    }

    /// Reads the YAML of the metadata block.
    mutating func read(yaml: String) throws {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw self.error(error)
        }
        guard let root, !isNull(root) else { return }
        guard case .mapping(let map) = root else {
            throw error("the metadata must be a YAML map from slot names to values", at: root)
        }
        for (key, value) in map where key.scalar?.string == "curie_map" {
            try readCURIEMap(value)
        }
        prefixes = SSSOMPrefixMap(curieMap: curieMap)
        for (keyNode, value) in map {
            guard case .scalar(let key) = keyNode else {
                throw error("a metadata key must be a slot name", at: keyNode)
            }
            if key.string != "curie_map", !isNull(value) {
                try readSlot(key.string, value)
            }
        }
    }

    /// The mapping set the metadata describes, without mappings yet.
    func mappingSet(options: SSSOMReader.Options, tsvSource: String?) throws -> MappingSet {
        guard let id = id ?? options.defaultMappingSetID else {
            throw SSSOMError("the metadata has no mapping_set_id, which SSSOM requires", source: source ?? tsvSource,
                             line: 1, column: 1)
        }
        guard let license = license ?? options.defaultLicense else {
            throw SSSOMError("the metadata has no license, which SSSOM requires", source: source ?? tsvSource,
                             line: 1, column: 1)
        }
        var set = MappingSet(id: id, license: license, curieMap: curieMap)
        set.title = title
        set.description = description
        set.version = version
        set.creatorIDs = creatorIDs
        set.metadata = metadata
        return set
    }

    private mutating func readCURIEMap(_ node: Node) throws {
        if isNull(node) { return }
        guard case .mapping(let map) = node else {
            throw error("curie_map must map prefix names to IRI prefixes", at: node)
        }
        for (prefixNode, iriNode) in map {
            guard case .scalar(let prefix) = prefixNode, !prefix.string.isEmpty, !prefix.string.contains(":") else {
                throw error("a curie_map key must be a prefix name", at: prefixNode)
            }
            guard case .scalar(let iri) = iriNode, !isNull(iriNode) else {
                throw error("the prefix '\(prefix.string)' must map to an IRI prefix", at: iriNode)
            }
            if let builtIn = SSSOMPrefixMap.builtIn[prefix.string] {
                guard builtIn == iri.string else {
                    throw error("the built-in prefix '\(prefix.string)' stands for <\(builtIn)> and cannot be redeclared as <\(iri.string)>",
                                at: iriNode)
                }
                continue
            }
            curieMap[prefix.string] = iri.string
        }
    }

    private mutating func readSlot(_ key: String, _ node: Node) throws {
        switch key {
        case "mapping_set_id": id = try scalar(node, key)
        case "license": license = try scalar(node, key)
        case "mapping_set_title": title = try scalar(node, key)
        case "mapping_set_description": description = try scalar(node, key)
        case "mapping_set_version": version = try scalar(node, key)
        case "creator_id": creatorIDs = try strings(node, key, expanding: true)
        default:
            guard let slot = SSSOMSchema.mappingSetSlot(key) else {
                metadata[key] = try value(node)
                return
            }
            switch slot.kind {
            case .structure:
                metadata[key] = try value(node)
            case _ where slot.multivalued:
                let values = try strings(node, key, expanding: slot.isEntityReference)
                if !values.isEmpty { metadata[key] = .list(values.map(MappingMetadataValue.string)) }
            case .double(let range):
                let text = try scalar(node, key)
                guard let number = Double(text), range.contains(number) else {
                    throw error("\(key) must be a number from \(range.lowerBound) to \(range.upperBound), not '\(text)'", at: node)
                }
                metadata[key] = .string(text)
            default:
                let text = try scalar(node, key)
                metadata[key] = .string(slot.isEntityReference ? try expand(text, at: node) : text)
            }
        }
    }

    /// A single-valued slot's text.
    private func scalar(_ node: Node, _ key: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw error("\(key) must have a single value", at: node)
        }
        return scalar.string
    }

    /// A multi-valued slot's values: a list, or a lone scalar as files often have it.
    private func strings(_ node: Node, _ key: String, expanding: Bool) throws -> [String] {
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case .sequence(let sequence): items = Array(sequence)
        default: throw error("\(key) must be a list of values", at: node)
        }
        return try items.filter { !isNull($0) }.map { item in
            guard case .scalar(let scalar) = item else {
                throw error("\(key) must be a list of single values", at: item)
            }
            return expanding ? try expand(scalar.string, at: item) : scalar.string
        }
    }

    /// Any YAML value, for non-standard keys and structured slots.
    private func value(_ node: Node) throws -> MappingMetadataValue {
        switch node {
        case .scalar(let scalar):
            return .string(scalar.string)
        case .sequence(let sequence):
            return .list(try sequence.map(value))
        case .mapping(let map):
            return .map(try map.map { key, value in
                guard case .scalar(let name) = key else { throw error("a key must be a single value", at: key) }
                return MappingMetadataEntry(key: name.string, value: try self.value(value))
            })
        case .alias:
            throw error("YAML aliases are not allowed in SSSOM metadata", at: node)
        }
    }

    private func expand(_ curie: String, at node: Node) throws -> String {
        switch prefixes.expand(curie) {
        case .success(let iri): return iri
        case .failure(let failure): throw error(failure.message(for: curie), at: node)
        }
    }

    /// Null: an empty value, `~` or `null` written plain.
    private func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func error(_ message: String, at node: Node) -> SSSOMError {
        SSSOMError(message, source: source, line: node.mark?.line, column: node.mark.map { $0.column + columnOffset })
    }

    private func error(_ error: YamlError) -> SSSOMError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let opened = context.map { " (\($0.text) that starts at line \($0.mark.line), column \($0.mark.column + columnOffset))" }
            let message = "invalid YAML in the metadata: " + problem + (opened ?? "")
            return SSSOMError(message, source: source, line: mark.line, column: mark.column + columnOffset)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return SSSOMError("the metadata repeats the key \(duplicates.joined(separator: ", "))", source: source,
                              line: context.mark.line, column: context.mark.column + columnOffset)
        default:
            return SSSOMError("invalid YAML in the metadata: \(error)", source: source)
        }
    }
}
