import RDF

/// A shapes graph compiled once (SHACL §2): every shape with its targets, path and
/// constraints, shapes referring to each other by index. Validate any number of data
/// graphs against it.
public struct ShapesGraph: Sendable {
    /// All shapes, referenced by index from constraints.
    let shapes: [CompiledShape]
    /// Indexes of the shapes that have targets (the starting points of validation).
    let targeted: [Int]
    /// Problems that do not stop validation but change what it checks: `sh:` terms
    /// SHACL does not define (usually misspellings), which have no effect.
    public let warnings: [String]

    /// The number of shapes (node and property shapes, including nested ones).
    public var count: Int { shapes.count }

    /// Compiles the shapes in `graph`; throws `ShapesError` for an ill-formed shapes graph.
    public init(_ graph: Graph) throws {
        warnings = ShapesLint.warnings(graph)
        var compiler = ShapesCompiler(ShapesGraphReader(graph))
        try compiler.compileAll()
        let all = compiler.shapes.map(CompiledShape.init)
        shapes = all
        targeted = all.indices.filter { !all[$0].targets.isEmpty && !all[$0].deactivated }
    }
}

/// Turns shape nodes into `Shape`s: finds every shape (SHACL §2.1), then reads each one's
/// targets and constraint parameters.
struct ShapesCompiler {
    let reader: ShapesGraphReader
    var shapes: [Shape] = []
    var index: [Term: Int] = [:]
    /// Parent shapes by child (`sh:property`), for the disjoint siblings of qualified shapes.
    var parents: [Int: [Int]] = [:]

    init(_ reader: ShapesGraphReader) { self.reader = reader }

    static let targetPredicates = [SH.targetNode, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf]
    /// Parameters whose presence makes a node a shape (SHACL §2.1, §4).
    static let parameters = [
        "class", "datatype", "nodeKind", "minCount", "maxCount", "minExclusive", "minInclusive",
        "maxExclusive", "maxInclusive", "minLength", "maxLength", "pattern", "languageIn", "uniqueLang",
        "equals", "disjoint", "lessThan", "lessThanOrEquals", "not", "and", "or", "xone", "node",
        "property", "qualifiedValueShape", "closed", "hasValue", "in", "path",
    ].map(SH.iri)

    /// SHACL-SPARQL (SHACL §5–6) and SHACL-AF predicates: a shapes graph using them is
    /// refused rather than validated with those constraints silently left out.
    static let unsupported = ["sparql", "select", "ask", "validator", "nodeValidator", "propertyValidator", "target", "rule"]

    mutating func compileAll() throws {
        for local in Self.unsupported {
            if let subject = reader.subjects(SH.iri(local)).first {
                throw ShapesError("\(subject) uses sh:\(local): SHACL-SPARQL and SHACL Advanced Features are not supported (SHACL Core only)")
            }
        }
        var candidates: [Term] = []
        candidates += reader.instances(of: SH.NodeShape)
        candidates += reader.instances(of: SH.PropertyShape)
        for predicate in Self.targetPredicates + Self.parameters { candidates += reader.subjects(predicate) }
        for predicate in [SH.node, SH.property, SH.not, SH.qualifiedValueShape] {
            candidates += reader.graph.triples(matching: nil, .iri(predicate), nil).map(\.object)
        }
        for predicate in [SH.and, SH.or, SH.xone] {
            for list in reader.graph.triples(matching: nil, .iri(predicate), nil).map(\.object) {
                candidates += (try? reader.list(list)) ?? []
            }
        }
        let unique = Set(candidates).filter { !$0.isLiteral }.sorted(by: TermOrder.precedes)
        for node in unique { _ = try shapeIndex(node) }
        try linkQualifiedSiblings()
    }

    /// The index of a shape, compiling it on first use.
    mutating func shapeIndex(_ node: Term) throws -> Int {
        if let i = index[node] { return i }
        guard !node.isLiteral else { throw ShapesError("a literal (\(node)) cannot be a shape") }
        let pathNode = reader.object(node, SH.path)
        let path = try pathNode.map { try PropertyPath.parse($0, in: reader) }
        let i = shapes.count
        index[node] = i
        shapes.append(Shape(node: node, path: path))
        try readShape(i)
        return i
    }

    private mutating func readShape(_ i: Int) throws {
        let node = shapes[i].node
        var shape = shapes[i]
        shape.targets = try targets(of: node)
        if let severity = reader.object(node, SH.severity) {
            guard let iri = severity.iriValue else { throw ShapesError("sh:severity of \(node) must be an IRI") }
            shape.severity = iri
        }
        shape.messages = reader.objects(node, SH.message)
        shape.names = reader.objects(node, SH.name)
        shape.deactivated = reader.objects(node, SH.deactivated).contains(.typed("true", datatype: XSD.boolean))
        shapes[i] = shape
        // Constraints may compile nested shapes (growing `shapes`), so they are set last.
        let constraints = try constraints(of: node, isPropertyShape: shape.path != nil)
        shapes[i].constraints = constraints
    }

    private func targets(of node: Term) throws -> [Target] {
        var targets: [Target] = []
        targets += reader.objects(node, SH.targetNode).map(Target.node)
        for c in reader.objects(node, SH.targetClass) {
            guard !c.isLiteral else { throw ShapesError("sh:targetClass of \(node) must be an IRI") }
            targets.append(.classInstances(c))
        }
        // Implicit class targets (SHACL §2.1.3.3): a shape that is also an rdfs:Class.
        if node.isIRI, reader.isInstance(node, of: Namespace.rdfs("Class")),
           reader.isInstance(node, of: SH.NodeShape) || reader.isInstance(node, of: SH.PropertyShape) {
            targets.append(.classInstances(node))
        }
        for (predicate, make) in [(SH.targetSubjectsOf, Target.subjectsOf), (SH.targetObjectsOf, Target.objectsOf)] {
            for p in reader.objects(node, predicate) {
                guard let iri = p.iriValue else { throw ShapesError("\(predicate) of \(node) must be an IRI") }
                targets.append(make(iri))
            }
        }
        return targets
    }

    /// Fills in the sibling shapes of qualified value shapes declared disjoint (SHACL §4.7.3).
    private mutating func linkQualifiedSiblings() throws {
        for (i, shape) in shapes.enumerated() {
            for case .property(let child) in shape.constraints { parents[child, default: []].append(i) }
        }
        for i in shapes.indices {
            let node = shapes[i].node
            guard reader.objects(node, SH.qualifiedValueShapesDisjoint).contains(.typed("true", datatype: XSD.boolean)),
                  let own = reader.object(node, SH.qualifiedValueShape) else { continue }
            var siblings: [Int] = []
            for parent in parents[i] ?? [] {
                for case .property(let sibling) in shapes[parent].constraints {
                    for q in reader.objects(shapes[sibling].node, SH.qualifiedValueShape) where q != own {
                        siblings.append(try shapeIndex(q))
                    }
                }
            }
            shapes[i].constraints = shapes[i].constraints.map {
                switch $0 {
                case let .qualifiedMinCount(shape, count, _): .qualifiedMinCount(shape: shape, count: count, siblings: siblings)
                case let .qualifiedMaxCount(shape, count, _): .qualifiedMaxCount(shape: shape, count: count, siblings: siblings)
                default: $0
                }
            }
        }
    }
}
