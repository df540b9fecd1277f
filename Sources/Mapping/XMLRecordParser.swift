import CLibXML2
import XMLSupport

/// The state behind `XMLRecordReader`: the libxml2 push parser and, in `State`, the
/// iterator's matching state for the open elements outside records, the frames of the
/// record being built, and the records finished but not yet handed out. libxml2's
/// callbacks (`XMLRecordParser+LibXML.swift`) drive the state. It lives outside the object
/// so that each callback reaches it without a dynamic exclusivity check; only the
/// callbacks and `next()` touch it, never both at once.
final class XMLRecordParser {
    let state: UnsafeMutablePointer<State>
    private var chunks: RawChunks
    private var finished = false
    private var records = 0

    init(chunks: RawChunks, source: String, iterator: String, options: RecordReaderOptions) throws(RecordInputError) {
        let path: XMLPath
        do { path = try XMLPath(iterator) } catch {
            throw RecordInputError(error.description, source: source, line: 0, column: 0)
        }
        self.chunks = chunks
        state = .allocate(capacity: 1)
        state.initialize(to: State(source: source, path: path, options: options))
        var handler = Self.makeSAXHandler()
        guard let context = LibXML.pushParser(&handler, filename: source, substitutingEntities: true) else {
            throw RecordInputError("libxml2 could not create a parser (out of memory)", source: source, line: 0, column: 0)
        }
        state.pointee.context = context
        context.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        if let context = state.pointee.context { LibXML.free(context) }
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The next record: from those already built, else after feeding libxml2 more input.
    func next() throws(RecordInputError) -> (RecordValue, RecordPosition)? {
        while true {
            if let (value, line) = state.pointee.takeReady() {
                records += 1
                return (value, RecordPosition(source: state.pointee.source, number: records, line: line))
            }
            if let failure = state.pointee.failure { throw failure }
            if finished { return nil }
            try feed()
        }
    }

    /// Hands libxml2 the next chunk, or tells it the document has ended.
    private func feed() throws(RecordInputError) {
        guard let context = state.pointee.context else { return }
        let state = self.state
        let more = try chunks.next(source: state.pointee.source) { chunk in
            state.pointee.entityGuard.fed(chunk.count)
            let status = xmlParseChunk(context, UnsafeRawPointer(chunk.baseAddress!).assumingMemoryBound(to: CChar.self),
                                       Int32(chunk.count), 0)
            state.pointee.check(status)
        }
        if !more {
            finished = true
            state.pointee.check(xmlParseChunk(context, nil, 0, 1))
            if state.pointee.failure == nil, context.pointee.wellFormed == 0 || state.pointee.depth != 0 || !state.pointee.sawRoot {
                state.pointee.fail(state.pointee.sawRoot ? "the document is incomplete" : "the document has no root element")
            }
        }
        if state.pointee.failure != nil { xmlStopParser(context) }
    }
}

extension XMLRecordParser {
    /// Everything the callbacks change.
    struct State {
        let source: String
        let path: XMLPath
        /// The options' namespace prefixes, as bytes.
        let namespaces: [[UInt8]: [UInt8]]
        let arrayElements: Set<String>
        let maxDepth: Int
        let maxTextLength: Int
        /// The libxml2 push parser.
        var context: xmlParserCtxtPtr?
        var failure: RecordInputError?

        // Matching: the iterator's states for each open element outside a record (the
        // first entry is the document's), and the namespace bindings in scope when the
        // iterator has prefixes the options do not give.
        var states: [XMLPath.States] = [XMLPath.initial]
        let needsBindings: Bool
        var bindings: [(prefix: [UInt8], uri: [UInt8])] = []
        var bindingCounts: [Int] = []
        var depth = 0
        var sawRoot = false

        /// An element of the record being built. Its direct text is `text[textStart...]`:
        /// a child's text is appended after it and dropped again when the child ends, so
        /// each open element's own text stays contiguous.
        struct Frame {
            var name: String
            var attributes: [RecordMember]
            var children: [RecordMember] = []
            var textStart: Int
        }

