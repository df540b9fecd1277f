/// The record formats the mapper reads and writes.
public enum RecordFormat: String, Sendable, Hashable, CaseIterable {
    /// Comma-separated values and its dialects (`CSVDialect`).
    case csv
    /// A JSON document; records are selected by a JSONPath iterator.
    case json
    /// JSON Lines (also called NDJSON): one JSON value per line.
    case jsonl
    /// An XML document; records are selected by an XPath iterator.
    case xml

    /// The format a file name's extension says (`.csv`, `.tsv`, `.json`, `.jsonl`,
    /// `.ndjson`, `.xml`, case-insensitively); nil for any other.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "csv", "tsv": self = .csv
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "xml": self = .xml
        default: return nil
        }
    }
}

extension RecordFormat {
    /// A reader of the file at `path` (`-` for standard input) in `format`, or in the
    /// format its extension says when `format` is nil. A `.tsv` file read with the
    /// default comma delimiter is read with tabs. XML needs `options.iterator`.
    public static func reader(path: String, format: RecordFormat? = nil,
                              options: RecordReaderOptions = RecordReaderOptions()) throws(RecordInputError) -> any RecordReader {
        guard let format = format ?? RecordFormat(path: path) else {
            throw RecordInputError("cannot tell the record format from the file name: give it (csv, json, jsonl or xml)",
                                   source: path, line: 0, column: 0)
        }
        switch format {
        case .csv:
            var dialect = options.dialect
            if path.lowercased().hasSuffix(".tsv"), dialect.delimiter == "," { dialect.delimiter = "\t" }
            let input = try ByteInput(path: path, encoding: dialect.encoding, chunkSize: options.chunkSize,
                                      maxBuffer: options.maxValueLength)
            return try CSVRecordReader(input: input, dialect: dialect)
        case .json, .jsonl:
            return try JSONRecordReader(path: path, iterator: options.iterator, lines: format == .jsonl, options: options)
        case .xml:
            guard let iterator = options.iterator else {
                throw RecordInputError("reading records from XML needs an iterator naming the record elements (such as //enhet)",
                                       source: path, line: 0, column: 0)
            }
            return try XMLRecordReader(path: path, iterator: iterator, options: options)
        }
    }

    /// A writer to the file at `path` (created or truncated; `-` for standard output) in
    /// `format`, or in the format its extension says when `format` is nil.
    public static func writer(path: String, format: RecordFormat? = nil,
                              options: RecordWriterOptions = RecordWriterOptions()) throws(RecordOutputError) -> any RecordWriter {
        guard let format = format ?? RecordFormat(path: path) else {
            throw RecordOutputError("cannot tell the record format from the file name: give it (csv, json, jsonl or xml)",
                                    destination: path)
        }
        return try writer(format: format, options: options, target: OutputTarget(path: path))
    }

    /// A writer in `format` that hands its bytes to `sink`, 64 KiB at a time.
    public static func writer(format: RecordFormat, options: RecordWriterOptions = RecordWriterOptions(),
                              sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws(RecordOutputError) -> any RecordWriter {
        try writer(format: format, options: options, target: OutputTarget(sink: sink))
    }

    private static func writer(format: RecordFormat, options: RecordWriterOptions,
                               target: OutputTarget) throws(RecordOutputError) -> any RecordWriter {
        switch format {
        case .csv:
            var dialect = options.dialect
            if let name = target.name, name.lowercased().hasSuffix(".tsv"), dialect.delimiter == "," { dialect.delimiter = "\t" }
            return try CSVRecordWriter(columns: options.columns, dialect: dialect, listSeparator: options.listSeparator,
                                       target: target)
        case .json, .jsonl:
            return JSONRecordWriter(lines: format == .jsonl, pretty: options.pretty, root: options.root, target: target)
        case .xml:
            return try XMLRecordWriter(root: options.root ?? "records", record: options.record ?? "record",
                                       namespaces: options.namespaces, pretty: options.pretty, target: target)
        }
    }
}
