/// Hints for the writer of a mapping, from the first records of an input: a field read by a
/// plain path that is empty in every one of them is most likely a misspelt path (paths that
/// reach nothing are not errors, so nothing else would say so).
public enum MappingDiagnostics {
    /// The fields (name and path) whose `path:` reached no value in any of the first `sample`
    /// records of `input`, and how many records were looked at. Fields with `when:` are left out (they may be meant to be empty),
    /// and so is a mapping with joins (its paths may read the joined records). Empty when the
    /// input cannot be read: the run itself reports that.
    public static func emptyPathFields(_ spec: MappingSpec, input: String, sample: Int = 100)
        -> (records: Int, fields: [(field: String, path: String)]) {
        guard spec.joins.isEmpty, input != "-" else { return (0, []) }
        let candidates = spec.fields.enumerated().compactMap { i, field -> (Int, String, String)? in
            guard field.when == nil, case .path(let path) = field.value else { return nil }
            return (i, field.name, path.text)
        }
        guard !candidates.isEmpty, var reader = try? MappingExecutor.openFile(spec.source, input) else { return (0, []) }
        var unseen = Set(candidates.map(\.0))
        var read = 0
        while read < sample, !unseen.isEmpty, let next = try? reader.next() {
            read += 1
            let context = ExpressionContext(record: next.0, fields: [], maps: [])
            for i in unseen {
                if let value = try? spec.fields[i].value.evaluate(context), !ExpressionValue.isEmpty(value) {
                    unseen.remove(i)
                }
            }
        }
        guard read > 0 else { return (0, []) }
        return (read, candidates.filter { unseen.contains($0.0) }.map { ($0.1, $0.2) })
    }
}