        var frames: [Frame] = []
        var text: [UInt8] = []
        var recordLine = 0
        private var ready: [(RecordValue, Int)] = []
        private var readyHead = 0

        // Entities (see XMLRecordParser+LibXML.swift).
        var entityGuard = EntityGuard()

        init(source: String, path: XMLPath, options: RecordReaderOptions) {
            self.source = source
            self.path = path
            var namespaces: [[UInt8]: [UInt8]] = [:]
            for (prefix, uri) in options.namespaces { namespaces[Array(prefix.utf8)] = Array(uri.utf8) }
            self.namespaces = namespaces
            needsBindings = path.steps.contains { step in step.prefix.map { namespaces[$0] == nil } ?? false }
            arrayElements = options.arrayElements
            maxDepth = max(1, options.maxDepth)
            maxTextLength = options.maxValueLength
        }

        /// The oldest record built and not yet handed out, with its line.
        mutating func takeReady() -> (RecordValue, Int)? {
            guard readyHead < ready.count else { return nil }
            let next = ready[readyHead]
            readyHead += 1
            if readyHead == ready.count {
                ready.removeAll(keepingCapacity: true)
                readyHead = 0
            }
            return next
        }

        /// Turns a libxml2 error that reached no callback into a failure.
        mutating func check(_ status: Int32) {
            guard failure == nil, status != 0, let context else { return }
            let last = LibXMLFailure(lastErrorOf: context, status: status)
            failure = RecordInputError(last.message, source: source, line: last.line, column: last.column)
        }

        /// Records the first error at libxml2's current position and stops the parser.
        mutating func fail(_ message: String) {
            guard failure == nil else { return }
            var line = 0
            var column = 0
            if let context {
                line = Int(xmlSAX2GetLineNumber(context))
                column = Int(xmlSAX2GetColumnNumber(context))
            }
            failure = RecordInputError(message, source: source, line: max(line, 1), column: max(column, 1))
            if let context { xmlStopParser(context) }
        }

        // MARK: Elements

        /// An element starts: matched against the iterator outside a record, added to the
        /// record inside one.
        mutating func startElement(_ localName: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?,
                                   _ namespaceCount: Int, _ declarations: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                   _ attributeCount: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            depth += 1
            sawRoot = true
            if depth > maxDepth {
                fail("elements nest more than \(maxDepth) deep")
                return
            }
            if needsBindings {
                for i in 0..<namespaceCount {
                    let p = declarations![2 * i].map { Self.bytes($0) } ?? []
                    let u = declarations![2 * i + 1].map { Self.bytes($0) } ?? []
                    bindings.append((p, u))
                }
                bindingCounts.append(namespaceCount)
            }
            if !frames.isEmpty {
                frames.append(Frame(name: String(cString: localName), attributes: Self.members(attributeCount, attributes),
                                    textStart: text.count))
                return
            }
            let parent = states[states.count - 1]
            let here = parent == 0 ? 0 : path.child(of: parent) { step in matches(step, localName, uri) }
            if path.accepts(here) {
                recordLine = context.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0
                text.removeAll(keepingCapacity: true)
                frames.append(Frame(name: String(cString: localName), attributes: Self.members(attributeCount, attributes),
                                    textStart: 0))
            } else {
                states.append(here)
            }
        }

