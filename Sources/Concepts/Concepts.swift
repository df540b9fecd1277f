/// Concepts: SKOS, SKOS-XL, SKOS-AP-NO (v1 and v2) and OWL class hierarchies read as concept
/// schemes, concepts and collections with labels by language, definitions and hierarchy.
