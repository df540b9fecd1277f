import Foundation
import RDF

/// The JSON report for machines. Stable: keys sorted, results in validation order, terms
/// as strings (IRIs as they are, blank nodes `_:label`, literals in N-Triples form), the
/// path in SPARQL property-path syntax with full IRIs. Documented in docs/validate.md.
public enum ReportJSON {
    struct Document: Encodable {
        let conforms: Bool
        let summary: Summary
        let results: [Result]
    }

    struct Summary: Encodable {
        let violations: Int
        let warnings: Int
        let infos: Int
        let focusNodes: Int
    }

    struct Result: Encodable {
        let focusNode: String
        let path: String?
        let value: String?
        let severity: String
        let sourceShape: String
        let constraintComponent: String
        let message: String
    }

    public static func render(_ report: ValidationReport, language: String) throws -> String {
        let results = report.results.map { r in
            Result(
                focusNode: string(r.focusNode), path: r.path?.sparql { "<\($0)>" }, value: r.value.map(string),
                severity: r.severity.rawValue, sourceShape: string(r.sourceShape),
                constraintComponent: r.component,
                message: Messages.text(for: r, language: language, name: string))
        }
        let document = Document(
            conforms: report.conforms,
            summary: Summary(violations: report.count(.violation), warnings: report.count(.warning),
                             infos: report.count(.info), focusNodes: Set(report.results.map(\.focusNode)).count),
            results: results)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    static func string(_ term: Term) -> String {
        if case .iri(let iri) = term { return iri }
        return term.ntriplesLike
    }
}