        /// An element ends: its value goes to its parent, or, for the record element, to
        /// the records ready to be handed out.
        mutating func endElement() {
            depth -= 1
            if needsBindings, let count = bindingCounts.popLast() { bindings.removeLast(count) }
            guard let frame = frames.popLast() else {
                states.removeLast()
                return
            }
            if frames.isEmpty {
                ready.append((.object(members(of: frame)), recordLine))
                return
            }
            let value: RecordValue = frame.attributes.isEmpty && frame.children.isEmpty
                ? .string(text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[frame.textStart...]), as: UTF8.self) })
                : .object(members(of: frame))
            text.removeSubrange(frame.textStart...)
            let last = frames.count - 1
            if let i = frames[last].children.lastIndex(where: { $0.name == frame.name }) {
                // Child values are never arrays but for repetition: this one repeats.
                if case .array(var items) = frames[last].children[i].value {
                    frames[last].children[i].value = .null
                    items.append(value)
                    frames[last].children[i].value = .array(items)
                } else {
                    frames[last].children[i].value = .array([frames[last].children[i].value, value])
                }
            } else {
                frames[last].children.append(RecordMember(frame.name, arrayElements.contains(frame.name) ? .array([value]) : value))
            }
        }

        /// Text inside the record being built.
        mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard !frames.isEmpty else { return }
            guard text.count - frames[frames.count - 1].textStart + bytes.count <= maxTextLength else {
                fail("the text of an element is longer than \(maxTextLength) bytes (the reader's limit)")
                return
            }
            text.append(contentsOf: bytes)
        }

        /// The members of a finished element: attributes, `#text`, child elements.
        private func members(of frame: Frame) -> [RecordMember] {
            var members = frame.attributes
            members.reserveCapacity(frame.attributes.count + frame.children.count + 1)
            let own = text.withUnsafeBufferPointer { Self.text(UnsafeBufferPointer(rebasing: $0[frame.textStart...]), trimmed: !frame.children.isEmpty) }
            if let own { members.append(RecordMember("#text", .string(own))) }
            members.append(contentsOf: frame.children)
            return members
        }

        /// The `#text` of an element: nil for white space only; trimmed when `trimmed`.
        static func text(_ bytes: UnsafeBufferPointer<UInt8>, trimmed: Bool) -> String? {
            func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
            guard let first = bytes.firstIndex(where: { !blank($0) }) else { return nil }
            guard trimmed else { return String(decoding: bytes, as: UTF8.self) }
            let last = bytes.lastIndex(where: { !blank($0) })!
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[first...last]), as: UTF8.self)
        }

        /// SAX2 attributes (five pointers each: local name, prefix, URI, value, value end)
        /// as `@name` members.
        static func members(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [RecordMember] {
            guard count > 0, let attributes else { return [] }
            var members: [RecordMember] = []
            members.reserveCapacity(count)
            for i in 0..<count {
                let a = attributes + 5 * i
                guard let local = a[0], let value = a[3], let end = a[4] else { continue }
                let name = a[1].map { "@" + String(cString: $0) + ":" + String(cString: local) } ?? "@" + String(cString: local)
                let text = String(decoding: UnsafeBufferPointer(start: value, count: end - value), as: UTF8.self)
                members.append(RecordMember(name, .string(text)))
            }
            return members
        }

        // MARK: Names

        /// Whether an element passes a step's name test.
        private func matches(_ step: XMLPath.Step, _ localName: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?) -> Bool {
            if let local = step.local, !Self.equal(localName, local) { return false }
            guard let prefix = step.prefix else { return true }
            guard let expected = namespaces[prefix] ?? binding(of: prefix) else { return false }
            guard let uri else { return expected.isEmpty }
            return Self.equal(uri, expected)
        }

        /// The namespace the document binds `prefix` to where the parser is.
        private func binding(of prefix: [UInt8]) -> [UInt8]? {
            bindings.last { $0.prefix == prefix }?.uri
        }

        static func equal(_ s: UnsafePointer<xmlChar>, _ bytes: [UInt8]) -> Bool {
            for (k, b) in bytes.enumerated() where s[k] != b { return false }
            return s[bytes.count] == 0
        }

        static func bytes(_ s: UnsafePointer<xmlChar>) -> [UInt8] {
            var out: [UInt8] = []
            var k = 0
            while s[k] != 0 {
                out.append(s[k])
                k += 1
            }
            return out
        }
    }
}
