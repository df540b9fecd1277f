import RDF
import Store

/// The text fields of a dataset that search looks in, with their ranking weights.
enum SearchField: Int, CaseIterable {
    case title = 0, keyword = 1, description = 2

    /// BM25F field weight: a word in the title counts most.
    var weight: Double {
        switch self {
        case .title: 3
        case .keyword: 2
        case .description: 1
        }
    }
}

/// What datasets are filtered and counted by.
public enum FacetKind: Int, CaseIterable, Sendable {
    case theme = 0, publisher, format, accessRights
}

/// Lists of small integers, one per dataset, in two arrays (compressed sparse rows).
struct Postings: Equatable {
    /// `offsets[i] ..< offsets[i + 1]` are the items of list `i`.
    var offsets: [Int32]
    var items: [Int32]

    init(offsets: [Int32], items: [Int32]) {
        self.offsets = offsets
        self.items = items
    }

    /// Each list sorted and without repeats.
    init(lists: [[Int32]]) {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(lists.count + 1)
        var items: [Int32] = []
        for list in lists {
            var previous: Int32 = -1
            for item in list.sorted() where item != previous {
                items.append(item)
                previous = item
            }
            offsets.append(Int32(items.count))
        }
        self.init(offsets: offsets, items: items)
    }

    var count: Int { offsets.count - 1 }

    subscript(list: Int) -> ArraySlice<Int32> { items[Int(offsets[list])..<Int(offsets[list + 1])] }

    /// Runs `body` with the lists as buffers: for loops over every dataset, without the
    /// reference counting of array slices.
    func withLists<T>(_ body: (UnsafeLists) throws -> T) rethrows -> T {
        try offsets.withUnsafeBufferPointer { o in
            try items.withUnsafeBufferPointer { i in try body(UnsafeLists(offsets: o, items: i)) }
        }
    }

    /// `Postings` as buffers, valid inside `withLists`.
    struct UnsafeLists {
        let offsets: UnsafeBufferPointer<Int32>
        let items: UnsafeBufferPointer<Int32>

        func range(_ list: Int) -> Range<Int> { Int(offsets[list])..<Int(offsets[list + 1]) }
    }
}

/// A label statement of a facet value, kept so the label can be chosen per request.
struct LabelCandidate: Equatable {
    /// Position of the predicate in `LabelChooser.labelPredicates`.
    var predicateRank: Int
    /// The language tag, "" for none.
    var language: String
    var text: String
}

/// The search index of the datasets in a store: what a query needs, in flat arrays.
///
/// Built from the store in one pass per predicate (`CatalogIndex+Build`), kept in the store
/// as derived data (`CatalogIndex+Encoding`) until a graph changes, and read back in a few
/// milliseconds. Datasets, facet values and languages are numbered densely; term ids tie
/// the index to the store's full-text index and dictionary.
struct CatalogIndex {
    /// The datasets and series (term ids, ascending).
    var datasets: [TermID] = []
    /// 1 for a `dcat:DatasetSeries`.
    var series: [UInt8] = []

    /// The facet values (term ids, ascending): themes, publishers, formats, media types,
    /// access rights.
    var values: [TermID] = []
    /// Each value's IRI, `_:label` or literal text.
    var valueNames: [String] = []
    /// 1 when the value is a literal (a format given as text).
    var valueIsLiteral: [UInt8] = []
    /// Each value's label statements from the store's vocabularies.
    var valueLabels: [[LabelCandidate]] = []
    /// Each publisher's organisation number ("" when none).
    var valueOrgnr: [String] = []

    /// Per `FacetKind`, the value indexes of each dataset.
    var facets: [Postings] = []
    /// The `dct:format` and `dcat:mediaType` values of each dataset's distributions (what
    /// `--format` matches; the format facet shows `dct:format`, else the media type).
    var formatMatches = Postings(lists: [])

    /// Text entries — a literal of a dataset's title, keyword or description — sorted by
    /// literal, in parallel arrays.
    var textLiteral: [TermID] = []
    var textDataset: [Int32] = []
    var textField: [UInt8] = []
    var textLanguage: [UInt16] = []
    /// The tag of each language index (lower case), "" (index 0) for none.
    var languages: [String] = [""]
    /// Words per dataset and field: `fieldLengths[dataset * 3 + field]`.
    var fieldLengths: [Float] = []
    /// The mean of `fieldLengths` per field over all datasets.
    var averageFieldLengths: [Double] = [0, 0, 0]

    /// Each dataset's titles: indexes into `titleLanguage` and `titleOffsets`.
    var titles = Postings(lists: [])
    var titleLanguage: [UInt16] = []
    /// The titles' UTF-8 bytes, one after another: title `t` is
    /// `titleBytes[titleOffsets[t] ..< titleOffsets[t + 1]]` (decoded only when shown).
    var titleBytes: [UInt8] = []
    var titleOffsets: [Int32] = [0]
    /// Each dataset's place in title order (by the default label choice).
    var titleOrder: [Int32] = []

    /// The theme hierarchy, for themes with narrower ones.
    var themes = ThemeIndex(narrower: [:], related: [:])

    /// The dense index of a facet value's term id.
    func valueIndex(_ id: TermID) -> Int? { Self.position(of: id, in: values) }

    static func position(of id: TermID, in sorted: [TermID]) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == id ? low : nil
    }

    /// The chosen label of a facet value.
    func label(ofValue v: Int, _ chooser: LabelChooser) -> (text: String, language: String?)? {
        if valueIsLiteral[v] == 1 { return (valueNames[v], nil) }
        if let mediaType = ResourceDescription.mediaTypeName(valueNames[v]) { return (mediaType, nil) }
        let best = valueLabels[v].filter { LabelChooser.isText($0.literal) }.min { a, b in
            chooser.isBetter(a.literal, rankA: a.predicateRank, than: b.literal, rankB: b.predicateRank)
        }
        return best.map { ($0.text, $0.language.isEmpty ? nil : $0.language) }
    }

    /// The chosen title of a dataset.
    func title(ofDataset d: Int, _ chooser: LabelChooser) -> (text: String, language: String?)? {
        var best: Int?
        var bestRank = Int.max
        for t in titles[d].map(Int.init) {
            let tag = languages[Int(titleLanguage[t])]
            let rank = chooser.rank(language: tag.isEmpty ? nil : tag)
            if rank < bestRank || (rank == bestRank && best.map { titleUTF8(t).lexicographicallyPrecedes(titleUTF8($0)) } == true) {
                best = t
                bestRank = rank
            }
        }
        return best.map { t in
            let tag = languages[Int(titleLanguage[t])]
            return (String(decoding: titleUTF8(t), as: UTF8.self), tag.isEmpty ? nil : tag)
        }
    }

    func titleUTF8(_ t: Int) -> ArraySlice<UInt8> { titleBytes[Int(titleOffsets[t])..<Int(titleOffsets[t + 1])] }
}

extension LabelCandidate {
    var literal: Literal { language.isEmpty ? Literal(text) : Literal(text, language: language) }
}
