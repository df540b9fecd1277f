import RDF

/// Reads the concepts, schemes and collections of a set of triples.
public enum ConceptReader {
    /// Properties whose value, when a resource, holds a label's or a note's text.
    static let textHolders = [Namespace.skosxl("literalForm"), Namespace.rdf("value"), Namespace.rdfs("label")]
    static let type = RDFVocabulary.type

    /// The concepts of `triples` under `profile`, with their schemes and collections.
    public static func read(_ triples: some Sequence<Triple>, profile: ConceptProfile = .any) -> ConceptIndex {
        var statements: [Term: [(String, Term)]] = [:]
        for t in triples {
            guard case .iri(let p) = t.predicate else { continue }
            statements[t.subject, default: []].append((p, t.object))
        }
        var reader = Reading(statements: statements, profile: profile)
        return reader.run()
    }

    /// One reading: the statements by subject and what is built from them.
    struct Reading {
        let statements: [Term: [(String, Term)]]
        let profile: ConceptProfile
        var concepts: [String: Concept] = [:]
        var schemes: [String: ConceptScheme] = [:]
        var collections: [String: ConceptCollection] = [:]

        let labelKinds: [String: LabelKind]
        let definitions, scopeNotes, notations, broader, narrower, related: Set<String>

        init(statements: [Term: [(String, Term)]], profile: ConceptProfile) {
            self.statements = statements
            self.profile = profile
            var kinds: [String: LabelKind] = [:]
            for kind in LabelKind.allCases { for p in profile.labels[kind] ?? [] where kinds[p] == nil { kinds[p] = kind } }
            labelKinds = kinds
            definitions = Set(profile.definitions)
            scopeNotes = Set(profile.scopeNotes)
            notations = Set(profile.notations)
            broader = Set(profile.broader)
            narrower = Set(profile.narrower)
            related = Set(profile.related)
        }

        mutating func run() -> ConceptIndex {
            let conceptTypes = Set(profile.conceptTypes)
            let schemeTypes: Set<String> = [Namespace.skos("ConceptScheme"), Namespace.owl("Ontology")]
            let collectionTypes: Set<String> = [Namespace.skos("Collection"), Namespace.skos("OrderedCollection")]
            let inScheme: Set<String> = [Namespace.skos("inScheme"), Namespace.skos("topConceptOf")]
            for (subject, pairs) in statements {
                guard case .iri(let iri) = subject else { continue }
                var isConcept = false
                for (p, o) in pairs {
                    if p == type, case .iri(let t) = o {
                        if conceptTypes.contains(t) { isConcept = true }
                        if schemeTypes.contains(t) { schemes[iri] = ConceptScheme(id: iri) }
                        if collectionTypes.contains(t) {
                            var c = collections[iri] ?? ConceptCollection(id: iri)
                            if t == Namespace.skos("OrderedCollection") { c.ordered = true }
                            collections[iri] = c
                        }
                    } else if profile.includeSchemeMembers, inScheme.contains(p) {
                        isConcept = true
                    }
                }
                if isConcept { concepts[iri] = Concept(id: iri) }
            }
            for iri in Array(concepts.keys) { describeConcept(iri) }
            for iri in Array(schemes.keys) { describeScheme(iri) }
            for iri in Array(collections.keys) { describeCollection(iri) }
            return ConceptIndex(concepts: Array(concepts.values), schemes: Array(schemes.values), collections: Array(collections.values))
        }

        /// The literal texts of a value: the literal itself, or those a resource holds.
        func texts(_ value: Term) -> [LangText] {
            if case .literal(let l) = value { return [LangText(l.lexicalForm, language: l.language)] }
            var found: [LangText] = []
            for (p, o) in statements[value] ?? [] where ConceptReader.textHolders.contains(p) {
                if case .literal(let l) = o { found.append(LangText(l.lexicalForm, language: l.language)) }
            }
            return found
        }

