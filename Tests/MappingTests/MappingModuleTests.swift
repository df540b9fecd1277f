import Mapping
import Testing

@Test func mappingModuleLinks() {
    #expect(String(describing: RecordMapping.self) == "RecordMapping")
}
