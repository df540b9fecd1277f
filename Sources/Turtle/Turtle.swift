/// Readers and writers for the Turtle family — N-Triples and N-Quads now, Turtle and TriG
/// next — over one byte-level lexer, streaming quads to a sink.
public enum TurtleModule {}
