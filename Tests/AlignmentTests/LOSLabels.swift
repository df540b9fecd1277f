import Foundation

/// The Bokmål and Nynorsk preferred labels of each LOS concept, read from the vendored
/// `Tests/Fixtures/samples/los/los-all.rdf` with a plain pattern match (the Alignment
/// tests do not depend on the RDF/XML reader; the file is one `rdf:Description` per concept).
enum LOSLabels {
    static var file: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/samples/los/los-all.rdf")
    }

    /// (Bokmål, Nynorsk) preferred labels of every concept that has both.
    static func bokmalNynorskPairs() -> [(bokmal: String, nynorsk: String)] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        var pairs: [(String, String)] = []
        for description in text.components(separatedBy: "<rdf:Description").dropFirst() {
            guard let bokmal = label(in: description, language: "nb"),
                let nynorsk = label(in: description, language: "nn")
            else { continue }
            pairs.append((bokmal, nynorsk))
        }
        return pairs
    }

    private static func label(in description: String, language: String) -> String? {
        let opening = "<skos:prefLabel xml:lang=\"\(language)\">"
        guard let start = description.range(of: opening),
            let end = description.range(of: "</skos:prefLabel>", range: start.upperBound..<description.endIndex)
        else { return nil }
        return String(description[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
    }
}
