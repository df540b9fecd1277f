/// Mapping: record mapping specifications (YAML), record readers and writers (CSV, JSON,
/// JSON Lines, XML), RDF output, value maps from alignments, and the streaming executor.
public enum RecordMapping {}
