import RDF

extension RDFXMLWriter {
    /// How a graph is laid out as RDF/XML: its statements grouped by subject, the type each
    /// subject's node element is named after, which blank nodes are nested, the element
    /// name of every predicate and type, and the prefixes to declare.
    struct Layout {
        let triples: [Triple]
        /// Statement indices by subject, sorted by predicate then object, without duplicates.
        var bySubject: [Term: [Int]] = [:]
        /// Subjects written directly inside `rdf:RDF`, in output order.
        var topLevel: [Term] = []
        /// How many statements have each blank node as object.
        var referenceCount: [String: Int] = [:]
        /// Blank nodes written inside the one property element that refers to them.
        var nested: Set<String> = []
        /// The items of each nested list written as `rdf:parseType="Collection"`, by head.
        var collections: [String: [Term]] = [:]
        /// The index of the `rdf:type` statement that names a subject's node element.
        var typeStatement: [Term: Int] = [:]
        /// The namespace and local name of each predicate and node element type.
        var names: [String: SplitIRI] = [:]
        /// The prefixes declared.
        var prefixes = NamespaceTable.Prefixes()
        /// Each statement's predicate as its rank in IRI order.
        private let predicateRank: [Int32]
        /// The rank of `rdf:type`, or -1.
        private let typeRank: Int32

        init(triples: [Triple], prefixes: [(prefix: String, namespace: String)], allowDefaultNamespace: Bool) throws {
            self.triples = triples
            var table = NamespaceTable(prefixes: prefixes, allowDefault: allowDefaultNamespace)
            // Each distinct predicate gets an id, then its rank in IRI order, so sorting
            // compares integers.
            var predicateIDs: [String: Int32] = [:]
            var predicateOf = [Int32](repeating: 0, count: triples.count)
            for (i, t) in triples.enumerated() {
                bySubject[t.subject, default: []].append(i)
                guard case .iri(let predicate) = t.predicate else { continue }
                if let id = predicateIDs[predicate] {
                    predicateOf[i] = id
                    continue
                }
                guard let split = table.split(predicate) else {
                    throw RDFWriteError(predicateProblem(predicate)
                        ?? "predicate <\(predicate)> cannot be written in RDF/XML: no XML QName")
                }
                names[predicate] = split
                table.use(split)
                predicateOf[i] = Int32(predicateIDs.count)
                predicateIDs[predicate] = Int32(predicateIDs.count)
            }
            var rankOfID = [Int32](repeating: 0, count: predicateIDs.count)
            for (rank, predicate) in predicateIDs.keys.sorted(by: utf8Less).enumerated() {
                rankOfID[Int(predicateIDs[predicate]!)] = Int32(rank)
            }
            predicateRank = predicateOf.map { rankOfID[Int($0)] }
            typeRank = predicateIDs[RDFVocabulary.type].map { rankOfID[Int($0)] } ?? -1

            // Sort each subject's statements by predicate, then object, and drop duplicates.
            triples.withUnsafeBufferPointer { t in
                let rank = predicateRank
                for group in bySubject.values.indices {
                    bySubject.values[group].sort { a, b in
                        rank[a] != rank[b] ? rank[a] < rank[b] : termLess(t[a].object, t[b].object)
                    }
                    var kept = 0
                    for index in bySubject.values[group] {
                        if kept > 0 {
                            let previous = bySubject.values[group][kept - 1]
                            if rank[previous] == rank[index] && t[previous].object == t[index].object { continue }
                        }
                        bySubject.values[group][kept] = index
                        kept += 1
                    }
                    bySubject.values[group].removeLast(bySubject.values[group].count - kept)
                }
            }
            var parentStatement: [String: Int] = [:]
            for indices in bySubject.values {
                for i in indices {
                    guard case .blankNode(let label) = triples[i].object else { continue }
                    referenceCount[label, default: 0] += 1
                    parentStatement[label] = i
                }
            }
            chooseTypes(&table)
            self.prefixes = table.assignPrefixes()
            nestBlankNodes(parentStatement: parentStatement)

            var iris: [String] = []
            var blankNodes: [String] = []
            for subject in bySubject.keys {
                switch subject {
                case .iri(let iri): iris.append(iri)
                case .blankNode(let label) where !nested.contains(label): blankNodes.append(label)
                default: break
                }
            }
            topLevel = iris.sorted(by: utf8Less).map { .iri($0) } + blankNodes.sorted(by: utf8Less).map { .blankNode($0) }
        }

