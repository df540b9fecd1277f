import Foundation
import RDF
import Store

/// Searches the datasets and series of a store: ranked by relevance, filtered by theme
/// (with narrower themes), publisher, format and access rights, with facet counts over all
/// matches.
///
/// The search index (`CatalogIndex`) is kept in the store as derived data and rebuilt
/// when a graph has been imported or deleted since, so a search reads it back instead of
/// scanning the store. Words are looked up in the store's full-text index (FTS5, which
/// cuts and case-folds them); a dataset matches when each word is in one of its titles,
/// keywords or descriptions, and is scored by BM25F over those three fields (weights 3, 2,
/// 1; idf from how many datasets have the word; a literal counts once per word).
public final class CatalogSearch: Sendable {
    /// Where the index came from.
    public enum IndexSource: String, Sendable {
        /// Read from the store's derived data.
        case stored
        /// Built from the store and saved in it.
        case built
        /// Built, but not saved (a read-only store, or a graph changed meanwhile).
        case builtNotSaved
    }

    public let store: any QuadStore
    public let labels: LabelChooser
    /// How the index was obtained.
    public let indexSource: IndexSource
    let index: CatalogIndex
    /// For each facet value, the value it is counted under in the publisher facet:
    /// publishers with one organisation number count as one, under the best-labelled IRI.
    private let publisherGroup: [Int]
    /// The datasets in the stored title order.
    private let byTitle: [Int32]

    /// BM25 parameters (the usual ones).
    static let k1 = 1.2, b = 0.75

    /// Opens the search over `store`: reads the stored index, or builds and saves it.
    public init(store: any QuadStore, labels: LabelChooser = LabelChooser()) throws {
        self.store = store
        self.labels = labels
        // A stored index that cannot be read (another layout, damage) is built again.
        if let stored = try? store.withDerivedData(named: CatalogIndex.derivedDataName, { try CatalogIndex(decoding: $0) }) {
            index = stored
            indexSource = .stored
        } else {
            let generation = try? store.generation()
            let built = try CatalogIndex.build(from: store)
            // Not saving (a read-only or busy store) only costs the next search a rebuild.
            let saved = generation.flatMap { try? store.saveDerivedData(built.encoded(), named: CatalogIndex.derivedDataName, generation: $0) }
            index = built
            indexSource = saved == true ? .built : .builtNotSaved
        }
        publisherGroup = Self.publisherGroups(index, labels)
        var byTitle = [Int32](repeating: 0, count: index.datasets.count)
        for (d, rank) in index.titleOrder.enumerated() { byTitle[Int(rank)] = Int32(d) }
        self.byTitle = byTitle
    }

    private static func publisherGroups(_ index: CatalogIndex, _ labels: LabelChooser) -> [Int] {
        var group = Array(index.values.indices)
        var byOrgnr: [String: [Int]] = [:]
        for v in index.values.indices where !index.valueOrgnr[v].isEmpty { byOrgnr[index.valueOrgnr[v], default: []].append(v) }
        for members in byOrgnr.values where members.count > 1 {
            let labelled = members.map { (v: $0, labelled: index.label(ofValue: $0, labels) != nil) }
            let best = labelled.min { a, b in
                a.labelled != b.labelled ? a.labelled : index.valueNames[a.v] < index.valueNames[b.v]
            }!.v
            for m in members { group[m] = best }
        }
        return group
    }

    /// How many datasets and series the store has.
    public var datasetCount: Int { index.datasets.count }

    /// Runs a query.
    public func search(_ query: CatalogQuery) throws -> SearchResult {
        let n = index.datasets.count
        var selected = [Bool](repeating: true, count: n)
        var scores = [Double](repeating: 0, count: n)
        let words = TextWords.split(query.text)
        if !words.isEmpty { try score(words, language: query.language, selected: &selected, scores: &scores) }

        let filters: [(FacetKind, [Bool]?)] = [
            (.theme, try themeFilter(query.themes)),
            (.publisher, publisherFilter(query.publishers)),
            (.format, formatFilter(query.formats)),
            (.accessRights, accessRightsFilter(query.accessRights)),
        ]
        for (kind, allowed) in filters {
            guard let allowed else { continue }
            (kind == .format ? index.formatMatches : index.facets[kind.rawValue]).withLists { lists in
                for d in 0..<n where selected[d] {
                    selected[d] = lists.items[lists.range(d)].contains { allowed[Int($0)] }
                }
            }
        }

        let matches = (0..<n).filter { selected[$0] }
        let facets = facetCounts(matches)
        let ordered: [Int]
        if labels == LabelChooser() {
            // The stored title order: without words (or by title), no sort at all.
            let rank = index.titleOrder
            if words.isEmpty || query.order == .title {
                ordered = byTitle.lazy.map(Int.init).filter { selected[$0] }
            } else {
                ordered = matches.sorted { a, b in scores[a] != scores[b] ? scores[a] > scores[b] : rank[a] < rank[b] }
            }
        } else {
            let rank = titleRanks(of: matches)
            if words.isEmpty || query.order == .title {
                ordered = matches.sorted { rank[$0]! < rank[$1]! }
            } else {
                ordered = matches.sorted { a, b in scores[a] != scores[b] ? scores[a] > scores[b] : rank[a]! < rank[b]! }
            }
        }
        let start = min(max(query.offset, 0), ordered.count)
        let end = query.limit.map { min(start + max($0, 0), ordered.count) } ?? ordered.count
        return SearchResult(total: ordered.count, offset: start, hits: try hits(Array(ordered[start..<end]), scores: scores), facets: facets)
    }

