/// Interns terms to dense integer ids, so graphs store and index small integers.
public struct TermDictionary: Sendable {
    private var terms: [Term] = []
    private var ids: [Term: UInt32] = [:]

    public init() {}

    /// The number of distinct terms interned.
    public var count: Int { terms.count }

    /// The id of a term, interning it if it is new.
    public mutating func intern(_ term: Term) -> UInt32 {
        if let id = ids[term] { return id }
        let id = UInt32(terms.count)
        terms.append(term)
        ids[term] = id
        return id
    }

    /// The id of a term if it has been interned.
    public func id(of term: Term) -> UInt32? { ids[term] }

    /// The term for an id.
    public subscript(id: UInt32) -> Term { terms[Int(id)] }
}
