/// The subset of XPath the XML reader selects records with, matched while the document
/// streams past:
///
/// - `/a/b/c`: child steps from the root (`a` is the root element);
/// - `//c`: any descendant named `c`; it may start the path or stand between steps
///   (`/a//c`);
/// - `*`: any element;
/// - `prefix:name`: an element named `name` in the namespace bound to `prefix` — by the
///   reader's options when they give the prefix, otherwise by the document where the
///   element is. A name without prefix matches the local name in any namespace.
///
/// A selected element is a record as a whole: elements inside it that would match too are
/// not records of their own.
public struct XMLPath: Sendable, Hashable, CustomStringConvertible {
    struct Step: Sendable, Hashable {
        /// True for `//` (descendant-or-self) before the name test.
        var descendant: Bool
        /// The prefix, or nil when any namespace matches.
        var prefix: [UInt8]?
        /// The local name; nil for `*`.
        var local: [UInt8]?
    }

    let steps: [Step]
    /// The path as written.
    public let description: String

    /// Parses `text`; throws `JSONPathError` (the path and the offset of the problem).
    public init(_ text: String) throws(JSONPathError) {
        description = text
        let bytes = Array(text.utf8)
        var i = 0
        func fail(_ message: String) -> JSONPathError { JSONPathError(message, path: text, offset: i) }
        guard bytes.first == UInt8(ascii: "/") else { throw fail("an XML iterator starts with '/' or '//'") }
        var steps: [Step] = []
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "/") else { throw fail("expected '/'") }
            i += 1
            var descendant = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "/") {
                descendant = true
                i += 1
            }
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "/") {
                let b = bytes[i]
                if b == UInt8(ascii: "[") || b == UInt8(ascii: "@") || b == UInt8(ascii: "(") || b == 0x20 {
                    throw fail("only element names, '*' and '//' are supported in an XML iterator")
                }
                i += 1
            }
            let name = Array(bytes[start..<i])
            guard !name.isEmpty else { throw fail("expected an element name") }
            if name == [UInt8(ascii: "*")] {
                steps.append(Step(descendant: descendant, prefix: nil, local: nil))
            } else if let colon = name.firstIndex(of: UInt8(ascii: ":")) {
                let prefix = Array(name[..<colon])
                let local = Array(name[(colon + 1)...])
                guard !prefix.isEmpty, !local.isEmpty, !local.contains(UInt8(ascii: ":")) else {
                    throw fail("a name is 'name' or 'prefix:name'")
                }
                steps.append(Step(descendant: descendant, prefix: prefix, local: local == [UInt8(ascii: "*")] ? nil : local))
            } else {
                steps.append(Step(descendant: descendant, prefix: nil, local: name))
            }
        }
        guard steps.count < 63 else { throw fail("the path has too many steps") }
        self.steps = steps
    }

    /// Bit `k` set: the first `k` steps match the path to the current element.
    typealias States = UInt64

    /// The states of the document node.
    static let initial: States = 1

    /// Whether the states select the element.
    @inline(__always) func accepts(_ states: States) -> Bool { states & (1 << steps.count) != 0 }

    /// The states of a child element, given its parent's states; `matches(step)` tells
    /// whether the element's name passes a step's name test.
    func child(of states: States, matches: (Step) -> Bool) -> States {
        var out: States = 0
        var rest = states
        while rest != 0 {
            let k = rest.trailingZeroBitCount
            rest &= rest - 1
            guard k < steps.count else { continue }
            let step = steps[k]
            if step.descendant { out |= 1 << k }
            if matches(step) { out |= 1 << (k + 1) }
        }
        return out
    }
}
