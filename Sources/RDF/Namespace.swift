/// A vocabulary namespace: a conventional prefix and the IRI that local names append to.
public struct Namespace: Hashable, Sendable {
    /// The conventional prefix (`dcat`), used by writers when the input names none.
    public let prefix: String
    /// The namespace IRI (`http://www.w3.org/ns/dcat#`).
    public let iri: String

    public init(prefix: String, iri: String) {
        self.prefix = prefix
        self.iri = iri
    }

    /// The IRI of a local name in this namespace: `DCAT.ns("Dataset")`.
    public func callAsFunction(_ localName: String) -> String { iri + localName }

    /// The IRI term of a local name in this namespace.
    public func term(_ localName: String) -> Term { .iri(iri + localName) }

    public static let rdf = Namespace(prefix: "rdf", iri: "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
    public static let rdfs = Namespace(prefix: "rdfs", iri: "http://www.w3.org/2000/01/rdf-schema#")
    public static let xsd = Namespace(prefix: "xsd", iri: "http://www.w3.org/2001/XMLSchema#")
    public static let owl = Namespace(prefix: "owl", iri: "http://www.w3.org/2002/07/owl#")
    public static let skos = Namespace(prefix: "skos", iri: "http://www.w3.org/2004/02/skos/core#")
    public static let skosxl = Namespace(prefix: "skosxl", iri: "http://www.w3.org/2008/05/skos-xl#")
    public static let dcat = Namespace(prefix: "dcat", iri: "http://www.w3.org/ns/dcat#")
    public static let dct = Namespace(prefix: "dct", iri: "http://purl.org/dc/terms/")
    public static let foaf = Namespace(prefix: "foaf", iri: "http://xmlns.com/foaf/0.1/")
    public static let vcard = Namespace(prefix: "vcard", iri: "http://www.w3.org/2006/vcard/ns#")
    public static let adms = Namespace(prefix: "adms", iri: "http://www.w3.org/ns/adms#")
    public static let sh = Namespace(prefix: "sh", iri: "http://www.w3.org/ns/shacl#")
    public static let prov = Namespace(prefix: "prov", iri: "http://www.w3.org/ns/prov#")
    /// EU Publications Office vocabulary (`euvoc:xlDefinition` in SKOS-AP-NO v2).
    public static let euvoc = Namespace(prefix: "euvoc", iri: "http://publications.europa.eu/ontology/euvoc#")
    /// SKOS-AP-NO v2 (Begrepskatalog), Digdir.
    public static let skosno = Namespace(prefix: "skosno", iri: "https://data.norge.no/vocabulary/skosno#")
    /// SKOS-AP-NO v1, the older Difi namespace still found in exports.
    public static let skosnoV1 = Namespace(prefix: "skosno", iri: "http://difi.no/skosno#")
    /// DCAT-AP-NO extensions, Digdir.
    public static let dcatno = Namespace(prefix: "dcatno", iri: "https://data.norge.no/vocabulary/dcatno#")

    /// The namespaces writers may use for prefixes when the input declares none,
    /// in the order they are tried.
    public static let wellKnown: [Namespace] = [
        rdf, rdfs, xsd, owl, skos, skosxl, dcat, dct, foaf, vcard, adms, sh, prov, euvoc, skosno, dcatno,
    ]
}

/// Terms of the RDF namespace that the parsers and writers need.
public enum RDFVocabulary {
    public static let type = Namespace.rdf("type")
    public static let first = Namespace.rdf("first")
    public static let rest = Namespace.rdf("rest")
    public static let `nil` = Namespace.rdf("nil")
    public static let langString = Namespace.rdf("langString")
    public static let xmlLiteral = Namespace.rdf("XMLLiteral")
    public static let statement = Namespace.rdf("Statement")
    public static let subject = Namespace.rdf("subject")
    public static let predicate = Namespace.rdf("predicate")
    public static let object = Namespace.rdf("object")
}

/// XML Schema datatype IRIs used by the parsers and writers.
public enum XSD {
    public static let string = Namespace.xsd("string")
    public static let boolean = Namespace.xsd("boolean")
    public static let integer = Namespace.xsd("integer")
    public static let decimal = Namespace.xsd("decimal")
    public static let double = Namespace.xsd("double")
    public static let date = Namespace.xsd("date")
    public static let dateTime = Namespace.xsd("dateTime")
}
