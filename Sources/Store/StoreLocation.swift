import Foundation

/// Where the embedded store lives when no path is given.
public enum StoreLocation {
    /// `$SAMSVAR_STORE`, else `$XDG_DATA_HOME/samsvar/store.sqlite`, else
    /// `~/.local/share/samsvar/store.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["SAMSVAR_STORE"], !path.isEmpty { return path }
        let data: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            data = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            data = home + "/.local/share"
        }
        return data + "/samsvar/store.sqlite"
    }

    /// Creates the folder that will hold the store file at `path`, if missing.
    public static func createFolder(for path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.database(path: path, message: "cannot create folder \(folder): \(error.localizedDescription)")
        }
    }
}
