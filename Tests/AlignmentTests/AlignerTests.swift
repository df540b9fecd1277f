@testable import Alignment
import Concepts
import Foundation
import RDF
import RDFTestSupport
import Store
import Testing

/// A concept with preferred labels in one language, and optionally broader concepts.
private func concept(_ id: String, _ labels: [String], language: String = "nb", broader: [String] = []) -> Concept {
    var c = Concept(id: id)
    c.labels = labels.map { ConceptLabel($0, language: language, kind: .preferred) }
    c.broader = broader
    return c
}

@Suite("Aligner")
struct AlignerTests {
    @Test func anatomyReachesTheF1Target() throws {
        let folder = Fixtures.path("alignment/oaei-anatomy")
        let mouse = try ConceptLoader.load(file: folder + "/source.xml", profile: .owl)
        let human = try ConceptLoader.load(file: folder + "/target.xml", profile: .owl)
        let proposals = Aligner().align(mouse, human)
        let gold = try GoldAlignment.read(path: folder + "/reference.xml")
        let evaluation = Evaluation(proposed: proposals.filter(\.isEquivalence).map(\.mapping), gold: gold.mappings)
        print("OAEI anatomy: " + evaluation.text.replacingOccurrences(of: "\n", with: "; "))
        #expect(evaluation.f1 >= 0.90)
        // Every proposal explains itself, and equivalences are 1:1.
        #expect(proposals.allSatisfy { !$0.explanation.isEmpty })
        let equivalences = proposals.filter(\.isEquivalence)
        #expect(Set(equivalences.map(\.source)).count == equivalences.count)
        #expect(Set(equivalences.map(\.target)).count == equivalences.count)
    }

    @Test func bokmalAndNynorskSpellingsAreExactMatches() {
        let a = ConceptIndex(concepts: [concept("urn:a:1", ["bosted"]), concept("urn:a:2", ["virksomhet"]), concept("urn:a:3", ["eiendom"])])
        let b = ConceptIndex(concepts: [concept("urn:b:1", ["bustad"], language: "nn"), concept("urn:b:2", ["verksemd"], language: "nn"),
                                        concept("urn:b:3", ["eigedom"], language: "nn")])
        let proposals = Aligner().align(a, b)
        let exact = Set(proposals.filter { $0.relation == MappingPredicate.exactMatch }.map { "\($0.source) \($0.target)" })
        #expect(exact == ["urn:a:1 urn:b:1", "urn:a:2 urn:b:2", "urn:a:3 urn:b:3"])
    }

    @Test func compoundHeadsProposeBroaderAndNarrower() throws {
        let a = ConceptIndex(concepts: [concept("urn:a:adresse", ["adresse"]), concept("urn:a:person", ["person"])])
        let b = ConceptIndex(concepts: [concept("urn:b:bostedsadresse", ["bostedsadresse"]), concept("urn:b:bosted", ["bosted"])])
        let proposals = Aligner().align(a, b)
        let narrow = try #require(proposals.first { $0.source == "urn:a:adresse" && $0.target == "urn:b:bostedsadresse" })
        #expect(narrow.relation == MappingPredicate.narrowMatch)
        #expect(narrow.explanation.first?.detail?.contains("bosted") == true)
        // The other way round: the compound is the source, its head the target.
        let reverse = Aligner().align(b, a)
        #expect(reverse.contains { $0.source == "urn:b:bostedsadresse" && $0.target == "urn:a:adresse" && $0.relation == MappingPredicate.broadMatch })
    }

    @Test func rejectedPairsAreNeverProposedAndNeighboursCount() {
        let a = ConceptIndex(concepts: [concept("urn:a:1", ["kommune"]), concept("urn:a:2", ["kommunenummer"], broader: ["urn:a:1"])])
        let b = ConceptIndex(concepts: [concept("urn:b:1", ["kommune"]), concept("urn:b:2", ["kommunenummer"], broader: ["urn:b:1"])])
        let all = Aligner().align(a, b)
        #expect(all.contains { $0.source == "urn:a:2" && $0.target == "urn:b:2" && $0.explanation.contains { $0.feature == "structure" } })
        let without = Aligner().align(a, b, rejected: [ConceptPair("urn:a:1", "urn:b:1")])
        #expect(!without.contains { $0.source == "urn:a:1" && $0.target == "urn:b:1" })
        // SKOS consistency: a pair is never both equivalent and broader/narrower.
        var relations: [String: Set<String>] = [:]
        for p in all { relations["\(p.source) \(p.target)", default: []].insert(p.relation) }
        #expect(relations.values.allSatisfy { $0.count == 1 })
    }

    @Test func reviewDecisionsArePersistedAndRejectedPairsRemembered() throws {
        let folder = NSTemporaryDirectory() + "samsvar-review-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteQuadStore(path: folder + "/store.sqlite")
        let log = ReviewLog(store: store)
        let a = ConceptIndex(concepts: [concept("urn:a:1", ["bosted"]), concept("urn:a:2", ["skatt"])])
        let b = ConceptIndex(concepts: [concept("urn:b:1", ["bustad"], language: "nn"), concept("urn:b:2", ["skatt"], language: "nn")])
        try log.keep(Aligner().align(a, b))
        #expect(try log.proposals().count == 2)
        let accepted = try log.decide(ConceptPair("urn:a:1", "urn:b:1"), relation: nil, accept: true,
                                      reviewer: "https://orcid.org/0000-0002-1825-0097", comment: "same thing")
        #expect(accepted.predicateID == MappingPredicate.exactMatch)
        #expect(accepted.justification == MappingJustification.manualMappingCuration)
        try log.decide(ConceptPair("urn:a:2", "urn:b:2"), relation: nil, accept: false, reviewer: "urn:samsvar:reviewer:kari", comment: nil)
        // Read back from a fresh handle on the same file.
        let reopened = ReviewLog(store: try SQLiteQuadStore(path: folder + "/store.sqlite"))
        #expect(try reopened.rejectedPairs() == [ConceptPair("urn:a:2", "urn:b:2")])
        let decisions = try reopened.decisions()
        #expect(decisions.count == 2)
        #expect(decisions.first { !$0.isNegated }?.comment == "same thing")
        #expect(decisions.first { !$0.isNegated }?.reviewerIDs == ["https://orcid.org/0000-0002-1825-0097"])
        let acceptedTriples = try store.quads(matching: QuadPattern(graph: ReviewLog.acceptedGraph))
        #expect(acceptedTriples.map(\.triple) == [Triple(.iri("urn:a:1"), .iri(MappingPredicate.exactMatch), .iri("urn:b:1"))])
        // The rejected pair is not proposed again.
        #expect(!Aligner().align(a, b, rejected: try reopened.rejectedPairs()).contains { $0.source == "urn:a:2" && $0.target == "urn:b:2" })
        // Decisions export as SSSOM and read back unchanged.
        let set = MappingSet(id: "urn:test:set", license: "https://creativecommons.org/licenses/by/4.0/", mappings: decisions).withCoveringPrefixes()
        let text = try SSSOMWriter().write(set)
        #expect(try SSSOMReader().read(text: text, source: "decisions.sssom.tsv").mappings == decisions)
    }
}