        /// Names each subject's node element after the first of its types, in IRI order,
        /// that can be an element name; its other types stay `rdf:type` properties.
        private mutating func chooseTypes(_ table: inout NamespaceTable) {
            for (subject, indices) in bySubject {
                var best: (index: Int, iri: String, name: SplitIRI)?
                for i in indices where predicateRank[i] == typeRank {
                    guard case .iri(let type) = triples[i].object, !forbiddenElementNames.contains(type),
                          best.map({ utf8Less(type, $0.iri) }) ?? true,
                          let split = table.split(type) else { continue }
                    best = (i, type, split)
                }
                if let best {
                    typeStatement[subject] = best.index
                    names[best.iri] = best.name
                    table.use(best.name)
                }
            }
        }

        /// Decides which blank nodes are nested: those that are the object of exactly one
        /// statement, except one node in each cycle of such nodes (nothing outside the
        /// cycle would contain it) and nodes deeper than `maxNestingDepth`. A nested
        /// well-formed list of resources becomes an `rdf:parseType="Collection"`.
        private mutating func nestBlankNodes(parentStatement: [String: Int]) {
            var candidates: [String] = []
            for (label, count) in referenceCount where count == 1 {
                if triples[parentStatement[label]!].subject != .blankNode(label) { candidates.append(label) }
            }
            let candidateSet = Set(candidates)
            var placed = Set<String>()
            var stack: [(node: Term, depth: Int)] = []

            /// Places the blank node `object`, the object of a statement of a node at `depth`
            /// (or an item of a collection, which cannot itself be a collection).
            func placeObject(_ object: Term, depth: Int, asItem: Bool = false) {
                guard case .blankNode(let label) = object, candidateSet.contains(label),
                      !placed.contains(label) else { return }
                placed.insert(label)
                guard depth < maxNestingDepth else {
                    stack.append((object, 0))   // Written at the top level instead.
                    return
                }
                nested.insert(label)
                if !asItem, let (listNodes, items) = collection(startingAt: label, candidates: candidateSet, placed: placed) {
                    collections[label] = items
                    for node in listNodes {
                        placed.insert(node)
                        nested.insert(node)
                    }
                    for item in items { placeObject(item, depth: depth, asItem: true) }
                } else {
                    stack.append((object, depth + 1))
                }
            }

            func place(from root: Term) {
                stack.append((root, 0))
                while let (node, depth) = stack.popLast() {
                    for i in bySubject[node] ?? [] { placeObject(triples[i].object, depth: depth) }
                }
            }

            for subject in bySubject.keys {
                if case .blankNode(let label) = subject, candidateSet.contains(label) { continue }
                place(from: subject)
            }
            // What is left hangs off cycles of candidates: take one node of each cycle out.
            for label in candidates.sorted(by: utf8Less) where !placed.contains(label) {
                var visited = Set<String>()
                var current = label
                while visited.insert(current).inserted {
                    guard case .blankNode(let parent) = triples[parentStatement[current]!].subject,
                          candidateSet.contains(parent), !placed.contains(parent) else { break }
                    current = parent
                }
                placed.insert(current)
                place(from: .blankNode(current))
            }
        }

        /// The list nodes and items of the RDF list starting at `head`, when it can be an
        /// `rdf:parseType="Collection"`: every list node is a blank node referenced only by
        /// the statement before it, with exactly one `rdf:first` (an IRI or blank node) and
        /// one `rdf:rest` and nothing else, and the last `rdf:rest` is `rdf:nil`.
        private func collection(startingAt head: String, candidates: Set<String>,
                                placed: Set<String>) -> (nodes: [String], items: [Term])? {
            let first = Term.iri(RDFVocabulary.first), rest = Term.iri(RDFVocabulary.rest)
            var nodes: [String] = []
            var items: [Term] = []
            var node = head
            while true {
                guard let statements = bySubject[.blankNode(node)], statements.count == 2 else { return nil }
                var item: Term?
                var next: Term?
                for i in statements {
                    if triples[i].predicate == first && !triples[i].object.isLiteral { item = triples[i].object }
                    if triples[i].predicate == rest { next = triples[i].object }
                }
                guard let item, let next else { return nil }
                nodes.append(node)
                items.append(item)
                if next == .iri(RDFVocabulary.nil) { return (nodes, items) }
                guard case .blankNode(let label) = next, candidates.contains(label), !placed.contains(label),
                      label != head, nodes.count <= triples.count else { return nil }
                node = label
            }
        }

        /// A subject's statements other than the one naming its element, sorted by
        /// predicate, then object.
        func properties(of subject: Term) -> [Int] {
            guard var indices = bySubject[subject] else { return [] }
            if let typeIndex = typeStatement[subject] { indices.removeAll { $0 == typeIndex } }
            return indices
        }

        /// True when a blank node needs an `rdf:nodeID`: it is referenced but not nested.
        func needsNodeID(_ label: String) -> Bool {
            !nested.contains(label) && referenceCount[label, default: 0] > 0
        }
    }
}
