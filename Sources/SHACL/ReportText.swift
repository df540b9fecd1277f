import RDF

/// The text report for people: results grouped by focus node, each with its severity,
/// path, value, shape and a readable message; a summary line last.
public enum ReportText {
    public static func render(_ report: ValidationReport, namer: TermNamer, language: String) -> String {
        var out = ""
        var order: [Term] = []
        var groups: [Term: [ValidationResult]] = [:]
        for r in report.results {
            if groups[r.focusNode] == nil { order.append(r.focusNode) }
            groups[r.focusNode, default: []].append(r)
        }
        for focus in order {
            out += namer.name(focus) + "\n"
            for r in groups[focus]! {
                var line = "  \(r.severity.rawValue.lowercased()): "
                if let path = r.path { line += path.sparql(namer.name(iri:)) + ": " }
                line += Messages.text(for: r, language: language, name: namer.name)
                if let value = r.value, value != focus || r.path != nil { line += " (value " + namer.name(value) + ")" }
                line += " [" + shapeLabel(r, namer: namer, language: language) + r.componentName + "]"
                out += line + "\n"
            }
        }
        out += summary(report, focusNodes: order.count) + "\n"
        return out
    }

    /// The shape by its `sh:name` or IRI; anonymous shapes without a name are not named.
    static func shapeLabel(_ r: ValidationResult, namer: TermNamer, language: String) -> String {
        let names = r.shapeNames.compactMap(\.literalValue)
        if let name = names.first(where: { $0.language?.lowercased() == language }) ?? names.first {
            return name.lexicalForm + ", "
        }
        return r.sourceShape.isBlankNode ? "" : namer.name(r.sourceShape) + ", "
    }

    public static func summary(_ report: ValidationReport, focusNodes: Int) -> String {
        if report.conforms { return "Conforms: no results." }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "Does not conform: \(plural(report.count(.violation), "violation")), "
            + "\(plural(report.count(.warning), "warning")), \(plural(report.count(.info), "info")) "
            + "on \(plural(focusNodes, "focus node"))."
    }
}
