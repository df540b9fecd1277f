import Testing
@testable import Alignment

@Suite("Norwegian Snowball stemmer")
struct NorwegianStemmerTests {
    static let vocabulary = SnowballVocabulary.pairs("norwegian")
    static let chunks = SnowballVocabulary.chunks(vocabulary)
    let stemmer = NorwegianStemmer()

    @Test("the published vocabulary is all there")
    func vocabularyIsComplete() {
        #expect(Self.vocabulary.count == 20_628)
        #expect(Self.chunks.reduce(0) { $0 + $1.pairs.count } == 20_628)
        #expect(SnowballVocabulary.changes("norwegian").count == 3)
    }

    @Test("every word of the published vocabulary, by initial letter", arguments: chunks)
    func publishedVocabulary(_ chunk: SnowballVocabulary.Chunk) {
        let wrong = chunk.mismatches(stemmer)
        #expect(wrong.isEmpty, "\(wrong.count) of \(chunk.pairs.count) wrong: \(wrong.prefix(20).joined(separator: ", "))")
    }

    @Test("the stems Snowball 3 changed on purpose")
    func snowball3Changes() {
        for change in SnowballVocabulary.changes("norwegian") {
            #expect(stemmer.stem(change.word) == change.new, "\(change.word) was \(change.old) before Snowball 3")
        }
    }

    @Test("examples from the algorithm description")
    func describedExamples() {
        #expect(stemmer.stem("meldt") == "meld")
        #expect(stemmer.stem("operativt") == "operativ")
        #expect(stemmer.stem("havnedistrikt") == "havnedistrikt")
        #expect(stemmer.stem("opning") == "opning")
    }

    @Test("R1 starts at the fourth letter at the earliest")
    func regionMinimum() {
        #expect(NorwegianStemmer.regionStart(Array("ake".unicodeScalars)) == 3)
        #expect(NorwegianStemmer.regionStart(Array("alder".unicodeScalars)) == 3)
        #expect(NorwegianStemmer.regionStart(Array("bosted".unicodeScalars)) == 3)
        #expect(NorwegianStemmer.regionStart(Array("eiendom".unicodeScalars)) == 4)
        #expect(stemmer.stem("ake") == "ake")  // `e` is before R1
    }

    @Test("ers: kept after the listed endings, removed after giv, hav, skap and anything else")
    func ersRule() {
        #expect(stemmer.stem("tvers") == "tvers")
        #expect(stemmer.stem("andelshavers") == "andelshav")
        #expect(stemmer.stem("aktørers") == "aktør")
        #expect(stemmer.stem("selskapers") == "selskap")
    }

    @Test("s: removed only after a valid s-ending")
    func sRule() {
        #expect(stemmer.stem("alders") == "ald")  // `ers` is removed whole
        #expect(stemmer.stem("bankinnskotts") == "bankinnskott")
        #expect(stemmer.stem("fylkes") == "fylk")
        #expect(stemmer.stem("husets") == "hus")
        #expect(stemmer.stem("kurs") == "kur")  // r not after e
        #expect(stemmer.stem("parks") == "park")  // k after a consonant
        #expect(stemmer.stem("kommunaks") == "kommunaks")  // k after a vowel
        #expect(stemmer.stem("utvalgs") == "utvalg")  // the letter before `s` need not be in R1
        #expect(stemmer.stem("aks") == "aks")  // `s` is before R1
    }

    @Test("erte and ert become er")
    func erteRule() {
        #expect(stemmer.stem("administrerte") == "administrer")
        #expect(stemmer.stem("administrert") == "administrer")
    }

    @Test("step 3 removes derivational endings in R1")
    func otherSuffixes() {
        #expect(stemmer.stem("alvorleg") == "alvor")
        #expect(stemmer.stem("alvorlig") == "alvor")
        #expect(stemmer.stem("aksjelova") == "aksj")
    }
}
