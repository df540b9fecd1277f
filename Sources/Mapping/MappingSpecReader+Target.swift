import Foundation
import RDF
import RDFIO

/// The target: record output (CSV, JSON, JSON Lines, XML) or RDF.
extension MappingSpecReader {
    static let recordTargetKeys = ["columns", "schema", "encoding", "delimiter", "quote", "escape", "header", "line-end",
                                   "list-separator", "root", "record", "pretty", "namespaces"]
    static let rdfTargetKeys = ["prefixes", "base", "subject", "class", "properties", "graph", "when", "resources"]
    static let recordFormatNames = ["csv", "json", "jsonl", "xml"]

    /// The target's `prefixes`, read before anything else so that CURIEs work everywhere.
    mutating func readPrefixes(_ top: MappingSpecEntries) throws(MappingSpecError) {
        guard let target = top["target"], case .mapping = target.node,
              let node = try target.entries("the target", allowed: ["format"] + Self.recordTargetKeys + Self.rdfTargetKeys)["prefixes"]
        else { return }
        for entry in try node.namedEntries("prefixes") {
            let ns = try entry.value.nonEmptyText("the namespace of '\(entry.key)'")
            if let problem = RDFTargetLiteral.iriProblem(ns) { throw entry.value.error("prefix '\(entry.key)': \(problem)") }
            prefixes.append((entry.key, ns))
        }
    }

    func target(_ node: MappingSpecNode, directory: String = ".") throws(MappingSpecError) -> MappingSpecTarget {
        let e = try node.entries("the target", allowed: ["format"] + Self.recordTargetKeys + Self.rdfTargetKeys)
        let formatNode = try e.required("format")
        let name = try formatNode.text("format").lowercased()
        let writable = RDFFormat.writable.map(\.rawValue)
        let format: MappingSpecTarget.Format
        if let f = RecordFormat(rawValue: name) {
            format = .records(f)
        } else if let f = RDFFormat(name: name), f.isWritable {
            format = .rdf(f)
        } else {
            let all = Self.recordFormatNames + writable
            throw formatNode.error("unknown target format '\(name)'; use \(all.joined(separator: ", "))"
                                   + MappingSpecSuggestion.hint(for: name, among: all))
        }
        var target = MappingSpecTarget(format: format, columns: Array(fieldNames.indices), options: RecordWriterOptions(), rdf: nil)
        switch format {
        case .records(let recordFormat):
            if let k = Self.rdfTargetKeys.first(where: { e[$0] != nil }) {
                throw e.keyNode(k)!.error("'\(k)' is for RDF targets (\(writable.joined(separator: ", ")))")
            }
            if let n = e["columns"] {
                var columns: [Int] = []
                for item in try n.list("columns") {
                    let name = try item.nonEmptyText("a column")
                    guard let i = fieldIndex[name] else {
                        throw item.error("column '\(name)' is not a field" + MappingSpecSuggestion.hint(for: name, among: fieldNames))
                    }
                    if columns.contains(i) { throw item.error("column '\(name)' is listed twice") }
                    columns.append(i)
                }
                if columns.isEmpty { throw n.error("columns must name at least one field") }
                target.columns = columns
            }
            if recordFormat != .csv { try checkNesting(target.columns, at: e["columns"] ?? node) }
            let csvKeys = ["delimiter", "quote", "escape", "header", "line-end", "list-separator"]
            if recordFormat != .csv, let k = csvKeys.first(where: { e[$0] != nil }) {
                throw e.keyNode(k)!.error("'\(k)' is for csv targets")
            }
            // With an XSD, `record` and `namespaces` also say which element the records are
            // validated as, whatever the format.
            var schemaName: String?
            if let n = e["schema"] { schemaName = try n.nonEmptyText("schema") }
            let isXSD = schemaName.map(Self.isXSD) ?? false
            if recordFormat != .xml, !isXSD, let k = ["record", "namespaces"].first(where: { e[$0] != nil }) {
                throw e.keyNode(k)!.error("'\(k)' is for xml targets (and targets whose schema is an XSD)")
            }
            if recordFormat != .xml, recordFormat != .json, let k = ["root", "pretty"].first(where: { e[$0] != nil }) {
                throw e.keyNode(k)!.error("'\(k)' is for json and xml targets")
            }
            var options = RecordWriterOptions(dialect: try dialect(e, base: CSVDialect()))
            options.columns = target.columns.map { fieldNames[$0] }
            if let n = e["list-separator"] { options.listSeparator = try n.text("list-separator") }
            if let n = e["root"] { options.root = try xmlName(n, "root") }
            if let n = e["record"] { options.record = try xmlName(n, "record") }
            if let n = e["pretty"] { options.pretty = try n.bool("pretty") }
            if let n = e["namespaces"] {
                for entry in try n.namedEntries("namespaces") {
                    options.namespaces[entry.key] = try entry.value.nonEmptyText("namespace '\(entry.key)'")
                }
            }
            target.options = options
            if let n = e["schema"], let name = schemaName {
                target.schema = try targetSchema(n, name, isXSD: isXSD, options: options, directory: directory)
            }
        case .rdf(let rdfFormat):
            if let k = Self.recordTargetKeys.first(where: { e[$0] != nil }) {
                throw e.keyNode(k)!.error("'\(k)' is for csv, json, jsonl and xml targets")
            }
            var spec = RDFTargetSpec(prefixes: prefixes, base: nil, resources: [])
            if let n = e["base"] {
                let base = try n.nonEmptyText("base")
                if let problem = RDFTargetLiteral.iriProblem(base) { throw n.error("base: \(problem)") }
                spec.base = base
            }
            if e["subject"] != nil {
                spec.resources.append(try resource(e, what: "the target", nested: false, base: spec.base, format: rdfFormat))
            } else if let k = ["class", "properties", "graph", "when"].first(where: { e[$0] != nil }) {
                throw e.keyNode(k)!.error("'\(k)' needs a 'subject' beside it")
            }
            if let n = e["resources"] {
                for item in try n.list("resources") {
                    let r = try item.entries("a resource", allowed: ["subject", "class", "properties", "graph", "when"])
                    spec.resources.append(try resource(r, what: "a resource", nested: false, base: spec.base, format: rdfFormat))
                }
            }
            if spec.resources.isEmpty { throw node.error("an RDF target needs a 'subject' (or a list of 'resources')") }
            target.rdf = spec
        }
        return target
    }

