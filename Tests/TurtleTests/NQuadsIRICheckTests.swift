import RDF
import Testing
@testable import Turtle

/// The N-Quads writer (and the record mapper) screen IRIs eight bytes at a time
/// (`IRIBytes.firstForbidden`):
/// for every byte value at every position of a 20-byte IRI (two words and a tail), it finds
/// exactly the bytes an IRIREF cannot hold raw (RDF 1.1 N-Triples §2.3, IRIREF).
@Suite struct NQuadsIRICheckTests {
    static func forbidden(_ b: UInt8) -> Bool {
        b <= 0x20 || [0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D].contains(b)
    }

    @Test func everyByteAtEveryPosition() {
        let clean = Array("http://example.org/x".utf8)
        #expect(clean.count == 20)
        var misses = 0
        for position in 0..<clean.count {
            for value in 0...255 {
                var bytes = clean
                bytes[position] = UInt8(value)
                let found = bytes.withUnsafeBufferPointer { IRIBytes.firstForbidden($0) }
                let expected: UInt8? = Self.forbidden(UInt8(value)) ? UInt8(value) : nil
                if found != expected { misses += 1 }
            }
        }
        #expect(misses == 0)
    }

    @Test func firstOfSeveralAndEmpty() {
        let bytes = Array("http://a b<c>".utf8)
        #expect(bytes.withUnsafeBufferPointer { IRIBytes.firstForbidden($0) } == 0x20)
        #expect([UInt8]().withUnsafeBufferPointer { IRIBytes.firstForbidden($0) } == nil)
    }
}