    // MARK: Words

    /// Keeps the datasets that have every word and adds their BM25F scores.
    private func score(_ words: [String], language: String?, selected: inout [Bool], scores: inout [Double]) throws {
        let n = index.datasets.count
        let fieldCount = SearchField.allCases.count
        let languageAllowed = index.languages.map { tag in
            guard let language else { return true }
            return !tag.isEmpty && LanguagePreference.matches(tag, range: language.lowercased())
        }
        let weights = SearchField.allCases.map(\.weight)
        var matchedWords = [Int](repeating: 0, count: n)
        var lastWord = [Int](repeating: -1, count: n)
        var frequencies = [Float](repeating: 0, count: n * fieldCount)
        for (w, word) in words.enumerated() {
            let literals = try store.literalIDs(containing: word, prefix: w == words.count - 1).sorted()
            var touched: [Int] = []
            var entry = 0
            for literal in literals {
                entry = lowerBound(literal, from: entry)
                while entry < index.textLiteral.count && index.textLiteral[entry] == literal {
                    defer { entry += 1 }
                    guard languageAllowed[Int(index.textLanguage[entry])] else { continue }
                    let d = Int(index.textDataset[entry])
                    if lastWord[d] != w {
                        lastWord[d] = w
                        touched.append(d)
                    }
                    frequencies[d * fieldCount + Int(index.textField[entry])] += 1
                }
            }
            let df = Double(touched.count)
            let idf = log(1 + (Double(n) - df + 0.5) / (df + 0.5))
            for d in touched {
                let base = d * fieldCount
                if matchedWords[d] == w {
                    matchedWords[d] = w + 1
                    var tf = 0.0
                    for f in 0..<fieldCount where frequencies[base + f] > 0 {
                        let average = index.averageFieldLengths[f]
                        let norm = average > 0 ? 1 - Self.b + Self.b * Double(index.fieldLengths[base + f]) / average : 1
                        tf += weights[f] * Double(frequencies[base + f]) / norm
                    }
                    scores[d] += idf * tf * (Self.k1 + 1) / (tf + Self.k1)
                }
                for f in 0..<fieldCount { frequencies[base + f] = 0 }
            }
        }
        for d in 0..<n where matchedWords[d] != words.count { selected[d] = false }
    }

    /// The first text entry at or after `from` whose literal is not below `literal`.
    private func lowerBound(_ literal: TermID, from: Int) -> Int {
        var low = from, high = index.textLiteral.count
        while low < high {
            let mid = (low + high) / 2
            if index.textLiteral[mid] < literal { low = mid + 1 } else { high = mid }
        }
        return low
    }

    // MARK: Filters (nil: no filter of that kind; else which values pass)

    private func themeFilter(_ themes: [String]) throws -> [Bool]? {
        guard !themes.isEmpty else { return nil }
        var allowed = [Bool](repeating: false, count: index.values.count)
        for id in try store.termIDs(themes.map { ResourceDescription.term(named: $0) }).compactMap({ $0 }) {
            for concept in index.themes.expansion(of: id) {
                if let v = index.valueIndex(concept) { allowed[v] = true }
            }
        }
        return allowed
    }

    private func publisherFilter(_ publishers: [String]) -> [Bool]? {
        guard !publishers.isEmpty else { return nil }
        let wanted = Set(publishers)
        return index.values.indices.map { v in
            wanted.contains(index.valueNames[v]) || (!index.valueOrgnr[v].isEmpty && wanted.contains(index.valueOrgnr[v]))
        }
    }

    private func formatFilter(_ formats: [String]) -> [Bool]? {
        guard !formats.isEmpty else { return nil }
        let wanted = formats.map { $0.lowercased() }
        return index.values.indices.map { v in
            let name = index.valueNames[v].lowercased()
            if index.valueIsLiteral[v] == 1 {
                let tokens = name.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
                return wanted.contains { $0 == name || tokens.contains($0) }
            }
            return wanted.contains { f in name == f || name.hasSuffix("/" + f) || name.hasSuffix("#" + f) || hasLabel(v, f) }
        }
    }

