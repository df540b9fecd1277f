/// A list of suffixes, each with an integer action, searched longest first; the stemmers'
/// "search for the longest among the following suffixes". The suffixes sit in one flat
/// buffer so that a search allocates nothing and retains nothing.
struct SuffixTable: Sendable {
    private let scalars: [Unicode.Scalar]
    private let starts: [Int]
    private let lengths: [Int]
    /// The action of each suffix, in table order.
    let actions: [Int]
    /// The last scalars of all suffixes, for a quick miss.
    private let lastScalars: Set<Unicode.Scalar>

    /// Creates a table from (suffix, action) entries.
    init(_ entries: [(String, Int)]) {
        let sorted = entries
            .map { (ScalarText.scalars($0.0), $0.1) }
            .sorted { $0.0.count > $1.0.count }
        var scalars: [Unicode.Scalar] = []
        var starts: [Int] = []
        var lengths: [Int] = []
        for (suffix, _) in sorted {
            starts.append(scalars.count)
            lengths.append(suffix.count)
            scalars.append(contentsOf: suffix)
        }
        self.scalars = scalars
        self.starts = starts
        self.lengths = lengths
        self.actions = sorted.map(\.1)
        self.lastScalars = Set(sorted.compactMap(\.0.last))
    }

    /// Creates a table whose suffixes all have action 0.
    init(_ suffixes: [String]) {
        self.init(suffixes.map { ($0, 0) })
    }

    /// The longest suffix of `word[..<end]` (all of `word` by default) that starts at or
    /// after `minimumStart`: its table index and length.
    @inline(__always)
    func longestMatch(in word: [Unicode.Scalar], end: Int? = nil, minimumStart: Int = 0) -> (entry: Int, length: Int)? {
        let end = end ?? word.count
        guard end > 0, lastScalars.contains(word[end - 1]) else { return nil }
        return word.withUnsafeBufferPointer { letters in
            scalars.withUnsafeBufferPointer { table in
                for entry in 0..<lengths.count {
                    let length = lengths[entry]
                    let start = end - length
                    guard start >= minimumStart else { continue }
                    let offset = starts[entry]
                    var i = 0
                    while i < length, letters[start + i] == table[offset + i] { i += 1 }
                    if i == length { return (entry, length) }
                }
                return nil
            }
        }
    }
}
