import Foundation
import RDF

/// The severity of a shape's results (SHACL §2.1.5).
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case info = "Info", warning = "Warning", violation = "Violation"

    /// The severity's IRI in the `sh:` namespace.
    public var iri: String { SH.iri(rawValue) }

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How a shape selects its focus nodes (SHACL §2.1.3).
enum Target: Sendable {
    case node(Term)
    case classInstances(Term)
    case subjectsOf(String)
    case objectsOf(String)
}

/// A compiled shape: its targets, its path (property shapes only) and its constraints.
/// Shapes refer to one another by index into `ShapesGraph.shapes`.
struct Shape: Sendable {
    /// The shape's node in the shapes graph (`sh:sourceShape` of its results).
    let node: Term
    /// `sh:path`; nil for a node shape.
    let path: PropertyPath?
    var targets: [Target] = []
    var constraints: [Constraint] = []
    var severity: String = SH.Violation
    /// `sh:message` values, reported as `sh:resultMessage`.
    var messages: [Term] = []
    var deactivated = false
    /// A readable name (`sh:name`) for text reports.
    var names: [Term] = []
}

/// A shape as validation reads it: immutable and shared by reference, so looking one up
/// costs one retain rather than a copy of every field.
final class CompiledShape: Sendable {
    let node: Term
    let path: PropertyPath?
    let targets: [Target]
    let constraints: [Constraint]
    let severity: String
    let messages: [Term]
    let deactivated: Bool
    let names: [Term]

    init(_ s: Shape) {
        node = s.node
        path = s.path
        targets = s.targets
        constraints = s.constraints
        severity = s.severity
        messages = s.messages
        deactivated = s.deactivated
        names = s.names
    }
}

/// A regular expression for `sh:pattern`, compiled once. `NSRegularExpression` is
/// immutable and documented as safe to share between threads.
final class CompiledPattern: @unchecked Sendable {
    let source: String
    let flags: String?
    let regex: NSRegularExpression

    /// XPath/SPARQL `REGEX` flags (SPARQL 1.1 §17.4.3.14 → XPath F&O §7.6.1.1).
    init(_ source: String, flags: String?) throws {
        var options: NSRegularExpression.Options = []
        var pattern = source
        for flag in flags ?? "" {
            switch flag {
            case "i": options.insert(.caseInsensitive)
            case "s": options.insert(.dotMatchesLineSeparators)
            case "m": options.insert(.anchorsMatchLines)
            case "x": pattern = pattern.filter { !" \t\n\r".contains($0) }
            case "q": pattern = NSRegularExpression.escapedPattern(for: pattern)
            default: throw ShapesError("unknown regular expression flag '\(flag)' in sh:flags")
            }
        }
        do {
            regex = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            throw ShapesError("sh:pattern \"\(source)\" is not a valid regular expression")
        }
        self.source = source
        self.flags = flags
    }

    func matches(_ s: String) -> Bool {
        regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}

/// One constraint of a shape, with its parameters (SHACL §4, the Core components).
enum Constraint: Sendable {
    case `class`(Term)
    case datatype(String)
    case nodeKind(String)
    case minCount(Int)
    case maxCount(Int)
    case minExclusive(Literal)
    case minInclusive(Literal)
    case maxExclusive(Literal)
    case maxInclusive(Literal)
    case minLength(Int)
    case maxLength(Int)
    case pattern(CompiledPattern)
    case languageIn([String])
    case uniqueLang
    case equals(String)
    case disjoint(String)
    case lessThan(String)
    case lessThanOrEquals(String)
    case not(Int)
    case and([Int])
    case or([Int])
    case xone([Int])
    case node(Int)
    case property(Int)
    case qualifiedMinCount(shape: Int, count: Int, siblings: [Int])
    case qualifiedMaxCount(shape: Int, count: Int, siblings: [Int])
    case closed(allowed: Set<String>)
    case hasValue(Term)
    case `in`([Term])

    /// The constraint component's IRI (`sh:sourceConstraintComponent`).
    var component: String {
        let name: String = switch self {
        case .class: "Class"
        case .datatype: "Datatype"
        case .nodeKind: "NodeKind"
        case .minCount: "MinCount"
        case .maxCount: "MaxCount"
        case .minExclusive: "MinExclusive"
        case .minInclusive: "MinInclusive"
        case .maxExclusive: "MaxExclusive"
        case .maxInclusive: "MaxInclusive"
        case .minLength: "MinLength"
        case .maxLength: "MaxLength"
        case .pattern: "Pattern"
        case .languageIn: "LanguageIn"
        case .uniqueLang: "UniqueLang"
        case .equals: "Equals"
        case .disjoint: "Disjoint"
        case .lessThan: "LessThan"
        case .lessThanOrEquals: "LessThanOrEquals"
        case .not: "Not"
        case .and: "And"
        case .or: "Or"
        case .xone: "Xone"
        case .node: "Node"
        case .property: "Property"
        case .qualifiedMinCount: "QualifiedMinCount"
        case .qualifiedMaxCount: "QualifiedMaxCount"
        case .closed: "Closed"
        case .hasValue: "HasValue"
        case .in: "In"
        }
        return SH.iri(name + "ConstraintComponent")
    }
}