    private func accessRightsFilter(_ rights: [String]) -> [Bool]? {
        guard !rights.isEmpty else { return nil }
        let wanted = rights.map { $0.lowercased() }
        return index.values.indices.map { v in
            let name = index.valueNames[v].lowercased()
            let last = name.split(whereSeparator: { $0 == "/" || $0 == "#" }).last.map(String.init) ?? name
            return wanted.contains { f in name == f || last == f || hasLabel(v, f) }
        }
    }

    /// True when some label of value `v` is `text` (lower case), case-insensitively.
    private func hasLabel(_ v: Int, _ text: String) -> Bool {
        index.valueLabels[v].contains { $0.text.lowercased() == text }
    }

    // MARK: Facets, order, hits

    private func facetCounts(_ matches: [Int]) -> SearchFacets {
        let lists = FacetKind.allCases.map { kind -> [FacetCount] in
            var counts = [Int](repeating: 0, count: index.values.count)
            var lastDataset = [Int](repeating: -1, count: index.values.count)
            let group = kind == .publisher ? publisherGroup : nil
            index.facets[kind.rawValue].withLists { lists in
                for d in matches {
                    for v in lists.items[lists.range(d)] {
                        let key = group?[Int(v)] ?? Int(v)
                        if lastDataset[key] != d {
                            lastDataset[key] = d
                            counts[key] += 1
                        }
                    }
                }
            }
            return counts.indices.filter { counts[$0] > 0 }
                .map { v in
                    FacetCount(value: index.valueNames[v], label: index.label(ofValue: v, labels)?.text, count: counts[v],
                               orgnr: kind == .publisher && !index.valueOrgnr[v].isEmpty ? index.valueOrgnr[v] : nil)
                }
                .sorted { a, b in
                    a.count != b.count ? a.count > b.count : (a.label ?? a.value, a.value) < (b.label ?? b.value, b.value)
                }
        }
        return SearchFacets(themes: lists[0], publishers: lists[1], formats: lists[2], accessRights: lists[3])
    }

    /// The places of `matches` in title order as this label choice shows the titles
    /// (the stored order breaks ties).
    private func titleRanks(of matches: [Int]) -> [Int: Int] {
        let keys = matches.map { d in (title: index.title(ofDataset: d, labels)?.text.lowercased(), d: d) }
        let sorted = keys.sorted { a, b in
            switch (a.title, b.title) {
            case let (x?, y?): x != y ? x < y : index.titleOrder[a.d] < index.titleOrder[b.d]
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): index.titleOrder[a.d] < index.titleOrder[b.d]
            }
        }
        var rank: [Int: Int] = [:]
        for (i, key) in sorted.enumerated() { rank[key.d] = i }
        return rank
    }

    private func hits(_ page: [Int], scores: [Double]) throws -> [SearchHit] {
        let names = try store.terms(page.map { index.datasets[$0] })
        return page.map { d in
            let title = index.title(ofDataset: d, labels)
            let publisher = index.facets[FacetKind.publisher.rawValue][d].first.map { v in
                let v = Int(v)
                let name = index.label(ofValue: v, labels) ?? index.label(ofValue: publisherGroup[v], labels)
                return Agent(iri: index.valueNames[v], name: name?.text, orgnr: index.valueOrgnr[v].isEmpty ? nil : index.valueOrgnr[v])
            }
            return SearchHit(
                iri: names[index.datasets[d]].flatMap(ResourceDescription.name(of:)) ?? "",
                kind: index.series[d] == 1 ? .series : .dataset,
                title: title?.text,
                titleLanguage: title?.language,
                score: (scores[d] * 10_000).rounded() / 10_000,
                publisher: publisher,
                themes: labelled(index.facets[FacetKind.theme.rawValue][d]),
                formats: labelled(index.facets[FacetKind.format.rawValue][d]),
                accessRights: labelled(index.facets[FacetKind.accessRights.rawValue][d])
            )
        }
    }

    private func labelled(_ values: ArraySlice<Int32>) -> [LabeledTerm] {
        values.map { v -> LabeledTerm in
            let v = Int(v)
            if index.valueIsLiteral[v] == 1 { return LabeledTerm(iri: nil, label: index.valueNames[v]) }
            let label = index.label(ofValue: v, labels)
            return LabeledTerm(iri: index.valueNames[v], label: label?.text, language: label?.language)
        }
        .sorted { ($0.text, $0.iri ?? "") < ($1.text, $1.iri ?? "") }
    }
}
