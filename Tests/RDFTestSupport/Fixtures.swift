import Foundation

/// Locates the files vendored under `Tests/Fixtures` (see its README for sources and licences).
public enum Fixtures {
    /// The absolute path of `Tests/Fixtures`.
    public static let root: String = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()   // RDFTestSupport
            .deletingLastPathComponent()   // Tests
            .appendingPathComponent("Fixtures").path
    }()

    /// The absolute path of a file under `Tests/Fixtures`.
    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// The repository root (for the built `samsvar` binary and shipped files).
    public static let repositoryRoot: String = {
        URL(fileURLWithPath: root).deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// Where the W3C rdf-tests live on the web; manifests resolve against it.
    static let rdfTestsWeb = "https://w3c.github.io/rdf-tests/"
    /// Where they are vendored.
    static var rdfTestsLocal: String { path("rdf-tests/") }

    /// The local copy of a W3C test IRI, if it is one of the vendored files.
    static func localPath(ofWebIRI iri: String) -> String? {
        guard iri.hasPrefix(rdfTestsWeb) else { return nil }
        var rest = String(iri.dropFirst(rdfTestsWeb.count))
        if let hash = rest.firstIndex(of: "#") { rest = String(rest[..<hash]) }
        return rdfTestsLocal + rest
    }

    /// The web IRI of a vendored file.
    static func webIRI(ofLocalPath path: String) -> String? {
        guard path.hasPrefix(rdfTestsLocal) else { return nil }
        return rdfTestsWeb + path.dropFirst(rdfTestsLocal.count)
    }
}
