/// Shared test support.
public enum RDFTestSupport {}
