import Foundation
import RDF
import RDFIO
import RDFTestSupport
import Testing

/// Runs the built `samsvar` binary, as a script or pipeline would.
struct SamsvarRun {
    let status: Int32
    let stdout: String
    let stderr: String
}

func samsvar(_ arguments: [String], stdin: String? = nil, in directory: String? = nil) throws -> SamsvarRun {
    let process = Process()
    process.executableURL = samsvarBinary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return SamsvarRun(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
}

/// The `samsvar` executable that `swift build` put beside this test bundle.
let samsvarBinary: URL = {
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("samsvar")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: Fixtures.repositoryRoot + "/.build/debug/samsvar")
}()

func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "samsvar-test-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite("samsvar CLI")
struct CLITests {
    let ntriples = Fixtures.path("rdf-tests/rdf/rdf11/rdf-n-triples/literal_all_controls.nt")

    @Test func countPrintsTheNumberOfTriples() throws {
        let run = try samsvar(["count", Fixtures.path("rdf-tests/rdf/rdf11/rdf-n-quads/nq-syntax-uri-01.nq")])
        #expect(run.status == 0)
        #expect(run.stdout == "1\n")
    }

    @Test func countSeveralFilesGivesPerFileAndTotal() throws {
        let a = Fixtures.path("rdf-tests/rdf/rdf11/rdf-n-triples/nt-syntax-subm-01.nt")
        let run = try samsvar(["count", a, a])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.last?.hasSuffix("\ttotal") == true)
    }

    @Test func syntaxErrorExits2WithPathLineColumn() throws {
        let dir = try temporaryDirectory()
        let bad = dir + "/bad.nt"
        try "<http://ex/s> <http://ex/p> <http://ex/o> .\n<http://ex/s> <http://ex/p> \"x\\u12\" .\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let run = try samsvar(["count", bad])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("\(bad):2:31: error: "), "\(run.stderr)")
    }

    @Test func unknownFormatAndMissingFileExit2() throws {
        #expect(try samsvar(["count", "--from", "yaml", ntriples]).status == 2)
        #expect(try samsvar(["count", "/nonexistent/x.nt"]).status == 2)
        #expect(try samsvar(["count", "/nonexistent/x.unknown"]).status == 2)
        #expect(try samsvar(["convert"]).status == 2, "usage errors exit 2, not 64")
        #expect(try samsvar(["frobnicate"]).status == 2)
    }

    @Test func helpReadsWell() throws {
        let run = try samsvar(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("convert"))
        #expect(run.stdout.contains("count"))
        let convert = try samsvar(["convert", "--help"])
        #expect(convert.stdout.contains("--from"))
        #expect(convert.stdout.contains("--base"))
    }

    @Test func convertReadsStdinBySniffing() throws {
        let run = try samsvar(["convert", "-", "--to", "nquads"],
                              stdin: "<http://ex/s> <http://ex/p> \"x\"@EN .\n")
        #expect(run.status == 0)
        #expect(run.stdout == "<http://ex/s> <http://ex/p> \"x\"@en .\n")
    }

    @Test func failedConversionLeavesNoFile() throws {
        let dir = try temporaryDirectory()
        let bad = dir + "/bad.nq"
        var text = ""
        for i in 0..<50_000 { text += "<http://ex/s\(i)> <http://ex/p> <http://ex/o> <http://ex/g> .\n" }
        text += "<http://ex/s> <http://ex/p> oops .\n"
        try text.write(toFile: bad, atomically: true, encoding: .utf8)
        let out = dir + "/out.nq"
        let run = try samsvar(["convert", bad, "-o", out])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.nq:50001:"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["bad.nq"], "no temporary file left")
    }

    @Test func namedGraphsCannotBeSquashedIntoNTriples() throws {
        let run = try samsvar(["convert", Fixtures.path("rdf-tests/rdf/rdf11/rdf-n-quads/nq-syntax-uri-01.nq"), "--to", "ntriples"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("named graphs"))
    }

    @Test func severalInputsKeepTheirBlankNodesApart() throws {
        let dir = try temporaryDirectory()
        let a = dir + "/a.nt", b = dir + "/b.nt"
        try "_:x <http://ex/p> \"a\" .\n".write(toFile: a, atomically: true, encoding: .utf8)
        try "_:x <http://ex/p> \"b\" .\n".write(toFile: b, atomically: true, encoding: .utf8)
        let run = try samsvar(["convert", a, b])
        let subjects = Set(run.stdout.split(separator: "\n").map { $0.split(separator: " ")[0] })
        #expect(subjects.count == 2)
    }

    /// Every eval test's input, converted to N-Triples/N-Quads, reads back isomorphic to
    /// the expected result, and two runs produce identical bytes.
    @Test(arguments: ["rdf11/rdf-n-triples", "rdf11/rdf-n-quads"])
    func convertRoundTripsEveryValidFile(suite: String) throws {
        let dir = Fixtures.path("rdf-tests/rdf/" + suite)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { ($0.hasSuffix(".nt") || $0.hasSuffix(".nq")) && !$0.contains("-bad-") }
            .sorted()
        #expect(files.count > 30)
        let out = try temporaryDirectory()
        for file in files {
            let input = dir + "/" + file
            let ext = file.hasSuffix(".nq") ? "nq" : "nt"
            let first = try samsvar(["convert", input, "-o", "\(out)/1.\(ext)"])
            #expect(first.status == 0, "\(file): \(first.stderr)")
            _ = try samsvar(["convert", input, "-o", "\(out)/2.\(ext)"])
            let bytes1 = try Data(contentsOf: URL(fileURLWithPath: "\(out)/1.\(ext)"))
            let bytes2 = try Data(contentsOf: URL(fileURLWithPath: "\(out)/2.\(ext)"))
            #expect(bytes1 == bytes2, "\(file): output differs between runs")
            let format: RDFFormat = ext == "nq" ? .nQuads : .nTriples
            let original = try RDFReader.quads(path: input, format: format)
            let converted = try RDFReader.quads(path: "\(out)/1.\(ext)", format: format)
            #expect(Isomorphism.areIsomorphic(original, converted), "\(file)")
        }
    }
}
