/// Reads records from JSON or JSON Lines, streaming: the input passes through a 64 KiB
/// buffer and only the records are built as `RecordValue`s, so a 1 GB array of records
/// reads in the memory of one record.
///
/// JSON: the records are the values the iterator (`JSONPath`) selects, e.g. `$[*]` for
/// the elements of a top-level array, `$._embedded.enheter[*]` for those of a nested one.
/// Without an iterator, a top-level array's elements are the records, and any other
/// document is one record. Everything outside the records is checked and skipped.
///
/// JSON Lines: each non-blank line holds one JSON value, which is the record.
///
/// Numbers keep their text as written (`.number("12.50")`). Errors are
/// `RecordInputError`s with line and column. In JSON an error ends the reading (later
/// calls throw it again); in JSON Lines the bad line is reported and the next call goes
/// on with the following line.
public struct JSONRecordReader: RecordReader {
    private var events: JSONEventReader
    private var path: JSONPath?
    private let lines: Bool
    private var failure: RecordInputError?
    private var resync = false
    private var records = 0

    private struct Level {
        var states: JSONPath.States
        var array: Bool
        var index = -1
    }

    private var levels: [Level] = []
    private var pending: JSONPath.States = 0
    private var keys = KeyCache()

    // The builder's stacks, kept between records for their capacity.
    private var openArrays: [Bool] = []
    private var arrays: [[RecordValue]] = []
    private var objects: [[RecordMember]] = []
    private var names: [String] = []

    /// Reads the JSON (or, with `lines`, JSON Lines) file at `path` (`-` for standard
    /// input); `iterator` selects the records of a JSON document.
    public init(path: String, iterator: String? = nil, lines: Bool = false,
                options: RecordReaderOptions = RecordReaderOptions()) throws(RecordInputError) {
        let parsed = try Self.parse(iterator, source: path, lines: lines)
        let input = try ByteInput(path: path, encoding: .utf8, chunkSize: options.chunkSize, maxBuffer: options.maxValueLength)
        self.init(input: input, path: parsed, lines: lines, maxDepth: options.maxDepth)
    }

    /// Reads JSON held in memory, `chunkSize` bytes at a time.
    public init(data: [UInt8], source: String = "<memory>", iterator: String? = nil, lines: Bool = false,
                chunkSize: Int = 64 << 10, maxDepth: Int = 1_000) throws(RecordInputError) {
        let parsed = try Self.parse(iterator, source: source, lines: lines)
        self.init(input: ByteInput(data: data, source: source, encoding: .utf8, chunkSize: chunkSize),
                  path: parsed, lines: lines, maxDepth: maxDepth)
    }

    init(input: ByteInput, path: JSONPath?, lines: Bool, maxDepth: Int) {
        events = JSONEventReader(input: input, lines: lines, maxDepth: max(1, maxDepth))
        self.path = lines ? nil : path
        self.lines = lines
    }

    private static func parse(_ iterator: String?, source: String, lines: Bool) throws(RecordInputError) -> JSONPath? {
        guard let iterator, !lines else { return nil }
        do { return try JSONPath(iterator) } catch {
            throw RecordInputError(error.description, source: source, line: 0, column: 0)
        }
    }

    /// The next record, or nil at the end of the input.
    public mutating func next() throws(RecordInputError) -> (RecordValue, RecordPosition)? {
        if let failure { throw failure }
        if resync {
            resync = false
            try events.resynchronize()
        }
        do {
            return lines ? try nextLine() : try nextSelected()
        } catch {
            if lines { resync = true } else { failure = error }
            throw error
        }
    }

    /// JSON Lines: the next line's value, checked to end its line.
    private mutating func nextLine() throws(RecordInputError) -> (RecordValue, RecordPosition)? {
        let event = try events.next()
        if event == .end { return nil }
        let line = events.scanner.tokenLine
        let value = try build(event)
        let after = try events.scanner.next()
        guard after == .newline || after == .end else {
            throw events.scanner.errorAtToken(JSONEventReader.expected("the end of the line after the record", after))
        }
        records += 1
        return (value, RecordPosition(source: events.scanner.input.source, number: records, line: line))
    }

