import Concepts
import RDF

/// The shapes `samsvar concepts` prints: rows, hits, pages and tree nodes.
enum ConceptListing {
    struct Vocabulary: Encodable {
        var kind: String
        var iri: String
        var title: String?
        var concepts: Int
    }

    static func vocabularies(_ index: ConceptIndex, _ preference: LanguagePreference) -> [Vocabulary] {
        var counts: [String: Int] = [:]
        for c in index.concepts { for s in c.schemes + c.collections { counts[s, default: 0] += 1 } }
        return index.schemes.map { Vocabulary(kind: "scheme", iri: $0.id, title: preference.choose($0.titles)?.text, concepts: counts[$0.id] ?? 0) }
            + index.collections.map { Vocabulary(kind: "collection", iri: $0.id, title: preference.choose($0.titles)?.text, concepts: counts[$0.id] ?? 0) }
    }

    struct Row: Encodable {
        var iri: String
        var label: String?
        init(_ c: Concept, _ preference: LanguagePreference) {
            iri = c.id
            label = c.label(preference)
        }
    }

    struct Hit: Encodable {
        var iri: String
        var label: String?
        var matched: String
        var matchedKind: String
        var score: Double
        init(_ h: ConceptHit, _ preference: LanguagePreference) {
            iri = h.concept.id
            label = h.concept.label(preference)
            matched = h.matched.text
            matchedKind = h.matched.kind.rawValue
            score = h.score
        }
    }

    /// A readable page for one concept.
    static func page(_ c: Concept, in index: ConceptIndex, _ preference: LanguagePreference) -> String {
        var out = (c.label(preference) ?? c.id) + "\n<\(c.id)>\n"
        func name(_ iri: String) -> String {
            index.concept(iri)?.label(preference).map { "\($0) <\(iri)>" } ?? "<\(iri)>"
        }
        for kind in LabelKind.allCases {
            let labels = c.labels(kind)
            guard !labels.isEmpty else { continue }
            out += "\n\(kind.rawValue) labels:\n"
            for l in labels.sorted(by: { preference.rank($0.language) < preference.rank($1.language) }) {
                out += "  \(l.text)" + (l.language.map { " @\($0)" } ?? "") + "\n"
            }
        }
        let sections: [(String, [LangText])] = [("definition", c.definitions), ("scope note", c.scopeNotes)]
        for (title, texts) in sections where !texts.isEmpty {
            out += "\n\(title):\n"
            for t in texts { out += "  \(t.text)" + (t.language.map { " @\($0)" } ?? "") + "\n" }
        }
        if !c.notations.isEmpty { out += "\nnotation: " + c.notations.joined(separator: ", ") + "\n" }
        let links: [(String, [String])] = [("in scheme", c.schemes), ("in collection", c.collections), ("broader", c.broader),
                                           ("narrower", c.narrower), ("related", c.related), ("part of", c.wholes), ("parts", c.parts)]
            + c.mappings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for (title, iris) in links where !iris.isEmpty {
            out += "\n\(title):\n"
            for iri in iris.sorted() { out += "  " + name(iri) + "\n" }
        }
        return out
    }

    /// One concept in `samsvar concepts tree`, with its narrower concepts.
    struct Node: Encodable {
        var iri: String
        var label: String?
        var narrower: [Node]

        func write(to out: inout String, indent: Int) {
            out += String(repeating: "  ", count: indent) + (label ?? "") + " <\(iri)>\n"
            for n in narrower { n.write(to: &out, indent: indent + 1) }
        }
    }

    static func node(_ iri: String, in index: ConceptIndex, _ preference: LanguagePreference, depth: Int,
                     path: Set<String> = []) -> Node {
        let c = index.concept(iri)
        var children: [Node] = []
        if depth > 0, let c, !path.contains(iri) {
            children = c.narrower.filter { index.concept($0) != nil }
                .map { node($0, in: index, preference, depth: depth - 1, path: path.union([iri])) }
                .sorted { ($0.label ?? $0.iri) < ($1.label ?? $1.iri) }
        }
        return Node(iri: iri, label: c?.label(preference), narrower: children)
    }
}
