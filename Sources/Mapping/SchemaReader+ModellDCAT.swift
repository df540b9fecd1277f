import Foundation
import RDF
import RDFIO

// ModellDCAT-AP-NO (https://data.norge.no/vocabulary/modelldcatno#) information models.
//
// Each `modelldcatno:ObjectType` (or `RootObjectType`) is a record type. Its
// `modelldcatno:hasProperty` properties become fields, named by `dct:title` (else the
// IRI's local name):
//
// - an `Attribute` with `hasSimpleType` is a field whose datatype is the simple type's
//   `typeDefinitionReference` (an XSD datatype) or title;
// - a property with `hasValueFrom` a `CodeList` is a coded field: the list's codes are
//   its `containsCode` elements and the `CodeElement`s `skos:inScheme` it, each coded by
//   `skos:notation`, else `dct:title`, else the IRI's local name; `codeListReference`
//   names the list's concept scheme;
// - a `Role`, `Association`, `Composition` (`hasObjectType`, `refersTo`, `contains`) or
//   an `Attribute` with `hasDataType` whose type has properties itself nests: its fields
//   are `role.field`; a type without properties makes a plain field;
// - a `Specialization` (`hasGeneralConcept`) brings the general type's fields in at the
//   same level.
//
// A property's concepts are its `modelldcatno:subject` and `dct:subject` values (IRIs, or
// `xsd:anyURI` literals as real catalogues write them); a property without one takes its
// type's. `xsd:maxOccurs` above 1 (or `*`) makes a list. Property local names are matched
// without regard to case (real catalogues write `hasSimpletype`).

extension SchemaReader {
    static func readModellDCAT(path: String) throws(SchemaReadError) -> SchemaModel {
        var data: [UInt8] = []
        if let d = FileManager.default.contents(atPath: path) { data = [UInt8](d) }
        let format = RDFFormat(path: path) ?? RDFFormat.sniff(data)
        var quads: [Quad] = []
        do {
            try RDFReader.read(bytes: data, format: format, base: URL(fileURLWithPath: path).absoluteString, source: path) {
                quads.append($0)
            }
        } catch let error as RDFSyntaxError {
            throw SchemaReadError(error.message, source: path, line: max(error.line, 1), column: max(error.column, 1))
        } catch let error as RDFInputError {
            throw SchemaReadError(error.message, source: path)
        } catch {
            throw SchemaReadError("\(error)", source: path)
        }
        let model = ModellDCATGraph(quads.map(\.triple))
        let types = model.subjects(ofType: ["objecttype", "rootobjecttype"])
        guard !types.isEmpty else {
            throw SchemaReadError("no modelldcatno:ObjectType in the file: is it a ModellDCAT-AP-NO information model?", source: path)
        }
        var recordTypes: [SchemaRecordType] = []
        for t in types {
            let fields = model.fields(of: t, prefix: [], depth: 0, visiting: [t])
            recordTypes.append(SchemaRecordType(name: model.title(t) ?? model.localName(t), iri: t.iriValue,
                                                concepts: model.concepts(t), fields: fields))
        }
        let title = model.subjects(ofType: ["informationmodel"]).first.flatMap { model.title($0) }
        return SchemaModel(source: path, kind: .modelldcat, title: title, recordTypes: recordTypes)
    }
}
