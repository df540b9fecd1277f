#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibXML2
import RDF
import XMLSupport

// Internal entities in attribute values and namespace names.
//
// libxml2 substitutes entities itself only with XML_PARSE_NOENT, and then decodes an
// entity's replacement text afresh, character by character, with a new buffer, for
// every reference: a third of libxml2's time on a catalogue written with `&dcat;`-style
// namespaces. The reader therefore leaves substitution off. Text content is not
// affected (in SAX mode libxml2 delivers the events of an entity's content either way);
// attribute values and namespace names then arrive with general entity references as
// written (`&ds;c2cf…`) and `&` itself as `&#38;`, and this table expands them: each
// entity's replacement text is expanded once (recursively, normalised as attribute
// values are) and reused for every reference.
//
// Expansion is metered like libxml2's own: `RDFXMLParser.entity(_:parameter:)`, which
// libxml2 still calls for every reference, counts references and replacement text, and
// the memoised expansions count against the same allowance when they are built.

/// The internal general entities the document declares, and their expansions.
struct EntityTable {
    private var names: [[UInt8]] = []
    private var contents: [[UInt8]] = []
    /// Where each entity's replacement text, with entity and character references
    /// expanded and white space normalised for attribute values, lies in `expanded`
    /// (built on first use; `nil` until then).
    private var expansions: [Range<Int>?] = []
    private var expanded: [UInt8] = []
    private var slots: [Int32] = Array(repeating: -1, count: 64)

    var isEmpty: Bool { names.isEmpty }

