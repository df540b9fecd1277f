import Foundation
import Yams

extension MappingSpec {
    /// Reads and checks the mapping file at `path`; throws `MappingSpecError` with the
    /// line and column of the first problem.
    public static func read(path: String) throws(MappingSpecError) -> MappingSpec {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MappingSpecError("cannot read the mapping file", source: path, line: 1, column: 1)
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw MappingSpecError("the mapping file is not UTF-8", source: path, line: 1, column: 1)
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(yaml: yaml, file: path, directory: directory)
    }

    /// Reads and checks a mapping given as YAML text; `file` names it in errors and
    /// `directory` is where relative file names in it resolve.
    public static func parse(yaml: String, file: String, directory: String = ".") throws(MappingSpecError) -> MappingSpec {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw MappingSpecReader.yamlError(error, file: file)
        } catch {
            throw MappingSpecError("\(error)", source: file, line: 1, column: 1)
        }
        guard let root else { throw MappingSpecError("the mapping file is empty", source: file, line: 1, column: 1) }
        var reader = MappingSpecReader(file: file)
        return try reader.spec(MappingSpecNode(root, source: file), directory: directory)
    }
}

extension MappingSpecReader {
    /// A mapping file's YAML as the JSON value editors check against
    /// `docs/mapping.schema.json` (YAML 1.2 typing).
    static func json(yaml: String, file: String = "<yaml>") throws(MappingSpecError) -> RecordValue {
        do {
            guard let root = try Yams.compose(yaml: yaml) else { return .null }
            return MappingSpecNode(root, source: file).json
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw MappingSpecError("\(error)", source: file, line: 1, column: 1)
        }
    }
}

/// Walks the YAML of a mapping file, checking everything and building the spec.
struct MappingSpecReader {
    let file: String
    /// The fields read so far, by name.
    var fieldIndex: [String: Int] = [:]
    var fieldNames: [String] = []
    /// All field names in the file (for suggestions about fields not yet read).
    var allFieldNames: [String] = []
    var mapIndex: [String: Int] = [:]
    /// Prefixes for CURIEs: the built-in ones, then the target's.
    var prefixes: [(prefix: String, namespace: String)] = RDFTargetSpec.builtInPrefixes

    init(file: String) { self.file = file }

    static let topKeys = ["description", "version", "source", "target", "fields", "maps", "join", "filter"]

    mutating func spec(_ root: MappingSpecNode, directory: String) throws(MappingSpecError) -> MappingSpec {
        let top = try root.entries("the mapping", allowed: Self.topKeys)
        if let v = top["version"], try v.text("version") != "1" {
            throw v.error("this Samsvar reads mapping files of version 1")
        }
        try readPrefixes(top)
        var maps: [ValueMapSpec] = []
        if let node = top["maps"] {
            for entry in try node.namedEntries("maps") {
                mapIndex[entry.key] = maps.count
                maps.append(try valueMap(entry.key, entry.value, at: entry.keyNode))
            }
        }
        let source = try self.source(try top.required("source"), what: "the source", isJoin: false)
        var joins: [MappingSpecJoin] = []
        if let node = top["join"] {
            for item in node.listItems { joins.append(try join(item)) }
        }
        var filter: ExpressionCondition?
        if let node = top["filter"] { filter = try condition(node, what: "the filter", fields: false) }
        let fieldsNode = try top.required("fields")
        let entries = try fieldsNode.namedEntries("fields")
        if entries.isEmpty { throw fieldsNode.error("fields must name at least one field") }
        allFieldNames = entries.map(\.key)
        var fields: [MappingSpecField] = []
        for entry in entries {
            if fieldIndex[entry.key] != nil { throw entry.keyNode.error("field '\(entry.key)' is declared twice") }
            fields.append(try field(entry.key, entry.value))
            fieldIndex[entry.key] = fields.count - 1
            fieldNames.append(entry.key)
        }
        let target = try self.target(try top.required("target"), directory: directory)
        return MappingSpec(file: file, directory: directory, source: source, target: target, fields: fields,
                           maps: maps, joins: joins, filter: filter)
    }

