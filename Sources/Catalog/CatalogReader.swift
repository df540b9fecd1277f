import RDF
import Store

/// Reads catalogue views — catalogues, datasets and series, distributions, data services,
/// agents, contact points — from any `QuadStore`, across all its graphs except the
/// harvest's validation reports.
///
/// Text is chosen by `labels` (language preference); the IRIs of themes, formats,
/// licences, access rights, languages and places are shown by the labels the store's
/// vocabularies give them (`LabelChooser.labelPredicates`, from whichever graph says so).
/// A reader remembers the labels it has looked up: make one per request.
public final class CatalogReader {
    /// What a resource is, by its `rdf:type`.
    public enum ResourceType: String, Sendable, CaseIterable {
        case dataset, series, dataService, catalog
    }

    public let store: any QuadStore
    public let labels: LabelChooser
    private var labelCache: [Term: LabeledTerm] = [:]

    public init(store: any QuadStore, labels: LabelChooser = LabelChooser()) {
        self.store = store
        self.labels = labels
    }

    /// The catalogue types of a resource (an IRI, or `_:label` for a stored blank node).
    public func types(of name: String) throws -> Set<ResourceType> {
        let typeIRIs = try ResourceDescription(ResourceDescription.term(named: name), in: store).types
        var found = Set<ResourceType>()
        if typeIRIs.contains(DCATTerms.dataset) { found.insert(.dataset) }
        if typeIRIs.contains(DCATTerms.datasetSeries) { found.insert(.series) }
        if typeIRIs.contains(DCATTerms.dataService) { found.insert(.dataService) }
        if typeIRIs.contains(DCATTerms.catalog) { found.insert(.catalog) }
        return found
    }

    /// Every catalogue in the store, sorted by IRI.
    public func catalogs() throws -> [CatalogView] {
        let subjects = try store.quads(matching: QuadPattern(predicate: .iri(DCATTerms.type), object: .iri(DCATTerms.catalog)))
            .filter { quad in
                guard case .iri(let g)? = quad.graph else { return false }
                return !ResourceDescription.isValidationGraph(g)
            }
            .map(\.subject)
        return try Set(subjects).sorted { ResourceDescription.sortKey($0) < ResourceDescription.sortKey($1) }
            .compactMap { try catalog(ResourceDescription.name(of: $0) ?? "") }
    }

    /// The dataset or series `name`, or nil when the store has no dataset of that name.
    public func dataset(_ name: String) throws -> DatasetView? {
        let subject = ResourceDescription.term(named: name)
        let d = try ResourceDescription(subject, in: store)
        let types = d.types
        guard types.contains(DCATTerms.dataset) || types.contains(DCATTerms.datasetSeries) else { return nil }
        let title = labels.best(d.literals(DCATTerms.title))
        let seriesMembers = try store.quads(matching: QuadPattern(predicate: .iri(DCATTerms.inSeries), object: subject))
        let catalogs = try store.quads(matching: QuadPattern(predicate: .iri(DCATTerms.datasetLink), object: subject))
        return DatasetView(
            iri: name,
            kind: types.contains(DCATTerms.datasetSeries) ? .series : .dataset,
            title: title?.lexicalForm,
            titleLanguage: title?.language,
            description: labels.best(d.literals(DCATTerms.description))?.lexicalForm,
            identifiers: d.links(DCATTerms.identifier),
            publisher: try d.terms(DCATTerms.publisher).first.map(agent),
            creators: try d.terms(DCATTerms.creator).map(agent),
            themes: try labelled(d.terms(DCATTerms.theme)),
            keywords: labels.bestLanguage(d.literals(DCATTerms.keyword)).map(\.lexicalForm),
            accessRights: try d.terms(DCATTerms.accessRights).first.map(label),
            languages: try labelled(d.terms(DCATTerms.language)),
            spatial: try labelled(d.terms(DCATTerms.spatial)),
            temporal: try d.terms(DCATTerms.temporal).map(period),
            issued: d.firstLexical(DCATTerms.issued),
            modified: d.firstLexical(DCATTerms.modified),
            frequency: try d.terms(DCATTerms.accrualPeriodicity).first.map(label),
            types: try labelled(d.terms(DCATTerms.datasetType)),
            conformsTo: try labelled(d.terms(DCATTerms.conformsTo)),
            landingPages: d.links(DCATTerms.landingPage),
            contactPoints: try d.terms(DCATTerms.contactPoint).map(contactPoint),
            distributions: try d.terms(DCATTerms.distribution).map(distribution),
            inSeries: try labelled(d.terms(DCATTerms.inSeries)),
            seriesMembers: try labelled(seriesMembers.filter(Self.outsideValidation).map(\.subject)),
            catalogs: try labelled(catalogs.filter(Self.outsideValidation).map(\.subject)),
            graphs: d.graphs
        )
    }

