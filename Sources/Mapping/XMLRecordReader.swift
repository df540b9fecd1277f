/// Reads records from XML, streaming: libxml2's SAX2 push parser gets the file in 64 KiB
/// pieces and only the elements the iterator (`XMLPath`) selects are built, so memory stays
/// bounded by one record whatever the document size.
///
/// Each selected element becomes an `.object`:
///
/// - its attributes first, in document order, as `@name` (`@prefix:name` for a prefixed
///   attribute such as `@xml:lang`); namespace declarations are not attributes;
/// - then its child elements by local name, in the order each name first occurs. A name
///   that occurs once is one member; a name that repeats is one member holding an array of
///   all its elements in order (the options' `arrayElements` are always arrays);
/// - a child element with neither attributes nor child elements is its text, a `.string`
///   (`""` when empty); any other child is an object by these same rules;
/// - the text directly inside an element with attributes or children is its `#text`
///   member: the text of mixed content is concatenated and trimmed of leading and trailing
///   white space, and white space alone is no `#text` at all. The selected element itself
///   is always an object, its text (if any) under `#text`.
///
/// Elements in different namespaces with the same local name become the same member.
/// CDATA sections are text; comments and processing instructions are left out.
///
/// Safety, as for RDF/XML: external entities and DTDs are never loaded and nothing is
/// fetched from the network; internal entities declared in the document are expanded
/// with their expansion metered against the input size (billion laughs is an error);
/// `XML_PARSE_HUGE` is never set; nesting is bounded by `maxDepth`. Errors are
/// `RecordInputError`s with line and column; after one, later calls throw it again.
public struct XMLRecordReader: RecordReader {
    private let parser: XMLRecordParser

    /// Reads the XML file at `path` (`-` for standard input), selecting records with
    /// `iterator` (an `XMLPath`).
    public init(path: String, iterator: String, options: RecordReaderOptions = RecordReaderOptions())
        throws(RecordInputError) {
        let chunks = try RawChunks(path: path, chunkSize: options.chunkSize)
        parser = try XMLRecordParser(chunks: chunks, source: path, iterator: iterator, options: options)
    }

    /// Reads XML held in memory, `chunkSize` bytes at a time.
    public init(data: [UInt8], source: String = "<memory>", iterator: String,
                options: RecordReaderOptions = RecordReaderOptions()) throws(RecordInputError) {
        let chunks = RawChunks(data: data, chunkSize: options.chunkSize)
        parser = try XMLRecordParser(chunks: chunks, source: source, iterator: iterator, options: options)
    }

    /// The next record, or nil at the end of the document.
    public mutating func next() throws(RecordInputError) -> (RecordValue, RecordPosition)? {
        try parser.next()
    }
}

/// A file (or bytes in memory) read in raw chunks, for a parser that decodes by itself.
struct RawChunks {
    private let storage: InputStorage
    let chunkSize: Int
    private(set) var atEnd = false

    init(path: String, chunkSize: Int) throws(RecordInputError) {
        let input = try ByteInput(path: path, encoding: .utf8, chunkSize: chunkSize)
        storage = input.storage
        self.chunkSize = input.storage.capacity
    }

    init(data: [UInt8], chunkSize: Int) {
        let size = max(chunkSize, 4)
        storage = InputStorage(capacity: size, fd: -1, closesFD: false, memory: data)
        self.chunkSize = size
    }

    /// Calls `body` with the next chunk; false (and `body` not called) at the end.
    mutating func next(source: String, _ body: (UnsafeBufferPointer<UInt8>) throws(RecordInputError) -> Void)
        throws(RecordInputError) -> Bool {
        guard !atEnd else { return false }
        let n = try storage.read(into: storage.bytes, max: storage.capacity, source: source)
        if n == 0 {
            atEnd = true
            return false
        }
        try body(UnsafeBufferPointer(start: storage.bytes, count: n))
        return true
    }
}