        mutating func describeConcept(_ iri: String) {
            var c = concepts[iri]!
            for (p, o) in statements[.iri(iri)] ?? [] {
                if let kind = labelKinds[p] {
                    for t in texts(o) { c.labels.append(ConceptLabel(t.text, language: t.language, kind: kind)) }
                } else if definitions.contains(p) {
                    c.definitions += texts(o)
                } else if scopeNotes.contains(p) {
                    c.scopeNotes += texts(o)
                } else if notations.contains(p) {
                    if case .literal(let l) = o { c.notations.append(l.lexicalForm) }
                } else if let target = o.iriValue {
                    if broader.contains(p) {
                        c.broader.append(target)
                    } else if narrower.contains(p) {
                        c.narrower.append(target)
                    } else if related.contains(p) {
                        c.related.append(target)
                    } else if p == Namespace.skos("inScheme") || p == Namespace.skos("topConceptOf") {
                        c.schemes.append(target)
                        if p == Namespace.skos("topConceptOf") { schemes[target, default: ConceptScheme(id: target)].topConcepts.append(iri) }
                    } else if p.hasPrefix(Namespace.skos.iri), p.hasSuffix("Match") {
                        c.mappings[String(p.dropFirst(Namespace.skos.iri.count)), default: []].append(target)
                    }
                } else if o.isBlankNode {
                    conceptRelation(p, o, into: &c)
                }
            }
            concepts[iri] = c
        }

        /// SKOS-AP-NO's generic and partitive relations, through their relation nodes.
        func conceptRelation(_ p: String, _ node: Term, into c: inout Concept) {
            if broader.contains(p), let whole = partOfRestriction(node) {
                c.wholes.append(whole)
                return
            }
            guard p == Namespace.skos("hasGenericConceptRelation") || p == Namespace.skosno("hasGenericConceptRelation")
                    || p == Namespace.skosno("hasPartitiveConceptRelation") else { return }
            for (q, target) in statements[node] ?? [] {
                guard let t = target.iriValue else { continue }
                switch q {
                case Namespace.skosno("hasGenericConcept"): c.broader.append(t)
                case Namespace.skosno("hasSpecificConcept"): c.narrower.append(t)
                case Namespace.skosno("hasComprehensiveConcept"): c.wholes.append(t)
                case Namespace.skosno("hasPartitiveConcept"): c.parts.append(t)
                default: break
                }
            }
        }

        /// The class X of an OWL restriction `[owl:onProperty part_of; owl:someValuesFrom X]`
        /// (any property whose local name is `part_of` or `partOf`, as OBO ontologies write it).
        func partOfRestriction(_ node: Term) -> String? {
            let pairs = statements[node] ?? []
            guard let property = pairs.first(where: { $0.0 == Namespace.owl("onProperty") })?.1.iriValue,
                  let filler = pairs.first(where: { $0.0 == Namespace.owl("someValuesFrom") })?.1.iriValue else { return nil }
            let local = property.split(whereSeparator: { $0 == "#" || $0 == "/" }).last.map { $0.lowercased() } ?? ""
            return local.hasSuffix("part_of") || local.hasSuffix("partof") ? filler : nil
        }

        static let titleProperties = [Namespace.dct("title"), Namespace.skos("prefLabel"), Namespace.rdfs("label"),
                                      "http://purl.org/dc/elements/1.1/title"]

        mutating func describeScheme(_ iri: String) {
            var s = schemes[iri]!
            for (p, o) in statements[.iri(iri)] ?? [] {
                if Self.titleProperties.contains(p) { s.titles += texts(o) }
                if p == Namespace.skos("hasTopConcept"), let top = o.iriValue { s.topConcepts.append(top) }
            }
            schemes[iri] = s
        }

        mutating func describeCollection(_ iri: String) {
            var c = collections[iri]!
            for (p, o) in statements[.iri(iri)] ?? [] {
                if Self.titleProperties.contains(p) { c.titles += texts(o) }
                if p == Namespace.skos("member"), let m = o.iriValue { c.members.append(m) }
                if p == Namespace.skos("memberList") { c.members += list(o).compactMap(\.iriValue) }
            }
            collections[iri] = c
        }

        /// The items of an RDF list (cycle-safe).
        func list(_ head: Term) -> [Term] {
            var items: [Term] = []
            var node = head
            var seen: Set<Term> = []
            while node != .iri(RDFVocabulary.nil), seen.insert(node).inserted {
                let pairs = statements[node] ?? []
                guard let first = pairs.first(where: { $0.0 == RDFVocabulary.first })?.1 else { break }
                items.append(first)
                guard let rest = pairs.first(where: { $0.0 == RDFVocabulary.rest })?.1 else { break }
                node = rest
            }
            return items
        }
    }
}
