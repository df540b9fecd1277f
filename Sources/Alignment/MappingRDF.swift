import Foundation
import RDF

/// Mappings as RDF statements about one node each, in the SSSOM namespace, so proposals and
/// review decisions can be kept in the store and read back.
enum MappingRDF {
    static let sssom = Namespace(prefix: "sssom", iri: "https://w3id.org/sssom/")
    static let mappingClass = sssom("Mapping")

    /// The node naming the mapping of `subject` to `object` in a graph (one per pair).
    static func node(_ subject: String, _ object: String, in graph: String) -> String {
        let key = Array((subject + "\u{1}" + object).utf8)
        let hash = key.withUnsafeBufferPointer { ByteHash.hash($0.baseAddress!, $0.count) }
        return graph + "#m" + String(hash, radix: 16)
    }

    static func triples(_ m: Mapping, graph: String) -> [Triple] {
        guard let s = m.subjectID, let o = m.objectID else { return [] }
        let node = Term.iri(node(s, o, in: graph))
        var out: [Triple] = [
            Triple(node, .iri(RDFVocabulary.type), .iri(mappingClass)),
            Triple(node, .iri(sssom("subject_id")), .iri(s)),
            Triple(node, .iri(sssom("predicate_id")), .iri(m.predicateID)),
            Triple(node, .iri(sssom("object_id")), .iri(o)),
            Triple(node, .iri(sssom("mapping_justification")), .iri(m.justification)),
        ]
        func text(_ slot: String, _ value: String?) {
            if let value { out.append(Triple(node, .iri(sssom(slot)), .string(value))) }
        }
        func number(_ slot: String, _ value: Double?) {
            if let value { out.append(Triple(node, .iri(sssom(slot)), .typed(String(value), datatype: XSD.double))) }
        }
        text("subject_label", m.subjectLabel)
        text("object_label", m.objectLabel)
        text("predicate_modifier", m.predicateModifier?.rawValue)
        text("mapping_date", m.mappingDate)
        text("comment", m.comment)
        text("similarity_measure", m.similarityMeasure)
        number("confidence", m.confidence)
        number("similarity_score", m.similarityScore)
        for r in m.reviewerIDs { out.append(Triple(node, .iri(sssom("reviewer_id")), .iri(r))) }
        for a in m.authorIDs { out.append(Triple(node, .iri(sssom("author_id")), .iri(a))) }
        return out
    }

    static func mappings(_ triples: [Triple]) -> [Mapping] {
        var bySubject: [Term: [(String, Term)]] = [:]
        for t in triples { if case .iri(let p) = t.predicate { bySubject[t.subject, default: []].append((p, t.object)) } }
        var out: [Mapping] = []
        for (_, pairs) in bySubject {
            func iri(_ slot: String) -> String? { pairs.first { $0.0 == sssom(slot) }?.1.iriValue }
            func iris(_ slot: String) -> [String] { pairs.filter { $0.0 == sssom(slot) }.compactMap { $0.1.iriValue }.sorted() }
            func text(_ slot: String) -> String? { pairs.first { $0.0 == sssom(slot) }?.1.literalValue?.lexicalForm }
            guard let s = iri("subject_id"), let p = iri("predicate_id"), let o = iri("object_id"),
                  let j = iri("mapping_justification") else { continue }
            var m = Mapping(subjectID: s, predicateID: p, objectID: o, justification: j,
                            subjectLabel: text("subject_label"), objectLabel: text("object_label"),
                            predicateModifier: text("predicate_modifier").flatMap(MappingPredicateModifier.init(rawValue:)),
                            confidence: text("confidence").flatMap(Double.init), similarityScore: text("similarity_score").flatMap(Double.init),
                            similarityMeasure: text("similarity_measure"), comment: text("comment"))
            m.mappingDate = text("mapping_date")
            m.reviewerIDs = iris("reviewer_id")
            m.authorIDs = iris("author_id")
            out.append(m)
        }
        return out.sorted { ($0.subjectID ?? "", $0.objectID ?? "") < ($1.subjectID ?? "", $1.objectID ?? "") }
    }
}
