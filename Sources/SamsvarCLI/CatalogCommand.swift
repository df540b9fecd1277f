import ArgumentParser
import Catalog
import Foundation

/// `samsvar catalog`: the datasets, series, data services and catalogues in the store.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List, show and search the harvested datasets (DCAT-AP-NO).",
        discussion: """
        Reads every graph of the store except harvest validation reports. Titles and \
        descriptions are shown in the preferred language (--lang, else nb, nn, no, en, then \
        untagged, then any); themes, formats, licences, access rights and languages by the \
        labels the imported vocabularies give them (samsvar import --bundled loads the EU \
        authority tables and LOS).

        The search index is kept in the store and rebuilt by the first search after a graph \
        was imported or deleted.
        """,
        subcommands: [CatalogSearchCommand.self, CatalogListCommand.self, CatalogShowCommand.self]
    )
}

/// The filters `list` and `search` share.
struct CatalogFilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("""
        A theme IRI: datasets with this theme or a narrower one (skos:narrower/broader in the \
        store: LOS, EuroVoc …). A LOS life event IRI (https://psi.norge.no/los/hendelse/…) \
        finds the datasets with the words and themes it is related to. Repeat for any of several.
        """, valueName: "IRI"))
    var theme: [String] = []

    @Option(name: .customLong("life-event"), help: ArgumentHelp("""
        A LOS life event (hendelse), as an IRI or its last segment (fa-barn, \
        dodsfall-og-arv …); the same as --theme with its IRI.
        """, valueName: "event"))
    var lifeEvent: [String] = []

    @Option(name: .long, help: ArgumentHelp("A publisher's organisation number or IRI.", valueName: "orgnr"))
    var publisher: [String] = []

    @Option(name: .long, help: ArgumentHelp("""
        A distribution format: a dct:format or dcat:mediaType IRI, its label or the end of \
        its IRI (CSV, json, application/json), case-insensitively.
        """, valueName: "format"))
    var format: [String] = []

    @Option(name: .customLong("access-rights"), help: ArgumentHelp(
        "Access rights: an IRI, its label or last segment (PUBLIC, RESTRICTED, NON_PUBLIC).", valueName: "rights"))
    var accessRights: [String] = []

    /// The theme filter, life events written out as LOS IRIs.
    var themes: [String] {
        theme + lifeEvent.map { $0.contains(":") ? $0 : "https://psi.norge.no/los/hendelse/" + $0 }
    }

    func query(text: String = "", language: String? = nil, limit: Int?, offset: Int, order: CatalogQuery.Order) -> CatalogQuery {
        CatalogQuery(text: text, themes: themes, publishers: publisher, formats: format, accessRights: accessRights,
                     language: language, limit: limit, offset: offset, order: order)
    }
}

/// `samsvar catalog search`.
struct CatalogSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search datasets by words and filters, best first, with facet counts.",
        discussion: """
        Every word must occur in a dataset's title, keywords or description (the last word \
        also as the start of a word: 'skol' finds 'skoler'); hits are ranked by BM25F with \
        titles weighing most, then keywords, then descriptions. Without words, every dataset \
        passing the filters is listed, by title. Facet counts (themes, publishers, formats, \
        access rights) are over all matching datasets, not only the page shown.
        """
    )

    @Argument(help: ArgumentHelp("The words to search for (none: every dataset).", valueName: "text"))
    var text: [String] = []

    @OptionGroup var filters: CatalogFilterOptions

    @Option(name: .long, help: ArgumentHelp("Match words in literals of this language only, and prefer it for labels.", valueName: "tag"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Hits per page.", valueName: "n"))
    var limit = 20

    @Option(name: .long, help: ArgumentHelp("Hits to skip (the next page).", valueName: "n"))
    var offset = 0

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Option(name: .customLong("repeat"), help: .hidden)
    var repetitions: Int?

    func validate() throws {
        if limit < 0 || offset < 0 { throw ValidationError("--limit and --offset must not be negative") }
        if let repetitions, repetitions < 1 { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        let store = try storeOptions.open()
        let labels = LabelChooser.preferring(lang)
        let query = filters.query(text: text.joined(separator: " "), language: lang, limit: limit, offset: offset, order: .relevance)
        if let repetitions { try CatalogTiming.measure(store: store, labels: labels, query: query, runs: repetitions) }
        let result = try CatalogSearch(store: store, labels: labels).search(query)
        if json { return try printJSON(result) }
        print(CatalogText.searchResult(result, text: query.text), terminator: "")
    }
}

/// `samsvar catalog list`.
struct CatalogListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List datasets and series by title: IRI, title, publisher, a line each.")

    @OptionGroup var filters: CatalogFilterOptions

    @Option(name: .long, help: ArgumentHelp("Preferred label language (default: nb, nn, no, en).", valueName: "tag"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("At most this many (default: all).", valueName: "n"))
    var limit: Int?

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Print JSON (the hits and facet counts, as search prints them).")
    var json = false

    func run() throws {
        let search = try CatalogSearch(store: try storeOptions.open(), labels: LabelChooser.preferring(lang))
        let result = try search.search(filters.query(limit: limit, offset: 0, order: .title))
        if json { return try printJSON(result) }
        for hit in result.hits {
            print("<\(hit.iri)>\t\(hit.title ?? "")\t\(hit.publisher?.name ?? hit.publisher?.iri ?? "")")
        }
    }
}

/// `samsvar catalog show`.
struct CatalogShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one dataset (with its distributions), series, data service or catalogue.",
        discussion: "Exit status 2 when the store has no such resource.")

    @Argument(help: ArgumentHelp("Its IRI.", valueName: "IRI"))
    var iri: String

    @Option(name: .long, help: ArgumentHelp("Preferred label language (default: nb, nn, no, en).", valueName: "tag"))
    var lang: String?

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let store = try storeOptions.open()
        let reader = CatalogReader(store: store, labels: LabelChooser.preferring(lang))
        if let dataset = try reader.dataset(iri) {
            if json { return try printJSON(dataset) }
            return print(CatalogText.dataset(dataset), terminator: "")
        }
        if let service = try reader.dataService(iri) {
            if json { return try printJSON(service) }
            return print(CatalogText.dataService(service), terminator: "")
        }
        if let catalog = try reader.catalog(iri) {
            if json { return try printJSON(catalog) }
            return print(CatalogText.catalog(catalog), terminator: "")
        }
        throw CLIError("no dataset, series, data service or catalogue <\(iri)> in the store \(store.path)")
    }
}
