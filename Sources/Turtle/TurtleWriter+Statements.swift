import RDF

/// Lays out the statements of a `TurtleLayout` as text: subjects with their predicate
/// lists, `,`-separated objects (on one line when they fit, else one per line aligned
/// under the first), blank nodes in place as `[ … ]` and lists as `( … )` (on one line
/// when short, else as indented blocks), TriG graphs as `<g> { … }`.
struct TurtleRenderer {
    let layout: TurtleLayout
    var formatter: TurtleTermFormatter
    private var out = TurtleOutput()
    /// Tokens of IRIs and literals, made once.
    private var tokens: [Int32: String] = [:]
    /// Labels of the blank nodes that need one, in order of first appearance.
    private var labels: [Int32: String] = [:]

    /// Lines are kept within this many characters where breaking them can.
    static let width = 80
    static let indentStep = 4
    /// A subject longer than this starts its predicate list on the next line.
    static let longSubject = 40
    /// Objects after the first align under it unless it starts beyond this column.
    static let maxAlignColumn = 48

    init(layout: TurtleLayout, formatter: TurtleTermFormatter) {
        self.layout = layout
        self.formatter = formatter
    }

    /// The body of the document (everything after the prefixes).
    mutating func renderDocument() -> [UInt8] {
        assignLabels()
        for (i, g) in layout.graphs.enumerated() {
            if i > 0 { out.newline(0) }
            if g < 0 {
                renderSubjects(of: g, indent: 0)
            } else {
                out.append(token(g))
                out.append(" {")
                out.newline(Self.indentStep)
                renderSubjects(of: g, indent: Self.indentStep)
                out.newline(0)
                out.append("}")
            }
            out.newline(0)
        }
        return out.bytes
    }

    /// Labels blank nodes `_:b0`, `_:b1` … in the order the document will mention them.
    private mutating func assignLabels() {
        func label(_ id: Int32) {
            if layout.terms[Int(id)].isBlankNode && !layout.anonymous[Int(id)] && labels[id] == nil {
                labels[id] = "_:b\(labels.count)"
            }
        }
        var stack: [(end: Int, position: Int)] = []
        for g in layout.graphs {
            if g >= 0 { label(g) }
            for subject in layout.topLevel[g] ?? [] {
                label(subject)
                guard let range = layout.ranges[g]?[subject] else { continue }
                stack.append((range.upperBound, range.lowerBound))
                while let top = stack.last {
                    if top.position == top.end { stack.removeLast(); continue }
                    stack[stack.count - 1].position += 1
                    let object = layout.sorted[top.position].o
                    if layout.inline[Int(object)] {
                        if let range = layout.ranges[g]?[object] { stack.append((range.upperBound, range.lowerBound)) }
                    } else {
                        label(object)
                    }
                }
            }
        }
    }

    // MARK: Statements

    private mutating func renderSubjects(of graph: Int32, indent: Int) {
        for (i, subject) in (layout.topLevel[graph] ?? []).enumerated() {
            if i > 0 {
                out.newline(0)
                out.newline(indent)
            }
            let text = layout.anonymous[Int(subject)] ? "[]" : token(subject)
            out.append(text)
            let long = Self.width(of: text) > Self.longSubject
            if !long { out.append(" ") }
            renderPredicates(of: subject, in: graph, indent: indent + Self.indentStep, startOnNewLine: long)
            out.append(" .")
        }
    }

    /// `p o ; p o, o …` for one subject; predicates after the first start new lines.
    private mutating func renderPredicates(of subject: Int32, in graph: Int32, indent: Int, startOnNewLine: Bool) {
        let statements = layout.statements(of: subject, in: graph)
        var start = statements.startIndex
        while start < statements.endIndex {
            var end = start + 1
            while end < statements.endIndex && statements[end].p == statements[start].p { end += 1 }
            if start > statements.startIndex {
                out.append(" ;")
                out.newline(indent)
            } else if startOnNewLine {
                out.newline(indent)
            }
            out.append(predicate(statements[start].p))
            out.append(" ")
            renderObjects(statements[start..<end].map(\.o), in: graph, indent: indent)
            start = end
        }
    }

