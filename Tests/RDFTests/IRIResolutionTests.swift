import Testing

@testable import RDF

/// One resolution example: a reference, the base it resolves against and the expected target.
struct ResolutionExample: Sendable, CustomTestStringConvertible {
    let reference: String
    let base: String
    let expected: String

    init(_ reference: String, _ expected: String, base: String = rfc3986Base) {
        self.reference = reference
        self.base = base
        self.expected = expected
    }

    var testDescription: String {
        "\"\(reference)\" against <\(base)> → <\(expected)>"
    }
}

/// The base URI of RFC 3986 section 5.4.
let rfc3986Base = "http://a/b/c/d;p?q"

/// RFC 3986 section 5.4.1, normal examples (all 23).
let rfc3986NormalExamples: [ResolutionExample] = [
    .init("g:h", "g:h"),
    .init("g", "http://a/b/c/g"),
    .init("./g", "http://a/b/c/g"),
    .init("g/", "http://a/b/c/g/"),
    .init("/g", "http://a/g"),
    .init("//g", "http://g"),
    .init("?y", "http://a/b/c/d;p?y"),
    .init("g?y", "http://a/b/c/g?y"),
    .init("#s", "http://a/b/c/d;p?q#s"),
    .init("g#s", "http://a/b/c/g#s"),
    .init("g?y#s", "http://a/b/c/g?y#s"),
    .init(";x", "http://a/b/c/;x"),
    .init("g;x", "http://a/b/c/g;x"),
    .init("g;x?y#s", "http://a/b/c/g;x?y#s"),
    .init("", "http://a/b/c/d;p?q"),
    .init(".", "http://a/b/c/"),
    .init("./", "http://a/b/c/"),
    .init("..", "http://a/b/"),
    .init("../", "http://a/b/"),
    .init("../g", "http://a/b/g"),
    .init("../..", "http://a/"),
    .init("../../", "http://a/"),
    .init("../../g", "http://a/g"),
]

/// RFC 3986 section 5.4.2, abnormal examples (all 19; "http:g" as for strict parsers).
let rfc3986AbnormalExamples: [ResolutionExample] = [
    .init("../../../g", "http://a/g"),
    .init("../../../../g", "http://a/g"),
    .init("/./g", "http://a/g"),
    .init("/../g", "http://a/g"),
    .init("g.", "http://a/b/c/g."),
    .init(".g", "http://a/b/c/.g"),
    .init("g..", "http://a/b/c/g.."),
    .init("..g", "http://a/b/c/..g"),
    .init("./../g", "http://a/b/g"),
    .init("./g/.", "http://a/b/c/g/"),
    .init("g/./h", "http://a/b/c/g/h"),
    .init("g/../h", "http://a/b/c/h"),
    .init("g;x=1/./y", "http://a/b/c/g;x=1/y"),
    .init("g;x=1/../y", "http://a/b/c/y"),
    .init("g?y/./x", "http://a/b/c/g?y/./x"),
    .init("g?y/../x", "http://a/b/c/g?y/../x"),
    .init("g#s/./x", "http://a/b/c/g#s/./x"),
    .init("g#s/../x", "http://a/b/c/g#s/../x"),
    .init("http:g", "http:g"),
]

