import RDF

/// The text report for people: results grouped by focus node, each with its severity,
/// path, value, shape and a readable message; a summary line last.
public enum ReportText {
    public static func render(_ report: ValidationReport, namer plain: TermNamer, language: String) -> String {
        let namer = CachingNamer(plain)
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
                line += namer.message(for: r, language: language)
                if let value = r.value, value != focus || r.path != nil { line += " (value " + namer.name(value) + ")" }
                line += " [" + shapeLabel(r, namer: namer, language: language) + r.componentName + "]"
                out += line + "\n"
            }
        }
        out += summary(report, focusNodes: order.count) + "\n"
        return out
    }

    /// The shape by its `sh:name` or IRI; anonymous shapes without a name are not named.
    static func shapeLabel(_ r: ValidationResult, namer: CachingNamer, language: String) -> String {
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

/// A `TermNamer` that remembers the names it made (reports repeat the same shapes,
/// paths and vocabulary IRIs thousands of times).
final class CachingNamer {
    private let namer: TermNamer
    private var names: [Term: String] = [:]
    private var iriNames: [String: String] = [:]

    init(_ namer: TermNamer) { self.namer = namer }

    func name(_ term: Term) -> String {
        if let known = names[term] { return known }
        let made = namer.name(term)
        names[term] = made
        return made
    }

    private var shapeMessages: [Term: String] = [:]

    /// The result's message; a shape's own messages are chosen once per shape.
    func message(for r: ValidationResult, language: String) -> String {
        guard !r.messages.isEmpty else { return Messages.text(for: r, language: language, name: name) }
        if let known = shapeMessages[r.sourceShape] { return known }
        let made = Messages.text(for: r, language: language, name: name)
        shapeMessages[r.sourceShape] = made
        return made
    }

    func name(iri: String) -> String {
        if let known = iriNames[iri] { return known }
        let made = namer.name(iri: iri)
        iriNames[iri] = made
        return made
    }
}
