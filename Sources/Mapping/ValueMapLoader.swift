import Alignment
import Foundation
import RDF
import RDFIO

/// Reads the triples of a named graph in the store, for value maps with `store:`. The
/// command line passes one over its store; without one such maps are an error.
public typealias ValueMapGraphReader = @Sendable (String) throws -> [Triple]

/// Loads the value maps of a mapping file: inline tables as they are, SSSOM/TSV files
/// through the Alignment module, SKOS mapping graphs from the store or an RDF file.
enum ValueMapLoader {
    /// The graph `store: accepted` names: the alignments accepted in review.
    static let acceptedGraph = ReviewLog.acceptedGraph

    /// Loads `spec`; errors point at the map's declaration in `file`.
    static func load(_ spec: ValueMapSpec, file: String, directory: String,
                     graphs: ValueMapGraphReader?) throws(MappingSpecError) -> ValueMap {
        func fail(_ message: String) -> MappingSpecError {
            MappingSpecError(message, source: file, line: spec.line, column: spec.column)
        }
        switch spec.source {
        case .inline(let table):
            return ValueMap(name: spec.name, table: table.mapValues { [$0] }, unmapped: spec.unmapped, ignoreCase: spec.ignoreCase)
        case .sssom(let path):
            let resolved = resolve(path, directory: directory)
            let set: MappingSet
            do {
                set = try SSSOMReader().read(path: resolved)
            } catch let error as SSSOMError {
                throw fail("value map '\(spec.name)': \(error.description)")
            } catch {
                throw fail("value map '\(spec.name)': cannot read \(path): \(error)")
            }
            var pairs: [(key: String, value: String, rank: Int)] = []
            for m in set.mappings where !m.isNegated {
                guard let rank = spec.predicates.firstIndex(of: m.predicateID) else { continue }
                let codeSide = spec.reverse ? (id: m.objectID, label: m.objectLabel) : (id: m.subjectID, label: m.subjectLabel)
                let valueSide = spec.reverse ? (id: m.subjectID, label: m.subjectLabel) : (id: m.objectID, label: m.objectLabel)
                guard let code = spec.key == .id ? codeSide.id : codeSide.label,
                      let value = spec.value == .id ? valueSide.id : valueSide.label else { continue }
                pairs.append((code, value, rank))
            }
            return ValueMap(name: spec.name, table: table(pairs), unmapped: spec.unmapped, ignoreCase: spec.ignoreCase,
                            prefixes: set.curieMap)
        case .store(let graph):
            guard let graphs else { throw fail("value map '\(spec.name)' reads the store, but no store was given (--store)") }
            let name = graph == "accepted" ? acceptedGraph : graph
            let triples: [Triple]
            do { triples = try graphs(name) } catch { throw fail("value map '\(spec.name)': cannot read graph <\(name)>: \(error)") }
            if triples.isEmpty { throw fail("value map '\(spec.name)': the store has no graph <\(name)> or it is empty") }
            return ValueMap(name: spec.name, table: table(pairs(triples, spec)), unmapped: spec.unmapped, ignoreCase: spec.ignoreCase)
        case .rdf(let path):
            let resolved = resolve(path, directory: directory)
            guard let format = RDFFormat(path: path) else {
                throw fail("value map '\(spec.name)': cannot tell the RDF syntax of \(path) from its extension")
            }
            let quads: [Quad]
            do { quads = try RDFReader.quads(path: resolved, format: format) } catch {
                throw fail("value map '\(spec.name)': \(error)")
            }
            return ValueMap(name: spec.name, table: table(pairs(quads.map(\.triple), spec)), unmapped: spec.unmapped, ignoreCase: spec.ignoreCase)
        }
    }

    /// The pairs of mapping triples with one of the spec's predicates.
    private static func pairs(_ triples: [Triple], _ spec: ValueMapSpec) -> [(key: String, value: String, rank: Int)] {
        var out: [(key: String, value: String, rank: Int)] = []
        for t in triples {
            guard let p = t.predicate.iriValue, let rank = spec.predicates.firstIndex(of: p),
                  let s = text(t.subject), let o = text(t.object) else { continue }
            out.append(spec.reverse ? (o, s, rank) : (s, o, rank))
        }
        return out
    }

    private static func text(_ term: Term) -> String? {
        switch term {
        case .iri(let v): v
        case .literal(let l): l.lexicalForm
        case .blankNode: nil
        }
    }

    /// Code → values, keeping for each code only the pairs of its most preferred
    /// predicate, each value once, in the order met.
    private static func table(_ pairs: [(key: String, value: String, rank: Int)]) -> [String: [RecordValue]] {
        var best: [String: Int] = [:]
        for p in pairs { best[p.key] = min(best[p.key] ?? Int.max, p.rank) }
        var table: [String: [RecordValue]] = [:]
        for p in pairs where best[p.key] == p.rank {
            let v = RecordValue.string(p.value)
            if !(table[p.key]?.contains(v) ?? false) { table[p.key, default: []].append(v) }
        }
        return table
    }

    /// `path` against the mapping file's directory, unless it is absolute.
    static func resolve(_ path: String, directory: String) -> String {
        path.hasPrefix("/") || directory.isEmpty ? path : directory + "/" + path
    }
}
