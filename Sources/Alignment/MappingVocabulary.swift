import RDF

/// Mapping predicates that alignments commonly use (SSSOM spec-model, "Allowed and common
/// mapping predicates").
public enum MappingPredicate {
    /// `skos:exactMatch`: interchangeable across a wide range of applications.
    public static let exactMatch = Namespace.skos("exactMatch")
    /// `skos:closeMatch`: interchangeable in some applications.
    public static let closeMatch = Namespace.skos("closeMatch")
    /// `skos:broadMatch`: the object is broader than the subject.
    public static let broadMatch = Namespace.skos("broadMatch")
    /// `skos:narrowMatch`: the object is narrower than the subject.
    public static let narrowMatch = Namespace.skos("narrowMatch")
    /// `skos:relatedMatch`: associated in some unspecified way.
    public static let relatedMatch = Namespace.skos("relatedMatch")
    /// `owl:equivalentClass`.
    public static let equivalentClass = Namespace.owl("equivalentClass")
    /// `owl:equivalentProperty`.
    public static let equivalentProperty = Namespace.owl("equivalentProperty")
    /// `owl:sameAs`.
    public static let sameAs = Namespace.owl("sameAs")
    /// `owl:disjointWith`: how an OAEI `%` (incompatible) correspondence is read.
    public static let disjointWith = Namespace.owl("disjointWith")
    /// `rdfs:subClassOf`: the subject is a subclass of the object.
    public static let subClassOf = Namespace.rdfs("subClassOf")
    /// `rdfs:subPropertyOf`.
    public static let subPropertyOf = Namespace.rdfs("subPropertyOf")

    /// The SKOS mapping properties (`skos:mappingRelation` and its subproperties).
    public static let skosMappingRelations: [String] = [
        exactMatch, closeMatch, broadMatch, narrowMatch, relatedMatch,
    ]

    /// The predicate that says the same with subject and object swapped: broad and narrow
    /// matches and subclass links turn round, symmetric predicates stay; `nil` when there
    /// is no such predicate in these vocabularies.
    public static func inverse(of predicate: String) -> String? {
        switch predicate {
        case broadMatch: narrowMatch
        case narrowMatch: broadMatch
        case exactMatch, closeMatch, relatedMatch, equivalentClass, equivalentProperty, sameAs, disjointWith:
            predicate
        default: nil
        }
    }
}

/// Mapping justifications from the Semantic Mapping Vocabulary (SEMAPV).
public enum MappingJustification {
    /// The SEMAPV namespace, `https://w3id.org/semapv/vocab/`.
    public static let namespace = Namespace(prefix: "semapv", iri: "https://w3id.org/semapv/vocab/")
    /// `semapv:LexicalMatching`.
    public static let lexicalMatching = namespace("LexicalMatching")
    /// `semapv:LexicalSimilarityThresholdMatching`.
    public static let lexicalSimilarityThresholdMatching = namespace("LexicalSimilarityThresholdMatching")
    /// `semapv:ManualMappingCuration`.
    public static let manualMappingCuration = namespace("ManualMappingCuration")
    /// `semapv:MappingReview`.
    public static let mappingReview = namespace("MappingReview")
    /// `semapv:LogicalMatching`.
    public static let logicalMatching = namespace("LogicalMatching")
    /// `semapv:CompositeMatching`.
    public static let compositeMatching = namespace("CompositeMatching")
    /// `semapv:SemanticSimilarityThresholdMatching`.
    public static let semanticSimilarityThresholdMatching = namespace("SemanticSimilarityThresholdMatching")
    /// `semapv:UnspecifiedMatching`: what a mapping read from a format without
    /// justifications (OAEI, SKOS triples) gets.
    public static let unspecifiedMatching = namespace("UnspecifiedMatching")
}

/// Terms of the SSSOM namespace itself.
public enum SSSOMVocabulary {
    /// The SSSOM namespace, `https://w3id.org/sssom/`.
    public static let namespace = Namespace(prefix: "sssom", iri: "https://w3id.org/sssom/")
    /// `sssom:NoTermFound`: stands for the subject or object when there is none to map to.
    public static let noTermFound = namespace("NoTermFound")
}
