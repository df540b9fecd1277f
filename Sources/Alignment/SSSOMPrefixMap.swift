/// Expands CURIEs to IRIs and contracts IRIs to CURIEs with a mapping set's `curie_map`
/// and SSSOM's built-in prefixes.
public struct SSSOMPrefixMap: Sendable {
    /// The prefixes SSSOM treats as built-in (spec-intro, "IRI prefixes"): they may be used
    /// without a declaration, and a declaration must not give them another IRI.
    public static let builtIn: [String: String] = [
        "owl": "http://www.w3.org/2002/07/owl#",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "semapv": "https://w3id.org/semapv/vocab/",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "sssom": "https://w3id.org/sssom/",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "linkml": "https://w3id.org/linkml/",
    ]

    /// Declared and built-in prefixes together.
    public let prefixes: [String: String]
    /// Namespaces longest first (ties by prefix name), for contraction.
    private let byNamespaceLength: [(prefix: String, namespace: [UInt8])]

    /// A map of `curieMap` plus the built-in prefixes.
    public init(curieMap: [String: String]) {
        prefixes = Self.builtIn.merging(curieMap) { builtIn, _ in builtIn }
        byNamespaceLength = prefixes.map { (prefix: $0.key, namespace: Array($0.value.utf8)) }.sorted {
            $0.namespace.count != $1.namespace.count ? $0.namespace.count > $1.namespace.count : $0.prefix < $1.prefix
        }
    }

    /// Why a CURIE could not be expanded.
    public enum ExpansionFailure: Error, Sendable, Equatable {
        /// There is no `:` in the value.
        case notACURIE
        /// The value is a full IRI, which SSSOM/TSV does not allow where a CURIE belongs.
        case iri
        /// The prefix is neither declared nor built-in.
        case undeclaredPrefix(String)
    }

    /// The IRI a CURIE stands for.
    public func expand(_ curie: String) -> Result<String, ExpansionFailure> {
        guard let colon = curie.utf8.firstIndex(of: UInt8(ascii: ":")) else { return .failure(.notACURIE) }
        let prefix = String(curie[..<colon])
        let reference = curie[curie.index(after: colon)...]
        guard let namespace = prefixes[prefix] else {
            return .failure(reference.hasPrefix("//") ? .iri : .undeclaredPrefix(prefix))
        }
        return .success(namespace + reference)
    }

    /// The CURIE for an IRI, with the longest matching namespace; `nil` when no prefix fits.
    public func contract(_ iri: String) -> String? {
        var iri = iri
        return iri.withUTF8 { bytes in
            for (prefix, namespace) in byNamespaceLength where namespace.count <= bytes.count {
                var index = 0
                while index < namespace.count, namespace[index] == bytes[index] { index += 1 }
                if index == namespace.count {
                    return prefix + ":" + String(decoding: UnsafeBufferPointer(rebasing: bytes[index...]), as: UTF8.self)
                }
            }
            return nil
        }
    }
}

extension SSSOMPrefixMap.ExpansionFailure {
    /// The failure in words, for `value` as written.
    func message(for value: String) -> String {
        switch self {
        case .notACURIE: "'\(value)' is not a CURIE (prefix:reference)"
        case .iri: "'\(value)' is an IRI; SSSOM/TSV requires a CURIE whose prefix the curie_map declares"
        case .undeclaredPrefix(let prefix): "the prefix '\(prefix)' of '\(value)' is not declared in the curie_map"
        }
    }
}
