/// One facade over every RDF syntax: format detection by extension, media type and
/// content, and reading into a sink or a `Dataset` and writing from one.
public enum RDFIOModule {}
