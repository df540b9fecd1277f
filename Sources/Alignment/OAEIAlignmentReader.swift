import Foundation
import RDF
import RDFIO

/// Reads alignments in the OAEI Alignment format: RDF (normally RDF/XML) with an
/// `Alignment` whose `map`s hold `Cell`s of `entity1`, `entity2`, `relation` and `measure`.
///
/// The document is parsed with Samsvar's own RDF readers, so any RDF syntax works.
/// Both spellings of the Alignment namespace found in the wild are accepted: with `#`
/// (`…/heterogeneity/alignment#`, the Alignment API's) and without it, as in the OAEI
/// anatomy and DH-benchmark references, whose element names then read
/// `…/heterogeneity/alignmentCell`.
public struct OAEIAlignmentReader: Sendable {
    /// The alignment vocabulary's namespaces, the one with `#` first.
    public static let namespaces = [
        "http://knowledgeweb.semanticweb.org/heterogeneity/alignment#",
        "http://knowledgeweb.semanticweb.org/heterogeneity/alignment",
    ]

    /// The justification given to every mapping read (the format records none).
    public var justification: String

    /// A reader that gives its mappings `justification` (`semapv:UnspecifiedMatching` by default).
    public init(justification: String = MappingJustification.unspecifiedMatching) {
        self.justification = justification
    }

    /// Reads an alignment file; the syntax comes from the extension, RDF/XML when it says
    /// nothing (`.xml`, `.rdf`, none).
    public func read(path: String) throws -> OAEIAlignment {
        let format = RDFFormat(path: path) ?? .rdfXML
        let base = URL(fileURLWithPath: path).absoluteString
        return try alignment(from: RDFReader.quads(path: path, format: format, base: base), source: path)
    }

    /// Reads an alignment held in memory.
    public func read(bytes: [UInt8], format: RDFFormat = .rdfXML, base: String? = nil,
                     source: String? = nil) throws -> OAEIAlignment {
        var quads: [Quad] = []
        try RDFReader.read(bytes: bytes, format: format, base: base, source: source) { quads.append($0) }
        return try alignment(from: quads, source: source)
    }

    /// True when some statement uses the alignment vocabulary.
    public static func isAlignment(_ quads: [Quad]) -> Bool {
        quads.contains { quad in quad.predicate.iriValue.flatMap(localName) != nil }
    }

    /// The alignment the statements describe.
    public func alignment(from quads: [Quad], source: String? = nil) throws -> OAEIAlignment {
        var order: [Term] = []
        var properties: [Term: [(name: String, value: Term)]] = [:]
        let type = Namespace.rdf("type")
        for quad in quads {
            guard let predicate = quad.predicate.iriValue else { continue }
            let name: String
            if let local = Self.localName(predicate) {
                name = local
            } else if predicate == type, let typeName = quad.object.iriValue.flatMap(Self.localName) {
                name = "a " + typeName
            } else {
                continue
            }
            if properties[quad.subject] == nil { order.append(quad.subject) }
            properties[quad.subject, default: []].append((name, quad.object))
        }

        var alignment = OAEIAlignment()
        for subject in order {
            let props = properties[subject] ?? []
            func first(_ name: String) -> Term? { props.first { $0.name == name }?.value }
            if props.contains(where: { $0.name == "map" || $0.name == "a Alignment" }) {
                alignment.ontology1 = alignment.ontology1 ?? first("onto1").flatMap(Self.text)
                alignment.ontology2 = alignment.ontology2 ?? first("onto2").flatMap(Self.text)
                alignment.level = alignment.level ?? first("level").flatMap(Self.text)
                alignment.type = alignment.type ?? first("type").flatMap(Self.text)
            }
            guard props.contains(where: { $0.name == "entity1" || $0.name == "entity2" || $0.name == "a Cell" })
            else { continue }
            alignment.mappings.append(try mapping(cell: subject, number: alignment.mappings.count + 1,
                                                  first: first, source: source))
        }
        return alignment
    }

    private func mapping(cell: Term, number: Int, first: (String) -> Term?, source: String?) throws -> Mapping {
        func fail(_ message: String) -> OAEIAlignmentError {
            OAEIAlignmentError("cell \(number)\(cell.iriValue.map { " <\($0)>" } ?? ""): \(message)", source: source)
        }
        func entity(_ name: String) throws -> String {
            guard let term = first(name) else { throw fail("it has no \(name)") }
            guard let iri = term.iriValue else {
                throw fail("its \(name) is not an IRI (only level 0 alignments, between named entities, are supported)")
            }
            return iri
        }
        let entity1 = try entity("entity1")
        let entity2 = try entity("entity2")
        var relation = OAEIRelation.equivalence
        if let term = first("relation") {
            let text = Self.text(term) ?? ""
            guard let known = OAEIRelation(text: text) else { throw fail("'\(text)' is not a relation (=, <, >, %)") }
            relation = known
        }
        var confidence: Double?
        if let term = first("measure") {
            let text = (Self.text(term) ?? "").trimmingCharacters(in: .whitespaces)
            guard let value = Double(text), (0...1).contains(value) else {
                throw fail("its measure '\(text)' is not a number from 0 to 1")
            }
            confidence = value
        }
        return Mapping(subjectID: entity1, predicateID: relation.predicate, objectID: entity2,
                       justification: justification, confidence: confidence)
    }

    /// The local name of an IRI in the alignment vocabulary.
    static func localName(_ iri: String) -> String? {
        for namespace in namespaces where iri.hasPrefix(namespace) {
            let local = iri.dropFirst(namespace.count)
            return local.isEmpty ? nil : String(local)
        }
        return nil
    }

    /// An IRI's string or a literal's lexical form.
    private static func text(_ term: Term) -> String? {
        switch term {
        case .iri(let iri): iri
        case .literal(let literal): literal.lexicalForm
        case .blankNode: nil
        }
    }
}
