/// Prefixes for IRIs a mapping set names but its `curie_map` does not cover, so SSSOM/TSV
/// (which allows only CURIEs) can be written for any vocabulary.
enum CurieMapBuilder {
    /// The namespace of an IRI: up to and including its last `#`, `/` or (for URNs) `:`.
    static func namespace(of iri: String) -> String? {
        guard let cut = iri.lastIndex(where: { $0 == "#" || $0 == "/" }) ?? (iri.hasPrefix("urn:") ? iri.lastIndex(of: ":") : nil)
        else { return nil }
        let namespace = String(iri[...cut])
        return namespace.count < iri.count ? namespace : nil
    }

    /// `existing` with a prefix added for each namespace of `iris` it does not cover;
    /// a prefix is named after the namespace's last word (`tema`, `anatomy`), numbered when taken.
    static func covering(_ iris: some Sequence<String>, existing: [String: String]) -> [String: String] {
        var map = existing
        var taken = Set(map.keys).union(SSSOMPrefixMap.builtIn.keys)
        var covered = Set(map.values).union(SSSOMPrefixMap.builtIn.values)
        for iri in iris {
            guard !covered.contains(where: { iri.hasPrefix($0) }), let ns = namespace(of: iri) else { continue }
            let words = ns.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            let skip: Set<String> = ["http", "https", "www", "urn", "org", "com", "no", "net", "owl", "rdf", "html"]
            var base = (words.last { !skip.contains($0.lowercased()) && $0.first?.isLetter == true } ?? "ns").lowercased()
            base = String(base.unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }.map(Character.init))
            if base.isEmpty || !(base.first!.isLetter) { base = "ns" }
            var prefix = base
            var n = 2
            while taken.contains(prefix) { prefix = base + String(n); n += 1 }
            taken.insert(prefix)
            covered.insert(ns)
            map[prefix] = ns
        }
        return map
    }
}

extension MappingSet {
    /// The set with prefixes added so every IRI its mappings name can be written as a CURIE.
    public func withCoveringPrefixes() -> MappingSet {
        var set = self
        var iris: [String] = []
        for m in mappings {
            iris += [m.subjectID, m.objectID, m.predicateID, m.justification].compactMap { $0 }
            iris += m.reviewerIDs + m.authorIDs + m.subjectPreprocessing + m.objectPreprocessing
        }
        set.curieMap = CurieMapBuilder.covering(iris, existing: curieMap)
        return set
    }
}
