import RDF

/// A term as the `term` table's columns: kind, value, datatype, language.
struct TermColumns {
    static let iri: Int64 = 0
    static let blankNode: Int64 = 1
    static let literal: Int64 = 2

    var kind: Int64
    var value: String
    var datatype = ""
    var language = ""

    /// The columns for `term`; blank node labels are prefixed with `scope` (each source
    /// scopes its own labels, so two sources' `_:b0` stay distinct in the store).
    init(_ term: Term, blankScope scope: String = "") {
        switch term {
        case .iri(let iri): kind = Self.iri; value = iri
        case .blankNode(let label): kind = Self.blankNode; value = scope + label
        case .literal(let literal):
            kind = Self.literal
            value = literal.lexicalForm
            datatype = literal.datatype
            language = literal.language ?? ""
        }
    }

    init(kind: Int64, value: String, datatype: String, language: String) {
        self.kind = kind
        self.value = value
        self.datatype = datatype
        self.language = language
    }

    /// True for literals the full-text index holds: plain and language-tagged strings.
    var isText: Bool {
        kind == Self.literal && (datatype == XSD.string || datatype == RDFVocabulary.langString)
    }

    var term: Term {
        switch kind {
        case Self.iri: .iri(value)
        case Self.blankNode: .blankNode(value)
        default:
            language.isEmpty ? .literal(Literal(value, datatype: datatype)) : .literal(Literal(value, language: language))
        }
    }
}
