import Alignment
import ArgumentParser
import Foundation
import Mapping
import Store

/// `samsvar map suggest --from SCHEMA --to SCHEMA`: a draft mapping file from two schemas
/// whose fields name concepts, matched through the alignments accepted in the store.
struct MapSuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Write a draft mapping file from two schemas whose fields name concepts.",
        discussion: """
        Schemas: ModellDCAT-AP-NO information models (.ttl, .rdf, .nt …; concepts by \
        modelldcatno:subject or dct:subject), JSON Schemas (.json; concepts by x-concept) and \
        XML Schemas (.xsd; concepts by sawsdl:modelReference). A target field is mapped from \
        the source field naming the same concept or one with an accepted exactMatch; accepted \
        closeMatch, broadMatch, narrowMatch and relatedMatch become commented-out REVIEW \
        lines; coded fields get value maps; target fields without a match are TODO comments. \
        The draft reads with samsvar map as it stands. Without --from-type/--to-type the pair \
        of record types that matches best is taken.

        Exit status: 0 done, 2 a schema cannot be read (file:line:column) or a usage error.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The source schema.", valueName: "schema"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("The target schema.", valueName: "schema"))
    var to: String

    @Option(name: .customLong("from-format"), help: ArgumentHelp(
        "The source schema's language when its extension does not tell: modelldcat, json-schema or xsd.", valueName: "kind"))
    var fromFormat: String?

    @Option(name: .customLong("to-format"), help: ArgumentHelp("The target schema's language.", valueName: "kind"))
    var toFormat: String?

    @Option(name: .customLong("from-type"), help: ArgumentHelp("The source record type (name or IRI).", valueName: "name"))
    var fromType: String?

    @Option(name: .customLong("to-type"), help: ArgumentHelp("The target record type (name or IRI).", valueName: "name"))
    var toType: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The draft file; - or none writes standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("no-store"), help: "Use no alignments: only fields naming the same concept match.")
    var noStore = false

    @Flag(name: .long, help: "No summary on standard error.")
    var quiet = false

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        for (flag, value) in [("--from-format", fromFormat), ("--to-format", toFormat)] {
            if let value, SchemaKind(name: value) == nil {
                throw ValidationError("\(flag) must be modelldcat, json-schema or xsd, not '\(value)'")
            }
        }
    }

    func run() throws {
        do {
            try suggest()
        } catch let error as SchemaReadError {
            Samsvar.fail(error.description)
        } catch let error as MappingSuggester.ChoiceError {
            Samsvar.fail("error: \(error.description)")
        }
    }

    private func suggest() throws {
        let source = try SchemaReader.read(path: from, kind: fromFormat.flatMap(SchemaKind.init(name:)))
        let target = try SchemaReader.read(path: to, kind: toFormat.flatMap(SchemaKind.init(name:)))
        let suggester = MappingSuggester(alignments: try alignments())
        let suggestion = try suggester.suggest(from: source, to: target, sourceType: fromType, targetType: toType)
        let text = MappingDraftWriter().write(suggestion)
        let out = try OutputFile(path: output)
        try Array(text.utf8).withUnsafeBytes { try out.write($0) }
        try out.commit()
        if !quiet {
            let line = "\(suggestion.sourceType.name) → \(suggestion.targetType.name): \(suggestion.mappedCount) of "
                + "\(suggestion.fields.count) fields mapped, \(suggestion.suggestedCount) to review, "
                + "\(suggestion.valueMaps.count) value maps, \(suggestion.unmatchedCount) TODO"
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// The alignments accepted in the store; none with --no-store, or when no store was
    /// named and the default one does not exist (a store is never made by this command).
    private func alignments() throws -> ConceptAlignments {
        if noStore { return ConceptAlignments() }
        let path = storeOptions.store ?? StoreLocation.defaultPath()
        guard FileManager.default.fileExists(atPath: path) else {
            if storeOptions.store != nil { throw CLIError("\(path): no store there") }
            if !quiet {
                FileHandle.standardError.write(Data("note: no store at \(path): only fields naming the same concept match\n".utf8))
            }
            return ConceptAlignments()
        }
        return try ConceptAlignments(reviewLog: ReviewLog(store: try SQLiteQuadStore(path: path)))
    }
}