    /// Whether a `schema:` file is an XML Schema: by its extension, `.xsd` (any case).
    static func isXSD(_ name: String) -> Bool { name.lowercased().hasSuffix(".xsd") }

    /// The target's `schema:`: an XSD (named `*.xsd`), validating each record as the
    /// element `record` with the target's namespaces, or else a JSON Schema.
    private func targetSchema(_ n: MappingSpecNode, _ name: String, isXSD: Bool, options: RecordWriterOptions,
                              directory: String) throws(MappingSpecError) -> TargetSchema {
        let path = name.hasPrefix("/") ? name : directory + "/" + name
        if isXSD {
            do {
                return .xsd(try XMLSchemaValidator(path: path, record: options.record ?? "record",
                                                   namespaces: options.namespaces, directory: directory))
            } catch {
                throw n.error("cannot use the XML Schema '\(name)': \(error.description)")
            }
        }
        do {
            return .json(try JSONSchema(path: path))
        } catch {
            // An XSD under another name is read as JSON: say how to have it read as XML.
            let looksLikeXML = (try? String(contentsOfFile: path, encoding: .utf8))?
                .drop { $0.isWhitespace || $0 == "\u{FEFF}" }.first == "<"
            throw n.error("cannot use the JSON Schema '\(name)': \(error.description)"
                          + (looksLikeXML ? " (an XML Schema is read as one when its name ends in .xsd)" : ""))
        }
    }

