/// SHACL Core (W3C Recommendation, 2017): compiles a shapes graph once, validates data
/// graphs against it and renders the validation report as RDF, text, JSON or JUnit.
public enum SHACLModule {}
