import Testing
@testable import Alignment

@Suite("Token index and exact label index")
struct TokenIndexTests {
    static let documents: [[String]] = [
        ["muscl", "biceps"], ["muscl", "triceps"], ["muscl"], ["heart"], ["muscl", "heart"], ["biceps"], ["tendon"],
    ]
    let index = TokenIndex(documents: documents)

    @Test("rare words weigh more than common ones")
    func idf() {
        #expect(index.documentFrequency(of: "muscl") == 4)
        #expect(index.documentFrequency(of: "biceps") == 2)
        #expect(index.documentFrequency(of: "femur") == 0)
        let hits = index.candidates(for: ["muscl", "biceps"], limit: 3)
        #expect(hits.first?.id == 0)
        #expect(hits[1].id == 5)  // shares the rarer `biceps`, not the common `muscl`
    }

    @Test("cosine of word lists")
    func cosine() {
        #expect(abs(index.cosine(["heart"], ["heart"]) - 1) < 1e-6)
        #expect(index.cosine(["heart"], ["tendon"]) == 0)
        #expect(index.documentFrequency(of: "tendon") == 1)
        #expect(index.cosine(["femur"], ["femur"]) == 0)  // unknown words have no shared weight
        let partial = index.cosine(["muscl", "heart"], ["heart"])
        #expect(partial > 0.5 && partial < 1)
        #expect(abs(index.vector(for: ["muscl", "heart"]).dot(index.documentVector(4)) - 1) < 1e-5)
    }

    @Test("unknown query words lower the score")
    func unknownWords() {
        let plain = index.candidates(for: ["heart"], limit: 1)[0].score
        let diluted = index.candidates(for: ["heart", "femur"], limit: 1)[0].score
        #expect(diluted < plain)
    }

    @Test("owners")
    func owners() {
        let owned = TokenIndex(documents: [["kidney"], ["ren", "organ"], ["heart"]], owners: [7, 7, 3])
        #expect(owned.candidates(for: ["organ", "kidney"], limit: 5).map(\.id) == [7])
        #expect(owned.documentCount == 3)
        #expect(owned.vocabularySize == 4)
    }

    @Test("exact label keys")
    func exact() {
        let normalizer = LabelNormalizer()
        let labels = ["Virksomhet", "Verksemd", "Kommune", "virksomheter"]
        let languages: [LabelLanguage] = [.bokmal, .nynorsk, .bokmal, .bokmal]
        let keys = zip(labels, languages).map { normalizer.normalize($0, language: $1).key(.stems) }
        let byDocument = ExactLabelIndex(keys: keys)
        #expect(byDocument.matches("virksom") == [0, 1, 3])
        #expect(byDocument.matches("fylk").isEmpty)
        let byOwner = ExactLabelIndex(keys: keys, owners: [10, 11, 12, 10])
        #expect(byOwner.matches("virksom") == [10, 11])
        #expect(byOwner.keyCount == 2)
    }
}