    /// Records `<!ENTITY name "content">` (the first declaration wins, as in XML).
    mutating func declare(_ name: UnsafePointer<xmlChar>, _ content: UnsafePointer<xmlChar>?) {
        let nameBytes = Array(UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name))))
        if nameBytes.withUnsafeBufferPointer({ index(of: $0) }) != nil { return }
        names.append(nameBytes)
        contents.append(content.map { Array(UnsafeBufferPointer(start: $0, count: Int(xmlStrlen($0)))) } ?? [])
        expansions.append(nil)
        if names.count * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            for i in names.indices { names[i].withUnsafeBufferPointer { insert(i, $0) } }
        } else {
            nameBytes.withUnsafeBufferPointer { insert(names.count - 1, $0) }
        }
    }

    private mutating func insert(_ entity: Int, _ name: UnsafeBufferPointer<UInt8>) {
        var slot = Int(truncatingIfNeeded: StringCache.hash(name)) & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(entity)
    }

    private func index(of name: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Int(truncatingIfNeeded: StringCache.hash(name)) & (slots.count - 1)
        while slots[slot] >= 0 {
            let entity = Int(slots[slot])
            let same = names[entity].withUnsafeBufferPointer { n in
                n.count == name.count && (n.count == 0 || memcmp(n.baseAddress!, name.baseAddress!, n.count) == 0)
            }
            if same { return entity }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Why an expansion failed.
    enum Failure: Error {
        case undeclared(String)
        case tooDeep
        case lessThan(String)
        case tooLong
    }

    /// Appends `value` (an attribute value as libxml2 reports it without substitution)
    /// to `output` with its references expanded. `budget` is how many bytes of
    /// replacement text may still be produced; it is reduced by what is.
    mutating func expandAttribute(_ value: UnsafeBufferPointer<UInt8>, into output: inout TextBuffer,
                                  budget: inout Int) throws(Failure) {
        try expand(value, into: &output, budget: &budget, depth: 0, inEntity: false)
    }

    private mutating func expand(_ value: UnsafeBufferPointer<UInt8>, into output: inout TextBuffer,
                                 budget: inout Int, depth: Int, inEntity: Bool) throws(Failure) {
        guard let base = value.baseAddress else { return }
        let end = base + value.count
        var p = base
        while p < end {
            // Copy up to the next reference in one go.
            guard let found = memchr(p, Int32(UInt8(ascii: "&")), end - p) else {
                append(p, end, to: &output, normalising: inEntity)
                return
            }
            let amp = found.assumingMemoryBound(to: UInt8.self)
            append(p, UnsafePointer(amp), to: &output, normalising: inEntity)
            guard let semicolonFound = memchr(amp, Int32(UInt8(ascii: ";")), end - UnsafePointer(amp)) else {
                append(UnsafePointer(amp), end, to: &output, normalising: inEntity)  // not a reference
                return
            }
            let semicolon = UnsafePointer(semicolonFound.assumingMemoryBound(to: UInt8.self))
            let name = UnsafeBufferPointer(start: UnsafePointer(amp) + 1, count: semicolon - UnsafePointer(amp) - 1)
            if let first = name.first, first == UInt8(ascii: "#") {
                Self.appendCharacterReference(UnsafeBufferPointer(rebasing: name[1...]), to: &output)
            } else if let predefined = Self.predefined(name) {
                output.append(predefined)  // predefined entities win over declarations
            } else if let entity = index(of: name) {
                try appendExpansion(of: entity, to: &output, budget: &budget, depth: depth)
            } else {
                throw .undeclared(String(decoding: name, as: UTF8.self))
            }
            p = semicolon + 1
        }
    }

    /// Appends `start..<end`; in replacement text, tab, line feed and carriage return
    /// become spaces (attribute-value normalisation, XML 1.0 section 3.3.3).
    @inline(__always)
    private func append(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, to output: inout TextBuffer,
                        normalising: Bool) {
        guard start < end else { return }
        if !normalising {
            output.append(UnsafeBufferPointer(start: start, count: end - start))
            return
        }
        var p = start
        while p < end {
            let b = p.pointee
            output.append(b == 0x09 || b == 0x0A || b == 0x0D ? 0x20 : b)
            p += 1
        }
    }

    private mutating func appendExpansion(of entity: Int, to output: inout TextBuffer, budget: inout Int,
                                          depth: Int) throws(Failure) {
        if expansions[entity] == nil {
            if depth > 40 { throw .tooDeep }
            var scratch = TextBuffer(capacity: max(contents[entity].count, 16))
            defer { scratch.free() }
            let content = contents[entity]
            do {
                try content.withUnsafeBufferPointer { (c) throws(Failure) in
                    try expand(c, into: &scratch, budget: &budget, depth: depth + 1, inEntity: true)
                }
            }
            if XMLNames.contains(scratch.bytes, UInt8(ascii: "<")) {
                throw .lessThan(String(decoding: names[entity], as: UTF8.self))
            }
            let start = expanded.count
            expanded.append(contentsOf: scratch.bytes)
            expansions[entity] = start..<expanded.count
        }
        let range = expansions[entity]!
        budget -= range.count
        if budget < 0 { throw .tooLong }
        expanded.withUnsafeBufferPointer { output.append(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// `lt`, `gt`, `amp`, `apos`, `quot`.
    private static func predefined(_ name: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var packed: UInt32 = 0
        guard name.count >= 2 && name.count <= 4 else { return nil }
        for b in name { packed = packed << 8 | UInt32(b) }
        switch packed {
        case 0x61_6D_70: return UInt8(ascii: "&")      // amp
        case 0x6C_74: return UInt8(ascii: "<")         // lt
        case 0x67_74: return UInt8(ascii: ">")         // gt
        case 0x61_70_6F_73: return UInt8(ascii: "'")   // apos
        case 0x71_75_6F_74: return UInt8(ascii: "\"") // quot
        default: return nil
        }
    }

    /// `&#NNN;` / `&#xHHH;` (the part after `#`) as UTF-8; nothing if it is malformed
    /// (libxml2 has rejected malformed ones already).
    private static func appendCharacterReference(_ digits: UnsafeBufferPointer<UInt8>, to output: inout TextBuffer) {
        var value: UInt32 = 0
        var hex = false
        var rest = digits[...]
        if let x = rest.first, x == UInt8(ascii: "x") {
            hex = true
            rest = rest.dropFirst()
        }
        for d in rest {
            let digit: UInt32
            switch d {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(d - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(d - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(d - UInt8(ascii: "A") + 10)
            default: return
            }
            value = value &* (hex ? 16 : 10) &+ digit
            if value > 0x10FFFF { return }
        }
        guard let scalar = Unicode.Scalar(value) else { return }
        for unit in UTF8.encode(scalar)! { output.append(unit) }
    }
}

extension XMLNames {
    /// True if `bytes` contains `byte`.
    @inline(__always)
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }
}

extension RDFXMLParser.State {
    /// Expands the references in an attribute value into `attributeText`; the returned
    /// range is valid until the next start tag.
    mutating func expandAttribute(_ value: UnsafeBufferPointer<UInt8>) throws -> Range<Int> {
        // A copy of the buffer (a pointer and counts) is grown and put back, so that
        // `expand` can mutate the rest of the state meanwhile.
        var output = attributeText
        defer { attributeText = output }
        let start = output.count
        try expand(value, into: &output)
        return start..<output.count
    }

    /// Expands the references in `value` into `output`, metered.
    mutating func expand(_ value: UnsafeBufferPointer<UInt8>, into output: inout TextBuffer) throws {
        var budget = entityGuard.byteLimit - entityGuard.bytes
        defer { entityGuard.bytes = entityGuard.byteLimit - budget }
        do {
            try entities.expandAttribute(value, into: &output, budget: &budget)
        } catch {
            switch error {
            case .undeclared(let name): throw syntaxError("the entity &\(name); is not declared")
            case .tooDeep: throw syntaxError("entity references nest more than 40 deep")
            case .lessThan(let name): throw syntaxError("the entity &\(name); puts a '<' into an attribute value")
            case .tooLong: throw syntaxError(.tooMuchText(limit: entityGuard.byteLimit))
            }
        }
    }

    /// A namespace name with its entity references expanded (`xmlns:ex="&ex;"`).
    mutating func namespaceName(_ uri: UnsafePointer<xmlChar>) throws -> String {
        let bytes = UnsafeBufferPointer(start: uri, count: Int(xmlStrlen(uri)))
        guard XMLNames.contains(bytes, UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var scratch = namespaceText
        defer { namespaceText = scratch }
        scratch.removeAll()
        try expand(bytes, into: &scratch)
        return String(decoding: scratch.bytes, as: UTF8.self)
    }
}