    /// A distribution (an IRI or a blank node).
    public func distribution(_ term: Term) throws -> DistributionView {
        let d = try ResourceDescription(term, in: store)
        return DistributionView(
            iri: ResourceDescription.name(of: term) ?? "",
            title: labels.best(d.literals(DCATTerms.title))?.lexicalForm,
            description: labels.best(d.literals(DCATTerms.description))?.lexicalForm,
            formats: try labelled(d.terms(DCATTerms.format)),
            mediaTypes: try labelled(d.terms(DCATTerms.mediaType)),
            accessURLs: d.links(DCATTerms.accessURL),
            downloadURLs: d.links(DCATTerms.downloadURL),
            licence: try d.terms(DCATTerms.license).first.map(label),
            accessRights: try d.terms(DCATTerms.accessRights).first.map(label),
            byteSize: d.firstLexical(DCATTerms.byteSize),
            issued: d.firstLexical(DCATTerms.issued),
            modified: d.firstLexical(DCATTerms.modified),
            conformsTo: try labelled(d.terms(DCATTerms.conformsTo)),
            accessServices: try labelled(d.terms(DCATTerms.accessService))
        )
    }

    /// The data service `name`, or nil when the store has no data service of that name.
    public func dataService(_ name: String) throws -> DataServiceView? {
        let d = try ResourceDescription(ResourceDescription.term(named: name), in: store)
        guard d.types.contains(DCATTerms.dataService) else { return nil }
        return DataServiceView(
            iri: name,
            title: labels.best(d.literals(DCATTerms.title))?.lexicalForm,
            description: labels.best(d.literals(DCATTerms.description))?.lexicalForm,
            publisher: try d.terms(DCATTerms.publisher).first.map(agent),
            endpointURLs: d.links(DCATTerms.endpointURL),
            endpointDescriptions: d.links(DCATTerms.endpointDescription),
            servesDatasets: try labelled(d.terms(DCATTerms.servesDataset)),
            themes: try labelled(d.terms(DCATTerms.theme)),
            keywords: labels.bestLanguage(d.literals(DCATTerms.keyword)).map(\.lexicalForm),
            formats: try labelled(d.terms(DCATTerms.format) + d.terms(DCATTerms.mediaType)),
            accessRights: try d.terms(DCATTerms.accessRights).first.map(label),
            licence: try d.terms(DCATTerms.license).first.map(label),
            contactPoints: try d.terms(DCATTerms.contactPoint).map(contactPoint),
            landingPages: d.links(DCATTerms.landingPage),
            graphs: d.graphs
        )
    }

    /// The catalogue `name`, or nil when the store has no catalogue of that name.
    public func catalog(_ name: String) throws -> CatalogView? {
        let d = try ResourceDescription(ResourceDescription.term(named: name), in: store)
        guard d.types.contains(DCATTerms.catalog) else { return nil }
        return CatalogView(
            iri: name,
            title: labels.best(d.literals(DCATTerms.title))?.lexicalForm,
            description: labels.best(d.literals(DCATTerms.description))?.lexicalForm,
            publisher: try d.terms(DCATTerms.publisher).first.map(agent),
            homepage: d.links(DCATTerms.homepage).first,
            themeTaxonomies: try labelled(d.terms(DCATTerms.themeTaxonomy)),
            languages: try labelled(d.terms(DCATTerms.language)),
            licence: try d.terms(DCATTerms.license).first.map(label),
            issued: d.firstLexical(DCATTerms.issued),
            modified: d.firstLexical(DCATTerms.modified),
            datasets: d.terms(DCATTerms.datasetLink).compactMap(ResourceDescription.name(of:)),
            dataServices: d.terms(DCATTerms.service).compactMap(ResourceDescription.name(of:)),
            graphs: d.graphs
        )
    }

