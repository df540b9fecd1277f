import Testing
@testable import Alignment

@Suite("Compound splitting")
struct CompoundSplitterTests {
    let splitter = CompoundSplitter(vocabulary: [
        "bosted", "adresse", "eiendom", "skatt", "barn", "hage", "folk", "register", "tak", "til",
        "arbeid", "arbeidsgiver", "avgift", "giveravgift", "kommune", "fylke", "post", "nummer",
    ])

    @Test("modifier, linking letter and head", arguments: [
        ("bostedsadresse", "bosted", "s", "adresse"),
        ("eiendomsskatt", "eiendom", "s", "skatt"),
        ("barnehage", "barn", "e", "hage"),
        ("fylkeskommune", "fylke", "s", "kommune"),
        ("postnummer", "post", "", "nummer"),
    ])
    func splits(word: String, modifier: String, linking: String, head: String) {
        let split = splitter.split(word)
        #expect(split == CompoundSplitter.Split(modifier: modifier, linking: linking, head: head))
        #expect(splitter.head(of: word) == head)
    }

    @Test("an inflected head is recognised by its stem")
    func inflectedHead() {
        #expect(splitter.head(of: "bostedsadressen") == "adressen")
        #expect(splitter.head(of: "eiendomsskattene") == "skattene")
    }

    @Test("the longest known head wins")
    func longestHead() {
        // Both `avgift` and `giveravgift` are known; `giveravgift` is the closer broader word.
        #expect(splitter.split("arbeidsgiveravgift")?.head == "giveravgift")
        #expect(splitter.split("arbeidsgiveravgift")?.modifier == "arbeid")
        // Without `arbeid`, the modifier of `giveravgift` is unknown and `avgift` is the head.
        let smaller = CompoundSplitter(vocabulary: ["arbeidsgiver", "avgift", "giveravgift"])
        #expect(smaller.split("arbeidsgiveravgift") == .init(modifier: "arbeidsgiver", linking: "", head: "avgift"))
    }

    @Test("modifiers may be compounds themselves")
    func recursiveModifier() {
        let split = splitter.split("folkeregisteradresse")
        #expect(split?.head == "adresse")
        #expect(split?.modifier == "folkeregister")
        #expect(splitter.parts(of: "folkeregisteradresse") == ["folk", "register", "adresse"])
    }

    @Test("no split without known parts, short parts or stop words")
    func noSplit() {
        #expect(splitter.split("adresse") == nil)
        #expect(splitter.split("kommunevåpen") == nil)  // `våpen` is unknown
        #expect(splitter.split("tiltak") == nil)  // `til` is a stop word
        #expect(splitter.split("bohage") == nil)  // `bo` is too short
        #expect(splitter.parts(of: "adresse") == ["adresse"])
        #expect(!splitter.knows("til"))
        #expect(splitter.knows("tak"))
    }
}
