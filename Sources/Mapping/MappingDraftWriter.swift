import Foundation

/// Writes a `MappingSuggestion` as a draft mapping file (docs/mapping.md): field mappings
/// as fields, weaker matches as commented-out fields marked REVIEW, target fields without
/// a match as TODO comments, value maps under `maps`. The same suggestion always gives the
/// same bytes (no dates, schema order throughout), and the draft is a mapping
/// `MappingSpec.read` accepts as it stands.
public struct MappingDraftWriter: Sendable {
    public init() {}

    public func write(_ s: MappingSuggestion) -> String {
        var out: [String] = header(s)
        let sourceFormat = s.source.kind.recordFormat, targetFormat = s.target.kind.recordFormat
        out.append("version: 1")
        out.append("description: " + YAMLText.scalar("Draft: \(s.sourceType.name) (\(Self.fileName(s.source.source))) to \(s.targetType.name) (\(Self.fileName(s.target.source))), suggested from the concepts the fields name"))
        out.append("source:")
        out.append("  format: \(sourceFormat.rawValue)")
        switch (sourceFormat, s.sourceType.iterator) {
        case (.xml, let iterator):
            out.append("  iterator: " + YAMLText.scalar(iterator ?? "//" + s.sourceType.name) + "   # TODO: check where the records are")
        case (_, let iterator?):
            out.append("  iterator: " + YAMLText.scalar(iterator) + "   # TODO: check where the records are")
        default:
            out.append("  # TODO: where are the records? Without an iterator, the elements of a top-level array")
            out.append("  # (else the whole document) are records; for a search result page, say:")
            out.append("  # iterator: \"$._embedded.items[*]\"")
        }
        out.append("target:")
        out.append("  format: \(targetFormat.rawValue)")
        switch s.target.kind {
        case .xsd:
            out.append("  record: " + YAMLText.scalar(s.targetType.name))
            out.append("  # root: records   # TODO: the element around the records")
        case .jsonSchema:
            out.append("  # schema: " + YAMLText.scalar(Self.fileName(s.target.source)) + "   # TODO: relative to this file; checks each output record")
        case .modelldcat:
            break
        }
        out.append("  pretty: true")
        out.append("fields:")
        out += fieldLines(s)
        let maps = s.valueMaps
        if !maps.isEmpty {
            out.append("maps:")
            for m in maps { out += mapLines(m) }
        }
        if !s.unusedSourceFields.isEmpty {
            out.append("")
            out.append("# Source fields that name a concept no target field matched:")
            for f in s.unusedSourceFields {
                out.append("#   " + YAMLText.comment("\(f.displayPath)\(Self.label(f)) " + f.concepts.map { "<\($0)>" }.joined(separator: " ")))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: Header

    private func header(_ s: MappingSuggestion) -> [String] {
        let sameConcept = s.fields.filter { if case .sameConcept? = $0.mapped?.evidence { true } else { false } }.count
        var lines = [
            "# Draft mapping written by `samsvar map suggest`: review it before use.",
            "#   from: " + YAMLText.comment("\(s.source.source) (\(s.source.kind.displayName)), record type '\(s.sourceType.name)'" + (s.sourceType.iri.map { " <\($0)>" } ?? "")),
            "#   to:   " + YAMLText.comment("\(s.target.source) (\(s.target.kind.displayName)), record type '\(s.targetType.name)'" + (s.targetType.iri.map { " <\($0)>" } ?? "")),
            "#   \(s.mappedCount) of \(s.fields.count) target fields mapped (\(sameConcept) by the same concept, \(s.mappedCount - sameConcept) by an accepted exactMatch),",
            "#   \(s.suggestedCount) to review (weaker accepted matches, commented out as REVIEW), \(s.valueMaps.count) value map\(s.valueMaps.count == 1 ? "" : "s"),",
            "#   \(s.unmatchedCount) without a match (TODO).",
        ]
        if s.mappedCount == 0 {
            lines.append("# No field could be mapped: the first target field is a placeholder so that the file reads.")
        }
        return lines
    }

    // MARK: Fields

    private func fieldLines(_ s: MappingSuggestion) -> [String] {
        var out: [String] = []
        var names = Set<String>()
        let placeholder = s.mappedCount == 0 ? s.fields.first?.target.outputName ?? "placeholder" : nil
        if s.fields.isEmpty {
            out.append("  placeholder: {value: \"\", description: \"TODO: the target record type has no fields\"}")
        }
        for f in s.fields {
            let name = f.target.outputName
            let key = YAMLText.scalar(name)
            guard names.insert(name).inserted else {
                out.append("  # TODO " + YAMLText.comment("\(f.target.displayPath): a second target field with the name '\(name)'"))
                continue
            }
            guard let mapped = f.mapped else {
                for (k, c) in f.suggestions.enumerated() {
                    out.append("  # REVIEW " + YAMLText.comment("\(f.target.displayPath)\(Self.label(f.target)): \(Self.evidence(c.evidence, c.source, f.target))"))
                    if k == 0 { out.append("  # \(key): {path: \(YAMLText.scalar(c.source.recordPath))}") }
                }
                if f.suggestions.isEmpty { out.append("  # TODO " + YAMLText.comment(todo(f.target))) }
                if name == placeholder {
                    out.append("  \(key): {value: \"\", description: \"TODO: placeholder, no source field matched\"}")
                }
                continue
            }
            out.append("  \(key):")
            out.append("    path: " + YAMLText.scalar(mapped.source.recordPath))
            if let m = f.valueMap { out.append("    map: " + YAMLText.scalar(m.name)) }
            if let type = Self.fieldType(f.target.datatype) {
                out.append("    type: \(type)")
            }
            out.append("    # " + YAMLText.comment(Self.evidence(mapped.evidence, mapped.source, f.target)))
            for a in f.alternatives {
                out.append("    # or " + YAMLText.comment("\(a.source.recordPath): \(Self.evidence(a.evidence, a.source, f.target))"))
            }
            if mapped.source.isList, !f.target.isList {
                out.append("    # TODO: the source may hold several values, the target one: add function: first (or {join: \", \"})")
            }
            if let note = f.codeNote { out.append("    # " + YAMLText.comment(note)) }
            if case .store? = f.valueMap?.kind {
                out.append("    # TODO: the store map looks values up as concept IRIs; if the input holds bare codes, add function: {prefix: \"…\"}")
            }
        }
        return out
    }

    /// `type:` for target datatypes that are no text.
    static func fieldType(_ datatype: String?) -> String? {
        switch datatype?.lowercased() {
        case "integer", "int", "long", "short", "byte", "nonnegativeinteger", "positiveinteger", "unsignedint", "unsignedlong":
            "integer"
        case "number", "decimal", "double", "float":
            "number"
        case "boolean":
            "boolean"
        default:
            nil
        }
    }

    private func todo(_ field: SchemaField) -> String {
        var text = field.displayPath + Self.label(field)
        if let d = field.description { text += " (" + Self.shortened(d) + ")" }
        if field.concepts.isEmpty {
            text += ": names no concept"
        } else {
            text += ": no source field names " + field.concepts.map { "<\($0)>" }.joined(separator: " or ")
                + " or a concept with an accepted match to it"
        }
        return text
    }

    // MARK: Value maps

    private func mapLines(_ m: ValueMapSuggestion) -> [String] {
        var out = ["  \(YAMLText.scalar(m.name)):"]
        out.append("    # " + YAMLText.comment("from \(MappingSuggester.describe(m.sourceList)) to \(MappingSuggester.describe(m.targetList))"))
        switch m.kind {
        case .store(let reverse):
            out.append("    # Codes are concept IRIs, translated by the alignments accepted in review (the store's")
            out.append("    # graph urn:samsvar:alignment:accepted); reverse: true when they run from the target's codes.")
            out.append("    store: accepted")
            out.append("    predicates: [exactMatch]")
            if reverse { out.append("    reverse: true") }
        case .inline:
            out.append(m.entries.isEmpty ? "    inline: {}" : "    inline:")
            for e in m.entries {
                out.append("      \(YAMLText.scalar(e.source.value)): \(YAMLText.scalar(e.target.value, alwaysQuote: true))   # "
                           + YAMLText.comment(Self.codeEvidence(e)))
            }
            for e in m.weakerEntries {
                out.append("      # REVIEW \(YAMLText.scalar(e.source.value)): \(YAMLText.scalar(e.target.value, alwaysQuote: true))   # "
                           + YAMLText.comment(Self.codeEvidence(e)))
            }
            let weaker = Set(m.weakerEntries.map(\.source.value))
            for c in m.unmatched where !weaker.contains(c.value) {
                out.append("      # TODO " + YAMLText.comment("\(YAMLText.scalar(c.value))\(Self.quotedLabel(c.label))"
                           + (c.iris.isEmpty ? "" : " " + c.iris.map { "<\($0)>" }.joined(separator: " ")) + ": no matching target code"))
            }
        }
        out.append("    unmapped: fail")
        return out
    }

    // MARK: Text

    static func evidence(_ e: MatchEvidence, _ source: SchemaField, _ target: SchemaField) -> String {
        switch e {
        case .sameConcept(let c):
            return "same concept <\(c)>"
        case .sameCode:
            return "the same code"
        case .aligned(let s, let t, let link):
            let confidence = link.confidence.map { ", confidence " + String(format: "%.2f", $0) } ?? ""
            return "accepted \(link.relation.rawValue)\(confidence): <\(s)>\(quotedLabel(link.label ?? source.label)) → <\(t)>\(quotedLabel(link.otherLabel ?? target.label))"
                + " (source \(source.displayPath))"
        }
    }

    static func codeEvidence(_ e: ValueMapSuggestion.Entry) -> String {
        let labels = e.source.label == nil && e.target.label == nil ? ""
            : ":\(quotedLabel(e.source.label ?? e.source.value)) →\(quotedLabel(e.target.label ?? e.target.value))"
        switch e.evidence {
        case .sameConcept(let c): return "same concept <\(c)>" + labels
        case .sameCode: return "the same code" + labels
        case .aligned(let s, let t, let link):
            let confidence = link.confidence.map { ", confidence " + String(format: "%.2f", $0) } ?? ""
            return "accepted \(link.relation.rawValue)\(confidence): <\(s)>\(quotedLabel(e.source.label)) → <\(t)>\(quotedLabel(e.target.label))"
        }
    }

    /// A field's label in quotes, unless it is just the field's name.
    static func label(_ field: SchemaField) -> String {
        field.label == field.path.last?.name ? "" : quotedLabel(field.label)
    }

    static func quotedLabel(_ label: String?) -> String {
        label.map { " \"" + shortened($0) + "\"" } ?? ""
    }

    static func shortened(_ text: String, limit: Int = 100) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    static func fileName(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }
}
