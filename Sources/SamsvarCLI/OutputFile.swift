import Foundation

/// Output that appears all at once or not at all: bytes go to a temporary file beside
/// the target, renamed into place on `commit()`; standard output is written directly.
final class OutputFile {
    private let path: String?
    private let temporaryPath: String?
    private let handle: UnsafeMutablePointer<FILE>
    private var committed = false

    /// `nil` or `-` writes to standard output.
    init(path: String?) throws {
        if let path, path != "-" {
            let url = URL(fileURLWithPath: path)
            let directory = url.deletingLastPathComponent().path
            let temporary = directory + "/.\(url.lastPathComponent).samsvar-\(getpid()).tmp"
            guard let file = fopen(temporary, "wb") else {
                throw CLIError("\(path): cannot write: \(String(cString: strerror(errno)))")
            }
            self.path = path
            self.temporaryPath = temporary
            self.handle = file
        } else {
            self.path = nil
            self.temporaryPath = nil
            self.handle = fdopen(1, "wb")
        }
    }

    deinit {
        if !committed, let temporaryPath {
            fclose(handle)
            unlink(temporaryPath)
        }
    }

    /// Appends bytes.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count > 0 else { return }
        if fwrite(bytes.baseAddress, 1, bytes.count, handle) != bytes.count {
            throw CLIError("\(path ?? "<stdout>"): write failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Flushes and, for a file, moves it into place.
    func commit() throws {
        guard fflush(handle) == 0 else { throw CLIError("\(path ?? "<stdout>"): write failed: \(String(cString: strerror(errno)))") }
        guard let path, let temporaryPath else { committed = true; return }
        fclose(handle)
        committed = true
        guard rename(temporaryPath, path) == 0 else {
            unlink(temporaryPath)
            throw CLIError("\(path): cannot move output into place: \(String(cString: strerror(errno)))")
        }
    }
}
