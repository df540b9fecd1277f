import RDF
import Store

extension CatalogIndex {
    /// Builds the index from every graph of `store` except validation reports: one scan of
    /// the store per predicate the index needs, then the literals and labels it refers to.
    static func build(from store: any QuadStore) throws -> CatalogIndex {
        var index = CatalogIndex()
        index.themes = try ThemeIndex(store: store)
        let names = [DCATTerms.type, DCATTerms.dataset, DCATTerms.datasetSeries, DCATTerms.title, DCATTerms.keyword,
                     DCATTerms.description, DCATTerms.theme, DCATTerms.publisher, DCATTerms.accessRights,
                     DCATTerms.distribution, DCATTerms.format, DCATTerms.mediaType]
        var id: [String: TermID] = [:]
        for (name, found) in zip(names, try store.termIDs(names.map { .iri($0) })) { id[name] = found }
        let reports = try store.graphs().map(\.graph).filter(ResourceDescription.isValidationGraph)
        let excluded = Set(try store.termIDs(reports.map { .iri($0) }).compactMap { $0 })

        // The datasets and series.
        let classes = [id[DCATTerms.dataset], id[DCATTerms.datasetSeries]].compactMap { $0 }
        guard let typeP = id[DCATTerms.type], !classes.isEmpty else {
            index.facets = FacetKind.allCases.map { _ in Postings(lists: []) }
            return index
        }
        var isSeries: [TermID: Bool] = [:]
        for q in try store.idQuads(predicates: [typeP], objects: classes) where !excluded.contains(q.graph) {
            isSeries[q.subject] = isSeries[q.subject] == true || q.object == id[DCATTerms.datasetSeries]
        }
        index.datasets = isSeries.keys.sorted()
        index.series = index.datasets.map { isSeries[$0] == true ? 1 : 0 }
        let count = index.datasets.count
        var position: [TermID: Int32] = [:]
        position.reserveCapacity(count)
        for (i, d) in index.datasets.enumerated() { position[d] = Int32(i) }

        // What the datasets and their distributions say.
        var facetTerms = FacetKind.allCases.map { _ in [[TermID]](repeating: [], count: count) }
        var formatMatchTerms = [[TermID]](repeating: [], count: count)
        var entries: [(literal: TermID, dataset: Int32, field: UInt8)] = []
        var datasetsOfDistribution: [TermID: [Int32]] = [:]
        var distributionStatements: [IDQuad] = []
        var fields: [TermID: SearchField] = [:]
        for (name, field) in [(DCATTerms.title, SearchField.title), (DCATTerms.keyword, .keyword), (DCATTerms.description, .description)] {
            if let p = id[name] { fields[p] = field }
        }
        var facetOf: [TermID: FacetKind] = [:]
        for (name, kind) in [(DCATTerms.theme, FacetKind.theme), (DCATTerms.publisher, .publisher), (DCATTerms.accessRights, .accessRights)] {
            if let p = id[name] { facetOf[p] = kind }
        }
        let predicates = names.dropFirst(3).compactMap { id[$0] }
        for q in try store.idQuads(predicates: predicates, objects: nil) where !excluded.contains(q.graph) {
            guard let d = position[q.subject] else {
                if q.predicate != id[DCATTerms.distribution] { distributionStatements.append(q) }
                continue
            }
            if let field = fields[q.predicate] {
                entries.append((q.object, d, UInt8(field.rawValue)))
            } else if let kind = facetOf[q.predicate] {
                facetTerms[kind.rawValue][Int(d)].append(q.object)
            } else if q.predicate == id[DCATTerms.distribution] {
                datasetsOfDistribution[q.object, default: []].append(d)
            }
        }
        var formats: [TermID: [TermID]] = [:], mediaTypes: [TermID: [TermID]] = [:], access: [TermID: [TermID]] = [:]
        for q in distributionStatements where datasetsOfDistribution[q.subject] != nil {
            if q.predicate == id[DCATTerms.format] {
                formats[q.subject, default: []].append(q.object)
            } else if q.predicate == id[DCATTerms.mediaType] {
                mediaTypes[q.subject, default: []].append(q.object)
            } else if q.predicate == id[DCATTerms.accessRights] {
                access[q.subject, default: []].append(q.object)
            }
        }
        let ownAccess = facetTerms[FacetKind.accessRights.rawValue].map { !$0.isEmpty }
        for (distribution, datasets) in datasetsOfDistribution {
            let shown = formats[distribution] ?? mediaTypes[distribution] ?? []
            let matched = (formats[distribution] ?? []) + (mediaTypes[distribution] ?? [])
            for d in datasets.map(Int.init) {
                facetTerms[FacetKind.format.rawValue][d] += shown
                formatMatchTerms[d] += matched
                // A dataset without access rights of its own has its distributions'.
                if !ownAccess[d] { facetTerms[FacetKind.accessRights.rawValue][d] += access[distribution] ?? [] }
            }
        }

        try index.addText(entries, from: store)
        try index.addValues(facetTerms: facetTerms, formatMatchTerms: formatMatchTerms, from: store, excluding: excluded)
        index.orderTitles()
        return index
    }

