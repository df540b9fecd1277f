import RDF

/// The IRIs the catalogue views and the search index read.
enum DCATTerms {
    static let type = RDFVocabulary.type
    static let catalog = Namespace.dcat("Catalog")
    static let dataset = Namespace.dcat("Dataset")
    static let datasetSeries = Namespace.dcat("DatasetSeries")
    static let dataService = Namespace.dcat("DataService")
    static let distributionClass = Namespace.dcat("Distribution")

    static let title = Namespace.dct("title")
    static let description = Namespace.dct("description")
    static let identifier = Namespace.dct("identifier")
    static let publisher = Namespace.dct("publisher")
    static let creator = Namespace.dct("creator")
    static let accessRights = Namespace.dct("accessRights")
    static let license = Namespace.dct("license")
    static let rights = Namespace.dct("rights")
    static let language = Namespace.dct("language")
    static let spatial = Namespace.dct("spatial")
    static let temporal = Namespace.dct("temporal")
    static let issued = Namespace.dct("issued")
    static let modified = Namespace.dct("modified")
    static let accrualPeriodicity = Namespace.dct("accrualPeriodicity")
    static let format = Namespace.dct("format")
    static let conformsTo = Namespace.dct("conformsTo")
    static let datasetType = Namespace.dct("type")

    static let keyword = Namespace.dcat("keyword")
    static let theme = Namespace.dcat("theme")
    static let themeTaxonomy = Namespace.dcat("themeTaxonomy")
    static let contactPoint = Namespace.dcat("contactPoint")
    static let distribution = Namespace.dcat("distribution")
    static let datasetLink = Namespace.dcat("dataset")
    static let service = Namespace.dcat("service")
    static let landingPage = Namespace.dcat("landingPage")
    static let accessURL = Namespace.dcat("accessURL")
    static let downloadURL = Namespace.dcat("downloadURL")
    static let mediaType = Namespace.dcat("mediaType")
    static let byteSize = Namespace.dcat("byteSize")
    static let accessService = Namespace.dcat("accessService")
    static let endpointURL = Namespace.dcat("endpointURL")
    static let endpointDescription = Namespace.dcat("endpointDescription")
    static let servesDataset = Namespace.dcat("servesDataset")
    static let inSeries = Namespace.dcat("inSeries")
    static let startDate = Namespace.dcat("startDate")
    static let endDate = Namespace.dcat("endDate")
    static let schemaStartDate = "http://schema.org/startDate"
    static let schemaEndDate = "http://schema.org/endDate"

    static let homepage = Namespace.foaf("homepage")
    static let page = Namespace.foaf("page")
    static let name = Namespace.foaf("name")

    static let fn = Namespace.vcard("fn")
    static let organizationName = Namespace.vcard("organization-name")
    static let hasOrganizationName = Namespace.vcard("hasOrganizationName")
    static let organizationUnit = Namespace.vcard("organization-unit")
    static let hasEmail = Namespace.vcard("hasEmail")
    static let hasTelephone = Namespace.vcard("hasTelephone")
    static let hasURL = Namespace.vcard("hasURL")
    static let hasValue = Namespace.vcard("hasValue")

    static let prefLabel = Namespace.skos("prefLabel")
    static let narrower = Namespace.skos("narrower")
    static let broader = Namespace.skos("broader")
    static let related = Namespace.skos("related")
    static let inScheme = Namespace.skos("inScheme")
    static let notation = Namespace.skos("notation")
    static let rdfsLabel = Namespace.rdfs("label")
    static let dcTitle = "http://purl.org/dc/elements/1.1/title"
    static let dcIdentifier = "http://purl.org/dc/elements/1.1/identifier"
}