/// Cases the W3C Turtle and RDF/XML test suites exercise, and a few more.
let edgeCaseExamples: [ResolutionExample] = [
    // A base with an authority and no path: merge inserts "/" (section 5.2.3).
    .init("b", "http://a/b", base: "http://a"),
    .init("", "http://a", base: "http://a"),
    .init("?q", "http://a?q", base: "http://a"),
    .init("#f", "http://a#f", base: "http://a"),
    .init("../b", "http://a/b", base: "http://a"),
    .init("./", "http://a/", base: "http://a"),
    // An empty reference gives the base without its fragment.
    .init("", "http://a/b?q", base: "http://a/b?q#f"),
    .init("", "http://a/b", base: "http://a/b#f"),
    // Fragment-only and query-only references.
    .init("#frag", "http://a/b?q#frag", base: "http://a/b?q#f"),
    .init("#", "http://a/b?q#", base: "http://a/b?q#f"),
    .init("?q", "http://a/b?q", base: "http://a/b?x#f"),
    .init("?", "http://a/b?", base: "http://a/b?x#f"),
    .init("?q#g", "http://a/b?q#g", base: "http://a/b?x#f"),
    // Network-path references.
    .init("//host", "http://host", base: "http://a/b/c"),
    .init("//host/./x/../y?q#f", "http://host/y?q#f", base: "http://a/b/c"),
    .init("//", "http://", base: "http://a/b/c"),
    // ".." above the root stops at the root.
    .init("..", "http://a/", base: "http://a/b"),
    .init("../../x", "http://a/x", base: "http://a/"),
    .init("/../../x/./y/..", "http://a/x/", base: "http://a/b"),
    // "." and "./" keep the base's directory.
    .init(".", "http://a/b/", base: "http://a/b/"),
    .init("./", "http://a/b/", base: "http://a/b/c"),
    .init("./.", "http://a/b/", base: "http://a/b/c"),
    .init("x/.", "http://a/b/x/", base: "http://a/b/c"),
    .init("x/..", "http://a/b/", base: "http://a/b/c"),
    // Dot segments with parameters.
    .init("g;x=1/../y", "http://a/b/y", base: "http://a/b/c"),
    .init("g;x=1/./y;z", "http://a/b/g;x=1/y;z", base: "http://a/b/c"),
    // A base with a query and a fragment.
    .init("d", "http://a/b/d", base: "http://a/b/c?q#f"),
    .init("d?", "http://a/b/d?", base: "http://a/b/c?q#f"),
    .init("/d#g", "http://a/d#g", base: "http://a/b/c?q#f"),
    // A file: base, as for files given on the command line (empty authority).
    .init("y.nt", "file:///tmp/y.nt", base: "file:///tmp/x.nt"),
    .init("#a", "file:///tmp/x.nt#a", base: "file:///tmp/x.nt"),
    .init("", "file:///tmp/x.nt", base: "file:///tmp/x.nt"),
    .init("../z", "file:///z", base: "file:///tmp/x.nt"),
    .init("../../../z", "file:///z", base: "file:///tmp/x.nt"),
    .init("/abs", "file:///abs", base: "file:///tmp/x.nt"),
    .init("sub/", "file:///tmp/sub/", base: "file:///tmp/x.nt"),
    .init("//host/f", "file://host/f", base: "file:///tmp/x.nt"),
    // Absolute references: unchanged, or with dot segments removed (section 5.2.2).
    .init("https://x.example/a/b?c#d", "https://x.example/a/b?c#d", base: "http://a/b"),
    .init("http://x/a/../b/./c", "http://x/b/c", base: "http://a/b"),
    .init("http://x/a/b?y/../z#w/./v", "http://x/a/b?y/../z#w/./v", base: "http://a/b"),
    .init("HTTP://X/..", "HTTP://X/", base: "http://a/b"),
    .init("urn:isbn:0451450523", "urn:isbn:0451450523", base: "http://a/b"),
    // Bases without an authority.
    .init("c", "urn:c", base: "urn:a:b"),
    .init("#x", "urn:a:b#x", base: "urn:a:b"),
    .init("c", "tag:x/c", base: "tag:x/y"),
    // A path starting with "//" and no authority gets "/." in front, so it does not read
    // back as an authority.
    .init("..//c", "foo:/.//c", base: "foo:/a"),
    .init("foo:/..//c", "foo:/.//c", base: "http://a/b"),
    .init("/.//c", "foo:/.//c", base: "foo:/a"),
    // Non-ASCII characters pass through untouched (RFC 3987).
    .init("ø", "http://example.org/é/ø", base: "http://example.org/é/"),
    .init("../å?ü=1#ß", "http://example.org/å?ü=1#ß", base: "http://example.org/é/"),
    .init("", "http://example.org/é/", base: "http://example.org/é/"),
    .init("#東京", "http://例え.テスト/パス?問#東京", base: "http://例え.テスト/パス?問#x"),
    .init("./日本/./語/../😀", "http://例え.テスト/日本/😀", base: "http://例え.テスト/パス"),
    .init("http://ex.org/ÿ/./z", "http://ex.org/ÿ/z", base: "http://a/b"),
    .init("e\u{301}", "http://a/b/e\u{301}", base: "http://a/b/c"),
]