    /// JSON: the next value the iterator selects.
    private mutating func nextSelected() throws(RecordInputError) -> (RecordValue, RecordPosition)? {
        while true {
            let event = try events.next()
            switch event {
            case .end:
                return nil
            case .key:
                let states = levels[levels.count - 1].states
                guard let path else { continue }
                pending = events.scanner.withText { text in
                    path.member(of: states) { JSONScanner.equal(text, $0) }
                }
            case .endObject, .endArray:
                levels.removeLast()
            case .beginObject, .beginArray, .scalar:
                if path == nil { path = event == .beginArray ? .elements : .document }
                guard let path else { continue }
                let states: JSONPath.States
                if levels.isEmpty {
                    states = path.initial
                } else if levels[levels.count - 1].array {
                    levels[levels.count - 1].index += 1
                    states = path.element(of: levels[levels.count - 1].states, index: levels[levels.count - 1].index)
                } else {
                    states = pending
                }
                if path.accepts(states) {
                    let line = events.scanner.tokenLine
                    let value = try build(event)
                    records += 1
                    return (value, RecordPosition(source: events.scanner.input.source, number: records, line: line))
                }
                guard event != .beginObject && event != .beginArray else {
                    if states == 0 {
                        try skip()
                    } else {
                        levels.append(Level(states: states, array: event == .beginArray))
                    }
                    continue
                }
            }
        }
    }

    /// Skips the rest of the container just begun.
    private mutating func skip() throws(RecordInputError) {
        var depth = 1
        while depth > 0 {
            switch try events.next() {
            case .beginObject, .beginArray: depth += 1
            case .endObject, .endArray: depth -= 1
            case .end: return
            default: break
            }
        }
    }

    // MARK: Building records

    /// The value that starts with `event`, read to its end.
    private mutating func build(_ event: JSONEvent) throws(RecordInputError) -> RecordValue {
        if case .scalar(let token) = event { return scalar(token) }
        openArrays.removeAll(keepingCapacity: true)
        open(array: event == .beginArray)
        while true {
            let value: RecordValue
            switch try events.next() {
            case .beginObject:
                open(array: false)
                continue
            case .beginArray:
                open(array: true)
                continue
            case .key:
                names[names.count - 1] = keys.string(events.scanner)
                continue
            case .scalar(let token):
                value = scalar(token)
            case .endArray:
                openArrays.removeLast()
                value = .array(arrays.removeLast())
            case .endObject:
                openArrays.removeLast()
                names.removeLast()
                value = .object(objects.removeLast())
            case .end:
                throw events.scanner.errorAtToken("unexpected end of input: the JSON value is not complete")
            }
            guard let top = openArrays.last else { return value }
            if top {
                arrays[arrays.count - 1].append(value)
            } else {
                objects[objects.count - 1].append(RecordMember(names[names.count - 1], value))
            }
        }
    }

    private mutating func open(array: Bool) {
        openArrays.append(array)
        if array {
            arrays.append([])
        } else {
            objects.append([])
            names.append("")
        }
    }

    private func scalar(_ token: JSONToken) -> RecordValue {
        switch token {
        case .string: .string(events.scanner.string())
        case .number: .number(events.scanner.string())
        case .trueLiteral: .bool(true)
        case .falseLiteral: .bool(false)
        default: .null
        }
    }
}

/// Member names seen before, so that a record's names are made into `String`s once per
/// distinct name rather than once per record (a direct-mapped cache by hash of the bytes).
struct KeyCache {
    private var slots: [(bytes: [UInt8], string: String)?] = Array(repeating: nil, count: 256)

    /// The scanner's last string as a `String`, from the cache when it was seen before.
    mutating func string(_ scanner: JSONScanner) -> String {
        let (hash, length) = scanner.textHash()
        guard length <= 64 else { return scanner.string() }
        let slot = Int(truncatingIfNeeded: hash & 255)
        if let entry = slots[slot], scanner.textEquals(entry.bytes) { return entry.string }
        let string = scanner.string()
        slots[slot] = (Array(string.utf8), string)
        return string
    }
}
