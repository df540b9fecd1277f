/// Writes arrays of fixed-width numbers and strings to bytes, little-endian (the byte
/// order of every platform Swift runs on; the reader refuses other data by its marker).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write<T: BitwiseCopyable>(array: [T]) {
        write(Int64(array.count))
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ string: String) {
        write(Int64(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }

    mutating func write(strings: [String]) {
        write(Int64(strings.count))
        for s in strings { write(s) }
    }

    mutating func write(_ postings: Postings) {
        write(array: postings.offsets)
        write(array: postings.items)
    }
}

/// Reads what `ByteWriter` wrote, from bytes it does not own; any inconsistency throws
/// `ByteReader.Malformed`.
struct ByteReader {
    struct Malformed: Error {}

    /// The bytes, valid while the reader is used (it is made inside the owner's closure).
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func read<T: FixedWidthInteger>(_: T.Type = T.self) throws -> T {
        let size = MemoryLayout<T>.size
        guard bytes.count - offset >= size else { throw Malformed() }
        var value = T.zero
        withUnsafeMutableBytes(of: &value) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + size]))
        }
        offset += size
        return T(littleEndian: value)
    }

    mutating func readCount(elementSize: Int) throws -> Int {
        let count = try read(Int64.self)
        guard count >= 0, count <= Int64((bytes.count - offset) / max(elementSize, 1)) else { throw Malformed() }
        return Int(count)
    }

    mutating func readArray<T: BitwiseCopyable>(_: T.Type = T.self) throws -> [T] {
        let size = MemoryLayout<T>.stride
        let count = try readCount(elementSize: size)
        let result = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count * size]))
            initialized = count
        }
        offset += count * size
        return result
    }

    mutating func readString() throws -> String {
        let count = try readCount(elementSize: 1)
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
        offset += count
        return s
    }

    mutating func readStrings() throws -> [String] {
        let count = try readCount(elementSize: 8)
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try readString()) }
        return strings
    }

    mutating func readPostings(lists: Int, values: Int) throws -> Postings {
        let offsets: [Int32] = try readArray()
        let items: [Int32] = try readArray()
        guard offsets.count == lists + 1, offsets.first == 0, Int(offsets.last ?? -1) == items.count,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
              items.allSatisfy({ $0 >= 0 && Int($0) < values }) else { throw Malformed() }
        return Postings(offsets: offsets, items: items)
    }
}