    /// The objects of one predicate: all on this line when they fit, else one per line
    /// aligned under the first, with blocks (`[` … `]`, `(` … `)`) kept on the line that
    /// opens them and closed at `indent`.
    private mutating func renderObjects(_ objects: [Int32], in graph: Int32, indent: Int) {
        let flats = objects.map { flat($0, in: graph, budget: Self.width) }
        if !flats.contains(where: { $0 == nil }) {
            let length = flats.reduce(2 * (flats.count - 1)) { $0 + Self.width(of: $1!) }
            if out.column + length + 2 <= Self.width || (objects.count == 1 && !layout.inline[Int(objects[0])]) {
                out.append(flats.map { $0! }.joined(separator: ", "))
                return
            }
        }
        var align = out.column
        if align > Self.maxAlignColumn { align = indent + Self.indentStep }
        for (i, object) in objects.enumerated() {
            let column = i == 0 ? out.column : align
            let text = layout.inline[Int(object)] ? flat(object, in: graph, budget: Self.width - column - 2)
                                                  : objectToken(object)
            if i > 0 {
                if text == nil { out.append(", ") } else {
                    out.append(",")
                    out.newline(align)
                }
            }
            if let text { out.append(text) } else { renderBlock(object, in: graph, indent: indent) }
        }
    }

    /// A blank node in place, over several lines: `[` or `(` here, the contents indented
    /// one step from `indent`, and the closing bracket at `indent`.
    private mutating func renderBlock(_ node: Int32, in graph: Int32, indent: Int) {
        if layout.isList[Int(node)] {
            out.append("(")
            for item in listItems(node, in: graph) {
                out.newline(indent + Self.indentStep)
                renderObjects([item], in: graph, indent: indent + Self.indentStep)
            }
            out.newline(indent)
            out.append(")")
        } else {
            out.append("[")
            renderPredicates(of: node, in: graph, indent: indent + Self.indentStep, startOnNewLine: true)
            out.newline(indent)
            out.append("]")
        }
    }

    /// The one-line form of an object, or `nil` when it has none (a multi-line string, a
    /// blank node with more than three statements) or it would be longer than `budget`.
    /// IRIs and literals are returned whatever their length: they cannot be broken.
    private mutating func flat(_ object: Int32, in graph: Int32, budget: Int) -> String? {
        guard layout.inline[Int(object)] else {
            let text = objectToken(object)
            return text.utf8.contains(0x0A) ? nil : text
        }
        guard budget > 4 else { return nil }
        if layout.isList[Int(object)] {
            var text = "("
            for item in listItems(object, in: graph) {
                guard let part = flat(item, in: graph, budget: budget - Self.width(of: text) - 3) else { return nil }
                text += " " + part
                if Self.width(of: text) + 2 > budget { return nil }
            }
            return text + " )"
        }
        let statements = layout.statements(of: object, in: graph)
        if statements.isEmpty { return "[]" }
        guard statements.count <= 3 else { return nil }
        var text = "["
        var previous: Int32? = nil
        for st in statements {
            if st.p == previous {
                text += ","
            } else {
                if previous != nil { text += " ;" }
                text += " " + predicate(st.p)
            }
            previous = st.p
            guard let part = flat(st.o, in: graph, budget: budget - Self.width(of: text) - 3) else { return nil }
            text += " " + part
            if Self.width(of: text) + 2 > budget { return nil }
        }
        return text + " ]"
    }

    /// The items of the list headed by `head`.
    private func listItems(_ head: Int32, in graph: Int32) -> [Int32] {
        var items: [Int32] = []
        var node = head
        while true {
            var next: Int32? = nil
            for st in layout.statements(of: node, in: graph) {
                if st.p == layout.firstID { items.append(st.o) } else { next = st.o }
            }
            guard let n = next, n != layout.nilID else { return items }
            node = n
        }
    }

    // MARK: Terms

    private mutating func predicate(_ id: Int32) -> String {
        id == layout.typeID ? "a" : token(id)
    }

    /// The token of an object that is not written in place: `rdf:nil` is the empty list.
    private mutating func objectToken(_ id: Int32) -> String {
        id == layout.nilID ? "()" : token(id)
    }

    /// The token of a term that is not written in place.
    private mutating func token(_ id: Int32) -> String {
        if let label = labels[id] { return label }
        if let text = tokens[id] { return text }
        let text: String
        switch layout.terms[Int(id)] {
        case .iri(let iri): text = formatter.iri(iri)
        case .literal(let literal): text = formatter.literal(literal)
        case .blankNode: text = "[]"
        }
        tokens[id] = text
        return text
    }

    static func width(of text: String) -> Int { text.unicodeScalars.count }
}

/// The text being written, with the column of its end.
struct TurtleOutput {
    private(set) var bytes: [UInt8] = []
    private var lineStart = 0

    mutating func append(_ text: String) {
        let before = bytes.count
        bytes.append(contentsOf: text.utf8)
        if let newline = bytes[before...].lastIndex(of: 0x0A) { lineStart = newline + 1 }
    }

    /// Ends the line and indents the next one.
    mutating func newline(_ indent: Int) {
        bytes.append(0x0A)
        lineStart = bytes.count
        bytes.append(contentsOf: repeatElement(0x20, count: indent))
    }

    /// The column (in Unicode scalars) where the next character goes, from 0.
    var column: Int {
        var count = 0
        for b in bytes[lineStart...] where b & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
