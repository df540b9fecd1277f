import Foundation
import RDF
import RDFIO

/// A validation profile shipped in `Vocabularies/profiles/NAME/`: the SHACL files in its
/// `shapes/` folder and the background vocabularies its `background.txt` lists (paths
/// relative to `Vocabularies/`), loaded so class and vocabulary checks on EU authority
/// and LOS IRIs can succeed.
public struct Profile: Sendable {
    public let name: String
    public let shapesFiles: [String]
    public let backgroundFiles: [String]

    /// Loads the profile's description from the vocabularies folder.
    public static func named(_ name: String, vocabularies: String) throws -> Profile {
        let folder = vocabularies + "/profiles/" + name
        let fm = FileManager.default
        guard fm.fileExists(atPath: folder + "/shapes") else {
            let known = available(vocabularies: vocabularies)
            throw ProfileError("unknown profile '\(name)'; available: \(known.isEmpty ? "none (no \(vocabularies)/profiles)" : known.joined(separator: ", "))")
        }
        let shapes = try fm.contentsOfDirectory(atPath: folder + "/shapes")
            .filter { RDFFormat(path: $0) != nil }.sorted().map { folder + "/shapes/" + $0 }
        var background: [String] = []
        if let text = try? String(contentsOfFile: folder + "/background.txt", encoding: .utf8) {
            for line in text.split(whereSeparator: \.isNewline) {
                let entry = line.trimmingCharacters(in: .whitespaces)
                if entry.isEmpty || entry.hasPrefix("#") { continue }
                let path = vocabularies + "/" + entry
                guard fm.fileExists(atPath: path) else {
                    throw ProfileError("\(folder)/background.txt names \(entry), which does not exist")
                }
                background.append(path)
            }
        }
        return Profile(name: name, shapesFiles: shapes, backgroundFiles: background)
    }

    /// The names of the profiles in the vocabularies folder.
    public static func available(vocabularies: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: vocabularies + "/profiles")) ?? [])
            .filter { FileManager.default.fileExists(atPath: vocabularies + "/profiles/" + $0 + "/shapes") }.sorted()
    }

    /// The `Vocabularies` folder: `$SAMSVAR_VOCABULARIES`, else the nearest one above the
    /// executable (a build inside the repository), else one in the working directory.
    public static func vocabulariesFolder() -> String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["SAMSVAR_VOCABULARIES"] { return env }
        var url = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = url.appendingPathComponent("Vocabularies").path
            if fm.fileExists(atPath: candidate + "/profiles") { return candidate }
            url.deleteLastPathComponent()
        }
        let local = fm.currentDirectoryPath + "/Vocabularies"
        return fm.fileExists(atPath: local + "/profiles") ? local : nil
    }
}

/// A profile cannot be found or is incomplete.
public struct ProfileError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
