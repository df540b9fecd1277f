/// The RDF data model: terms, triples and quads, IRI resolution, in-memory graphs and
/// datasets with isomorphism, and the vocabulary namespaces Samsvar works with.
///
/// Every syntax module (`Turtle`, `RDFXML`, …) produces and consumes these types.
public enum RDFModule {}
