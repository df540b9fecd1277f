import Foundation
import RDF
import RDFIO
import Store

/// Where concepts come from: the store (by vocabulary IRI) or an RDF file.
public enum ConceptLoader {
    /// The concepts of the store's graphs (validation report graphs left out); with
    /// `vocabulary`, only the graphs that describe that scheme or collection are read
    /// and the result is restricted to its concepts.
    public static func load(from store: any QuadStore, vocabulary: String? = nil,
                            profile: ConceptProfile = .any) throws -> ConceptIndex {
        var graphs = try store.graphs().map(\.graph).filter { !$0.hasSuffix("#validation") }
        if let vocabulary {
            let holding = Set(try store.quads(matching: QuadPattern(subject: .iri(vocabulary))).compactMap { $0.graph?.iriValue })
            graphs = graphs.filter { holding.contains($0) }
            guard !graphs.isEmpty else { throw ConceptError.unknownVocabulary(vocabulary) }
        }
        var triples: [Triple] = []
        for g in graphs { triples += try store.quads(matching: QuadPattern(graph: g)).map(\.triple) }
        return try restrict(ConceptReader.read(triples, profile: profile), to: vocabulary)
    }

    /// The concepts of an RDF file (any syntax Samsvar reads); with `vocabulary`,
    /// restricted to that scheme or collection.
    public static func load(file path: String, vocabulary: String? = nil,
                            profile: ConceptProfile = .any) throws -> ConceptIndex {
        try load(ImportSource.file(path), vocabulary: vocabulary, profile: profile)
    }

    /// `index` restricted to `vocabulary` when one is given.
    private static func restrict(_ index: ConceptIndex, to vocabulary: String?) throws -> ConceptIndex {
        guard let vocabulary else { return index }
        guard let restricted = index.restricted(to: vocabulary) else { throw ConceptError.unknownVocabulary(vocabulary) }
        return restricted
    }

    /// The concepts of a source already read into memory.
    public static func load(_ source: ImportSource, vocabulary: String? = nil,
                            profile: ConceptProfile = .any) throws -> ConceptIndex {
        var triples: [Triple] = []
        try RDFReader.read(bytes: source.bytes, format: source.format, base: source.base, source: source.location) {
            triples.append($0.triple)
        }
        return try restrict(ConceptReader.read(triples, profile: profile), to: vocabulary)
    }
}

/// A vocabulary that cannot be found.
public enum ConceptError: Error, CustomStringConvertible, Equatable {
    case unknownVocabulary(String)
    case unknownConcept(String)

    public var description: String {
        switch self {
        case .unknownVocabulary(let iri): "no concept scheme or collection <\(iri)> in the store"
        case .unknownConcept(let iri): "no concept <\(iri)>"
        }
    }
}
