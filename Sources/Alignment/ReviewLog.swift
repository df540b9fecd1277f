import Foundation
import RDF
import RDFIO
import Store

/// Review decisions and proposals kept in the store.
///
/// Three graphs: `urn:samsvar:alignment:proposals` (the last proposals of each `align`
/// run, one node per pair), `urn:samsvar:alignment:decisions` (accepted and rejected pairs
/// as SSSOM mappings: `semapv:ManualMappingCuration`, reviewer, date, comment; a rejected
/// pair has `predicate_modifier` `Not`) and `urn:samsvar:alignment:accepted` (the accepted
/// mappings as plain `skos:*Match` triples, for other tools and the mapper). Every change
/// rewrites its graphs in one store transaction each.
public struct ReviewLog {
    public static let proposalsGraph = "urn:samsvar:alignment:proposals"
    public static let decisionsGraph = "urn:samsvar:alignment:decisions"
    public static let acceptedGraph = "urn:samsvar:alignment:accepted"

    public let store: any QuadStore

    public init(store: any QuadStore) { self.store = store }

    /// The decisions recorded, accepted and rejected.
    public func decisions() throws -> [Mapping] {
        MappingRDF.mappings(try store.quads(matching: QuadPattern(graph: Self.decisionsGraph)).map(\.triple))
    }

    /// The proposals kept from `align` runs.
    public func proposals() throws -> [Mapping] {
        MappingRDF.mappings(try store.quads(matching: QuadPattern(graph: Self.proposalsGraph)).map(\.triple))
    }

    /// The pairs a reviewer rejected: never proposed again.
    public func rejectedPairs() throws -> Set<ConceptPair> {
        Set(try decisions().filter(\.isNegated).compactMap { m in
            guard let s = m.subjectID, let o = m.objectID else { return nil }
            return ConceptPair(s, o)
        })
    }

    /// Keeps `proposals`, replacing earlier proposals for the same pairs.
    public func keep(_ proposals: [Proposal]) throws {
        var all: [ConceptPair: Mapping] = [:]
        for m in try self.proposals() { if let s = m.subjectID, let o = m.objectID { all[ConceptPair(s, o)] = m } }
        for p in proposals { all[p.pair] = p.mapping }
        try write(Array(all.values), to: Self.proposalsGraph)
    }

    /// Records a decision on the pair, replacing an earlier one.
    @discardableResult
    public func decide(_ pair: ConceptPair, relation: String?, accept: Bool, reviewer: String, comment: String?,
                       date: Date = Date()) throws -> Mapping {
        let proposal = try proposals().first { $0.subjectID == pair.source && $0.objectID == pair.target }
        var m = Mapping(subjectID: pair.source, predicateID: relation ?? proposal?.predicateID ?? MappingPredicate.exactMatch,
                        objectID: pair.target, justification: MappingJustification.manualMappingCuration,
                        subjectLabel: proposal?.subjectLabel, objectLabel: proposal?.objectLabel,
                        predicateModifier: accept ? nil : .not, confidence: accept ? 1 : nil, comment: comment)
        m.reviewerIDs = [reviewer]
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        m.mappingDate = formatter.string(from: date)
        var all = try decisions().filter { !($0.subjectID == pair.source && $0.objectID == pair.target) }
        all.append(m)
        try write(all, to: Self.decisionsGraph)
        try writeAccepted(all.filter { !$0.isNegated })
        return m
    }

    private func write(_ mappings: [Mapping], to graph: String) throws {
        try importTriples(mappings.flatMap { MappingRDF.triples($0, graph: graph) }, into: graph)
    }

    private func writeAccepted(_ mappings: [Mapping]) throws {
        let triples = mappings.compactMap { m -> Triple? in
            guard let s = m.subjectID, let o = m.objectID else { return nil }
            return Triple(.iri(s), .iri(m.predicateID), .iri(o))
        }
        try importTriples(triples, into: Self.acceptedGraph)
    }

    private func importTriples(_ triples: [Triple], into graph: String) throws {
        try store.importGraph(ImportSource(triples: triples, location: graph, provenance: "samsvar review"), into: graph)
    }
}