@Suite("IRI resolution")
struct IRIResolutionTests {
    /// Every way of resolving must agree, and byte for byte (not just up to Unicode
    /// canonical equivalence, which `String`'s `==` allows).
    private func check(_ example: ResolutionExample, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = Array(example.expected.utf8)
        let viaResolver = IRIResolver.resolve(example.reference, against: example.base)
        #expect(Array(viaResolver.utf8) == expected, "IRIResolver", sourceLocation: sourceLocation)

        guard let base = BaseIRI(example.base) else {
            Issue.record("base <\(example.base)> rejected", sourceLocation: sourceLocation)
            return
        }
        let viaBase = base.resolve(example.reference)
        #expect(Array(viaBase.utf8) == expected, "BaseIRI.resolve(String)", sourceLocation: sourceLocation)

        let viaParsed = base.resolve(IRIReference(example.reference))
        #expect(Array(viaParsed.utf8) == expected, "BaseIRI.resolve(IRIReference)", sourceLocation: sourceLocation)

        let viaBytes = Array(example.reference.utf8).withUnsafeBufferPointer { base.resolve(utf8: $0) }
        #expect(Array(viaBytes.utf8) == expected, "BaseIRI.resolve(utf8:)", sourceLocation: sourceLocation)

        // Resolution is idempotent: the target resolves to itself.
        #expect(Array(base.resolve(viaBase).utf8) == expected, "idempotent", sourceLocation: sourceLocation)
    }

    @Test("RFC 3986 section 5.4.1 normal examples", arguments: rfc3986NormalExamples)
    func normalExample(_ example: ResolutionExample) {
        check(example)
    }

    @Test("RFC 3986 section 5.4.2 abnormal examples", arguments: rfc3986AbnormalExamples)
    func abnormalExample(_ example: ResolutionExample) {
        check(example)
    }

    @Test("Edge cases from the W3C test suites", arguments: edgeCaseExamples)
    func edgeCase(_ example: ResolutionExample) {
        check(example)
    }

    @Test("The RFC 3986 example lists are complete")
    func exampleCounts() {
        #expect(rfc3986NormalExamples.count == 23)
        #expect(rfc3986AbnormalExamples.count == 19)
    }

    @Test(
        "isAbsolute recognises a scheme",
        arguments: [
            ("http://a", true), ("g:h", true), ("http:g", true), ("HTTP:x", true), ("a:", true),
            ("a+b-c.d9:x", true), ("urn:isbn:1", true), ("file:///tmp/x.nt", true),
            ("mailto:x@example.org", true), ("z0:é", true),
            ("", false), ("a", false), (":a", false), ("1a:b", false), ("+a:b", false),
            ("/a:b", false), ("a/b:c", false), ("./a:b", false), ("a_b:c", false), ("é:x", false),
            ("a b:c", false), ("?a:b", false), ("#a:b", false), ("//a:b", false), ("http", false),
        ] as [(String, Bool)]
    )
    func isAbsolute(_ iri: String, _ expected: Bool) {
        #expect(IRIResolver.isAbsolute(iri) == expected)
        #expect(IRIReference(iri).isAbsolute == expected)
        #expect((BaseIRI(iri) != nil) == expected)
    }

