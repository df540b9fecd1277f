import Foundation

/// Why a source, or part of one, did not land as it should.
public enum HarvestErrorCategory: String, CaseIterable, Codable, Sendable, Comparable {
    /// An http(s) source cannot be fetched: no connection, a timeout, an HTTP error other
    /// than 404/410, too many redirects, or a body over the size limit.
    case unavailable
    /// No such file or folder, or HTTP 404/410.
    case notFound
    /// A syntax error (with path:line:column), an unknown syntax, or data refused by
    /// `--require-valid`.
    case invalidData
    /// A resource already harvested from another source (the source is still imported).
    case conflict
    /// Anything else: the store failed, a file could not be read.
    case `internal`

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The kinds of resource a harvest report counts.
public enum ResourceKind: String, CaseIterable, Codable, Sendable {
    case catalogues, datasets, dataServices, concepts

    /// How the text report names the kind.
    public var label: String {
        switch self {
        case .catalogues: "catalogues"
        case .datasets: "datasets"
        case .dataServices: "data services"
        case .concepts: "concepts"
        }
    }
}

/// Added, changed and removed resources of one kind.
public struct ResourceCounts: Codable, Sendable, Equatable {
    public var added = 0
    public var changed = 0
    public var removed = 0

    public init(added: Int = 0, changed: Int = 0, removed: Int = 0) {
        self.added = added
        self.changed = changed
        self.removed = removed
    }

    public var isZero: Bool { added == 0 && changed == 0 && removed == 0 }

    static func + (a: Self, b: Self) -> Self {
        Self(added: a.added + b.added, changed: a.changed + b.changed, removed: a.removed + b.removed)
    }
}

/// One error met while harvesting a source.
public struct HarvestIssue: Codable, Sendable, Equatable {
    public var category: HarvestErrorCategory
    public var message: String

    public init(_ category: HarvestErrorCategory, _ message: String) {
        self.category = category
        self.message = message
    }
}

/// The SHACL validation of one source against the profile.
public struct ValidationSummary: Codable, Sendable, Equatable {
    public var conforms: Bool
    public var violations: Int
    public var warnings: Int
    /// The graph holding the full SHACL report (`<graph IRI>#validation`), when stored.
    public var reportGraph: String?
}

/// What became of one source.
public struct SourceOutcome: Codable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// A new graph.
        case added
        /// The graph was replaced by new content.
        case changed
        /// Same content hash as the stored graph: skipped.
        case unchanged
        /// Not stored: bad syntax or refused by `--require-valid`.
        case invalid
        /// Not stored: unavailable, not found, or an internal error.
        case failed
        /// Its file is gone from a harvested folder: the graph was deleted.
        case removed
    }

    /// The path (or URL) as found.
    public var source: String
    /// The graph IRI it is (or would be) stored as.
    public var graph: String?
    public var status: Status
    /// The content hash of the bytes (the store's `ByteHash`, 16 hex digits).
    public var contentHash: String?
    public var validation: ValidationSummary?
    /// Resource changes by kind (keys: catalogues, datasets, dataServices, concepts).
    public var resources: [String: ResourceCounts] = [:]
    public var errors: [HarvestIssue] = []

    public init(source: String, graph: String?, status: Status) {
        self.source = source
        self.graph = graph
        self.status = status
    }
}

/// The outcome of a harvest run: a line per source, and totals.
public struct HarvestReport: Codable, Sendable {
    public var sources: [SourceOutcome] = []

    public init(sources: [SourceOutcome] = []) { self.sources = sources }

    /// Resource changes summed over the sources, by kind.
    public var totals: [String: ResourceCounts] {
        var sum: [String: ResourceCounts] = [:]
        for kind in ResourceKind.allCases { sum[kind.rawValue] = ResourceCounts() }
        for outcome in sources {
            for (kind, counts) in outcome.resources { sum[kind, default: ResourceCounts()] = sum[kind, default: ResourceCounts()] + counts }
        }
        return sum
    }

    /// Errors counted by category (every category present).
    public var errorCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for c in HarvestErrorCategory.allCases { counts[c.rawValue] = 0 }
        for outcome in sources { for issue in outcome.errors { counts[issue.category.rawValue, default: 0] += 1 } }
        return counts
    }

    /// True when some source had an error of any category.
    public var hasErrors: Bool { sources.contains { !$0.errors.isEmpty } }

    private enum CodingKeys: String, CodingKey { case sources, totals, errors }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sources, forKey: .sources)
        try c.encode(totals, forKey: .totals)
        try c.encode(errorCounts, forKey: .errors)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sources = try c.decode([SourceOutcome].self, forKey: .sources)
    }

    /// The report as JSON with sorted keys (stable for scripts and diffs).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// The report as text: a line per source (its errors indented below it), then totals.
    public func text() -> String {
        var out = ""
        let width = SourceOutcome.Status.allStatuses.map(\.rawValue.count).max() ?? 0
        for s in sources {
            var line = s.status.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0) + s.source
            var details: [String] = []
            for kind in ResourceKind.allCases {
                guard let c = s.resources[kind.rawValue], !c.isZero else { continue }
                var parts: [String] = []
                if c.added > 0 { parts.append("+\(c.added)") }
                if c.changed > 0 { parts.append("~\(c.changed)") }
                if c.removed > 0 { parts.append("-\(c.removed)") }
                details.append("\(kind.label) " + parts.joined(separator: " "))
            }
            if let v = s.validation {
                details.append(v.conforms ? "conforms" : "\(v.violations) violation\(v.violations == 1 ? "" : "s"), \(v.warnings) warning\(v.warnings == 1 ? "" : "s")")
            }
            if !details.isEmpty { line += " (" + details.joined(separator: "; ") + ")" }
            out += line + "\n"
            for issue in s.errors { out += "    \(issue.category.rawValue): \(issue.message)\n" }
        }
        let totals = self.totals
        out += "\ntotals:\n"
        for kind in ResourceKind.allCases {
            let c = totals[kind.rawValue] ?? ResourceCounts()
            out += "  " + (kind.label + ":").padding(toLength: 15, withPad: " ", startingAt: 0)
                + "added \(c.added), changed \(c.changed), removed \(c.removed)\n"
        }
        let errors = errorCounts
        out += "  errors:        " + HarvestErrorCategory.allCases.map { "\($0.rawValue) \(errors[$0.rawValue] ?? 0)" }.joined(separator: ", ") + "\n"
        return out
    }
}

extension SourceOutcome.Status {
    static let allStatuses: [Self] = [.added, .changed, .unchanged, .invalid, .failed, .removed]
}
