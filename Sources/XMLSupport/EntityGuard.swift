import CLibXML2

/// The entity rules of Samsvar's XML readers, for one document (libxml2 2.9.14):
///
/// - Only entities declared in the document's own internal subset exist. `entityDecl`
///   registers internal general and parameter entities with libxml2 (the reader calls
///   `xmlSAX2EntityDecl` when `declare` says so) and `declare` remembers the names of
///   external ones; `getEntity`/`getParameterEntity` therefore never hand libxml2 an
///   external entity to load, and `reference` refuses one by name. (Unparsed entities
///   reach `unparsedEntityDecl`, which the readers leave unset: they are never substituted.)
///   `LibXML.saxHandler()` leaves `externalSubset` unset and `resolveEntity` refusing,
///   so no external DTD is read; `XML_PARSE_NONET` is set as well.
/// - Expansion is metered. libxml2 asks `getEntity`/`getParameterEntity` for every
///   reference, at every level of nesting, in text and (at the top level) in attribute
///   values: `reference` counts each and `expand` adds its replacement text's length.
///   Replacement text is allowed up to an allowance (16 MiB unless set) plus a ratio
///   (16 unless set) of bytes per byte of input fed so far, and references up to 100,000
///   plus one per input byte. A document with any number of short references
///   (`rdf:resource="&dcat;Dataset"`, each at least three bytes of input) stays far
///   inside both; billion laughs (exponential) and a big entity referenced many times
///   (quadratic) run out within a few megabytes.
/// - libxml2's own guard (`xmlParserEntityCheck`, the `nbentities`/`sizeentities`
///   ratios) does not count repeated references to an entity in SAX mode before it has
///   done the work, and the push parser applies no depth limit (`xmlParserMaxDepth`
///   covers only DOM building), hence this meter and each reader's own depth limit.
///   libxml2 still limits entity nesting to 40 levels (`XML_ERR_ENTITY_LOOP`).
package struct EntityGuard {
    /// Why an entity is not expanded.
    package enum Violation: Error {
        /// A reference to an external entity (`&name` or `%name`), with its system (else
        /// public) identifier.
        case external(String, location: String)
        /// More references than `limit`, the limit for the input fed so far.
        case tooManyReferences(limit: Int)
        /// More replacement text than `limit` bytes, the limit for the input fed so far.
        case tooMuchText(limit: Int)
    }

    /// Replacement text allowed whatever the input size, in bytes, unless set otherwise.
    package static let defaultAllowance = 16 << 20
    /// Further replacement text allowed per byte of input, unless set otherwise.
    package static let defaultRatio = 16

    /// Entity replacement text metered so far (a reader that expands entities itself adds
    /// what it produces, within `byteLimit`).
    package var bytes = 0
    /// The replacement text the input fed so far allows.
    package private(set) var byteLimit = EntityGuard.defaultAllowance
    /// Entity references so far.
    package private(set) var references = 0
    /// The references the input fed so far allows.
    package private(set) var referenceLimit = 100_000
    /// Input handed to libxml2 so far, in bytes.
    package private(set) var bytesFed = 0
    /// External entities declared (`&name` / `%name` → system ID): never loaded.
    private var external: [String: String] = [:]

    package init() {}

    /// Counts `count` more bytes of input handed to libxml2; the limits grow with it.
    package mutating func fed(_ count: Int, allowance: Int = defaultAllowance, ratio: Int = defaultRatio) {
        bytesFed += count
        byteLimit = allowance + ratio * bytesFed
        referenceLimit = 100_000 + bytesFed
    }

    /// `entityDecl`: whether the entity is internal, for the reader to register with
    /// libxml2 (`xmlSAX2EntityDecl`); an external one is remembered instead, so that a
    /// reference to it is refused.
    package mutating func declare(_ name: UnsafePointer<xmlChar>, _ type: Int32, _ publicID: UnsafePointer<xmlChar>?,
                                  _ systemID: UnsafePointer<xmlChar>?) -> Bool {
        switch UInt32(bitPattern: type) {
        case XML_INTERNAL_GENERAL_ENTITY.rawValue, XML_INTERNAL_PARAMETER_ENTITY.rawValue:
            return true
        default:
            let key = (UInt32(bitPattern: type) == XML_EXTERNAL_PARAMETER_ENTITY.rawValue ? "%" : "&") + String(cString: name)
            if external[key] == nil {
                external[key] = systemID.map { String(cString: $0) } ?? publicID.map { String(cString: $0) } ?? ""
            }
            return false
        }
    }

    /// `getEntity` / `getParameterEntity`, before the look-up: counts the reference and
    /// refuses an external entity.
    package mutating func reference(_ name: UnsafePointer<xmlChar>, parameter: Bool) throws(Violation) {
        references += 1
        guard !external.isEmpty else { return }
        let key = (parameter ? "%" : "&") + String(cString: name)
        if let location = external[key] { throw .external(key, location: location) }
    }

    /// `getEntity` / `getParameterEntity`, after the look-up: meters the replacement text
    /// of `found` and checks both limits.
    package mutating func expand(_ found: xmlEntityPtr?) throws(Violation) {
        if let found { bytes += Int(max(found.pointee.length, 0)) }
        if references > referenceLimit { throw .tooManyReferences(limit: referenceLimit) }
        if bytes > byteLimit { throw .tooMuchText(limit: byteLimit) }
    }

    /// Meters `count` bytes of replacement text the reader produced itself.
    package mutating func meter(_ count: Int) throws(Violation) {
        bytes += count
        if bytes > byteLimit { throw .tooMuchText(limit: byteLimit) }
    }
}
