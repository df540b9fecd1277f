import RDF

/// Validates data graphs against a compiled shapes graph (SHACL §3).
public struct Validator: Sendable {
    public let shapes: ShapesGraph

    public init(shapes: ShapesGraph) { self.shapes = shapes }

    /// Validates `data`. When background vocabularies are merged into `data` for class and
    /// value look-ups, pass the `scope` of the data proper: only its nodes are validated,
    /// so the vocabularies themselves are not.
    public func validate(_ data: FrozenGraph, scope: ValidationScope? = nil) -> ValidationReport {
        let run = ValidationRun(data: data, shapes: shapes.shapes)
        var results: [ValidationResult] = []
        for s in orderedTargeted {
            let focusNodes = run.focusNodes(of: shapes.shapes[s], scope: scope)
            for focus in focusNodes {
                var out = ResultCollector(firstOnly: false)
                run.validate(s, focus: focus, into: &out)
                // Not deduplicated: equal results reached by different routes are distinct
                // results in the report graph (W3C test core/property/property-001).
                let rootShape = shapes.shapes[s].node, rootFocus = run.term(focus)
                for var r in out.results {
                    r.root = (rootShape, rootFocus)
                    results.append(r)
                }
            }
        }
        return ValidationReport(results: results)
    }

    /// The (shape, focus node) pairs validation starts from, for reports that list
    /// passing checks too (JUnit).
    public func checkedPairs(_ data: FrozenGraph, scope: ValidationScope? = nil) -> [(shape: Term, focusNode: Term)] {
        let run = ValidationRun(data: data, shapes: shapes.shapes)
        var pairs: [(Term, Term)] = []
        for s in orderedTargeted {
            for focus in run.focusNodes(of: shapes.shapes[s], scope: scope) {
                pairs.append((shapes.shapes[s].node, run.term(focus)))
            }
        }
        return pairs
    }

    /// Validates an in-memory graph (frozen for the run).
    public func validate(_ data: Graph) -> ValidationReport { validate(FrozenGraph(data)) }

    private var orderedTargeted: [Int] {
        shapes.targeted.sorted { TermOrder.precedes(shapes.shapes[$0].node, shapes.shapes[$1].node) }
    }
}

/// Which nodes of a merged graph are the data proper. Build it after inserting the data
/// and before the background vocabularies: a target node is validated when it is a
/// subject in the data, is named by `sh:targetNode`, or (for `sh:targetObjectsOf`) is a
/// term of the data.
public struct ValidationScope: Sendable {
    let subjects: Set<UInt32>
    let termLimit: Int

    public init(data: FrozenGraph.Builder) {
        subjects = data.subjectIDs()
        termLimit = data.termCount
    }
}

/// Collects results; in `firstOnly` mode (conformance checks of nested shapes) the
/// validator stops at the first result.
struct ResultCollector {
    let firstOnly: Bool
    var results: [ValidationResult] = []
    var failed = false
    var done: Bool { firstOnly && failed }

    mutating func add(_ r: @autoclosure () -> ValidationResult) {
        failed = true
        if !firstOnly { results.append(r()) }
    }
}

/// The state of one validation: the data graph by term id, terms the data does not
/// mention (shape constants, target nodes), and caches.
final class ValidationRun {
    let data: FrozenGraph
    let shapes: [CompiledShape]
    let typeID: UInt32?
    let subClassOfID: UInt32?
    /// Terms not in the data graph get ids after the data's own.
    private var extraTerms: [Term] = []
    private var extraIDs: [Term: UInt32] = [:]
    private var superclasses: [UInt32: Set<UInt32>] = [:]
    private var subclassPairs: [UInt64: Bool] = [:]
    private var conformance: [ShapeNode: Bool] = [:]
    private var inProgress: Set<ShapeNode> = []
    private var paths: [Int: IDPath] = [:]
    private var predicateIDs: [String: UInt32?] = [:]

    struct ShapeNode: Hashable {
        let shape: Int
        let node: UInt32
    }

    /// Where each shape's constraints start in the flat per-constraint tables below.
    private var constraintBase: [Int] = []
    /// The term id a constraint compares with (`sh:class`, `sh:hasValue`), resolved once.
    private(set) var constantIDs: [UInt32] = []
    /// The ids of an `sh:in` list, resolved once, by flat constraint index.
    private(set) var inSets: [Int: Set<UInt32>] = [:]

    init(data: FrozenGraph, shapes: [CompiledShape]) {
        self.data = data
        self.shapes = shapes
        typeID = data.id(of: .iri(RDFVocabulary.type))
        subClassOfID = data.id(of: .iri(Namespace.rdfs("subClassOf")))
        for shape in shapes {
            constraintBase.append(constantIDs.count)
            for c in shape.constraints {
                switch c {
                case .class(let t), .hasValue(let t): constantIDs.append(id(t))
                case .in(let list):
                    inSets[constantIDs.count] = Set(list.map(id))
                    constantIDs.append(0)
                default: constantIDs.append(0)
                }
            }
        }
    }

    // MARK: Terms

