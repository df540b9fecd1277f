import Testing
@testable import Alignment

@Suite("Trigram index")
struct TrigramIndexTests {
    static let labels = [
        "left kidney", "right kidney", "kidney", "heart", "heart valve", "liver", "lung",
        "left lung", "aortic valve", "skeletal muscle", "smooth muscle", "bostedsadresse", "adresse",
    ]
    let index = TrigramIndex(texts: labels)

    @Test("trigrams are padded per word")
    func trigrams() {
        let grams = TrigramIndex.trigrams("ab c")
        // #ab, ab#, #c#
        #expect(grams.count == 3)
        #expect(Set(grams).count == 3)
        #expect(TrigramIndex.trigrams("").isEmpty)
        #expect(TrigramIndex.trigrams("kidney left").sorted() == TrigramIndex.trigrams("left kidney").sorted())
    }

    @Test("the right candidates, best first")
    func candidates() {
        let kidney = index.candidates(for: "kidney left", limit: 4)
        #expect(kidney.map(\.id).prefix(2) == [0, 2])
        #expect(abs(kidney[0].score - 1) < 1e-5)
        #expect(kidney.map(\.id).contains(1))
        #expect(zip(kidney, kidney.dropFirst()).allSatisfy { $0.score >= $1.score })

        #expect(index.candidates(for: "hart", limit: 1).first?.id == 3)
        #expect(index.candidates(for: "livr", limit: 1).first?.id == 5)
        #expect(index.candidates(for: "musle skeletal", limit: 1).first?.id == 9)
        #expect(Set(index.candidates(for: "bustadadresse", limit: 2).map(\.id)) == [11, 12])
    }

    @Test("labels sharing no trigram are never candidates")
    func noSharedTrigram() {
        #expect(index.candidates(for: "zzz qqq", limit: 5).isEmpty)
        #expect(index.candidates(for: "", limit: 5).isEmpty)
        #expect(index.candidates(for: "kidney", limit: 0).isEmpty)
        let hits = index.candidates(for: "lung", limit: 20)
        #expect(Set(hits.map(\.id)) == [6, 7])
    }

    @Test("limit and minimum score")
    func limits() {
        #expect(index.candidates(for: "muscle valve kidney heart", limit: 4).count == 4)
        let strong = index.candidates(for: "left kidney", limit: 20, minimumScore: 0.5)
        #expect(strong.allSatisfy { $0.score >= 0.5 })
        #expect(strong.map(\.id).contains(0))
        #expect(!strong.map(\.id).contains(3))
    }

    @Test("owners: one candidate per concept, with its best label")
    func owners() {
        // Concept 0 has labels 0 and 1, concept 1 has label 2.
        let owned = TrigramIndex(texts: ["kidney", "renal organ", "heart"], owners: [0, 0, 1])
        let hits = owned.candidates(for: "renal organs", limit: 5)
        #expect(hits.map(\.id) == [0])
        #expect(owned.candidates(for: "kidney heart", limit: 5).map(\.id).sorted() == [0, 1])
    }

    @Test("a reused scratch gives the same answers")
    func scratchReuse() {
        var scratch = index.makeScratch()
        for query in ["kidney", "heart valve", "muscle", "kidney"] {
            #expect(index.candidates(for: query, limit: 5, scratch: &scratch) == index.candidates(for: query, limit: 5))
        }
    }

    @Test("top-k equals the brute-force cosine ranking on a random corpus")
    func bruteForce() {
        var generator = SplitMix64(seed: 42)
        let syllables = ["ka", "ri", "no", "sel", "ad", "res", "bo", "sted", "ei", "en", "dom", "skatt", "ø", "å"]
        func word() -> String {
            (0..<(2 + Int(generator.next() % 3))).map { _ in syllables[Int(generator.next() % UInt64(syllables.count))] }.joined()
        }
        let texts = (0..<400).map { _ in (0..<(1 + Int(generator.next() % 3))).map { _ in word() }.joined(separator: " ") }
        let corpus = TrigramIndex(texts: texts)
        for _ in 0..<50 {
            let query = word() + " " + word()
            let vector = corpus.vector(for: query)
            #expect(vector.norm <= 1 + 1e-4)  // trigrams no label has count in the length only
            let brute = (0..<texts.count).map { ($0, vector.dot(corpus.documentVector($0))) }.filter { $0.1 > 0 }
            let hits = corpus.candidates(for: query, limit: 10)
            #expect(hits.count == min(10, brute.count))
            for hit in hits {
                #expect(abs(hit.score - brute.first { $0.0 == hit.id }!.1) < 1e-5)
            }
            if let last = hits.last {
                let better = brute.filter { $0.1 > last.score + 1e-5 }.map(\.0)
                #expect(Set(better).isSubset(of: Set(hits.map(\.id))))
            }
        }
    }

    @Test("exact top-k on a larger corpus, with owners and a minimum score")
    func bruteForceLarge() {
        var generator = SplitMix64(seed: 9)
        let words = SnowballVocabulary.pairs("english").map(\.word)
        #expect(words.count > 1_000)
        guard words.count > 1_000 else { return }
        func label() -> String {
            (0..<(1 + Int(generator.next() % 3))).map { _ in words[Int(generator.next() % UInt64(words.count))] }
                .joined(separator: " ")
        }
        let texts = (0..<3_000).map { _ in label() }
        let owners = texts.indices.map { $0 / 2 }
        let plain = TrigramIndex(texts: texts)
        let owned = TrigramIndex(texts: texts, owners: owners)
        var scratch = plain.makeScratch()
        for round in 0..<80 {
            let query = round % 3 == 0 ? texts[Int(generator.next() % 3_000)] : label()
            let minimum = round % 4 == 0 ? 0.3 : 0
            let vector = plain.vector(for: query)
            let brute = texts.indices.map { ($0, vector.dot(plain.documentVector($0))) }.filter { $0.1 > 0 && $0.1 >= minimum - 1e-6 }
            let hits = plain.candidates(for: query, limit: 10, minimumScore: minimum, scratch: &scratch)
            #expect(hits.count == min(10, brute.count) || minimum > 0)
            if let last = hits.last {
                let better = brute.filter { $0.1 > last.score + 1e-5 }.map(\.0)
                #expect(Set(better).isSubset(of: Set(hits.map(\.id))), "query \(query)")
            }
            for hit in hits {
                #expect(abs(hit.score - brute.first { $0.0 == hit.id }!.1) < 1e-5)
            }
            // Owners: the best label of each concept.
            var best: [Int: Double] = [:]
            for (document, score) in brute { best[owners[document]] = max(best[owners[document]] ?? 0, score) }
            let ownedHits = owned.candidates(for: query, limit: 5, minimumScore: minimum)
            for hit in ownedHits { #expect(abs(hit.score - best[hit.id]!) < 1e-5) }
            if let last = ownedHits.last {
                #expect(best.filter { $0.value > last.score + 1e-5 }.keys.allSatisfy { key in ownedHits.contains { $0.id == key } })
            }
        }
    }
}
