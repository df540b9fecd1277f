#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The destination of a record writer: a caller's sink or a file this side owns (closed
/// when the writer finishes or goes away).
final class OutputTarget {
    private let sink: ((UnsafeRawBufferPointer) throws -> Void)?
    private var fd: Int32
    /// The output named in errors.
    let name: String?

    init(sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.sink = sink
        fd = -1
        name = nil
    }

    /// Creates (or truncates) the file at `path`; `-` is standard output.
    init(path: String) throws(RecordOutputError) {
        sink = nil
        name = path
        if path == "-" {
            fd = 1
        } else {
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if fd < 0 {
                throw RecordOutputError("cannot create the file: \(String(cString: strerror(errno)))", destination: path)
            }
        }
    }

    deinit {
        if fd > 1 { _ = systemClose(fd) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if let sink {
            try sink(bytes)
            return
        }
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = systemWrite(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw RecordOutputError("cannot write: \(String(cString: strerror(errno)))", destination: name)
            }
            offset += n
        }
    }

    /// Closes a file this side opened (standard output stays open).
    func close() throws(RecordOutputError) {
        guard sink == nil, fd > 1 else { return }
        let result = systemClose(fd)
        fd = -1
        if result != 0 {
            throw RecordOutputError("cannot write: \(String(cString: strerror(errno)))", destination: name)
        }
    }
}

/// `write(2)` and `close(2)`, under names no method hides.
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ count: Int) -> Int { write(fd, p, count) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }

/// Bytes on their way to an `OutputTarget`, handed over 64 KiB at a time.
struct ByteOutput {
    let target: OutputTarget
    /// What the writer has produced and not yet handed over; writers append to it.
    var bytes: [UInt8] = []
    static let flushSize = 64 << 10

    init(target: OutputTarget) {
        self.target = target
        bytes.reserveCapacity(Self.flushSize + 4096)
    }

    /// Hands the bytes over once there are 64 KiB of them.
    @inline(__always)
    mutating func flushIfFull() throws {
        if bytes.count >= Self.flushSize { try flush() }
    }

    /// Hands over everything written so far.
    mutating func flush() throws {
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBytes { try target.write($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes a file the target owns.
    mutating func finish() throws {
        try flush()
        try target.close()
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
