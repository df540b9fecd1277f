import Foundation
import RDF

/// The statements of an information model, indexed for the reader: by subject in document
/// order, ModellDCAT-AP-NO predicates keyed by their lower-cased local name.
struct ModellDCATGraph {
    static let namespace = "https://data.norge.no/vocabulary/modelldcatno#"
    static let dct = "http://purl.org/dc/terms/"
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    static let languages = ["nb", "no", "nn", "", "en"]

    private var bySubject: [Term: [(key: String, object: Term)]] = [:]
    private var subjectOrder: [Term] = []
    /// Subjects by (key, object), for `skos:inScheme`.
    private var byObject: [String: [Term: [Term]]] = [:]

    init(_ triples: [Triple]) {
        for t in triples {
            guard let p = t.predicate.iriValue else { continue }
            let key = Self.key(p)
            if bySubject[t.subject] == nil { subjectOrder.append(t.subject) }
            bySubject[t.subject, default: []].append((key, t.object))
            if key == Self.skos + "inScheme" || key == "inscheme" || key == Self.skos + "topConceptOf" {
                byObject["inscheme", default: [:]][t.object, default: []].append(t.subject)
            }
        }
    }

    /// A ModellDCAT-AP-NO predicate's lower-cased local name; any other predicate's IRI.
    static func key(_ iri: String) -> String {
        iri.hasPrefix(namespace) ? String(iri.dropFirst(namespace.count)).lowercased() : iri
    }

    func objects(_ s: Term, _ key: String) -> [Term] {
        (bySubject[s] ?? []).filter { $0.key == key }.map(\.object)
    }

    func first(_ s: Term, _ keys: [String]) -> Term? {
        for k in keys { if let o = objects(s, k).first { return o } }
        return nil
    }

    /// Subjects with one of the ModellDCAT-AP-NO classes (lower-cased local names), in order.
    func subjects(ofType classes: [String]) -> [Term] {
        let iris = Set(classes.map { Self.namespace.lowercased() + $0 })
        return subjectOrder.filter { s in
            objects(s, Self.rdfType).contains { $0.iriValue.map { iris.contains($0.lowercased()) } ?? false }
        }
    }

    func isA(_ s: Term, _ localName: String) -> Bool {
        objects(s, Self.rdfType).contains { $0.iriValue?.lowercased() == (Self.namespace + localName).lowercased() }
    }

    /// A text by language preference (Norwegian first).
    func text(_ s: Term, _ key: String) -> String? {
        let literals = objects(s, key).compactMap(\.literalValue)
        for lang in Self.languages {
            if let l = literals.first(where: { ($0.language ?? "").lowercased() == lang }) { return l.lexicalForm }
        }
        return literals.first?.lexicalForm
    }

    func title(_ s: Term) -> String? {
        text(s, Self.dct + "title") ?? text(s, Self.skos + "prefLabel") ?? text(s, "http://www.w3.org/2000/01/rdf-schema#label")
    }

    func localName(_ s: Term) -> String {
        guard let iri = s.iriValue else { return "_" }
        if let cut = iri.lastIndex(where: { $0 == "#" || $0 == "/" }), iri.index(after: cut) < iri.endIndex {
            return String(iri[iri.index(after: cut)...])
        }
        return iri
    }

    /// The concepts a resource names: `modelldcatno:subject` and `dct:subject`, IRIs or
    /// literals holding IRIs.
    func concepts(_ s: Term) -> [String] {
        SchemaReader.unique((objects(s, "subject") + objects(s, Self.dct + "subject")).compactMap(Self.iriText))
    }

    static func iriText(_ t: Term) -> String? {
        switch t {
        case .iri(let v): return v
        case .literal(let l): return l.lexicalForm.contains(":") ? l.lexicalForm.trimmingCharacters(in: .whitespaces) : nil
        case .blankNode: return nil
        }
    }

    // MARK: Fields

    /// The fields of an object or data type, depth first.
    func fields(of type: Term, prefix: [SchemaPathStep], depth: Int, visiting: Set<Term>) -> [SchemaField] {
        var out: [SchemaField] = []
        for p in objects(type, "hasproperty") {
            let general = objects(p, "hasgeneralconcept")
            if isA(p, "Specialization") || !general.isEmpty {
                for g in general where !visiting.contains(g) && depth < SchemaReader.maxDepth {
                    out += fields(of: g, prefix: prefix, depth: depth + 1, visiting: visiting.union([g]))
                }
                continue
            }
            out += fields(ofProperty: p, prefix: prefix, depth: depth, visiting: visiting)
        }
        return out
    }

    private func fields(ofProperty p: Term, prefix: [SchemaPathStep], depth: Int, visiting: Set<Term>) -> [SchemaField] {
        let step = SchemaPathStep(title(p) ?? localName(p), isList: isList(p))
        var field = SchemaField(path: prefix + [step], label: title(p), description: text(p, Self.dct + "description"),
                                concepts: concepts(p))
        if let simple = first(p, ["hassimpletype"]) {
            field.datatype = datatype(simple)
            if field.concepts.isEmpty { field.concepts = concepts(simple) }
        } else if let list = first(p, ["hasvaluefrom"]) {
            field.codeList = codeList(list)
            field.datatype = title(list)
            if field.concepts.isEmpty { field.concepts = concepts(list) }
        } else if let type = first(p, ["hasdatatype", "hasobjecttype", "refersto", "contains", "hastype"]) {
            if isA(type, "CodeList") {
                field.codeList = codeList(type)
            } else if !objects(type, "hasproperty").isEmpty, depth < SchemaReader.maxDepth, !visiting.contains(type) {
                return fields(of: type, prefix: prefix + [step], depth: depth + 1, visiting: visiting.union([type]))
            } else if isA(type, "ObjectType") || isA(type, "RootObjectType") {
                return []   // an object type without fields of its own: nothing to map
            }
            field.datatype = datatype(type)
            if field.concepts.isEmpty { field.concepts = concepts(type) }
        }
        return [field]
    }

    private func isList(_ p: Term) -> Bool {
        guard let max = first(p, ["http://www.w3.org/2001/XMLSchema#maxOccurs", "maxoccurs"])?.literalValue?.lexicalForm else {
            return false
        }
        return max == "*" || max == "unbounded" || (Int(max) ?? 1) > 1
    }

    private func datatype(_ type: Term) -> String? {
        if let reference = first(type, ["typedefinitionreference"]).flatMap(Self.iriText) {
            return reference.hasPrefix("http://www.w3.org/2001/XMLSchema#") ? String(reference.dropFirst(33)) : reference
        }
        return title(type)
    }

    private func codeList(_ list: Term) -> SchemaCodeList {
        var iris: [String] = list.iriValue.map { [$0] } ?? []
        iris += objects(list, "codelistreference").compactMap(Self.iriText)
        var members = objects(list, "containscode")
        members += byObject["inscheme"]?[list] ?? []
        var codes: [SchemaCode] = []
        var seen = Set<Term>()
        for code in members where seen.insert(code).inserted {
            let value = text(code, Self.skos + "notation") ?? text(code, Self.dct + "title") ?? text(code, Self.dct + "identifier") ?? localName(code)
            let label = text(code, Self.skos + "prefLabel") ?? text(code, Self.dct + "title")
            codes.append(SchemaCode(value: value, label: label == value ? nil : label,
                                    iris: SchemaReader.unique((code.iriValue.map { [$0] } ?? []) + concepts(code))))
        }
        return SchemaCodeList(iris: SchemaReader.unique(iris), label: title(list), codes: codes)
    }
}
