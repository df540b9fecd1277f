import Foundation
import RDF
import RDFIO
import SHACL
import Store

/// Harvests catalogue sources (files, folders, http(s) URLs) into a store, one graph per
/// document.
///
/// Per document: its content hash is compared with the stored graph's (equal: skipped as
/// unchanged); otherwise it is parsed, validated against the profile, diffed against the
/// stored graph by resource, checked for resources other graphs already hold, and imported
/// with its validation report beside it in the graph `<graph IRI>#validation`. A folder is
/// kept in step with its files: the graph of a file that has gone from it is deleted.
public struct Harvester: Sendable {
    /// The file extensions a folder walk picks up.
    public static let extensions: Set<String> = ["ttl", "rdf", "nt", "nq", "trig"]
    /// The suffix of the graph IRI holding a source's SHACL validation report.
    public static let validationSuffix = "#validation"

    public let store: any QuadStore
    public let profile: HarvestProfile
    /// Refuse (do not store) sources with SHACL violations.
    public var requireValid: Bool
    /// Timeouts, size and redirect limits for http(s) sources.
    public var limits: FetchLimits

    public init(store: any QuadStore, profile: HarvestProfile, requireValid: Bool = false, limits: FetchLimits = FetchLimits()) {
        self.store = store
        self.profile = profile
        self.requireValid = requireValid
        self.limits = limits
    }

