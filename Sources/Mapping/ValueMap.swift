/// A loaded value map: codes to values, with the policy for a code it does not hold.
struct ValueMap: Sendable {
    /// The map's name in the mapping file.
    let name: String
    /// Each code with its values; more than one value means the code is ambiguous.
    let table: [String: [RecordValue]]
    let unmapped: ValueMapPolicy
    /// Whether codes are compared without regard to case.
    let ignoreCase: Bool
    /// CURIE prefixes under which a code such as `orgform:AS` is also looked up as a full IRI.
    let prefixes: [String: String]

    init(name: String, table: [String: [RecordValue]], unmapped: ValueMapPolicy, ignoreCase: Bool = false,
         prefixes: [String: String] = [:]) {
        self.name = name
        self.unmapped = unmapped
        self.ignoreCase = ignoreCase
        self.prefixes = prefixes
        if ignoreCase {
            var folded: [String: [RecordValue]] = [:]
            for (k, v) in table {
                var values = folded[k.lowercased()] ?? []
                for x in v where !values.contains(x) { values.append(x) }
                folded[k.lowercased()] = values
            }
            self.table = folded
        } else {
            self.table = table
        }
    }

    /// The value for `code`, by the unmapped policy when the map lacks it; throws a
    /// rejection for a code the policy says to fail on, or one with several values.
    func lookup(_ code: String) throws(ExpressionRejection) -> RecordValue {
        if let values = values(for: code) {
            if values.count == 1 { return values[0] }
            let listed = values.prefix(3).map { "'\(ExpressionValue.text($0) ?? "null")'" }.joined(separator: ", ")
            throw ExpressionRejection("'\(code)' has \(values.count) values in value map '\(name)' (\(listed)\(values.count > 3 ? ", …" : ""))")
        }
        switch unmapped {
        case .fail: throw ExpressionRejection("'\(code)' is not in value map '\(name)'")
        case .keep: return .string(code)
        case .default(let value): return value
        }
    }

    private func values(for code: String) -> [RecordValue]? {
        let key = ignoreCase ? code.lowercased() : code
        if let v = table[key] { return v }
        if let colon = code.firstIndex(of: ":"), let ns = prefixes[String(code[..<colon])] {
            let expanded = ns + code[code.index(after: colon)...]
            return table[ignoreCase ? expanded.lowercased() : expanded]
        }
        return nil
    }
}

/// What a value map does with a code it does not hold.
public enum ValueMapPolicy: Sendable, Hashable {
    /// The record is rejected, naming the code and the map.
    case fail
    /// The code is kept as the value.
    case keep
    /// This value is used instead.
    case `default`(RecordValue)
}
