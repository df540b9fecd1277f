import Store

extension CatalogIndex {
    /// The name the index is kept under as the store's derived data; the version changes
    /// whenever the layout does, so an old index is rebuilt instead of misread.
    static let derivedDataName = "catalog-search-index/4"
    private static let magic = "samsvar catalog search index"
    /// Written as raw bytes: reads back as this number only in the byte order it was written in.
    private static let byteOrderMark: UInt32 = 0x0102_0304

    /// The index as bytes.
    func encoded() -> [UInt8] {
        var w = ByteWriter()
        w.write(Self.magic)
        w.write(array: [Self.byteOrderMark])
        w.write(array: datasets.map(\.rawValue))
        w.write(array: series)
        w.write(array: values.map(\.rawValue))
        w.write(strings: valueNames)
        w.write(array: valueIsLiteral)
        w.write(array: valueLabels.map { Int32($0.count) })
        let labels = valueLabels.flatMap { $0 }
        w.write(array: labels.map { UInt8($0.predicateRank) })
        w.write(strings: labels.map(\.language))
        w.write(strings: labels.map(\.text))
        w.write(strings: valueOrgnr)
        w.write(Int64(facets.count))
        for f in facets { w.write(f) }
        w.write(formatMatches)
        w.write(array: textLiteral.map(\.rawValue))
        w.write(array: textDataset)
        w.write(array: textField)
        w.write(array: textLanguage)
        w.write(strings: languages)
        w.write(array: fieldLengths)
        w.write(array: averageFieldLengths)
        w.write(titles)
        w.write(array: titleLanguage)
        w.write(array: titleBytes)
        w.write(array: titleOffsets)
        w.write(array: titleOrder)
        Self.write(themes.narrower, &w)
        Self.write(themes.related, &w)
        return w.bytes
    }

    /// Reads an index written by `encoded()`; throws `ByteReader.Malformed` for anything else.
    init(decoding bytes: UnsafeRawBufferPointer) throws {
        var r = ByteReader(bytes)
        guard try r.readString() == Self.magic, try r.readArray(UInt32.self) == [Self.byteOrderMark] else {
            throw ByteReader.Malformed()
        }
        self.init()
        datasets = try r.readArray(Int64.self).map(TermID.init(rawValue:))
        series = try r.readArray()
        values = try r.readArray(Int64.self).map(TermID.init(rawValue:))
        valueNames = try r.readStrings()
        valueIsLiteral = try r.readArray()
        let labelCounts: [Int32] = try r.readArray()
        let ranks: [UInt8] = try r.readArray()
        let labelLanguages = try r.readStrings()
        let labelTexts = try r.readStrings()
        guard labelCounts.count == values.count, labelCounts.allSatisfy({ $0 >= 0 }),
              labelCounts.reduce(0, { $0 + Int($1) }) == ranks.count,
              labelLanguages.count == ranks.count, labelTexts.count == ranks.count else { throw ByteReader.Malformed() }
        var start = 0
        valueLabels = labelCounts.map { n in
            defer { start += Int(n) }
            return (start..<start + Int(n)).map { LabelCandidate(predicateRank: Int(ranks[$0]), language: labelLanguages[$0], text: labelTexts[$0]) }
        }
        valueOrgnr = try r.readStrings()
        let facetCount = try r.read(Int64.self)
        guard facetCount == Int64(FacetKind.allCases.count) else { throw ByteReader.Malformed() }
        facets = try FacetKind.allCases.map { _ in try r.readPostings(lists: datasets.count, values: values.count) }
        formatMatches = try r.readPostings(lists: datasets.count, values: values.count)
        textLiteral = try r.readArray(Int64.self).map(TermID.init(rawValue:))
        textDataset = try r.readArray()
        textField = try r.readArray()
        textLanguage = try r.readArray()
        languages = try r.readStrings()
        fieldLengths = try r.readArray()
        averageFieldLengths = try r.readArray()
        titles = try r.readPostings(lists: datasets.count, values: Int(Int32.max))
        titleLanguage = try r.readArray()
        titleBytes = try r.readArray()
        titleOffsets = try r.readArray()
        titleOrder = try r.readArray()
        themes = ThemeIndex(narrower: try Self.readMap(&r), related: try Self.readMap(&r))
        guard r.isAtEnd, isConsistent else { throw ByteReader.Malformed() }
    }

    /// True when every array has the length and every number the range the others imply.
    private var isConsistent: Bool {
        let n = datasets.count, fields = SearchField.allCases.count
        return series.count == n && valueNames.count == values.count && valueIsLiteral.count == values.count
            && valueOrgnr.count == values.count
            && textDataset.count == textLiteral.count && textField.count == textLiteral.count
            && textLanguage.count == textLiteral.count
            && textDataset.allSatisfy { $0 >= 0 && Int($0) < n } && textField.allSatisfy { Int($0) < fields }
            && textLanguage.allSatisfy { Int($0) < languages.count }
            && fieldLengths.count == n * fields && averageFieldLengths.count == fields
            && titleOffsets.count == titleLanguage.count + 1 && titleOffsets.first == 0
            && Int(titleOffsets.last ?? -1) == titleBytes.count && zip(titleOffsets, titleOffsets.dropFirst()).allSatisfy { $0 <= $1 }
            && titles.items.allSatisfy { Int($0) < titleLanguage.count }
            && titleLanguage.allSatisfy { Int($0) < languages.count }
            && titleOrder.count == n && titleOrder.allSatisfy { $0 >= 0 && Int($0) < n }
    }

    /// A map of term ids to lists of them: the keys, the offsets of their lists, the lists.
    private static func write(_ map: [TermID: [TermID]], _ w: inout ByteWriter) {
        let keys = map.keys.sorted()
        var offsets: [Int32] = [0]
        var items: [Int64] = []
        for key in keys {
            items += map[key, default: []].map(\.rawValue)
            offsets.append(Int32(items.count))
        }
        w.write(array: keys.map(\.rawValue))
        w.write(array: offsets)
        w.write(array: items)
    }

    private static func readMap(_ r: inout ByteReader) throws -> [TermID: [TermID]] {
        let keys: [Int64] = try r.readArray()
        let offsets: [Int32] = try r.readArray()
        let items: [Int64] = try r.readArray()
        guard offsets.count == keys.count + 1, offsets.first == 0, Int(offsets.last ?? -1) == items.count,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw ByteReader.Malformed() }
        var map: [TermID: [TermID]] = [:]
        for (i, key) in keys.enumerated() {
            map[TermID(rawValue: key)] = items[Int(offsets[i])..<Int(offsets[i + 1])].map(TermID.init(rawValue:))
        }
        return map
    }
}
