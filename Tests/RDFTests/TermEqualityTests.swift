import RDF
import Testing

/// Terms compare by code points (RDF 1.1 Concepts §3.2), language tags case-insensitively.
@Suite("Term equality")
struct TermEqualityTests {
    @Test func canonicallyEquivalentStringsAreDifferentTerms() {
        let precomposed = Term.string("Bod\u{00F8}")           // ø as one code point
        let decomposed = Term.string("Bodo\u{0338}")           // o + combining long solidus overlay
        let eAcute = Term.iri("http://example.org/caf\u{00E9}")
        let eCombining = Term.iri("http://example.org/cafe\u{0301}")
        #expect(eAcute != eCombining)
        #expect(precomposed != decomposed)
        var dictionary = TermDictionary()
        #expect(dictionary.intern(eAcute) != dictionary.intern(eCombining))
        #expect(Set([eAcute, eCombining, eAcute]).count == 2)
    }

    @Test func languageTagsCompareCaseInsensitively() {
        #expect(Term.langString("hei", language: "nb-NO") == Term.langString("hei", language: "nb-no"))
        #expect(Set([Term.langString("hei", language: "NB"), Term.langString("hei", language: "nb")]).count == 1)
        #expect(Term.langString("hei", language: "nb") != Term.langString("hei", language: "nn"))
    }

    @Test func kindsNeverCompareEqual() {
        #expect(Term.iri("x") != Term.blankNode("x"))
        #expect(Term.string("x") != Term.typed("x", datatype: "http://www.w3.org/2001/XMLSchema#token"))
    }
}
