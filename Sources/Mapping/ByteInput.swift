#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `read(2)`, under a name no method hides.
private func systemRead(_ fd: Int32, _ target: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, target, count)
}

/// Owns what a `ByteInput` reads with: the buffers (freed at deinit) and the file
/// descriptor (closed at deinit unless it is standard input). Readers are value types over
/// this one reference, so their hot loops touch only their own stored properties.
final class InputStorage {
    var bytes: UnsafeMutablePointer<UInt8>
    var capacity: Int
    /// Undecoded bytes of a single-byte encoding, read before they are decoded into `bytes`.
    var raw: UnsafeMutablePointer<UInt8>?
    let fd: Int32
    let closesFD: Bool
    /// The whole input when it is read from memory (tests, small documents).
    let memory: [UInt8]
    var memoryOffset = 0

    init(capacity: Int, fd: Int32, closesFD: Bool, memory: [UInt8] = []) {
        self.capacity = capacity
        bytes = .allocate(capacity: capacity)
        self.fd = fd
        self.closesFD = closesFD
        self.memory = memory
    }

    /// Reads up to `max` bytes of the input into `target`; 0 at the end.
    func read(into target: UnsafeMutablePointer<UInt8>, max: Int, source: String, line: Int = 0)
        throws(RecordInputError) -> Int {
        if fd < 0 {
            let n = min(max, memory.count - memoryOffset)
            guard n > 0 else { return 0 }
            memory.withUnsafeBufferPointer { target.update(from: $0.baseAddress! + memoryOffset, count: n) }
            memoryOffset += n
            return n
        }
        while true {
            let n = systemRead(fd, target, max)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw RecordInputError("cannot read: \(ByteInput.systemError())", source: source, line: line, column: 0)
        }
    }

    deinit {
        bytes.deallocate()
        raw?.deallocate()
        if closesFD, fd >= 0 { _ = close(fd) }
    }
}

/// A window on a byte stream read in chunks (64 KiB unless asked otherwise), decoded to
/// UTF-8 on the way in, with the line count and column bookkeeping every text reader
/// needs. Memory stays bounded by the chunk size and the longest token a reader keeps.
///
/// A scanner walks `bytes[0..<count]` with its own index. When it runs out, it calls
/// `refill(keepingFrom:)` with the first byte it still needs: the bytes before are
/// dropped, the rest move to the front (indexes shift down by the returned amount) and
/// more input is read after them. `bytes` may move when the buffer grows.
///
/// Columns count Unicode scalars from the start of the line, as editors show them; the
/// scanner reports each line break with `newLine(at:)`.
struct ByteInput {
    let storage: InputStorage
    /// The input named in errors.
    let source: String
    let encoding: RecordEncoding
    /// The buffer (`storage.bytes`, kept here so scanners read it without a class access).
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    /// Valid bytes at `bytes`.
    private(set) var count = 0
    /// The offset in the decoded stream of `bytes[0]`.
    private(set) var base = 0
    /// True once the underlying input has no more bytes.
    private(set) var atEnd = false
    /// The most bytes the buffer may grow to hold (one token or field and its line).
    let maxBuffer: Int
    private var sawStart = false

    /// The current line, from 1.
    private(set) var line = 1
    /// A stream offset on the current line and its 1-based column, so that columns are
    /// counted incrementally; never before `base`.
    private var markOffset = 0
    private var markColumn = 1

    /// Reads the file at `path`, or standard input for `-`.
    init(path: String, encoding: RecordEncoding, chunkSize: Int = 64 << 10,
         maxBuffer: Int = 64 << 20) throws(RecordInputError) {
        let fd: Int32
        if path == "-" {
            fd = 0
        } else {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 {
                throw RecordInputError("cannot open the file: \(Self.systemError())", source: path, line: 0, column: 0)
            }
        }
        self.init(storage: InputStorage(capacity: max(chunkSize, 4), fd: fd, closesFD: path != "-"),
                  source: path, encoding: encoding, maxBuffer: maxBuffer)
    }

    /// Reads `data` from memory, `chunkSize` bytes at a time (small chunks exercise the
    /// paths where tokens straddle two reads).
    init(data: [UInt8], source: String, encoding: RecordEncoding, chunkSize: Int = 64 << 10,
         maxBuffer: Int = 64 << 20) {
        self.init(storage: InputStorage(capacity: max(chunkSize, 4), fd: -1, closesFD: false, memory: data),
                  source: source, encoding: encoding, maxBuffer: maxBuffer)
    }