    /// A YAML syntax error at its line and column.
    static func yamlError(_ error: YamlError, file: String) -> MappingSpecError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
            return MappingSpecError("YAML: \(text)", source: file, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return MappingSpecError("the key '\(duplicates.first ?? "")' is given twice in one mapping", source: file,
                                    line: context.mark.line, column: context.mark.column)
        case .reader(let problem, _, _, _):
            return MappingSpecError("YAML: \(problem)", source: file, line: 1, column: 1)
        default:
            return MappingSpecError("YAML: \(error)", source: file, line: 1, column: 1)
        }
    }

    // MARK: Source and joins

    static let sourceKeys = ["format", "iterator", "encoding", "delimiter", "quote", "escape", "header", "trim",
                             "comment", "ragged", "namespaces", "arrays"]

    func source(_ node: MappingSpecNode, what: String, isJoin: Bool) throws(MappingSpecError) -> MappingSpecSource {
        let e = try node.entries(what, allowed: Self.sourceKeys + (isJoin ? ["file"] : []))
        let formatNode = try e.required("format")
        let name = try formatNode.text("format")
        guard let format = RecordFormat(rawValue: name.lowercased()) else {
            throw formatNode.error("unknown source format '\(name)'; use csv, json, jsonl or xml"
                                   + MappingSpecSuggestion.hint(for: name, among: Self.recordFormatNames))
        }
        var s = MappingSpecSource(format: format)
        if let n = e["iterator"] {
            guard format == .json || format == .xml else {
                throw e.keyNode("iterator")!.error("'iterator' is for json and xml sources")
            }
            let iterator = try n.nonEmptyText("iterator")
            try checkIterator(iterator, format: format, at: n)
            s.options.iterator = iterator
        } else if format == .xml {
            throw e.node.error("an xml source needs an 'iterator' (an XPath such as /enheter/enhet)")
        }
        let csvKeys = ["delimiter", "quote", "escape", "header", "trim", "comment", "ragged"]
        if format != .csv, let k = csvKeys.first(where: { e[$0] != nil }) {
            throw e.keyNode(k)!.error("'\(k)' is for csv sources")
        }
        if format != .xml, let k = ["namespaces", "arrays"].first(where: { e[$0] != nil }) {
            throw e.keyNode(k)!.error("'\(k)' is for xml sources")
        }
        s.options.dialect = try dialect(e, base: CSVDialect())
        if let n = e["namespaces"] {
            for entry in try n.namedEntries("namespaces") {
                s.options.namespaces[entry.key] = try entry.value.nonEmptyText("namespace '\(entry.key)'")
            }
        }
        if let n = e["arrays"] { s.options.arrayElements = Set(try n.texts("an element name")) }
        if isJoin { s.file = try e.required("file").nonEmptyText("file") }
        return s
    }

    /// The iterator must be one the reader understands.
    private func checkIterator(_ text: String, format: RecordFormat, at n: MappingSpecNode) throws(MappingSpecError) {
        do throws(JSONPathError) {
            if format == .json { _ = try JSONPath(text) } else if format == .xml { _ = try XMLPath(text) }
        } catch {
            throw ExpressionSyntaxError("iterator: \(error.message)", offset: error.offset).located(at: n)
        }
    }

    /// The CSV dialect keys of a source or target.
    func dialect(_ e: MappingSpecEntries, base: CSVDialect) throws(MappingSpecError) -> CSVDialect {
        var d = base
        if let n = e["encoding"] {
            let name = try n.text("encoding")
            guard let enc = RecordEncoding(name: name) else {
                throw n.error("unknown encoding '\(name)'; use utf-8, iso-8859-1 or windows-1252")
            }
            d.encoding = enc
        }
        if let n = e["delimiter"] { d.delimiter = try character(n, "delimiter") }
        if let n = e["quote"] { d.quote = n.isNull ? nil : try character(n, "quote") }
        if let n = e["escape"] { d.escape = n.isNull ? nil : try character(n, "escape") }
        if let n = e["header"] { d.header = try n.bool("header") }
        if let n = e["trim"] { d.trim = try n.bool("trim") }
        if let n = e["comment"] { d.commentPrefix = try n.nonEmptyText("comment") }
        if let n = e["ragged"] {
            let v = try n.text("ragged")
            guard let r = CSVDialect.RaggedRows(rawValue: v) else { throw n.error("ragged must be 'error' or 'pad', not '\(v)'") }
            d.raggedRows = r
        }
        if let n = e["line-end"] {
            let v = try n.text("line-end")
            guard let t = CSVDialect.LineTerminator(rawValue: v) else { throw n.error("line-end must be 'crlf' or 'lf', not '\(v)'") }
            d.lineTerminator = t
        }
        do { try d.validate() } catch { throw e.node.error(error.message) }
        return d
    }

    private func character(_ n: MappingSpecNode, _ what: String) throws(MappingSpecError) -> Unicode.Scalar {
        var t = try n.text(what)
        if t == "\\t" || t.lowercased() == "tab" { t = "\t" }
        guard t.unicodeScalars.count == 1, let c = t.unicodeScalars.first else {
            throw n.error("\(what) must be one character, found '\(t)'")
        }
        return c
    }

    static let joinKeys = ["source", "key", "on", "as", "match", "unmatched"]

    func join(_ node: MappingSpecNode) throws(MappingSpecError) -> MappingSpecJoin {
        let e = try node.entries("a join", allowed: Self.joinKeys)
        let source = try self.source(try e.required("source"), what: "the join source", isJoin: true)
        let keyNode = try e.required("key"), onNode = try e.required("on")
        var key: [ExpressionPath] = [], on: [ExpressionPath] = []
        for item in keyNode.listItems { key.append(try path(item, "key")) }
        for item in onNode.listItems { on.append(try path(item, "on")) }
        guard key.count == on.count else {
            throw onNode.error("'on' names \(on.count) path\(on.count == 1 ? "" : "s") but 'key' \(key.count); they pair up")
        }
        let name = try e["as"]?.nonEmptyText("as") ?? "join"
        var matchAll = false
        if let n = e["match"] {
            switch try n.text("match") {
            case "one": matchAll = false
            case "all": matchAll = true
            case let v: throw n.error("match must be 'one' or 'all', not '\(v)'")
            }
        }
        var required = false
        if let n = e["unmatched"] {
            switch try n.text("unmatched") {
            case "keep": required = false
            case "fail": required = true
            case let v: throw n.error("unmatched must be 'keep' or 'fail', not '\(v)'")
            }
        }
        return MappingSpecJoin(source: source, key: key, on: on, name: name, matchAll: matchAll, required: required)
    }

    func path(_ node: MappingSpecNode, _ what: String) throws(MappingSpecError) -> ExpressionPath {
        let text = try node.nonEmptyText(what)
        do { return try ExpressionPath(text) } catch { throw error.located(at: node) }
    }

    // MARK: Value maps

    static let mapKeys = ["inline", "sssom", "store", "rdf", "predicates", "reverse", "key", "value", "unmapped", "ignore-case"]

    func valueMap(_ name: String, _ node: MappingSpecNode, at keyNode: MappingSpecNode) throws(MappingSpecError) -> ValueMapSpec {
        let what = "value map '\(name)'"
        let e = try node.entries(what, allowed: Self.mapKeys)
        let kind = try e.exactlyOne(of: ["inline", "sssom", "store", "rdf"], "source of pairs")
        let sourceNode = e[kind]!
        let source: ValueMapSpec.Source
        switch kind {
        case "inline":
            var table: [String: RecordValue] = [:]
            for entry in try sourceNode.namedEntries("the inline table of \(what)") {
                if table[entry.key] != nil { throw entry.keyNode.error("the code '\(entry.key)' is given twice") }
                guard let v = entry.value.recordValue else {
                    throw entry.value.error("values in \(what) must be text, found \(entry.value.kindName)")
                }
                table[entry.key] = v
            }
            source = .inline(table)
        case "sssom": source = .sssom(try sourceNode.nonEmptyText("sssom"))
        case "store": source = .store(try sourceNode.nonEmptyText("store"))
        default: source = .rdf(try sourceNode.nonEmptyText("rdf"))
        }
        let pairKeys = ["predicates", "reverse"]
        if kind == "inline", let k = pairKeys.first(where: { e[$0] != nil }) {
            throw e.keyNode(k)!.error("'\(k)' is for sssom, store and rdf maps")
        }
        if kind != "sssom", let k = ["key", "value"].first(where: { e[$0] != nil }) {
            throw e.keyNode(k)!.error("'\(k)' is for sssom maps")
        }
        var predicates = [MappingPredicateName.iri("exactMatch")!]
        if let n = e["predicates"] {
            predicates = []
            for item in n.listItems {
                let t = try item.nonEmptyText("a predicate")
                guard let iri = MappingPredicateName.iri(t) ?? expandCURIE(t) else {
                    throw item.error("unknown mapping predicate '\(t)'; use exactMatch, closeMatch, broadMatch, narrowMatch, relatedMatch, a CURIE or an IRI"
                                     + MappingSpecSuggestion.hint(for: t, among: MappingPredicateName.names))
                }
                predicates.append(iri)
            }
        }
        func slot(_ key: String) throws(MappingSpecError) -> ValueMapSpec.Slot {
            guard let n = e[key] else { return .id }
            let v = try n.text(key)
            guard let s = ValueMapSpec.Slot(rawValue: v) else { throw n.error("\(key) must be 'id' or 'label', not '\(v)'") }
            return s
        }
        var unmapped = ValueMapPolicy.fail
        if let n = e["unmapped"] {
            if n.isMapping {
                let u = try n.entries("unmapped", allowed: ["default"])
                let d = try u.required("default")
                guard let v = d.recordValue else { throw d.error("the default must be text, found \(d.kindName)") }
                unmapped = .default(v)
            } else {
                switch try n.text("unmapped") {
                case "fail": unmapped = .fail
                case "keep": unmapped = .keep
                case let v: throw n.error("unmapped must be 'fail', 'keep' or {default: value}, not '\(v)'")
                }
            }
        }
        return ValueMapSpec(name: name, source: source, predicates: predicates,
                            reverse: try e["reverse"]?.bool("reverse") ?? false,
                            key: try slot("key"), value: try slot("value"), unmapped: unmapped,
                            ignoreCase: try e["ignore-case"]?.bool("ignore-case") ?? false,
                            line: keyNode.line, column: keyNode.column)
    }

    /// A CURIE with a known prefix as an IRI, an absolute IRI as it is, else nil. To catch
    /// misspelt prefixes, text with an unknown prefix is an IRI only when it has `://` or
    /// a scheme that goes without (`urn:`, `mailto:` …).
    func expandCURIE(_ text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let prefix = text[..<colon], local = text[text.index(after: colon)...]
        if let ns = prefixes.last(where: { $0.prefix == prefix })?.namespace, !local.hasPrefix("//") { return ns + local }
        guard local.hasPrefix("//") || Self.schemesWithoutAuthority.contains(prefix.lowercased()) else { return nil }
        return RDFTargetLiteral.iriProblem(text) == nil ? text : nil
    }

    /// IRI schemes written without `//`, which are not taken for CURIE prefixes.
    static let schemesWithoutAuthority: Set<String> = ["urn", "mailto", "tag", "tel", "data", "doi", "info", "geo", "uuid"]
}

/// The SKOS mapping predicates by their short names.
enum MappingPredicateName {
    static let names = ["exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch"]

    static func iri(_ name: String) -> String? {
        let local = name.hasPrefix("skos:") ? String(name.dropFirst(5)) : name
        return names.contains(local) ? "http://www.w3.org/2004/02/skos/core#" + local : nil
    }
}