    /// In JSON and XML output `a.b` nests under `a`, so `a` cannot be a field of its own.
    private func checkNesting(_ columns: [Int], at node: MappingSpecNode) throws(MappingSpecError) {
        let names = Set(columns.map { fieldNames[$0] })
        for name in columns.map({ fieldNames[$0] }) where name.contains(".") {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            if parts.contains(where: \.isEmpty) { throw node.error("field '\(name)' has an empty part between dots") }
            for k in 1..<parts.count {
                let prefix = parts[..<k].joined(separator: ".")
                if names.contains(prefix) {
                    throw node.error("field '\(name)' nests under '\(prefix)', which is a field of its own; rename one of them")
                }
            }
        }
    }

    private func xmlName(_ n: MappingSpecNode, _ what: String) throws(MappingSpecError) -> String {
        let t = try n.nonEmptyText(what)
        guard let first = t.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
              t.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.:".unicodeScalars.contains($0) })
        else { throw n.error("'\(t)' is not an XML element name") }
        return t
    }

    /// A resource: `subject`, `class`, `properties`, `graph`, `when`.
    func resource(_ e: MappingSpecEntries, what: String, nested: Bool, base: String?,
                  format: RDFFormat) throws(MappingSpecError) -> RDFTargetResource {
        var r = RDFTargetResource(subject: .blank, classes: [], properties: [], graph: nil, when: nil)
        if let n = e["subject"] {
            let text = try n.nonEmptyText("subject")
            r.subject = .iri(.template(try iriTemplate(n, base: base)), template: text)
        } else if !nested {
            throw e.node.error("\(what) needs a 'subject'")
        }
        if let n = e["class"] {
            for item in n.listItems { r.classes.append(try constantIRI(item, "a class")) }
        }
        if let n = e["graph"] {
            guard format.supportsNamedGraphs else {
                throw e.keyNode("graph")!.error("'graph' needs an RDF format with named graphs (nquads, trig), not \(format.rawValue)")
            }
            r.graph = .template(try iriTemplate(n, base: base))
        }
        if let n = e["when"] { r.when = try condition(n, what: "the condition", fields: true) }
        if let n = e["properties"] {
            for item in try n.list("properties") { r.properties.append(try property(item, base: base, format: format)) }
        }
        if nested, r.classes.isEmpty, r.properties.isEmpty, case .blank = r.subject {
            throw e.node.error("a resource without a subject needs a class or properties")
        }
        return r
    }

    static let propertyKeys = ["predicate", "field", "value", "template", "iri", "resource", "datatype", "language", "when"]

    func property(_ n: MappingSpecNode, base: String?, format: RDFFormat) throws(MappingSpecError) -> RDFTargetProperty {
        let e = try n.entries("a property", allowed: Self.propertyKeys)
        var predicates: [String] = []
        for item in try e.required("predicate").listItems {
            predicates.append(try item.text("predicate") == "a" ? RDFVocabulary.type : try constantIRI(item, "a predicate"))
        }
        let kind = try e.exactlyOne(of: ["field", "value", "template", "iri", "resource"], "object")
        let v = e[kind]!
        if kind == "iri" || kind == "resource", let k = ["datatype", "language"].first(where: { e[$0] != nil }) {
            throw e.keyNode(k)!.error("'\(k)' is for literals (field, value, template), not '\(kind)'")
        }
        if e["datatype"] != nil, e["language"] != nil {
            throw e.keyNode("language")!.error("a literal has a datatype or a language, not both")
        }
        let object: RDFTargetObject
        switch kind {
        case "iri":
            object = .iri(.template(try iriTemplate(v, base: base)))
        case "resource":
            let r = try v.entries("the resource", allowed: ["subject", "class", "properties", "graph", "when"])
            object = .resource(try resource(r, what: "the resource", nested: true, base: base, format: format))
        default:
            let expression: Expression
            switch kind {
            case "field":
                let name = try v.nonEmptyText("field")
                guard let i = fieldIndex[name] else {
                    throw v.error("unknown field '\(name)'" + MappingSpecSuggestion.hint(for: name, among: fieldNames))
                }
                expression = .field(i, name)
            case "value":
                guard let c = v.recordValue else { throw v.error("value must be text, found \(v.kindName)") }
                expression = .constant(c)
            default:
                expression = .template(try targetTemplate(v, encodesIRI: false))
            }
            var datatype: String?
            if let d = e["datatype"] { datatype = try constantIRI(d, "a datatype") }
            var language: Expression?
            if let l = e["language"] {
                let tag = try l.nonEmptyText("language")
                if tag.contains("{") {
                    language = .template(try targetTemplate(l, encodesIRI: false))
                } else {
                    guard RDFTargetLiteral.isLanguageTag(tag) else { throw l.error("'\(tag)' is not a language tag (nb, nn, en-GB …)") }
                    language = .constant(.string(tag))
                }
            }
            if let datatype, case .constant(let c) = expression, let t = ExpressionValue.text(c),
               let problem = RDFTargetLiteral.problem(t, datatype: datatype) {
                throw v.error(problem)
            }
            object = .literal(expression, datatype: datatype, language: language)
        }
        var p = RDFTargetProperty(predicates: predicates, object: object, when: nil)
        if let w = e["when"] { p.when = try condition(w, what: "the condition", fields: true) }
        return p
    }

