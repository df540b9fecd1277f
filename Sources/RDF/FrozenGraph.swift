/// A read-only graph in compressed sparse rows: triples sorted by subject (then
/// predicate, object) and by predicate (then object, subject), with offset tables over
/// the dense term ids. Pattern look-ups are array slices found by offset and binary
/// search — no hashing, no per-look-up allocation — for engines that read a large graph
/// many times (the SHACL validator). Build it once with `FrozenGraph.Builder`.
public struct FrozenGraph: Sendable {
    public let dictionary: TermDictionary
    /// Triples by subject: `subjectStart[s]..<subjectStart[s+1]` index `spoP`/`spoO`.
    private let subjectStart: [Int]
    private let spoP: [UInt32]
    private let spoO: [UInt32]
    /// Triples by predicate: `predicateStart[p]..<predicateStart[p+1]` index `posO`/`posS`.
    private let predicateStart: [Int]
    private let posO: [UInt32]
    private let posS: [UInt32]
    private let objectFlags: [Bool]
    /// Each term's kind (0 IRI, 1 blank node, 2 literal), so kind checks copy no term.
    private let kinds: [UInt8]

    /// The number of distinct triples.
    public var count: Int { spoP.count }

    /// Collects triples, interning their terms, then freezes them.
    public struct Builder {
        public private(set) var dictionary = TermDictionary()
        private var s: [UInt32] = []
        private var p: [UInt32] = []
        private var o: [UInt32] = []

        public init() {}

        /// Room for about this many distinct terms, so the dictionary does not grow in steps.
        public mutating func reserveCapacity(terms: Int) { dictionary.reserveCapacity(terms) }

        /// The number of terms interned so far (ids below it are taken).
        public var termCount: Int { dictionary.count }

        private var lastSubject: Term?
        private var lastSubjectID: UInt32 = 0

        public mutating func insert(_ t: Triple) {
            // Readers give a subject's triples together: one look-up serves the run.
            if t.subject != lastSubject {
                lastSubject = t.subject
                lastSubjectID = dictionary.intern(t.subject)
            }
            s.append(lastSubjectID)
            p.append(dictionary.intern(t.predicate))
            o.append(dictionary.intern(t.object))
        }

        /// The subjects inserted so far, by id.
        public func subjectIDs() -> Set<UInt32> { Set(s) }

        public func freeze() -> FrozenGraph {
            FrozenGraph(dictionary: dictionary, s: s, p: p, o: o)
        }
    }

    /// A frozen copy of a graph.
    public init(_ graph: Graph) {
        var b = Builder()
        for t in graph.triples { b.insert(t) }
        self = b.freeze()
    }

    private init(dictionary: TermDictionary, s: [UInt32], p: [UInt32], o: [UInt32]) {
        self.dictionary = dictionary
        let n = dictionary.count
        (subjectStart, spoP, spoO) = Self.rows(key: s, first: p, second: o, terms: n)
        (predicateStart, posO, posS) = Self.rows(key: p, first: o, second: s, terms: n)
        var flags = [Bool](repeating: false, count: n)
        for x in posO { flags[Int(x)] = true }
        objectFlags = flags
        var kinds = [UInt8](repeating: 0, count: n)
        for i in 0..<n {
            switch dictionary[UInt32(i)] {
            case .iri: break
            case .blankNode: kinds[i] = 1
            case .literal: kinds[i] = 2
            }
        }
        self.kinds = kinds
    }

    /// The kind of a term: 0 IRI, 1 blank node, 2 literal.
    public func kind(_ id: UInt32) -> UInt8 { kinds[Int(id)] }

