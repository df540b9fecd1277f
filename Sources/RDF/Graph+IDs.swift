/// Access to a graph by term id, for engines (the SHACL validator) that walk the graph
/// many times and should not hash term strings on every step. Ids are those of
/// `dictionary`; they are stable for the life of the graph value.
extension Graph {
    /// The id of a term, if the graph mentions it.
    @inlinable public func id(of term: Term) -> UInt32? { dictionary.id(of: term) }

    /// The term with this id.
    @inlinable public func term(_ id: UInt32) -> Term { dictionary[id] }

    /// The objects of triples with this subject and predicate.
    public func objectIDs(_ subject: UInt32, _ predicate: UInt32) -> Set<UInt32> {
        spo[subject]?[predicate] ?? []
    }

    /// The subjects of triples with this predicate and object.
    public func subjectIDs(_ predicate: UInt32, _ object: UInt32) -> Set<UInt32> {
        pos[predicate]?[object] ?? []
    }

    /// The predicates used with this subject, each with its objects.
    public func predicateObjectIDs(_ subject: UInt32) -> [UInt32: Set<UInt32>] {
        spo[subject] ?? [:]
    }

    /// True when the triple (by ids) is in the graph.
    public func contains(_ subject: UInt32, _ predicate: UInt32, _ object: UInt32) -> Bool {
        spo[subject]?[predicate]?.contains(object) ?? false
    }

    /// Every subject of a triple with this predicate.
    public func subjectIDs(withPredicate predicate: UInt32) -> Set<UInt32> {
        var result = Set<UInt32>()
        for (_, subjects) in pos[predicate] ?? [:] { result.formUnion(subjects) }
        return result
    }

    /// Every object of a triple with this predicate.
    public func objectIDs(withPredicate predicate: UInt32) -> Set<UInt32> {
        Set((pos[predicate] ?? [:]).keys)
    }

    /// The ids of every term that is the subject of some triple.
    public var subjectIDs: Set<UInt32> { Set(spo.keys) }

    /// True when the term is the subject of some triple.
    public func isSubject(_ id: UInt32) -> Bool { spo[id] != nil }

    /// True when the term is the object of some triple.
    public func isObject(_ id: UInt32) -> Bool { osp[id] != nil }
}