    /// A template over fields for an IRI: a leading CURIE is expanded, inserted values are
    /// percent-encoded, and a constant one must be a valid IRI.
    func iriTemplate(_ n: MappingSpecNode, base: String?) throws(MappingSpecError) -> ExpressionTemplate {
        let template = try targetTemplate(n, encodesIRI: true)
        guard case .text(let head) = template.parts.first, let colon = head.firstIndex(of: ":") else {
            if template.isConstant, base == nil { throw n.error("'\(template.text)' is not an absolute IRI") }
            return template
        }
        var parts = template.parts
        let prefix = head[..<colon], rest = head[head.index(after: colon)...]
        if let ns = prefixes.last(where: { $0.prefix == prefix })?.namespace, !rest.hasPrefix("//") {
            parts[0] = .text(ns + rest)
        }
        let expanded = ExpressionTemplate(text: template.text, parts: parts, encodesIRI: true)
        if expanded.isConstant, case .text(let iri) = parts[0], base == nil, let problem = RDFTargetLiteral.iriProblem(iri) {
            throw n.error(problem + (IRIResolver.isAbsolute(iri) ? "" : "; declare the prefix under 'prefixes' or give a 'base'"))
        }
        return expanded
    }

    /// A template whose references name fields.
    func targetTemplate(_ n: MappingSpecNode, encodesIRI: Bool) throws(MappingSpecError) -> ExpressionTemplate {
        let text = try n.nonEmptyText("template")
        let index = fieldIndex, names = fieldNames
        let resolve: (String, Int) throws(ExpressionSyntaxError) -> Expression = { name, offset throws(ExpressionSyntaxError) in
            guard let i = index[name] else {
                throw ExpressionSyntaxError("unknown field '\(name)' in template; templates in the target name fields"
                                            + MappingSpecSuggestion.hint(for: name, among: names), offset: offset)
            }
            return .field(i, name)
        }
        do throws(ExpressionSyntaxError) {
            return try ExpressionTemplate(text, encodesIRI: encodesIRI, resolve: resolve)
        } catch {
            throw error.located(at: n)
        }
    }

    /// A CURIE (`rov:legalName`) or an absolute IRI, expanded.
    func constantIRI(_ n: MappingSpecNode, _ what: String) throws(MappingSpecError) -> String {
        let text = try n.nonEmptyText(what)
        if let iri = expandCURIE(text) { return iri }
        if let colon = text.firstIndex(of: ":") {
            let prefix = String(text[..<colon])
            throw n.error("unknown prefix '\(prefix)' in '\(text)'; declare it under the target's 'prefixes'"
                          + MappingSpecSuggestion.hint(for: prefix, among: prefixes.map(\.prefix)))
        }
        throw n.error("\(what) must be a CURIE (rov:legalName) or an absolute IRI, found '\(text)'")
    }
}

extension ExpressionTemplate {
    /// A template with its parts replaced (a CURIE expanded in the leading text).
    init(text: String, parts: [Part], encodesIRI: Bool) {
        self.text = text
        self.parts = parts
        self.encodesIRI = encodesIRI
    }
}
