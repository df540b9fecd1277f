/// Word-level synonyms learnt from the vocabularies themselves: two labels of one concept
/// that differ in a single modifier (`gastric mucosa` and `stomach mucosa`) make those words
/// interchangeable elsewhere (`gastric`~`stomach`) once at least two concepts show it.
/// Nothing is built in, so it adapts to each pair of vocabularies.
struct WordSynonyms: Sendable {
    private var pairs: Set<String> = []
    /// Concepts that must show a word pair before it counts.
    static let minimumEvidence = 2

    init(_ tables: [LabelTable]) {
        var evidence: [String: Int] = [:]
        for table in tables {
            for entries in table.entriesOf where entries.count > 1 {
                let stems = entries.map { table.entries[$0].label.stems }
                var found: Set<String> = []
                for i in stems.indices {
                    for j in stems.indices where j > i && stems[i].count == stems[j].count && stems[i].count > 1 {
                        var differing: [(String, String)] = []
                        for (x, y) in zip(stems[i], stems[j]) where x != y { differing.append((x, y)) }
                        // Only modifiers: a different last word (the head) is a different
                        // kind of thing named in passing (`cone cell`, `cone (eye)`).
                        if stems[i].last != stems[j].last { continue }
                        if differing.count == 1 { found.insert(Self.key(differing[0].0, differing[0].1)) }
                    }
                }
                for pair in found { evidence[pair, default: 0] += 1 }
            }
        }
        pairs = Set(evidence.filter { $0.value >= Self.minimumEvidence }.keys)
    }

    /// How many word pairs were learnt.
    var count: Int { pairs.count }

    func areSynonyms(_ x: String, _ y: String) -> Bool { pairs.contains(Self.key(x, y)) }

    private static func key(_ x: String, _ y: String) -> String { x < y ? x + "\u{1}" + y : y + "\u{1}" + x }
}
