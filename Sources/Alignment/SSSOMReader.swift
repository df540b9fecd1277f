import Foundation

/// Reads SSSOM/TSV: the `#`-prefixed YAML metadata block (or a separate `.sssom.yml` file,
/// "external metadata mode") and the TSV section of mappings, into a `MappingSet`.
///
/// CURIEs are expanded with the set's `curie_map` and SSSOM's built-in prefixes; an
/// undeclared prefix is an error, as the specification requires. Columns and metadata
/// keys the schema does not define are kept as read (in `Mapping.extras` and
/// `MappingSet.metadata`). Files written for SSSOM before 1.0 are read too: `match_type`,
/// `match_term_type` and `semantic_similarity_*` become their current slots.
///
/// Errors are `SSSOMError`s with the file, line and column of the offending value.
public struct SSSOMReader: Sendable {
    /// How lenient the reader is, and what it does after reading.
    public struct Options: Sendable {
        /// Copy the set's propagatable slots (`mapping_tool`, `subject_source` …) onto
        /// every mapping, as spec-model's "Propagation" asks readers to (default `true`).
        public var propagate: Bool
        /// The `mapping_set_id` to use when the file has none. SSSOM requires one, so
        /// without a default such a file is an error.
        public var defaultMappingSetID: String?
        /// The `license` to use when the file has none (an error without a default).
        public var defaultLicense: String?

        /// Options; the defaults propagate and require the metadata SSSOM requires.
        public init(propagate: Bool = true, defaultMappingSetID: String? = nil, defaultLicense: String? = nil) {
            self.propagate = propagate
            self.defaultMappingSetID = defaultMappingSetID
            self.defaultLicense = defaultLicense
        }
    }

    /// The options in force.
    public var options: Options

    /// A reader with `options`.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Reads an SSSOM/TSV file. Without embedded metadata, the metadata comes from
    /// `metadataPath` or, when that is `nil`, from the file beside it with the same base
    /// name and a `.yml` (or `.yaml`) extension.
    public func read(path: String, metadataPath: String? = nil) throws -> MappingSet {
        let bytes = try Self.contents(of: path)
        var metadata: (bytes: [UInt8], source: String)?
        if let metadataPath {
            metadata = (try Self.contents(of: metadataPath), metadataPath)
        } else if Self.skippingBOM(bytes).first != UInt8(ascii: "#") {
            let base = path.hasSuffix(".tsv") ? String(path.dropLast(4)) : path
            for candidate in [base + ".yml", base + ".yaml"] where FileManager.default.fileExists(atPath: candidate) {
                metadata = (try Self.contents(of: candidate), candidate)
                break
            }
        }
        return try read(bytes: bytes, source: path, externalMetadata: metadata?.bytes, metadataSource: metadata?.source)
    }

    /// Reads SSSOM/TSV held in memory. `externalMetadata` is the YAML of a separate
    /// metadata file, for a TSV section without an embedded block.
    public func read(bytes: [UInt8], source: String? = nil,
                     externalMetadata: [UInt8]? = nil, metadataSource: String? = nil) throws -> MappingSet {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let block = Self.metadataBlock(bytes, from: start)
        var metadataReader: SSSOMMetadataReader
        if let externalMetadata {
            guard block.lineCount == 0 else {
                throw SSSOMError("the file has an embedded metadata block and an external metadata file was given too",
                                 source: source, line: 1, column: 1)
            }
            let yaml = try Self.utf8(Array(Self.skippingBOM(externalMetadata)), source: metadataSource)
            metadataReader = SSSOMMetadataReader(source: metadataSource, columnOffset: 0)
            try metadataReader.read(yaml: yaml)
        } else {
            metadataReader = SSSOMMetadataReader(source: source, columnOffset: 1 + block.indentation)
            try metadataReader.read(yaml: try Self.utf8(block.yaml, source: source))
        }
        var set = try metadataReader.mappingSet(options: options, tsvSource: source)
        var scanner = SSSOMTSVScanner(bytes: bytes, start: block.end, line: block.lineCount + 1, source: source)
        var rows = SSSOMRowReader(prefixes: SSSOMPrefixMap(curieMap: set.curieMap), source: source,
                                  setSubjectType: set.metadata["subject_type"]?.string,
                                  setObjectType: set.metadata["object_type"]?.string)
        guard let header = try scanner.nextRecord() else {
            throw SSSOMError("the file has no TSV section (a header line naming the columns must follow the metadata)",
                             source: source, line: scanner.line, column: 1)
        }
        try rows.readHeader(header.fields, line: header.line)
        while let record = try scanner.nextRecord() {
            if let mapping = try rows.mapping(record.fields, line: record.line) {
                set.mappings.append(mapping)
            }
        }
        if options.propagate { set.propagate() }
        return set
    }

    /// Reads SSSOM/TSV text.
    public func read(text: String, source: String? = nil) throws -> MappingSet {
        try read(bytes: Array(text.utf8), source: source)
    }

    /// The embedded metadata block: its YAML with the `#` and the common indentation
    /// after it removed from every line, where the TSV section starts and on which line.
    static func metadataBlock(_ bytes: [UInt8], from start: Int)
        -> (yaml: [UInt8], end: Int, lineCount: Int, indentation: Int) {
        var yaml: [UInt8] = []
        var index = start
        var lines = 0
        var indentation = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            var end = index
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var content = index + 1
            var spaces = 0
            while content < end, bytes[content] == UInt8(ascii: " "), lines == 0 || spaces < indentation {
                content += 1
                spaces += 1
            }
            if lines == 0 { indentation = spaces }
            var contentEnd = end
            if contentEnd > content, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            yaml.append(contentsOf: bytes[content..<contentEnd])
            yaml.append(UInt8(ascii: "\n"))
            lines += 1
            index = min(end + 1, bytes.count)
        }
        return (yaml, index, lines, indentation)
    }

    static func contents(of path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SSSOMError("cannot read the file", source: path)
        }
        return [UInt8](data)
    }

    private static func skippingBOM(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    }

    private static func utf8(_ bytes: [UInt8], source: String?) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SSSOMError("the metadata is not valid UTF-8", source: source, line: 1, column: 1)
        }
        return text
    }
}
