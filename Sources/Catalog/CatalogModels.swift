/// A value that points at a resource (a theme, a format, a licence) or is plain text (a
/// format given as `"CSV"`), with the label chosen for it.
public struct LabeledTerm: Sendable, Hashable, Codable {
    /// The IRI (`_:label` for a blank node); nil for a literal value.
    public var iri: String?
    /// The label chosen by language preference from the store's vocabularies, or the
    /// literal's text; nil when the store has no label for the IRI.
    public var label: String?
    /// The language tag of the label, when it has one.
    public var language: String?

    public init(iri: String?, label: String?, language: String? = nil) {
        self.iri = iri
        self.label = label
        self.language = language
    }

    /// What to show: the label, else the IRI.
    public var text: String { label ?? iri ?? "" }
}

/// An organisation or person: a publisher or creator.
public struct Agent: Sendable, Hashable, Codable {
    /// The IRI (`_:label` for a blank node).
    public var iri: String?
    /// `foaf:name` (or another label) by language preference.
    public var name: String?
    /// The Norwegian organisation number: a nine-digit `dct:identifier`, else the nine
    /// digits the IRI ends with (`…/enheter/991825827`).
    public var orgnr: String?

    public init(iri: String?, name: String?, orgnr: String?) {
        self.iri = iri
        self.name = name
        self.orgnr = orgnr
    }

    /// The organisation number in an identifier or IRI: its last nine characters, when they
    /// are digits not preceded by a digit (spaces inside a bare number are ignored).
    public static func orgnr(in text: String) -> String? {
        let compact = text.allSatisfy({ $0.isNumber || $0 == " " }) ? text.replacingOccurrences(of: " ", with: "") : text
        let bytes = Array(compact.utf8)
        guard bytes.count >= 9 else { return nil }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let tail = bytes[(bytes.count - 9)...]
        guard tail.allSatisfy(isDigit) else { return nil }
        if bytes.count > 9 && isDigit(bytes[bytes.count - 10]) { return nil }
        return String(decoding: tail, as: UTF8.self)
    }
}

/// A `vcard:Kind` contact point.
public struct ContactPoint: Sendable, Hashable, Codable {
    /// `vcard:fn`, else `vcard:hasOrganizationName` / `organization-name`, by language preference.
    public var name: String?
    /// `vcard:organization-unit`.
    public var organizationUnit: String?
    /// The address of `vcard:hasEmail`, without `mailto:`.
    public var email: String?
    /// The number of `vcard:hasTelephone`, without `tel:`.
    public var telephone: String?
    /// `vcard:hasURL`.
    public var url: String?

    public init(name: String? = nil, organizationUnit: String? = nil, email: String? = nil, telephone: String? = nil, url: String? = nil) {
        self.name = name
        self.organizationUnit = organizationUnit
        self.email = email
        self.telephone = telephone
        self.url = url
    }
}

/// A `dct:PeriodOfTime`: start and end dates as written (either may be missing).
public struct PeriodOfTime: Sendable, Hashable, Codable {
    public var start: String?
    public var end: String?

    public init(start: String?, end: String?) {
        self.start = start
        self.end = end
    }
}

/// A `dcat:Distribution`: one form a dataset is available in.
public struct DistributionView: Sendable, Hashable, Codable {
    /// The IRI (`_:label` for a blank node).
    public var iri: String
    public var title: String?
    public var description: String?
    /// `dct:format`: file types (EU authority table IRIs) or text.
    public var formats: [LabeledTerm]
    /// `dcat:mediaType` (IANA).
    public var mediaTypes: [LabeledTerm]
    public var accessURLs: [String]
    public var downloadURLs: [String]
    public var licence: LabeledTerm?
    public var accessRights: LabeledTerm?
    public var byteSize: String?
    public var issued: String?
    public var modified: String?
    public var conformsTo: [LabeledTerm]
    /// `dcat:accessService`: the data services giving access.
    public var accessServices: [LabeledTerm]
}

/// A `dcat:Dataset` or `dcat:DatasetSeries`, with what a catalogue page shows of it.
public struct DatasetView: Sendable, Hashable, Codable {
    /// A dataset or a dataset series.
    public enum Kind: String, Sendable, Hashable, Codable {
        case dataset, series
    }

    /// The IRI (`_:label` for a blank node).
    public var iri: String
    public var kind: Kind
    public var title: String?
    /// The language tag of the title chosen.
    public var titleLanguage: String?
    public var description: String?
    public var identifiers: [String]
    public var publisher: Agent?
    public var creators: [Agent]
    /// `dcat:theme`, labelled from the vocabularies (EU data themes, LOS, EuroVoc …).
    public var themes: [LabeledTerm]
    /// `dcat:keyword` in the best language present.
    public var keywords: [String]
    public var accessRights: LabeledTerm?
    public var languages: [LabeledTerm]
    public var spatial: [LabeledTerm]
    public var temporal: [PeriodOfTime]
    public var issued: String?
    public var modified: String?
    public var frequency: LabeledTerm?
    /// `dct:type` (the EU dataset-type table).
    public var types: [LabeledTerm]
    public var conformsTo: [LabeledTerm]
    public var landingPages: [String]
    public var contactPoints: [ContactPoint]
    public var distributions: [DistributionView]
    /// The series this dataset is in (`dcat:inSeries`).
    public var inSeries: [LabeledTerm]
    /// For a series: the datasets that say they are in it.
    public var seriesMembers: [LabeledTerm]
    /// The catalogues listing this dataset (`dcat:dataset`).
    public var catalogs: [LabeledTerm]
    /// The graphs (harvested sources) the description comes from.
    public var graphs: [String]

    /// The licences of the distributions, each once, in order of first use.
    public var licences: [LabeledTerm] {
        var seen = Set<LabeledTerm>()
        return distributions.compactMap(\.licence).filter { seen.insert($0).inserted }
    }
}

/// A `dcat:DataService`: an API or other service giving access to data.
public struct DataServiceView: Sendable, Hashable, Codable {
    public var iri: String
    public var title: String?
    public var description: String?
    public var publisher: Agent?
    public var endpointURLs: [String]
    public var endpointDescriptions: [String]
    /// `dcat:servesDataset`, labelled by the datasets' titles.
    public var servesDatasets: [LabeledTerm]
    public var themes: [LabeledTerm]
    public var keywords: [String]
    public var formats: [LabeledTerm]
    public var accessRights: LabeledTerm?
    public var licence: LabeledTerm?
    public var contactPoints: [ContactPoint]
    public var landingPages: [String]
    public var graphs: [String]
}

/// A `dcat:Catalog`.
public struct CatalogView: Sendable, Hashable, Codable {
    public var iri: String
    public var title: String?
    public var description: String?
    public var publisher: Agent?
    public var homepage: String?
    public var themeTaxonomies: [LabeledTerm]
    public var languages: [LabeledTerm]
    public var licence: LabeledTerm?
    public var issued: String?
    public var modified: String?
    /// The IRIs of the datasets and series it lists (`dcat:dataset`), sorted.
    public var datasets: [String]
    /// The IRIs of its data services (`dcat:service`), sorted.
    public var dataServices: [String]
    public var graphs: [String]
}
