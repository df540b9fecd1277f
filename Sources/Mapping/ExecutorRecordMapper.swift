import RDF

/// Maps one record: joins, filter, fields in order (source, functions, value map,
/// default, required, type), then the record or the RDF statements it becomes.
/// Immutable and shared by the threads that map batches.
struct ExecutorRecordMapper: Sendable {
    let spec: MappingSpec
    let maps: [ValueMap]
    let joins: [ExecutorJoin]

    /// What becomes of `record`; `sequence` numbers records across all inputs (for blank nodes).
    func map(_ record: RecordValue, sequence: Int) -> ExecutorResult {
        var lines: RDFTargetLines?
        return map(record, sequence: sequence, lines: &lines)
    }

    /// What becomes of `record`, its RDF statements written to `lines` (when given) as
    /// N-Triples or N-Quads lines.
    func map(_ record: RecordValue, sequence: Int, lines: inout RDFTargetLines?) -> ExecutorResult {
        lines?.beginRecord()
        do {
            return try mapOrReject(record, sequence: sequence, lines: &lines)
        } catch {
            return lines?.endRecord(rejection: error) ?? .rejected(error.reason)
        }
    }

    private func mapOrReject(_ input: RecordValue, sequence: Int,
                             lines: inout RDFTargetLines?) throws(ExpressionRejection) -> ExecutorResult {
        var record = input
        for join in joins { record = try join.apply(to: record) }
        var context = ExpressionContext(record: record, fields: [], maps: maps)
        if let filter = spec.filter, !(try filter.holds(context)) { return .skipped }
        context.fields.reserveCapacity(spec.fields.count)
        var present = [Bool](repeating: true, count: spec.fields.count)
        for i in spec.fields.indices {
            // The fields by index, not copied: the threads share them.
            do {
                if let when = spec.fields[i].when, !(try when.holds(context)) {
                    present[i] = false
                    context.fields.append(.null)
                    continue
                }
                context.fields.append(try value(of: spec.fields[i], context))
            } catch {
                throw error.within("field '\(spec.fields[i].name)'")
            }
        }
        if let rdf = spec.target.rdf {
            return try RDFTargetStatements.result(rdf, context, sequence: sequence, lines: &lines)
        }
        let result = output(context.fields, present: present)
        if let schema = spec.target.schema, let problems = schema.problems(of: result) {
            throw ExpressionRejection("the output record does not match the target schema: " + problems)
        }
        return .record(result)
    }

    private func value(of field: MappingSpecField, _ context: ExpressionContext) throws(ExpressionRejection) -> RecordValue {
        var value = try field.value.evaluate(context)
        for step in field.steps { value = try step.apply(to: value, context) }
        if ExpressionValue.isEmpty(value) {
            if let d = field.defaultValue {
                value = d
            } else if field.required {
                throw ExpressionRejection("required but empty" + describeSource(field.value))
            }
        }
        if let type = field.type { value = try Self.convert(value, to: type) }
        return value
    }

    private func describeSource(_ e: Expression) -> String {
        switch e {
        case .path(let p): " (no value at path '\(p.text)')"
        case .template(let t): " (template '\(t.text)' has an empty reference)"
        case .field(_, let name): " (field '\(name)' is empty)"
        default: ""
        }
    }

    /// `value` as `type`; throws a rejection for text that is not of the type.
    static func convert(_ value: RecordValue, to type: MappingSpecFieldType) throws(ExpressionRejection) -> RecordValue {
        switch value {
        case .null: return .null
        case .array(let items):
            var out: [RecordValue] = []
            for item in items { out.append(try convert(item, to: type)) }
            return .array(out)
        case .object: throw ExpressionRejection("an object cannot be converted to \(type.rawValue)")
        default: break
        }
        let text = ExpressionValue.text(value) ?? ""
        switch type {
        case .string:
            return .string(text)
        case .number:
            let t = text.trimmingCharacters(in: .whitespaces)
            guard RDFTargetLiteral.isDouble(t), !["INF", "-INF", "+INF", "NaN"].contains(t) else {
                throw ExpressionRejection("'\(text)' is not a number")
            }
            return .number(t)
        case .integer:
            let t = text.trimmingCharacters(in: .whitespaces)
            guard RDFTargetLiteral.isInteger(t) else { throw ExpressionRejection("'\(text)' is not a whole number") }
            return .number(t)
        case .boolean:
            switch text.lowercased() {
            case "true", "1", "yes", "ja", "j", "y": return .bool(true)
            case "false", "0", "no", "nei", "n": return .bool(false)
            default: throw ExpressionRejection("'\(text)' is not a boolean (true, false, 1, 0, yes, no, ja, nei)")
            }
        }
    }

    /// The output record: the target's columns in order. For JSON and XML a dotted name
    /// (`adresse.postnummer`) makes nested objects; a field whose condition is false is
    /// left out (CSV writes an empty cell).
    private func output(_ fields: [RecordValue], present: [Bool]) -> RecordValue {
        let nests: Bool
        if case .records(let f) = spec.target.format { nests = f != .csv } else { nests = false }
        var members: [RecordMember] = []
        for i in spec.target.columns {
            let name = spec.fields[i].name
            if !present[i] {
                if !nests { members.append(RecordMember(name, .null)) }
                continue
            }
            if nests, name.contains(".") {
                Self.insert(fields[i], at: name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)[...], into: &members)
            } else {
                members.append(RecordMember(name, fields[i]))
            }
        }
        return .object(members)
    }

    private static func insert(_ value: RecordValue, at path: ArraySlice<String>, into members: inout [RecordMember]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            members.append(RecordMember(head, value))
            return
        }
        if let i = members.firstIndex(where: { $0.name == head }), case .object(var inner) = members[i].value {
            insert(value, at: path.dropFirst(), into: &inner)
            members[i].value = .object(inner)
        } else {
            var inner: [RecordMember] = []
            insert(value, at: path.dropFirst(), into: &inner)
            members.append(RecordMember(head, .object(inner)))
        }
    }
}