    private init(storage: InputStorage, source: String, encoding: RecordEncoding, maxBuffer: Int) {
        self.storage = storage
        self.source = source
        self.encoding = encoding
        self.bytes = storage.bytes
        self.maxBuffer = max(maxBuffer, storage.capacity)
        if encoding != .utf8 {
            storage.raw = .allocate(capacity: storage.capacity)
        }
    }

    // MARK: Reading

    /// Drops `bytes[0..<keep]`, moves the rest to the front and reads more after it.
    /// Returns the shift (`keep`): subtract it from every index into the buffer. When
    /// nothing more could be read, `atEnd` is true and `count` is unchanged but for the
    /// shift.
    @discardableResult
    mutating func refill(keepingFrom requested: Int) throws(RecordInputError) -> Int {
        assert(requested >= 0 && requested <= count, "refill(keepingFrom:) outside the buffer")
        let keep = min(max(requested, 0), count)
        if keep > 0 {
            if markOffset < base + keep {
                markColumn += Self.scalarCount(bytes + (markOffset - base), keep - (markOffset - base))
                markOffset = base + keep
            }
            let remaining = count - keep
            if remaining > 0 { (bytes).update(from: bytes + keep, count: remaining) }
            count = remaining
            base += keep
        }
        guard !atEnd else { return keep }
        if count == storage.capacity {
            guard storage.capacity < maxBuffer else {
                throw error("a single value is longer than \(maxBuffer) bytes (the reader's limit)", at: count)
            }
            let grown = min(storage.capacity * 2, maxBuffer)
            let newBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            newBytes.update(from: bytes, count: count)
            storage.bytes.deallocate()
            storage.bytes = newBytes
            storage.capacity = grown
            if storage.raw != nil {
                storage.raw!.deallocate()
                storage.raw = .allocate(capacity: grown)
            }
            bytes = newBytes
        }
        repeat {
            let added = try readMore()
            if added == 0 {
                atEnd = true
                break
            }
            count += added
        } while !sawStart && count < 3 && count < storage.capacity
        if !sawStart { try checkStart() }
        return keep
    }

    /// Reads into the free part of the buffer, decoding as needed; 0 at the end.
    private mutating func readMore() throws(RecordInputError) -> Int {
        let free = storage.capacity - count
        if encoding == .utf8 {
            return try readRaw(into: bytes + count, max: free)
        }
        let want = max(1, free / encoding.maxExpansion)
        let raw = storage.raw!
        let n = try readRaw(into: raw, max: want)
        return n == 0 ? 0 : encoding.decode(raw, count: n, to: bytes + count)
    }

    private func readRaw(into target: UnsafeMutablePointer<UInt8>, max: Int) throws(RecordInputError) -> Int {
        try storage.read(into: target, max: max, source: source, line: line)
    }

    /// Skips a UTF-8 byte order mark; refuses UTF-16 and UTF-32, which would otherwise
    /// read as garbage.
    private mutating func checkStart() throws(RecordInputError) {
        guard count >= 3 || atEnd else { return }
        sawStart = true
        if encoding == .utf8, count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            count -= 3
            if count > 0 { bytes.update(from: bytes + 3, count: count) }
            return
        }
        if count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw RecordInputError("the input is UTF-16 (it starts with a UTF-16 byte order mark): convert it to UTF-8",
                                   source: source, line: 1, column: 1)
        }
    }

    // MARK: Positions

    /// Records a line break: the next line starts at buffer index `index`.
    @inline(__always)
    mutating func newLine(at index: Int) {
        line += 1
        markOffset = base + index
        markColumn = 1
    }

    /// The 1-based column of buffer index `index` on the current line (which must not be
    /// before the last column asked for on that line).
    mutating func column(at index: Int) -> Int {
        let offset = base + index
        guard offset > markOffset else { return markColumn }
        markColumn += Self.scalarCount(bytes + (markOffset - base), offset - markOffset)
        markOffset = offset
        return markColumn
    }

    /// An error at buffer index `index` on the current line.
    mutating func error(_ message: String, at index: Int) -> RecordInputError {
        RecordInputError(message, source: source, line: line, column: column(at: index))
    }

    /// The number of Unicode scalars that start in `count` UTF-8 bytes.
    static func scalarCount(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var n = 0
        for i in 0..<count where p[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
