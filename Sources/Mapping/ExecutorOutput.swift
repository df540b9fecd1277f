import RDF
import RDFIO

/// Where mapped records go.
public enum ExecutorOutput {
    /// A record writer (CSV, JSON, JSON Lines, XML).
    case records(any RecordWriter)
    /// An RDF writer; each record's statements go in record order.
    case rdf(any RDFStreamWriter)
    /// N-Triples or N-Quads bytes for `sink`: the statements are written on the threads
    /// that map the records, and only the bytes go out in record order.
    case lines(RDFFormat, sink: (UnsafeRawBufferPointer) throws -> Void)

    /// The writer the mapping's target asks for, handing its bytes to `sink`. N-Triples
    /// and N-Quads stream, written on the mapping threads; the other RDF syntaxes use the
    /// prefixes the mapping declares (and the built-in ones) and are written sorted and
    /// grouped at the end.
    public init(target: MappingSpecTarget, sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        switch target.format {
        case .records(let format):
            self = .records(try RecordFormat.writer(format: format, options: target.options, sink: sink))
        case .rdf(let format) where format == .nTriples || format == .nQuads:
            self = .lines(format, sink: sink)
        case .rdf(let format):
            let declared = target.rdf?.declaredPrefixes ?? []
            self = .rdf(try RDFWriter.writer(for: format, prefixes: declared, base: target.rdf?.base, output: sink))
        }
    }
}

extension RDFTargetSpec {
    /// The prefixes for the output: those the mapping file declares, then the built-in
    /// ones whose prefix and namespace it does not redeclare.
    var declaredPrefixes: [(prefix: String, namespace: String)] {
        let declared = Array(prefixes.dropFirst(Self.builtInPrefixes.count))
        return declared + Self.builtInPrefixes.filter { b in
            !declared.contains { $0.prefix == b.prefix || $0.namespace == b.namespace }
        }
    }
}
