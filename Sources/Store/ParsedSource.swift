import RDF
import RDFIO

/// A whole source parsed in memory before anything is written: its distinct terms and
/// its triples as indexes into them. Quads' own graph names (N-Quads, TriG) are folded
/// into the one graph the source is imported as.
struct ParsedSource {
    var terms: [Term] = []
    var ids: [Term: Int32] = [:]
    /// Subject, predicate, object indexes into `terms`, three per triple.
    var triples: [Int32] = []

    var tripleCount: Int { triples.count / 3 }

    init(_ source: ImportSource) throws {
        let parsed = ParsedSourceBuilder()
        let parser = try RDFReader.parser(for: source.format, base: source.base, source: source.location) { quad in
            parsed.add(quad)
        }
        try source.bytes.withUnsafeBytes { all in
            var offset = 0
            repeat {
                let end = min(offset + RDFReader.chunkSize, all.count)
                try parser.feed(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
                offset = end
            } while offset < all.count
        }
        try parser.finish()
        self = parsed.result
    }

    private init() {}

    /// Accumulates quads (a class, so the parser's escaping sink can hold it).
    private final class ParsedSourceBuilder {
        var result = ParsedSource()

        func add(_ quad: Quad) {
            result.triples.append(intern(quad.subject))
            result.triples.append(intern(quad.predicate))
            result.triples.append(intern(quad.object))
        }

        private func intern(_ term: Term) -> Int32 {
            if let id = result.ids[term] { return id }
            let id = Int32(result.terms.count)
            result.terms.append(term)
            result.ids[term] = id
            return id
        }
    }
}