    func id(_ term: Term) -> UInt32 {
        if let id = data.id(of: term) { return id }
        if let id = extraIDs[term] { return id }
        let id = UInt32(data.dictionary.count + extraTerms.count)
        extraTerms.append(term)
        extraIDs[term] = id
        return id
    }

    func term(_ id: UInt32) -> Term {
        Int(id) < data.dictionary.count ? data.term(id) : extraTerms[Int(id) - data.dictionary.count]
    }

    func predicateID(_ iri: String) -> UInt32? {
        if let cached = predicateIDs[iri] { return cached }
        let id = data.id(of: .iri(iri))
        predicateIDs[iri] = id
        return id
    }

    // MARK: Targets (SHACL §2.1.3)

    /// The focus nodes of a shape's targets in id order, limited to the data proper.
    func focusNodes(of shape: CompiledShape, scope: ValidationScope?) -> [UInt32] {
        var nodes = Set<UInt32>()
        func add(_ found: Set<UInt32>, objects: Bool = false) {
            guard let scope else { return nodes.formUnion(found) }
            for n in found where scope.subjects.contains(n) || (objects && Int(n) < scope.termLimit) { nodes.insert(n) }
        }
        for target in shape.targets {
            switch target {
            case .node(let t): nodes.insert(id(t))
            case .classInstances(let c): add(instances(of: id(c)))
            case .subjectsOf(let p): if let p = predicateID(p) { add(data.subjectIDs(withPredicate: p)) }
            case .objectsOf(let p): if let p = predicateID(p) { add(data.objectIDs(withPredicate: p), objects: true) }
            }
        }
        return nodes.sorted()
    }

    /// SHACL instances: nodes whose `rdf:type` is the class or a subclass of it (§1.5).
    func instances(of classID: UInt32) -> Set<UInt32> {
        guard let typeID else { return [] }
        var classes: Set<UInt32> = [classID]
        var queue = [classID]
        while let c = queue.popLast(), let sub = subClassOfID {
            for s in data.subjectIDs(sub, c) where classes.insert(s).inserted { queue.append(s) }
        }
        var result = Set<UInt32>()
        for c in classes { result.formUnion(data.subjectIDs(typeID, c)) }
        return result
    }

    func isInstance(_ node: UInt32, of classID: UInt32) -> Bool {
        guard let typeID else { return false }
        for type in data.objectIDs(node, typeID) {
            if type == classID || isSubclass(type, of: classID) { return true }
        }
        return false
    }

    /// `rdfs:subClassOf+`, cached per pair of classes.
    private func isSubclass(_ sub: UInt32, of sup: UInt32) -> Bool {
        let key = UInt64(sub) << 32 | UInt64(sup)
        if let known = subclassPairs[key] { return known }
        let answer = superclassClosure(sub).contains(sup)
        subclassPairs[key] = answer
        return answer
    }

    private func superclassClosure(_ c: UInt32) -> Set<UInt32> {
        if let cached = superclasses[c] { return cached }
        var closure = Set<UInt32>()
        if let sub = subClassOfID {
            var queue = [c]
            while let x = queue.popLast() {
                for s in data.objectIDs(x, sub) where closure.insert(s).inserted { queue.append(s) }
            }
        }
        superclasses[c] = closure
        return closure
    }

    // MARK: Shapes

    /// Validates a focus node against a shape (SHACL §3.4): the value nodes, then every
    /// constraint of the shape.
    func validate(_ s: Int, focus: UInt32, into out: inout ResultCollector) {
        let shape = shapes[s]
        guard !shape.deactivated else { return }
        let values: ArraySlice<UInt32>
        if shape.path != nil {
            values = self.values(of: s, from: focus)
        } else {
            values = [focus][...]
        }
        let base = constraintBase[s]
        for (k, constraint) in shape.constraints.enumerated() {
            evaluate(constraint, flatIndex: base + k, shape: shape, focus: focus, values: values, into: &out)
            if out.done { return }
        }
    }

    /// True when the node conforms to the shape: validation gives no result (SHACL §3.4).
    /// A shape met again while checking itself on the same node is taken to conform.
    func conforms(_ node: UInt32, to s: Int) -> Bool {
        let key = ShapeNode(shape: s, node: node)
        if let known = conformance[key] { return known }
        guard inProgress.insert(key).inserted else { return true }
        var out = ResultCollector(firstOnly: true)
        validate(s, focus: node, into: &out)
        inProgress.remove(key)
        conformance[key] = !out.failed
        return !out.failed
    }

    func values(of s: Int, from focus: UInt32) -> ArraySlice<UInt32> {
        let path: IDPath
        if let compiled = paths[s] {
            path = compiled
        } else {
            path = IDPath(shapes[s].path!, predicateID)
            paths[s] = path
        }
        return path.values(from: focus, in: data)
    }

    func result(_ shape: CompiledShape, focus: UInt32, value: UInt32?, _ constraint: Constraint,
                parameter: Term? = nil, path: PropertyPath? = nil) -> ValidationResult {
        ValidationResult(
            focusNode: term(focus), path: path ?? shape.path, value: value.map(term), sourceShape: shape.node,
            component: constraint.component, severityIRI: shape.severity, messages: shape.messages,
            parameter: parameter, shapeNames: shape.names, rootShape: nil, rootFocus: nil)
    }
}