    /// Fills the text entries, field lengths and titles from the literals the datasets use.
    private mutating func addText(_ raw: [(literal: TermID, dataset: Int32, field: UInt8)], from store: any QuadStore) throws {
        let literals = try store.terms(raw.map(\.literal))
        var sorted = raw.sorted { ($0.literal, $0.dataset, $0.field) < ($1.literal, $1.dataset, $1.field) }
        sorted = sorted.enumerated().filter { i, e in
            i == 0 || (e.literal, e.dataset, e.field) != (sorted[i - 1].literal, sorted[i - 1].dataset, sorted[i - 1].field)
        }.map(\.element)
        var languageIndex: [String: UInt16] = ["": 0]
        var lengths: [TermID: Int] = [:]
        var titleLists = [[Int32]](repeating: [], count: datasets.count)
        fieldLengths = [Float](repeating: 0, count: datasets.count * SearchField.allCases.count)
        for e in sorted {
            guard case .literal(let literal)? = literals[e.literal],
                  literal.datatype == XSD.string || literal.datatype == RDFVocabulary.langString else { continue }
            let tag = literal.language?.lowercased() ?? ""
            let language: UInt16
            if let known = languageIndex[tag] {
                language = known
            } else {
                language = UInt16(languages.count)
                languages.append(tag)
                languageIndex[tag] = language
            }
            let length: Int
            if let known = lengths[e.literal] {
                length = known
            } else {
                length = TextWords.count(literal.lexicalForm)
                lengths[e.literal] = length
            }
            textLiteral.append(e.literal)
            textDataset.append(e.dataset)
            textField.append(e.field)
            textLanguage.append(language)
            fieldLengths[Int(e.dataset) * SearchField.allCases.count + Int(e.field)] += Float(length)
            if e.field == UInt8(SearchField.title.rawValue) {
                titleLists[Int(e.dataset)].append(Int32(titleLanguage.count))
                titleBytes += literal.lexicalForm.utf8
                titleOffsets.append(Int32(titleBytes.count))
                titleLanguage.append(language)
            }
        }
        titles = Postings(lists: titleLists)
        let fieldCount = SearchField.allCases.count
        averageFieldLengths = (0..<fieldCount).map { f in
            guard !datasets.isEmpty else { return 0 }
            return stride(from: f, to: fieldLengths.count, by: fieldCount).reduce(0.0) { $0 + Double(fieldLengths[$1]) } / Double(datasets.count)
        }
    }

    /// Numbers the facet values, reads their names and label statements, and fills the facets.
    private mutating func addValues(facetTerms: [[[TermID]]], formatMatchTerms: [[TermID]], from store: any QuadStore,
                                    excluding excluded: Set<TermID>) throws {
        var all = Set<TermID>()
        for lists in facetTerms { for list in lists { all.formUnion(list) } }
        for list in formatMatchTerms { all.formUnion(list) }
        values = all.sorted()
        let terms = try store.terms(values)
        valueNames = values.map { terms[$0].map { ResourceDescription.name(of: $0) ?? $0.literalValue?.lexicalForm ?? "" } ?? "" }
        valueIsLiteral = values.map { terms[$0]?.isLiteral == true ? 1 : 0 }

        let labelIDs = try store.termIDs(LabelChooser.labelPredicates.map { .iri($0) })
        var rankOf: [TermID: Int] = [:]
        for (rank, found) in labelIDs.enumerated() { if let found { rankOf[found] = rank } }
        let resources = values.enumerated().filter { valueIsLiteral[$0.offset] == 0 }.map(\.element)
        let statements = rankOf.isEmpty ? [] : try store.idQuads(subjects: resources, predicates: Array(rankOf.keys))
            .filter { !excluded.contains($0.graph) }
        let literals = try store.terms(statements.map(\.object))
        var candidates: [TermID: Set<LabelKey>] = [:]
        for q in statements {
            guard case .literal(let l)? = literals[q.object], let rank = rankOf[q.predicate] else { continue }
            candidates[q.subject, default: []].insert(LabelKey(rank: rank, language: l.language ?? "", text: l.lexicalForm))
        }
        valueLabels = values.map { v in
            (candidates[v] ?? []).sorted().map { LabelCandidate(predicateRank: $0.rank, language: $0.language, text: $0.text) }
        }
        let identifierRanks = Set([DCATTerms.identifier, DCATTerms.dcIdentifier].map(LabelChooser.predicateRank))
        valueOrgnr = values.indices.map { v in
            let identifiers = valueLabels[v].filter { identifierRanks.contains($0.predicateRank) }.map(\.text)
            let iri = valueIsLiteral[v] == 0 && !valueNames[v].hasPrefix("_:") ? [valueNames[v]] : []
            return (identifiers + iri).lazy.compactMap(Agent.orgnr(in:)).first ?? ""
        }

        var position: [TermID: Int32] = [:]
        for (i, v) in values.enumerated() { position[v] = Int32(i) }
        facets = facetTerms.map { lists in Postings(lists: lists.map { $0.compactMap { position[$0] } }) }
        formatMatches = Postings(lists: formatMatchTerms.map { $0.compactMap { position[$0] } })
    }

    /// Ranks the datasets by title as the default label choice shows it, case-insensitively;
    /// datasets without a title come last.
    private mutating func orderTitles() {
        let chooser = LabelChooser()
        let keys = datasets.indices.map { d in title(ofDataset: d, chooser)?.text.lowercased() }
        let order = datasets.indices.sorted { a, b in
            switch (keys[a], keys[b]) {
            case let (x?, y?): x != y ? x < y : datasets[a] < datasets[b]
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): datasets[a] < datasets[b]
            }
        }
        titleOrder = [Int32](repeating: 0, count: datasets.count)
        for (rank, d) in order.enumerated() { titleOrder[d] = Int32(rank) }
    }
}

/// A label statement while building: ordered so the stored candidates are in a stable order.
private struct LabelKey: Hashable, Comparable {
    var rank: Int
    var language: String
    var text: String

    static func < (a: LabelKey, b: LabelKey) -> Bool { (a.rank, a.language, a.text) < (b.rank, b.language, b.text) }
}