    /// A publisher or creator: its name by language preference and its organisation number.
    public func agent(_ term: Term) throws -> Agent {
        guard !term.isLiteral else {
            return Agent(iri: nil, name: term.literalValue?.lexicalForm, orgnr: nil)
        }
        let d = try ResourceDescription(term, in: store)
        let name = labels.label(Self.labelStatements(d).filter { $0.predicate != DCATTerms.identifier && $0.predicate != DCATTerms.dcIdentifier })
        let identifiers = d.links(DCATTerms.identifier) + d.links(DCATTerms.dcIdentifier)
        let iri = ResourceDescription.name(of: term)
        let orgnr = identifiers.lazy.compactMap(Agent.orgnr(in:)).first ?? (term.isIRI ? iri.flatMap(Agent.orgnr(in:)) : nil)
        return Agent(iri: iri, name: name?.lexicalForm, orgnr: orgnr)
    }

    /// A contact point (usually a blank node `vcard:Organization`).
    public func contactPoint(_ term: Term) throws -> ContactPoint {
        let d = try ResourceDescription(term, in: store)
        let name = labels.best(d.literals(DCATTerms.fn))
            ?? labels.best(d.literals(DCATTerms.hasOrganizationName) + d.literals(DCATTerms.organizationName))
        return ContactPoint(
            name: name?.lexicalForm,
            organizationUnit: labels.best(d.literals(DCATTerms.organizationUnit))?.lexicalForm,
            email: try d.terms(DCATTerms.hasEmail).first.map { try address($0, scheme: "mailto:") },
            telephone: try d.terms(DCATTerms.hasTelephone).first.map { try address($0, scheme: "tel:") },
            url: d.links(DCATTerms.hasURL).first
        )
    }

    /// A term with its label: an IRI (or blank node) labelled from the store, a literal as its text.
    public func label(_ term: Term) throws -> LabeledTerm {
        if case .literal(let l) = term { return LabeledTerm(iri: nil, label: l.lexicalForm, language: l.language) }
        if let known = labelCache[term] { return known }
        if case .iri(let iri) = term, let mediaType = ResourceDescription.mediaTypeName(iri) {
            return LabeledTerm(iri: iri, label: mediaType)
        }
        let d = try ResourceDescription(term, in: store)
        let chosen = labels.label(Self.labelStatements(d))
        let labeled = LabeledTerm(iri: ResourceDescription.name(of: term), label: chosen?.lexicalForm, language: chosen?.language)
        labelCache[term] = labeled
        return labeled
    }

    /// Several terms labelled, each once, sorted by what is shown.
    func labelled(_ terms: [Term]) throws -> [LabeledTerm] {
        var seen = Set<Term>()
        return try terms.filter { seen.insert($0).inserted }.map(label)
            .sorted { ($0.text, $0.iri ?? "") < ($1.text, $1.iri ?? "") }
    }

    private func period(_ term: Term) throws -> PeriodOfTime {
        let d = try ResourceDescription(term, in: store)
        return PeriodOfTime(start: d.firstLexical(DCATTerms.startDate) ?? d.firstLexical(DCATTerms.schemaStartDate),
                            end: d.firstLexical(DCATTerms.endDate) ?? d.firstLexical(DCATTerms.schemaEndDate))
    }

    /// An e-mail address or telephone number without its URI scheme; a blank node
    /// `vcard:Email`/`vcard:Voice` is read through its `vcard:hasValue`.
    private func address(_ term: Term, scheme: String) throws -> String {
        var value: String
        switch term {
        case .iri(let iri): value = iri
        case .literal(let l): value = l.lexicalForm
        case .blankNode: value = try ResourceDescription(term, in: store).links(DCATTerms.hasValue).first ?? ""
        }
        if value.lowercased().hasPrefix(scheme) { value = String(value.dropFirst(scheme.count)) }
        return value
    }

    static func labelStatements(_ d: ResourceDescription) -> [(predicate: String, literal: Literal)] {
        LabelChooser.labelPredicates.flatMap { p in d.literals(p).map { (predicate: p, literal: $0) } }
    }

    private static func outsideValidation(_ quad: Quad) -> Bool {
        guard case .iri(let g)? = quad.graph else { return false }
        return !ResourceDescription.isValidationGraph(g)
    }
}
