import Alignment
import ArgumentParser
import Foundation

/// `samsvar alignments`: review of proposed mappings.
struct AlignmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alignments",
        abstract: "Review proposed mappings: list them, accept or reject pairs, export the decisions as SSSOM.",
        discussion: """
        Decisions are kept in the store with reviewer, date and comment. A rejected pair is \
        never proposed again; accepted mappings are skos:*Match triples in the graph \
        urn:samsvar:alignment:accepted.
        """,
        subcommands: [AlignmentsListCommand.self, AlignmentsAcceptCommand.self, AlignmentsRejectCommand.self, AlignmentsExportCommand.self]
    )
}

struct AlignmentsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List proposals and decisions.")

    @Option(name: .long, help: "pending, accepted, rejected or all.")
    var status = "all"

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    struct Row: Encodable {
        var status: String
        var subject: String
        var relation: String
        var object: String
        var subjectLabel: String?
        var objectLabel: String?
        var confidence: Double?
        var reviewer: String?
        var date: String?
        var comment: String?
    }

    func run() throws {
        guard ["pending", "accepted", "rejected", "all"].contains(status) else {
            throw CLIError("--status must be pending, accepted, rejected or all")
        }
        let log = ReviewLog(store: try storeOptions.open())
        let decisions = try log.decisions()
        let decided = Set(decisions.compactMap { m in m.subjectID.flatMap { s in m.objectID.map { s + " " + $0 } } })
        var rows: [Row] = decisions.map { m in
            Row(status: m.isNegated ? "rejected" : "accepted", subject: m.subjectID ?? "", relation: m.predicateID, object: m.objectID ?? "",
                subjectLabel: m.subjectLabel, objectLabel: m.objectLabel, confidence: m.confidence,
                reviewer: m.reviewerIDs.first, date: m.mappingDate, comment: m.comment)
        }
        rows += try log.proposals().filter { !decided.contains(($0.subjectID ?? "") + " " + ($0.objectID ?? "")) }.map { m in
            Row(status: "pending", subject: m.subjectID ?? "", relation: m.predicateID, object: m.objectID ?? "",
                subjectLabel: m.subjectLabel, objectLabel: m.objectLabel, confidence: m.confidence, comment: m.comment)
        }
        rows = rows.filter { status == "all" || $0.status == status }
            .sorted { ($0.status, -($0.confidence ?? 0), $0.subject, $0.object) < ($1.status, -($1.confidence ?? 0), $1.subject, $1.object) }
        if json { return try printJSON(rows) }
        for r in rows {
            let name = r.relation.split(separator: "#").last.map(String.init) ?? r.relation
            var line = "\(r.status)\t\(r.confidence.map { String($0) } ?? "-")\t\(name)\t<\(r.subject)> \"\(r.subjectLabel ?? "")\"\t<\(r.object)> \"\(r.objectLabel ?? "")\""
            if let reviewer = r.reviewer { line += "\t\(reviewer) \(r.date ?? "")" }
            if let comment = r.comment, r.status != "pending" { line += "\t\(comment)" }
            print(line)
        }
    }
}

/// The options accept and reject share.
struct DecisionOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The source concept's IRI.", valueName: "subject"))
    var subject: String

    @Argument(help: ArgumentHelp("The target concept's IRI.", valueName: "object"))
    var object: String

    @Option(name: .long, help: ArgumentHelp("Who decides: an IRI (ORCID …) or a name.", valueName: "id"))
    var reviewer: String

    @Option(name: .long, help: "Why.")
    var comment: String?

    @OptionGroup var storeOptions: StoreOptions

    /// The reviewer as an IRI: kept when it has a scheme, else `urn:samsvar:reviewer:NAME`.
    var reviewerIRI: String {
        if reviewer.hasPrefix("orcid:") { return "https://orcid.org/" + reviewer.dropFirst(6) }
        if reviewer.contains(":") { return reviewer }
        return "urn:samsvar:reviewer:" + (reviewer.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? reviewer)
    }
}

struct AlignmentsAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept a mapping (as proposed, or with --relation).")

    @OptionGroup var decision: DecisionOptions

    @Option(name: .long, help: ArgumentHelp("exactMatch, closeMatch, broadMatch, narrowMatch or relatedMatch.", valueName: "relation"))
    var relation: String?

    func run() throws {
        var iri: String?
        if let relation {
            let name = relation.hasPrefix("skos:") ? String(relation.dropFirst(5)) : relation
            guard ["exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch"].contains(name) else {
                throw CLIError("--relation must be exactMatch, closeMatch, broadMatch, narrowMatch or relatedMatch")
            }
            iri = MappingPredicate.skosMappingRelations.first { $0.hasSuffix("#" + name) }
        }
        let m = try ReviewLog(store: try decision.storeOptions.open())
            .decide(ConceptPair(decision.subject, decision.object), relation: iri, accept: true,
                    reviewer: decision.reviewerIRI, comment: decision.comment)
        print("accepted <\(decision.subject)> \(m.predicateID) <\(decision.object)>")
    }
}

struct AlignmentsRejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject a pair: it is never proposed again.")

    @OptionGroup var decision: DecisionOptions

    func run() throws {
        _ = try ReviewLog(store: try decision.storeOptions.open())
            .decide(ConceptPair(decision.subject, decision.object), relation: nil, accept: false,
                    reviewer: decision.reviewerIRI, comment: decision.comment)
        print("rejected <\(decision.subject)> <\(decision.object)>")
    }
}

struct AlignmentsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the decisions (accepted, and rejected with predicate_modifier Not) as SSSOM/TSV.")

    @Option(name: .shortAndLong, help: ArgumentHelp("The file (- for standard output).", valueName: "file"))
    var output = "-"

    @Option(name: .customLong("mapping-set-id"), help: "The mapping set's IRI.")
    var mappingSetID = "urn:samsvar:alignment:decisions"

    @Option(name: .long, help: "The licence IRI of the mapping set.")
    var license = "https://creativecommons.org/licenses/by/4.0/"

    @Flag(name: .customLong("with-pending"), help: "Also write the pending proposals.")
    var withPending = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let log = ReviewLog(store: try storeOptions.open())
        var mappings = try log.decisions()
        if withPending {
            let decided = Set(mappings.map { ($0.subjectID ?? "") + " " + ($0.objectID ?? "") })
            mappings += try log.proposals().filter { !decided.contains(($0.subjectID ?? "") + " " + ($0.objectID ?? "")) }
        }
        let set = MappingSet(id: mappingSetID, license: license, curieMap: [:], mappings: mappings)
        let text = try SSSOMWriter().write(set.withCoveringPrefixes())
        try AlignmentOutput.write(Array(text.utf8), to: output)
    }
}
