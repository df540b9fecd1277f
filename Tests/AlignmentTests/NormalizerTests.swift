import Testing
@testable import Alignment

@Suite("Label normalisation")
struct NormalizerTests {
    let normalizer = LabelNormalizer()

    @Test("language tags")
    func languageTags() {
        #expect(LabelLanguage(tag: "nb") == .bokmal)
        #expect(LabelLanguage(tag: "no") == .bokmal)
        #expect(LabelLanguage(tag: "nb-NO") == .bokmal)
        #expect(LabelLanguage(tag: "NN") == .nynorsk)
        #expect(LabelLanguage(tag: "nno") == .nynorsk)
        #expect(LabelLanguage(tag: "en-GB") == .english)
        #expect(LabelLanguage(tag: "se") == .undetermined)
        #expect(LabelLanguage(tag: nil) == .undetermined)
    }

    @Test("NFC: a decomposed label equals the precomposed one after folding")
    func nfc() {
        let decomposed = normalizer.normalize("Fo\u{0308}dselsdato", language: .bokmal)
        let precomposed = normalizer.normalize("Födselsdato", language: .bokmal)
        #expect(!decomposed.original.unicodeScalars.elementsEqual(precomposed.original.unicodeScalars))
        #expect(decomposed.folded == "födselsdato")
        #expect(decomposed.firstEqualStep(with: precomposed) == .folded)
    }

    @Test("case folding beyond ASCII")
    func caseFolding() {
        #expect(normalizer.normalize("ÆRØ ÅS", language: .bokmal).folded == "ærø ås")
        #expect(normalizer.normalize("Straße", language: .undetermined).folded == "strasse")
        #expect(normalizer.normalize("ΟΔΟΣ", language: .undetermined).folded == "οδοσ")
        #expect(normalizer.normalize("İstanbul", language: .undetermined).tokens == ["i̇stanbul"])
    }

    @Test("white space is collapsed, punctuation splits words, apostrophes join")
    func tokens() {
        let label = normalizer.normalize("  Helse-  og omsorgs­tjenester (kommunale); Bowman's capsule ", language: .bokmal)
        #expect(label.folded == "helse- og omsorgs\u{AD}tjenester (kommunale); bowman's capsule")
        #expect(label.tokens == ["helse", "og", "omsorgs", "tjenester", "kommunale", "bowmans", "capsule"])
        #expect(normalizer.normalize("C3 vertebra, 2nd", language: .english).tokens == ["c3", "vertebra", "2nd"])
        #expect(normalizer.normalize("—", language: .english).tokens.isEmpty)
    }

    @Test("stop words go, unless nothing else is left")
    func stopWords() {
        #expect(normalizer.normalize("Structure of the heart", language: .english).contentTokens == ["structure", "heart"])
        #expect(normalizer.normalize("Å ha et barn", language: .bokmal).contentTokens == ["ha", "barn"])
        #expect(normalizer.normalize("Eining for eit fylke", language: .nynorsk).contentTokens == ["eining", "fylke"])
        #expect(normalizer.normalize("of the", language: .english).contentTokens == ["of", "the"])
        #expect(normalizer.normalize("Inntekt uten skatt", language: .bokmal).contentTokens == ["inntekt", "uten", "skatt"])
        let kept = LabelNormalizer(removesStopWords: false).normalize("Structure of the heart", language: .english)
        #expect(kept.contentTokens == kept.tokens)
    }

    @Test("stems by language")
    func stems() {
        #expect(normalizer.normalize("Skeletal muscles", language: .english).stems == ["skelet", "muscl"])
        #expect(normalizer.normalize("Adresser i kommunene", language: .bokmal).stems == ["adress", "kommun"])
        #expect(normalizer.normalize("Adresses", language: .undetermined).stems == ["adresses"])
    }

    @Test("equal after which step", arguments: [
        ("Kidney", LabelLanguage.english, "Kidney", LabelLanguage.english, NormalizationStep.exact),
        ("Kidney", .english, "KIDNEY", .english, .folded),
        ("left-kidney", .english, "Left Kidney", .english, .tokens),
        ("The heart", .english, "heart", .english, .contentTokens),
        ("Virksomhet", .bokmal, "Verksemd", .nynorsk, .variants),
        ("Bostedsadresse", .bokmal, "Bustadadresse", .nynorsk, .variants),
        ("Kidneys", .english, "kidney", .english, .stems),
        ("Tjenestene", .bokmal, "Tenestene", .nynorsk, .stems),
        ("kidney, left", .english, "Left kidneys", .english, .stemBag),
    ])
    func firstEqualStep(a: String, languageA: LabelLanguage, b: String, languageB: LabelLanguage, step: NormalizationStep) {
        let x = normalizer.normalize(a, language: languageA)
        let y = normalizer.normalize(b, language: languageB)
        #expect(x.firstEqualStep(with: y) == step)
        for later in NormalizationStep.allCases where later >= step {
            #expect(x.isEqual(to: y, after: later) == (x.key(later) == y.key(later)))
            #expect(x.key(later) == y.key(later), "equal after \(step) implies equal after \(later)")
        }
    }

    @Test("labels that never meet")
    func neverEqual() {
        let x = normalizer.normalize("Liver", language: .english)
        let y = normalizer.normalize("Kidney", language: .english)
        #expect(x.firstEqualStep(with: y) == nil)
        #expect(x.key(.stemBag) == "liver")
    }
}
