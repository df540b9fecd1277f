import Testing
@testable import Alignment

@Suite("English Snowball (Porter2) stemmer")
struct EnglishStemmerTests {
    static let vocabulary = SnowballVocabulary.pairs("english")
    static let chunks = SnowballVocabulary.chunks(vocabulary)
    let stemmer = EnglishStemmer()

    @Test("the published vocabulary is all there")
    func vocabularyIsComplete() {
        #expect(Self.vocabulary.count == 29_417)
        #expect(Self.chunks.reduce(0) { $0 + $1.pairs.count } == 29_417)
        #expect(SnowballVocabulary.changes("english").count == 38)
    }

    @Test("every word of the published vocabulary, by initial letter", arguments: chunks)
    func publishedVocabulary(_ chunk: SnowballVocabulary.Chunk) {
        let wrong = chunk.mismatches(stemmer)
        #expect(wrong.isEmpty, "\(wrong.count) of \(chunk.pairs.count) wrong: \(wrong.prefix(20).joined(separator: ", "))")
    }

    @Test("the stems Snowball 3 changed on purpose")
    func snowball3Changes() {
        for change in SnowballVocabulary.changes("english") {
            #expect(stemmer.stem(change.word) == change.new, "\(change.word) was \(change.old) before Snowball 3")
        }
    }

    @Test("the examples of the algorithm description")
    func describedExamples() {
        #expect(stemmer.stem("consign") == "consign")
        #expect(stemmer.stem("consigned") == "consign")
        #expect(stemmer.stem("knack") == "knack")
        #expect(stemmer.stem("knackeries") == "knackeri")
        #expect(stemmer.stem("ties") == "tie")
        #expect(stemmer.stem("cries") == "cri")
        #expect(stemmer.stem("dying") == "die")
        #expect(stemmer.stem("generously") == "generous")
        #expect(stemmer.stem("geologist") == stemmer.stem("geology"))
        #expect(stemmer.stem("hopping") == "hop")
        #expect(stemmer.stem("hoping") == "hope")
        #expect(stemmer.stem("skies") == "sky")
        #expect(stemmer.stem("news") == "news")
    }

    @Test("anatomy words conflate as expected")
    func anatomy() {
        #expect(stemmer.stem("vertebrae") == "vertebra")
        #expect(stemmer.stem("muscles") == stemmer.stem("muscle"))
        #expect(stemmer.stem("arteries") == stemmer.stem("artery"))
        #expect(stemmer.stem("ligaments") == stemmer.stem("ligament"))
    }
}
