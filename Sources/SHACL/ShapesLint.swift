import RDF

/// Finds `sh:` terms a shapes graph uses that SHACL does not define — a misspelt target
/// or constraint is otherwise silently ignored (DCAT-AP-NO 2 writes `sh:targetSubjectOf`
/// and `sh:targetSUbjectOf` for `sh:targetSubjectsOf`, so those shapes never run).
enum ShapesLint {
    /// Every term of the SHACL vocabulary (SHACL §C, the `sh:` namespace document),
    /// including SHACL-SPARQL and the non-validating terms shapes graphs may carry.
    static let known: Set<String> = Set([
        "Shape", "NodeShape", "PropertyShape", "targetNode", "targetClass", "targetSubjectsOf", "targetObjectsOf",
        "target", "Target", "TargetType", "path", "inversePath", "alternativePath", "zeroOrMorePath",
        "oneOrMorePath", "zeroOrOnePath", "deactivated", "severity", "Severity", "Violation", "Warning", "Info",
        "message", "name", "description", "order", "group", "PropertyGroup", "defaultValue", "shapesGraph",
        "suggestedShapesGraph", "entailment", "class", "datatype", "nodeKind", "NodeKind", "BlankNode", "IRI",
        "Literal", "BlankNodeOrIRI", "BlankNodeOrLiteral", "IRIOrLiteral", "minCount", "maxCount",
        "minExclusive", "minInclusive", "maxExclusive", "maxInclusive", "minLength", "maxLength", "pattern",
        "flags", "languageIn", "uniqueLang", "equals", "disjoint", "lessThan", "lessThanOrEquals", "not", "and",
        "or", "xone", "node", "property", "qualifiedValueShape", "qualifiedValueShapesDisjoint",
        "qualifiedMinCount", "qualifiedMaxCount", "closed", "ignoredProperties", "hasValue", "in",
        "ValidationReport", "ValidationResult", "AbstractResult", "conforms", "result", "focusNode",
        "resultPath", "value", "sourceShape", "sourceConstraint", "sourceConstraintComponent", "resultSeverity",
        "resultMessage", "detail", "shapesGraphWellFormed", "this", "ConstraintComponent", "Parameter",
        "parameter", "optional", "labelTemplate", "validator", "nodeValidator", "propertyValidator", "Validator",
        "SPARQLExecutable", "SPARQLAskExecutable", "SPARQLSelectExecutable", "SPARQLConstraint", "sparql",
        "select", "ask", "prefixes", "declare", "prefix", "namespace", "PrefixDeclaration", "SPARQLAskValidator",
        "SPARQLSelectValidator", "SPARQLTarget", "SPARQLTargetType", "rule", "condition", "JSConstraint",
    ]).union(["Class", "Datatype", "NodeKind", "MinCount", "MaxCount", "MinExclusive", "MinInclusive",
              "MaxExclusive", "MaxInclusive", "MinLength", "MaxLength", "Pattern", "LanguageIn", "UniqueLang",
              "Equals", "Disjoint", "LessThan", "LessThanOrEquals", "Not", "And", "Or", "Xone", "Node", "Property",
              "QualifiedMinCount", "QualifiedMaxCount", "Closed", "HasValue", "In", "SPARQL", "Expression"]
        .map { $0 + "ConstraintComponent" })

    /// One warning per unknown `sh:` term, with the nearest known term when one is close.
    static func warnings(_ graph: Graph) -> [String] {
        var unknown = Set<String>()
        for t in graph.triples {
            for term in [t.predicate, t.object] {
                guard let iri = term.iriValue, iri.hasPrefix(SH.ns) else { continue }
                let local = String(iri.dropFirst(SH.ns.count))
                if !known.contains(local) { unknown.insert(local) }
            }
        }
        return unknown.sorted().map { local in
            let near = known.min { distance(local.lowercased(), $0.lowercased()) < distance(local.lowercased(), $1.lowercased()) }
            var text = "the shapes graph uses sh:\(local), which SHACL does not define; it has no effect"
            if let near, distance(local.lowercased(), near.lowercased()) <= 2 { text += " (did you mean sh:\(near)?)" }
            return text
        }
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        var row = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] == y[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return x.isEmpty ? y.count : row[y.count]
    }
}