    /// Counting sort by `key`, each row sorted by (first, second) and deduplicated.
    private static func rows(key: [UInt32], first: [UInt32], second: [UInt32], terms n: Int)
        -> ([Int], [UInt32], [UInt32]) {
        var start = [Int](repeating: 0, count: n + 1)
        for k in key { start[Int(k) + 1] += 1 }
        for i in 0..<n { start[i + 1] += start[i] }
        var packed = [UInt64](repeating: 0, count: key.count)
        var fill = start
        for i in key.indices {
            let k = Int(key[i])
            packed[fill[k]] = UInt64(first[i]) << 32 | UInt64(second[i])
            fill[k] += 1
        }
        var outStart = [Int](repeating: 0, count: n + 1)
        var a: [UInt32] = []
        var b: [UInt32] = []
        a.reserveCapacity(key.count)
        b.reserveCapacity(key.count)
        packed.withUnsafeMutableBufferPointer { buffer in
            for k in 0..<n {
                outStart[k] = a.count
                var row = UnsafeMutableBufferPointer(rebasing: buffer[start[k]..<start[k + 1]])
                row.sort()
                var previous: UInt64? = nil
                for v in row where v != previous {
                    a.append(UInt32(truncatingIfNeeded: v >> 32))
                    b.append(UInt32(truncatingIfNeeded: v))
                    previous = v
                }
            }
            outStart[n] = a.count
        }
        return (outStart, a, b)
    }

    @inlinable public func id(of term: Term) -> UInt32? { dictionary.id(of: term) }
    @inlinable public func term(_ id: UInt32) -> Term { dictionary[id] }

    /// The range of `keys[lo..<hi]` (sorted) equal to `k`.
    private static func equalRange(_ keys: [UInt32], _ lo: Int, _ hi: Int, _ k: UInt32) -> Range<Int> {
        if hi - lo <= 16 {
            var i = lo
            while i < hi && keys[i] < k { i += 1 }
            var j = i
            while j < hi && keys[j] == k { j += 1 }
            return i..<j
        }
        var l = lo, h = hi
        while l < h { let m = (l + h) / 2; if keys[m] < k { l = m + 1 } else { h = m } }
        var r = l, h2 = hi
        while r < h2 { let m = (r + h2) / 2; if keys[m] <= k { r = m + 1 } else { h2 = m } }
        return l..<r
    }

    private func inDictionary(_ id: UInt32) -> Bool { Int(id) < dictionary.count }

    /// The objects of triples with this subject and predicate, sorted by id.
    public func objectIDs(_ subject: UInt32, _ predicate: UInt32) -> ArraySlice<UInt32> {
        guard inDictionary(subject) else { return [] }
        let r = Self.equalRange(spoP, subjectStart[Int(subject)], subjectStart[Int(subject) + 1], predicate)
        return spoO[r]
    }

    /// The subjects of triples with this predicate and object, sorted by id.
    public func subjectIDs(_ predicate: UInt32, _ object: UInt32) -> ArraySlice<UInt32> {
        guard inDictionary(predicate) else { return [] }
        let r = Self.equalRange(posO, predicateStart[Int(predicate)], predicateStart[Int(predicate) + 1], object)
        return posS[r]
    }

    /// True when the triple is in the graph.
    public func contains(_ subject: UInt32, _ predicate: UInt32, _ object: UInt32) -> Bool {
        objectIDs(subject, predicate).contains(object)
    }

    /// The (predicate, object) pairs of a subject, sorted.
    public func predicateObjectIDs(_ subject: UInt32) -> Zip2Sequence<ArraySlice<UInt32>, ArraySlice<UInt32>> {
        guard inDictionary(subject) else { return zip([], []) }
        let r = subjectStart[Int(subject)]..<subjectStart[Int(subject) + 1]
        return zip(spoP[r], spoO[r])
    }

    /// Every subject of a triple with this predicate.
    public func subjectIDs(withPredicate predicate: UInt32) -> Set<UInt32> {
        guard inDictionary(predicate) else { return [] }
        return Set(posS[predicateStart[Int(predicate)]..<predicateStart[Int(predicate) + 1]])
    }

    /// Every object of a triple with this predicate.
    public func objectIDs(withPredicate predicate: UInt32) -> Set<UInt32> {
        guard inDictionary(predicate) else { return [] }
        return Set(posO[predicateStart[Int(predicate)]..<predicateStart[Int(predicate) + 1]])
    }

    public func isSubject(_ id: UInt32) -> Bool {
        inDictionary(id) && subjectStart[Int(id)] < subjectStart[Int(id) + 1]
    }

    public func isObject(_ id: UInt32) -> Bool { inDictionary(id) && objectFlags[Int(id)] }
}
