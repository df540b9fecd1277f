/// The JSON Schema Test Suite groups (`file: group description`, or a whole `file`) that
/// Samsvar's validator is known to fail, each with the reason. Empty: every required
/// draft 2020-12 group passes (remote documents and meta-schemas are preloaded).
enum JSONSchemaKnownFailures {
    static let groups: [String: String] = [:]

    /// Why `key` (`file: group`) is expected to fail, or nil when it must pass.
    static func reason(for key: String) -> String? {
        if let reason = groups[key] { return reason }
        let file = key.split(separator: ":", maxSplits: 1).first.map(String.init) ?? key
        return groups[file]
    }
}
