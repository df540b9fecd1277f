/// A join source read into memory and indexed by its key (the build side of a hash join).
struct ExecutorJoin: Sendable {
    let spec: MappingSpecJoin
    /// The file read, as given, for messages.
    let file: String
    private let index: [String: [RecordValue]]

    /// Reads every record of `reader` and indexes it by the join's `on` paths.
    init(spec: MappingSpecJoin, file: String, reader: inout some RecordReader) throws {
        self.spec = spec
        self.file = file
        var index: [String: [RecordValue]] = [:]
        while let (record, _) = try reader.next() {
            for key in Self.keys(spec.on, in: record) { index[key, default: []].append(record) }
        }
        self.index = index
    }

    /// The key texts the paths give in `record`: one per combination of their values
    /// (usually one); none when a path has no value.
    static func keys(_ paths: [ExpressionPath], in record: RecordValue) -> [String] {
        var keys = [""]
        for (i, path) in paths.enumerated() {
            let texts = path.values(in: record).flatMap(ExpressionValue.items).compactMap(ExpressionValue.text)
            if texts.isEmpty { return [] }
            keys = keys.flatMap { k in texts.map { i == 0 ? $0 : k + "\u{1F}" + $0 } }
            if keys.count > 1_000 { return Array(keys.prefix(1_000)) }
        }
        return keys
    }

    /// `record` with the matching records under the join's name; throws a rejection when
    /// the join requires a match and there is none, or wants one and there are several.
    func apply(to record: RecordValue) throws(ExpressionRejection) -> RecordValue {
        guard case .object(var members) = record else {
            throw ExpressionRejection("join '\(spec.name)': the record is not an object")
        }
        let keys = Self.keys(spec.key, in: record)
        var matches: [RecordValue] = []
        for key in keys { matches.append(contentsOf: index[key] ?? []) }
        let value: RecordValue
        if matches.isEmpty {
            if spec.required {
                throw ExpressionRejection(keys.isEmpty
                    ? "join '\(spec.name)': the record has no key (\(spec.key.map(\.text).joined(separator: ", ")))"
                    : "join '\(spec.name)': no record in \(file) has the key '\(keys[0].replacingOccurrences(of: "\u{1F}", with: ", "))'")
            }
            value = spec.matchAll ? .array([]) : .null
        } else if spec.matchAll {
            value = .array(matches)
        } else if matches.count > 1 {
            throw ExpressionRejection("join '\(spec.name)': \(matches.count) records in \(file) have the key '\(keys[0].replacingOccurrences(of: "\u{1F}", with: ", "))' (use match: all to take them all)")
        } else {
            value = matches[0]
        }
        members.removeAll { $0.name == spec.name }
        members.append(RecordMember(spec.name, value))
        return .object(members)
    }
}
