/// The RDF/XML reader (a state stack over libxml2's SAX2 push parser) and writer.
public enum RDFXMLModule {}
