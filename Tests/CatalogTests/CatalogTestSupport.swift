import Foundation
import RDFTestSupport
import Store

/// A store in a fresh temporary folder, holding the given files (one graph each, named by
/// their file:// URI) and the vocabularies the catalogue labels come from.
struct CatalogTestStore {
    let folder: String
    let store: SQLiteQuadStore

    /// The shipped vocabularies the tests label with: EU data themes, access rights, file
    /// types, languages, licences, dataset types, Norwegian municipalities and LOS.
    static let vocabularies = [
        "eu/data-theme.ttl", "eu/access-right.ttl", "eu/file-type-skos.rdf", "eu/language.ttl", "eu/licence.ttl",
        "eu/dataset-type.ttl", "no/administrative-enheter.ttl", "los/los-all.rdf",
    ].map { Fixtures.repositoryRoot + "/Vocabularies/" + $0 }

    /// What the search tests label with: EU data themes, access rights, file types, LOS.
    static let searchVocabularies = [0, 1, 2, 7].map { vocabularies[$0] }

    static let searchCatalog = Fixtures.path("catalog/search-catalog.ttl")
    static let dcatTest = Fixtures.path("samples/dcat-ap-no/test.ttl")
    static let dcatExamples = Fixtures.path("samples/dcat-ap-no/DCAT-AP-NO2.0-examples.ttl")

    init(_ files: [String], vocabularies: [String] = CatalogTestStore.vocabularies) throws {
        folder = NSTemporaryDirectory() + "samsvar-catalog-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try SQLiteQuadStore(path: folder + "/store.sqlite")
        for file in files + vocabularies {
            try store.importGraph(.file(file), into: URL(fileURLWithPath: file).standardizedFileURL.absoluteString)
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
