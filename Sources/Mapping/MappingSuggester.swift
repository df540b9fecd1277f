/// Suggests a mapping between two schemas whose fields name concepts: a target field is
/// mapped from a source field that names the same concept, or one with an accepted
/// `exactMatch` (either direction); weaker accepted matches are suggestions to review;
/// coded fields get value maps built from the accepted matches between their codes.
public struct MappingSuggester: Sendable {
    public var alignments: ConceptAlignments

    public init(alignments: ConceptAlignments = ConceptAlignments()) {
        self.alignments = alignments
    }

    /// An error choosing record types (a name that is not in the schema).
    public struct ChoiceError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The suggestion for the record types named (or, for those not named, the pair that
    /// matches best: most mapped fields, then most suggestions, then the shortest paths,
    /// then schema order).
    public func suggest(from source: SchemaModel, to target: SchemaModel, sourceType: String? = nil,
                        targetType: String? = nil) throws(ChoiceError) -> MappingSuggestion {
        func pick(_ schema: SchemaModel, _ name: String?) throws(ChoiceError) -> [SchemaRecordType] {
            guard let name else { return schema.recordTypes }
            guard let t = schema.recordType(named: name) else {
                throw ChoiceError(description: "\(schema.source): no record type '\(name)'; it has "
                                  + schema.recordTypes.map { "'\($0.name)'" }.joined(separator: ", "))
            }
            return [t]
        }
        let sources = try pick(source, sourceType)
        let targets = try pick(target, targetType)
        var best: (MappingSuggestion, score: (Int, Int, Int))?
        for t in targets {
            for s in sources {
                let suggestion = suggest(source: source, target: target, sourceType: s, targetType: t)
                let depth = suggestion.fields.reduce(0) { sum, f in
                    sum + (f.mapped.map { $0.source.path.count + f.target.path.count } ?? 0)
                }
                let score = (suggestion.mappedCount, suggestion.suggestedCount, -depth)
                if best == nil || score > best!.score { best = (suggestion, score) }
            }
        }
        guard let best else { throw ChoiceError(description: "no record types to map") }
        return best.0
    }

    /// The suggestion for one pair of record types.
    public func suggest(source: SchemaModel, target: SchemaModel, sourceType: SchemaRecordType,
                        targetType: SchemaRecordType) -> MappingSuggestion {
        var byConcept: [String: [Int]] = [:]
        for (i, f) in sourceType.fields.enumerated() {
            for c in Set(f.concepts) { byConcept[c, default: []].append(i) }
        }
        var used = Set<Int>()
        var mapNames = Set<String>()
        var fields: [FieldSuggestion] = []
        for t in targetType.fields {
            let found = candidates(for: t, in: sourceType.fields, byConcept: byConcept)
            let strong = found.filter { $0.1.rank <= 1 }
            var suggestion = FieldSuggestion(target: t, mapped: nil, alternatives: [], suggestions: [])
            if let first = strong.first {
                used.insert(first.0)
                suggestion.mapped = FieldCandidate(source: sourceType.fields[first.0], evidence: first.1)
                suggestion.alternatives = strong.dropFirst().map { FieldCandidate(source: sourceType.fields[$0.0], evidence: $0.1) }
                codes(&suggestion, names: &mapNames)
            } else {
                suggestion.suggestions = found.map { FieldCandidate(source: sourceType.fields[$0.0], evidence: $0.1) }
                used.formUnion(found.map(\.0))
            }
            fields.append(suggestion)
        }
        let unused = sourceType.fields.enumerated().filter { !used.contains($0.offset) && !$0.element.concepts.isEmpty }.map(\.element)
        return MappingSuggestion(source: source, target: target, sourceType: sourceType, targetType: targetType,
                                 fields: fields, unusedSourceFields: unused)
    }

    /// The source fields matching `target`, best first (then in source order).
    private func candidates(for target: SchemaField, in fields: [SchemaField],
                            byConcept: [String: [Int]]) -> [(Int, MatchEvidence)] {
        var best: [Int: MatchEvidence] = [:]
        func offer(_ i: Int, _ e: MatchEvidence) {
            if let old = best[i], old.rank <= e.rank { return }
            best[i] = e
        }
        for c in target.concepts {
            for i in byConcept[c] ?? [] { offer(i, .sameConcept(c)) }
            for link in alignments.links(from: c) {
                for i in byConcept[link.other] ?? [] {
                    guard let forward = alignments.link(from: link.other, to: c) else { continue }
                    offer(i, .aligned(source: link.other, target: c, link: forward))
                }
            }
        }
        return best.sorted { ($0.value.rank, $0.key) < ($1.value.rank, $1.key) }.map { ($0.key, $0.value) }
    }

    // MARK: Codes

    /// Adds the value map (or a note) for a mapped pair of coded fields.
    private func codes(_ suggestion: inout FieldSuggestion, names: inout Set<String>) {
        guard let mapped = suggestion.mapped else { return }
        let targetList = suggestion.target.codeList, sourceList = mapped.source.codeList
        switch (sourceList, targetList) {
        case (nil, nil):
            return
        case (nil, let t?):
            suggestion.codeNote = "the target takes codes from \(Self.describe(t)); the source field has no code list"
        case (let s?, nil):
            suggestion.codeNote = "the source takes codes from \(Self.describe(s)); the target field has no code list"
        case (let s?, let t?):
            if !Set(s.iris).isDisjoint(with: t.iris)
                || (!s.codes.isEmpty && Set(s.codes.map(\.value)) == Set(t.codes.map(\.value))) {
                suggestion.codeNote = "the same codes on both sides (\(Self.describe(t))): no value map needed"
                return
            }
            var name = Self.mapName(suggestion.target.outputName)
            if names.contains(name) {
                var k = 2
                while names.contains("\(name)-\(k)") { k += 1 }
                name = "\(name)-\(k)"
            }
            names.insert(name)
            suggestion.valueMap = valueMap(name, s, t)
        }
    }

    private func valueMap(_ name: String, _ source: SchemaCodeList, _ target: SchemaCodeList) -> ValueMapSuggestion {
        var map = ValueMapSuggestion(name: name, kind: .inline, sourceList: source, targetList: target, entries: [],
                                     weakerEntries: [], unmatched: [])
        guard !source.codes.isEmpty, !target.codes.isEmpty else {
            // Codes known on one side at most: the store's alignments translate concept IRIs.
            let sourceIRIs = source.codes.flatMap(\.iris), targetIRIs = target.codes.flatMap(\.iris)
            let backward = sourceIRIs.contains { iri in alignments.links(from: iri).contains { !$0.forward && $0.relation == .exactMatch } }
                || targetIRIs.contains { iri in alignments.links(from: iri).contains { $0.forward && $0.relation == .exactMatch } }
            map.kind = .store(reverse: backward)
            return map
        }
        let plain = !source.codes.contains { !$0.iris.isEmpty } && !target.codes.contains { !$0.iris.isEmpty }
        for code in source.codes {
            var best: (SchemaCode, MatchEvidence)?
            for other in target.codes {
                var evidence: MatchEvidence?
                if let shared = code.iris.first(where: other.iris.contains) {
                    evidence = .sameConcept(shared)
                } else if plain, code.value == other.value {
                    evidence = .sameCode
                } else {
                    for s in code.iris {
                        for t in other.iris {
                            if let link = alignments.link(from: s, to: t), evidence == nil || link.relation < evidence!.relation {
                                evidence = .aligned(source: s, target: t, link: link)
                            }
                        }
                    }
                }
                if let evidence, best == nil || evidence.rank < best!.1.rank { best = (other, evidence) }
            }
            if let best, best.1.rank <= 1 {
                map.entries.append(.init(source: code, target: best.0, evidence: best.1))
            } else {
                if let best { map.weakerEntries.append(.init(source: code, target: best.0, evidence: best.1)) }
                map.unmatched.append(code)
            }
        }
        return map
    }

    /// A value map name from a field name: letters, digits, `-` and `_`.
    static func mapName(_ field: String) -> String {
        let cleaned = String(field.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "-" })
        let trimmed = cleaned.split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return trimmed.isEmpty ? "codes" : trimmed
    }

    static func describe(_ list: SchemaCodeList) -> String {
        var parts: [String] = []
        if let label = list.label { parts.append("'\(label)'") }
        parts += list.iris.map { "<\($0)>" }
        if !list.codes.isEmpty { parts.append("\(list.codes.count) codes") }
        return parts.isEmpty ? "a code list" : parts.joined(separator: " ")
    }
}
