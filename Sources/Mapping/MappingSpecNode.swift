import Yams

/// A node of a mapping file's YAML with the file it came from, so that every check can
/// report the line and column it fails at.
struct MappingSpecNode {
    let node: Node
    let source: String

    init(_ node: Node, source: String) {
        self.node = node
        self.source = source
    }

    /// The line of the node's start, from 1.
    var line: Int { node.mark?.line ?? 1 }
    /// The column of the node's start, from 1.
    var column: Int { node.mark?.column ?? 1 }

    /// An error pointing at this node.
    func error(_ message: String) -> MappingSpecError {
        MappingSpecError(message, source: source, line: line, column: column)
    }

    /// True for `~`, `null` or nothing at all (`key:`); a quoted `""` is text, not null.
    var isNull: Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    var isScalar: Bool { if case .scalar = node { true } else { false } }
    var isMapping: Bool { if case .mapping = node { true } else { false } }
    var isSequence: Bool { if case .sequence = node { true } else { false } }

    /// What the node is, for "expected …, found …" messages.
    var kindName: String {
        switch node {
        case .scalar: isNull ? "nothing" : "'\(node.scalar?.string ?? "")'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// The scalar's text exactly as written (`NO` stays `NO`, `0301` stays `0301`).
    func text(_ what: String) throws(MappingSpecError) -> String {
        guard case .scalar(let s) = node, !isNull else { throw error("\(what) must be text, found \(kindName)") }
        return s.string
    }

    /// Text that must not be empty.
    func nonEmptyText(_ what: String) throws(MappingSpecError) -> String {
        let t = try text(what)
        if t.isEmpty { throw error("\(what) must not be empty") }
        return t
    }

    /// `true` or `false`.
    func bool(_ what: String) throws(MappingSpecError) -> Bool {
        guard case .scalar(let s) = node else { throw error("\(what) must be true or false, found \(kindName)") }
        switch s.string.lowercased() {
        case "true": return true
        case "false": return false
        default: throw error("\(what) must be true or false, found \(kindName)")
        }
    }

    /// A whole number within `range`.
    func int(_ what: String, in range: ClosedRange<Int> = Int.min...Int.max) throws(MappingSpecError) -> Int {
        guard case .scalar(let s) = node, let v = Int(s.string) else {
            throw error("\(what) must be a whole number, found \(kindName)")
        }
        guard range.contains(v) else {
            throw error("\(what) must be \(range.upperBound == Int.max ? "at least \(range.lowerBound)" : "between \(range.lowerBound) and \(range.upperBound)")")
        }
        return v
    }

    /// The elements of a list, or the node itself when it is a single value.
    var listItems: [MappingSpecNode] {
        if case .sequence(let seq) = node { return seq.map { MappingSpecNode($0, source: source) } }
        return [self]
    }

    /// The elements of a list; anything else is an error.
    func list(_ what: String) throws(MappingSpecError) -> [MappingSpecNode] {
        guard case .sequence(let seq) = node else { throw error("\(what) must be a list, found \(kindName)") }
        return seq.map { MappingSpecNode($0, source: source) }
    }

    /// Text or a list of texts.
    func texts(_ what: String) throws(MappingSpecError) -> [String] {
        var out: [String] = []
        for item in listItems { out.append(try item.nonEmptyText(what)) }
        return out
    }

    /// The entries of a mapping, checked against the keys allowed there. An unknown key
    /// is an error at the key, with the closest allowed key as a suggestion. YAML merge
    /// keys (`<<: *anchor`) are followed; keys written here win over merged ones.
    func entries(_ what: String, allowed: [String]) throws(MappingSpecError) -> MappingSpecEntries {
        guard case .mapping(let mapping) = node else { throw error("\(what) must be a mapping, found \(kindName)") }
        var result = MappingSpecEntries(node: self, what: what)
        var merged: [MappingSpecNode] = []
        for (keyNode, valueNode) in mapping {
            let key = MappingSpecNode(keyNode, source: source)
            let value = MappingSpecNode(valueNode, source: source)
            guard case .scalar(let k) = keyNode else { throw key.error("keys in \(what) must be text, found \(key.kindName)") }
            if k.string == "<<" {
                merged.append(contentsOf: value.listItems)
                continue
            }
            guard allowed.contains(k.string) else {
                throw key.error("unknown key '\(k.string)' in \(what)\(MappingSpecSuggestion.hint(for: k.string, among: allowed))")
            }
            result.pairs.append((k.string, key, value))
        }
        for m in merged {
            let inner = try m.entries(what, allowed: allowed)
            for pair in inner.pairs where result[pair.key] == nil { result.pairs.append(pair) }
        }
        return result
    }

    /// The entries of a mapping whose keys are names chosen by the author (fields, maps,
    /// prefixes), in file order.
    func namedEntries(_ what: String) throws(MappingSpecError) -> [(key: String, keyNode: MappingSpecNode, value: MappingSpecNode)] {
        guard case .mapping(let mapping) = node else { throw error("\(what) must be a mapping, found \(kindName)") }
        var out: [(key: String, keyNode: MappingSpecNode, value: MappingSpecNode)] = []
        for (keyNode, valueNode) in mapping {
            let key = MappingSpecNode(keyNode, source: source)
            guard case .scalar(let k) = keyNode, !key.isNull else { throw key.error("names in \(what) must be text, found \(key.kindName)") }
            out.append((k.string, key, MappingSpecNode(valueNode, source: source)))
        }
        return out
    }

    /// The node as a JSON value, typed by YAML 1.2's core schema as editors type it (plain
    /// `true`/`false`, numbers, nulls; everything else text): what the JSON Schema of
    /// mapping files checks.
    var json: RecordValue {
        switch node {
        case .scalar(let s):
            guard s.style == .plain || s.style == .any else { return .string(s.string) }
            if isNull { return .null }
            if ["true", "True", "TRUE"].contains(s.string) { return .bool(true) }
            if ["false", "False", "FALSE"].contains(s.string) { return .bool(false) }
            if RDFTargetLiteral.isDouble(s.string), s.string.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true {
                return .number(s.string)
            }
            return .string(s.string)
        case .mapping(let m):
            return .object(m.map { RecordMember($0.key.string ?? "", MappingSpecNode($0.value, source: source).json) })
        case .sequence(let items):
            return .array(items.map { MappingSpecNode($0, source: source).json })
        case .alias:
            return .null
        }
    }

    /// A YAML scalar as a record value: always text as written (YAML's own typing would
    /// turn the country code `NO` into false and `0301` into 301); null for `~`.
    var recordValue: RecordValue? {
        switch node {
        case .scalar(let s): isNull ? .null : .string(s.string)
        default: nil
        }
    }
}

/// The checked entries of one mapping in a mapping file.
struct MappingSpecEntries {
    /// The mapping node itself, where missing keys are reported.
    let node: MappingSpecNode
    /// What the mapping is, for messages ("the source", "field 'navn'").
    let what: String
    var pairs: [(key: String, keyNode: MappingSpecNode, value: MappingSpecNode)] = []

    init(node: MappingSpecNode, what: String) {
        self.node = node
        self.what = what
    }

    subscript(key: String) -> MappingSpecNode? { pairs.first { $0.key == key }?.value }

    /// The key's node, if written.
    func keyNode(_ key: String) -> MappingSpecNode? { pairs.first { $0.key == key }?.keyNode }

    /// The value of a key that must be present.
    func required(_ key: String) throws(MappingSpecError) -> MappingSpecNode {
        guard let v = self[key] else { throw node.error("\(what) needs the key '\(key)'") }
        return v
    }

    /// The keys written, of those in `keys`.
    func present(_ keys: [String]) -> [String] { keys.filter { self[$0] != nil } }

    /// Exactly one of `keys` must be present; returns it.
    func exactlyOne(of keys: [String], _ description: String) throws(MappingSpecError) -> String {
        let found = present(keys)
        if found.count > 1, let second = keyNode(found[1]) {
            throw second.error("\(what) has both '\(found[0])' and '\(found[1])'; give only one \(description)")
        }
        guard let key = found.first else {
            throw node.error("\(what) needs one of \(keys.map { "'\($0)'" }.joined(separator: ", "))")
        }
        return key
    }
}