    /// Harvests every source (a file, a folder walked recursively for RDF files, or an
    /// http(s) URL) in order.
    public func harvest(_ sources: [String]) async -> HarvestReport {
        var report = HarvestReport()
        var fetcher: SourceFetcher?
        for source in sources {
            if Self.isRemote(source) {
                let client = fetcher ?? SourceFetcher(limits: limits)
                fetcher = client
                report.sources.append(await harvestURL(source, client))
                continue
            }
            let path = source.hasPrefix("file://") ? (URL(string: source)?.path ?? source) : source
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                var outcome = SourceOutcome(source: source, graph: nil, status: .failed)
                outcome.errors.append(HarvestIssue(.notFound, "\(source): no such file or folder"))
                report.sources.append(outcome)
                continue
            }
            guard isFolder.boolValue else {
                report.sources.append(harvestFile(path))
                continue
            }
            let files = Self.rdfFiles(under: path)
            for file in files { report.sources.append(harvestFile(file)) }
            report.sources += removeVanished(under: path, keeping: Set(files.map(Self.graphIRI(of:))))
        }
        await fetcher?.shutdown()
        return report
    }

    /// The RDF files under a folder, recursively, sorted by path.
    public static func rdfFiles(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let ext = (relative as NSString).pathExtension.lowercased()
            guard extensions.contains(ext) else { continue }
            let full = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                found.append(full)
            }
        }
        return found.sorted()
    }

    /// The graph IRI of a file, as `samsvar import` names it.
    public static func graphIRI(of path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.absoluteString
    }

    private static func isRemote(_ source: String) -> Bool {
        let lower = source.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    // MARK: One document

    func harvestFile(_ path: String) -> SourceOutcome {
        let graph = Self.graphIRI(of: path)
        let source: ImportSource
        do {
            source = try ImportSource.file(path)
        } catch {
            var outcome = SourceOutcome(source: path, graph: graph, status: .failed)
            let unreadable = (error as? RDFInputError).map { $0.message.hasPrefix("cannot read") || $0.message == "no such file" } ?? true
            outcome.status = unreadable ? .failed : .invalid
            outcome.errors.append(HarvestIssue(unreadable ? .internal : .invalidData, "\(error)"))
            return outcome
        }
        return harvest(source, as: graph)
    }

    func harvestURL(_ url: String, _ fetcher: SourceFetcher) async -> SourceOutcome {
        do {
            return harvest(try await fetcher.fetch(url), as: url)
        } catch {
            var outcome = SourceOutcome(source: url, graph: url, status: error.category == .invalidData ? .invalid : .failed)
            outcome.errors.append(HarvestIssue(error.category, error.message))
            return outcome
        }
    }

    /// Parses, validates, diffs and stores one document as the graph `graph`.
    func harvest(_ source: ImportSource, as graph: String) -> SourceOutcome {
        let name = source.location
        var outcome = SourceOutcome(source: name, graph: graph, status: .failed)
        do {
            let hash = source.contentHash
            outcome.contentHash = hash
            let previous = try store.graphs().first { $0.graph == graph }
            if let previous, previous.contentHash == hash {
                outcome.status = .unchanged
                return outcome
            }

            var triples: [Triple] = []
            do {
                try RDFReader.read(bytes: source.bytes, format: source.format, base: source.base, source: name) {
                    triples.append($0.triple)
                }
            } catch let error as RDFSyntaxError {
                outcome.status = .invalid
                outcome.errors.append(HarvestIssue(.invalidData, error.description))
                return outcome
            } catch let error as RDFInputError {
                outcome.status = .invalid
                outcome.errors.append(HarvestIssue(.invalidData, error.description))
                return outcome
            }

            let validation = profile.validate(triples)
            var summary = ValidationSummary(conforms: validation.conforms,
                                            violations: validation.count(.violation),
                                            warnings: validation.count(.warning))
            outcome.validation = summary
            if requireValid && summary.violations > 0 {
                outcome.status = .invalid
                outcome.errors.append(HarvestIssue(.invalidData, "\(name): refused by --require-valid: \(summary.violations) SHACL violations"))
                return outcome
            }

            let before = previous == nil ? ResourceIndex([]) : ResourceIndex(try store.quads(matching: QuadPattern(graph: graph)).map(\.triple))
            let after = ResourceIndex(triples)
            for (kind, counts) in after.diff(from: before) where !counts.isZero { outcome.resources[kind.rawValue] = counts }
            for issue in try conflicts(after, graph: graph) { outcome.errors.append(issue) }

            try store.importGraph(source, into: graph)
            let reportGraph = graph + Self.validationSuffix
            try store.importGraph(try Self.reportSource(validation, for: source), into: reportGraph)
            summary.reportGraph = reportGraph
            outcome.validation = summary
            outcome.status = previous == nil ? .added : .changed
        } catch {
            outcome.status = .failed
            outcome.errors.append(HarvestIssue(.internal, "\(name): \(error)"))
        }
        return outcome
    }

    /// Deletes the graphs of files once harvested from `folder` that are gone from it
    /// (with their validation reports), reporting their resources as removed.
    func removeVanished(under folder: String, keeping present: Set<String>) -> [SourceOutcome] {
        var prefix = Self.graphIRI(of: folder)
        if !prefix.hasSuffix("/") { prefix += "/" }
        do {
            let gone = try store.graphs().map(\.graph).filter { graph in
                graph.hasPrefix(prefix) && !graph.hasSuffix(Self.validationSuffix) && !present.contains(graph)
                    && Self.extensions.contains((graph as NSString).pathExtension.lowercased())
                    && !FileManager.default.fileExists(atPath: URL(string: graph)?.path ?? graph)
            }
            return try gone.map { graph in
                var outcome = SourceOutcome(source: URL(string: graph)?.path ?? graph, graph: graph, status: .removed)
                let before = ResourceIndex(try store.quads(matching: QuadPattern(graph: graph)).map(\.triple))
                for (kind, counts) in ResourceIndex([]).diff(from: before) where !counts.isZero { outcome.resources[kind.rawValue] = counts }
                try store.deleteGraph(graph)
                try store.deleteGraph(graph + Self.validationSuffix)
                return outcome
            }
        } catch {
            var outcome = SourceOutcome(source: folder, graph: nil, status: .failed)
            outcome.errors.append(HarvestIssue(.internal, "\(folder): removing graphs of vanished files failed: \(error)"))
            return [outcome]
        }
    }

    /// The resources of `index` with an IRI that another graph (not a validation report)
    /// already types as the same kind.
    private func conflicts(_ index: ResourceIndex, graph: String) throws -> [HarvestIssue] {
        var issues: [HarvestIssue] = []
        let type = Term.iri(RDFVocabulary.type)
        for (kind, resources) in index.byKind.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for resource in resources.keys.sorted(by: { ($0.iriValue ?? "") < ($1.iriValue ?? "") }) {
                guard case .iri(let iri) = resource else { continue }
                let others = Set(try store.quads(matching: QuadPattern(subject: resource, predicate: type)).compactMap { quad -> String? in
                    guard case .iri(let other)? = quad.graph, other != graph, !other.hasSuffix(Self.validationSuffix),
                          case .iri(let t) = quad.object, ResourceIndex.kind(ofType: t) == kind else { return nil }
                    return other
                })
                if let first = others.min() {
                    let more = others.count > 1 ? " and \(others.count - 1) more" : ""
                    issues.append(HarvestIssue(.conflict, "<\(iri)> (\(kind.label)) is already harvested from <\(first)>\(more)"))
                }
            }
        }
        return issues
    }

    /// The SHACL report as N-Triples, to be imported beside the source's graph.
    static func reportSource(_ report: ValidationReport, for source: ImportSource) throws -> ImportSource {
        try ImportSource(triples: report.triples(language: "en"), location: source.location + " (validation report)",
                         provenance: source.provenance)
    }
}
