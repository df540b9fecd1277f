/// Interns terms to dense integer ids, so graphs store and index small integers.
public struct TermDictionary: Sendable {
    private var terms: [Term] = []
    private var ids: [Term: UInt32] = [:]

    public init() {}

    /// Makes room for `n` terms.
    public mutating func reserveCapacity(_ n: Int) {
        terms.reserveCapacity(n)
        ids.reserveCapacity(n)
    }

    /// The number of distinct terms interned.
    public var count: Int { terms.count }

    /// The id of a term, interning it if it is new.
    public mutating func intern(_ term: Term) -> UInt32 {
        // One hash look-up: the subscript's default inserts the next id when the term is new.
        let next = UInt32(terms.count)
        let id = Self.read(&ids[term, default: next])
        if id == next { terms.append(term) }
        return id
    }

    @inline(__always) private static func read(_ value: inout UInt32) -> UInt32 { value }

    /// The id of a term if it has been interned.
    public func id(of term: Term) -> UInt32? { ids[term] }

    /// The term for an id.
    public subscript(id: UInt32) -> Term { terms[Int(id)] }
}
