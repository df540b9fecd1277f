/// The relation of an OAEI Alignment format correspondence (`<relation>` of a `Cell`),
/// written as a symbol or as the Alignment API's relation class name.
public enum OAEIRelation: String, Hashable, Sendable, CaseIterable {
    /// `=`: the two entities are equivalent.
    case equivalence = "="
    /// `<`: entity1 is subsumed by entity2 (entity1 is the narrower one).
    case subsumedBy = "<"
    /// `>`: entity1 subsumes entity2 (entity1 is the broader one).
    case subsumes = ">"
    /// `%`: the two entities are incompatible (disjoint).
    case incompatible = "%"

    /// The relation a `<relation>` text names: a symbol, or a class name such as
    /// `fr.inrialpes.exmo.align.impl.rel.EquivRelation`.
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let relation = OAEIRelation(rawValue: trimmed) {
            self = relation
            return
        }
        let name = trimmed.split(separator: ".").last.map(String.init) ?? trimmed
        switch name {
        case "EquivRelation", "Equivalence": self = .equivalence
        case "SubsumedRelation", "SubsumedBy": self = .subsumedBy
        case "SubsumeRelation", "Subsumes": self = .subsumes
        case "IncompatRelation", "Incompatible": self = .incompatible
        default: return nil
        }
    }

    /// The mapping predicate that says the same from entity1 to entity2:
    /// `skos:exactMatch`; `skos:broadMatch` for `<` (entity2 is broader); `skos:narrowMatch`
    /// for `>`; `owl:disjointWith` for `%`.
    public var predicate: String {
        switch self {
        case .equivalence: MappingPredicate.exactMatch
        case .subsumedBy: MappingPredicate.broadMatch
        case .subsumes: MappingPredicate.narrowMatch
        case .incompatible: MappingPredicate.disjointWith
        }
    }
}