    @Test("IRIReference splits into five components")
    func components() {
        let full = IRIReference("http://user@host:80/p/a;x?q=1&r#frag")
        #expect(full.scheme == "http")
        #expect(full.authority == "user@host:80")
        #expect(full.path == "/p/a;x")
        #expect(full.query == "q=1&r")
        #expect(full.fragment == "frag")
        #expect(full.description == "http://user@host:80/p/a;x?q=1&r#frag")

        // Defined but empty components differ from undefined ones (section 5.2.1).
        let empties = IRIReference("http://?#")
        #expect(empties.authority == "")
        #expect(empties.path == "")
        #expect(empties.query == "")
        #expect(empties.fragment == "")
        let none = IRIReference("http:")
        #expect(none.scheme == "http")
        #expect(none.authority == nil)
        #expect(none.query == nil)
        #expect(none.fragment == nil)

        let empty = IRIReference("")
        #expect(empty.scheme == nil)
        #expect(empty.authority == nil)
        #expect(empty.path == "")
        #expect(empty.query == nil)
        #expect(empty.fragment == nil)

        let file = IRIReference("file:///tmp/x.nt")
        #expect(file.authority == "")
        #expect(file.path == "/tmp/x.nt")

        let network = IRIReference("//h?a?b#c#d")
        #expect(network.scheme == nil)
        #expect(network.authority == "h")
        #expect(network.path == "")
        #expect(network.query == "a?b")
        #expect(network.fragment == "c#d")

        let colons = IRIReference("urn:a:b/c")
        #expect(colons.scheme == "urn")
        #expect(colons.path == "a:b/c")

        // Not a scheme by the section 3.1 grammar: the whole thing is a path.
        let notScheme = IRIReference("1a:b/c")
        #expect(notScheme.scheme == nil)
        #expect(notScheme.path == "1a:b/c")

        let unicode = IRIReference("http://例え.テスト/é/パス?問=ü#ß")
        #expect(unicode.authority == "例え.テスト")
        #expect(unicode.path == "/é/パス")
        #expect(unicode.query == "問=ü")
        #expect(unicode.fragment == "ß")
    }

    @Test("IRIReference compares code points, not canonical equivalence")
    func referenceEquality() {
        let precomposed = IRIReference("http://a/\u{E9}")
        let decomposed = IRIReference("http://a/e\u{301}")
        #expect(precomposed != decomposed)
        #expect(precomposed == IRIReference("http://a/é"))
        #expect(Set([precomposed, decomposed, IRIReference("http://a/\u{E9}")]).count == 2)
    }

    @Test("BaseIRI rejects relative bases")
    func baseRequiresScheme() {
        #expect(BaseIRI("relative/x") == nil)
        #expect(BaseIRI("") == nil)
        #expect(BaseIRI("//host/x") == nil)
        #expect(BaseIRI("/abs") == nil)
        #expect(BaseIRI("http://a/b#f")?.string == "http://a/b#f")
        #expect(BaseIRI("http://a/b")?.reference.path == "/b")
    }

    @Test("A relative base still follows the RFC 3986 algorithm")
    func relativeBase() {
        #expect(IRIResolver.resolve("c", against: "a/b") == "a/c")
        #expect(IRIResolver.resolve("c", against: "") == "c")
        #expect(IRIResolver.resolve("../c", against: "/a/b") == "/c")
        #expect(IRIResolver.resolve("", against: "") == "")
        #expect(IRIResolver.resolve("g:h", against: "") == "g:h")
    }

    @Test("remove_dot_segments (RFC 3986 section 5.2.4)", arguments: [
        ("/a/b/c/./../../g", "/a/g"),  // the section 5.2.4 example
        ("mid/content=5/../6", "mid/6"),  // the section 5.2.4 example
        ("", ""), ("/", "/"), (".", ""), ("..", ""), ("./", ""), ("../", ""),
        ("/.", "/"), ("/..", "/"), ("/./", "/"), ("/../", "/"), ("//", "//"),
        ("a/..", "/"), ("a/../", "/"), ("/a/..", "/"), ("a/./b", "a/b"),
        ("../a", "a"), ("../../a/b", "a/b"), (".a/..b/...", ".a/..b/..."),
        ("/a//../b", "/a/b"), ("/a/b/..//c", "/a//c"), ("/é/../ø", "/ø"),
    ] as [(String, String)])
    func removeDotSegments(_ input: String, _ expected: String) {
        var bytes = Array(input.utf8)
        let end = bytes.withUnsafeMutableBufferPointer {
            IRIParts.removeDotSegments($0, from: 0, to: $0.count)
        }
        #expect(String(decoding: bytes[..<end], as: UTF8.self) == expected)
    }
}
