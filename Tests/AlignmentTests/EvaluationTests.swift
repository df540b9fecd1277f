import Alignment
import Testing

private func mapping(_ subject: String, _ object: String, _ predicate: String = MappingPredicate.exactMatch,
                     negated: Bool = false) -> Mapping {
    Mapping(subjectID: "http://a/" + subject, predicateID: predicate, objectID: "http://b/" + object,
            justification: MappingJustification.lexicalMatching, predicateModifier: negated ? .not : nil)
}

/// Gold: four pairs. Proposed: one right, one right but reversed, one wrong, one not in
/// the gold at all, the first again, and a negated (rejected) proposal of a gold pair.
private let gold = [mapping("1", "1"), mapping("2", "2"), mapping("3", "3"), mapping("4", "4")]
private let proposed = [
    mapping("1", "1"),
    Mapping(subjectID: "http://b/2", predicateID: MappingPredicate.exactMatch, objectID: "http://a/2",
            justification: MappingJustification.lexicalMatching),
    mapping("3", "9"),
    mapping("5", "5"),
    mapping("1", "1", MappingPredicate.closeMatch),
    mapping("4", "4", negated: true),
]

@Suite("Evaluation")
struct EvaluationTests {
    @Test func pairsInEitherDirection() {
        // tp = {1-1, 2-2}, fp = {3-9, 5-5}, fn = {3-3, 4-4}: P = R = F1 = 2/4.
        let evaluation = Evaluation(proposed: proposed, gold: gold)
        #expect(evaluation.truePositives == 2)
        #expect(evaluation.falsePositives == 2)
        #expect(evaluation.falseNegatives == 2)
        #expect(evaluation.precision == 0.5)
        #expect(evaluation.recall == 0.5)
        #expect(evaluation.f1 == 0.5)
        #expect(evaluation.missed.map(\.subjectID) == ["http://a/3", "http://a/4"])
        #expect(evaluation.wrong.map(\.objectID) == ["http://b/9", "http://b/5"])
        #expect(evaluation.text.hasPrefix("precision 0.500  2 of 4 proposed mappings are in the gold alignment\n"))
        #expect(evaluation.text.contains("F1        0.500"))
    }

    @Test func directionMatters() {
        // Now the reversed 2-2 is a false positive and the gold 2-2 is missed:
        // tp 1, fp 3, fn 3: P = R = F1 = 0.25.
        let evaluation = Evaluation(proposed: proposed, gold: gold, options: .init(ignoreDirection: false))
        #expect(evaluation.truePositives == 1)
        #expect(evaluation.falsePositives == 3)
        #expect(evaluation.falseNegatives == 3)
        #expect(evaluation.precision == 0.25)
        #expect(evaluation.f1 == 0.25)
    }

    @Test func relationAware() {
        let gold = [
            mapping("1", "1", MappingPredicate.broadMatch),
            mapping("2", "2", MappingPredicate.exactMatch),
            mapping("3", "3", MappingPredicate.exactMatch),
        ]
        let proposed = [
            // The gold a/1 broadMatch b/1, said the other way round.
            Mapping(subjectID: "http://b/1", predicateID: MappingPredicate.narrowMatch, objectID: "http://a/1",
                    justification: MappingJustification.lexicalMatching),
            mapping("2", "2", MappingPredicate.equivalentClass),  // equivalence, like exactMatch
            mapping("3", "3", MappingPredicate.closeMatch),  // the right pair, the wrong relation
        ]
        let aware = Evaluation(proposed: proposed, gold: gold, options: .init(relationAware: true))
        #expect(aware.truePositives == 2)
        #expect(aware.falsePositives == 1)
        #expect(aware.falseNegatives == 1)
        #expect(abs(aware.precision - 2.0 / 3.0) < 1e-12)
        #expect(abs(aware.f1 - 2.0 / 3.0) < 1e-12)
        let blind = Evaluation(proposed: proposed, gold: gold)
        #expect(blind.truePositives == 3)
        #expect(blind.f1 == 1)
    }

    @Test func incompatiblePairsAreNotCorrespondences() {
        let gold = [mapping("1", "1"), mapping("2", "2", MappingPredicate.disjointWith)]
        let proposed = [mapping("1", "1"), mapping("2", "2")]
        let blind = Evaluation(proposed: proposed, gold: gold)
        #expect(blind.goldCount == 1)
        #expect(blind.falsePositives == 1)
        let aware = Evaluation(proposed: proposed, gold: gold, options: .init(relationAware: true))
        #expect(aware.goldCount == 2)
        #expect(aware.truePositives == 1)
    }

    @Test func unevenFigures() {
        // 3 right of 4 proposed, 3 of 6 gold: P 0.75, R 0.5, F1 = 2·0.375/1.25 = 0.6.
        let gold = (1...6).map { mapping("\($0)", "\($0)") }
        let proposed = [mapping("1", "1"), mapping("2", "2"), mapping("3", "3"), mapping("7", "7")]
        let evaluation = Evaluation(proposed: proposed, gold: gold)
        #expect(evaluation.precision == 0.75)
        #expect(evaluation.recall == 0.5)
        #expect(abs(evaluation.f1 - 0.6) < 1e-12)
        #expect(evaluation.text.contains("recall    0.500  3 of 6 gold mappings were proposed"))
    }

    @Test func emptySides() {
        let nothing = Evaluation(proposed: [], gold: gold)
        #expect(nothing.precision == 1)
        #expect(nothing.recall == 0)
        #expect(nothing.f1 == 0)
        let noTerm = Mapping(subjectID: "http://a/1", predicateID: MappingPredicate.exactMatch,
                             objectID: SSSOMVocabulary.noTermFound, justification: MappingJustification.manualMappingCuration)
        #expect(Evaluation(proposed: [noTerm], gold: gold).proposedCount == 0)
    }

    @Test func anatomyAgainstItself() throws {
        let gold = try GoldAlignment.read(path: MappingFixtures.path("alignment/oaei-anatomy/reference.xml")).mappings
        let all = Evaluation(proposed: gold, gold: gold)
        #expect(all.f1 == 1)
        #expect(all.truePositives == 1516)
        // Every other gold pair, plus 100 pairs made wrong by swapping objects.
        let half = gold.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element)
        var wrong: [Mapping] = []
        for index in stride(from: 1, to: 200, by: 2) {
            var m = gold[index]
            m.objectID = gold[index + 2].objectID
            wrong.append(m)
        }
        let evaluation = Evaluation(proposed: half + wrong, gold: gold)
        #expect(evaluation.truePositives == 758)
        #expect(evaluation.falsePositives == 100)
        #expect(evaluation.falseNegatives == 758)
        #expect(evaluation.recall == 0.5)
        #expect(abs(evaluation.precision - 758.0 / 858.0) < 1e-12)
    }
}
