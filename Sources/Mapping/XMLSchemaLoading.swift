import CLibXML2
import XMLSupport
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compiles an XSD with libxml2 without touching the network, collecting what libxml2
/// says on the way.
///
/// libxml2 (2.9) reads a schema's `xs:include`, `xs:import` and `xs:redefine` documents
/// itself, with parser options of its own (NONET is not among them) and through the
/// process-wide external entity loader, whose default fetches `http://` and `ftp://`
/// URLs. That loader is the only hook, so the first load installs one that acts only
/// for a thread that is loading a schema (the state is thread-local) and hands every
/// other load to the loader that was there before. For a schema load it is
/// `xmlNoNetExternalEntityLoader`, the loader `XML_PARSE_NONET` selects: a network URL
/// is an I/O error, so libxml2 treats a remote import as one it cannot locate (skipped
/// with a warning; using its components is then an error), a remote include fails, and
/// only local files are read (a relative `schemaLocation` resolves against the schema
/// that names it).
///
/// Messages: the schema compiler's come through `xmlSchemaSetParserStructuredErrors`;
/// those of the XML parser reading each schema document (a file that is not well-formed)
/// and of the entity loader go to libxml2's thread-local structured error handler, which
/// is set for the duration of the load and then restored.
final class XMLSchemaLoading {
    /// Errors, as `file:line[:column]: message`, in the order libxml2 reported them.
    private(set) var errors: [String] = []
    /// Network locations that were not fetched.
    private(set) var refused: [String] = []
    /// File names in messages are shown relative to this directory (with a `/` at the end).
    private let directory: String

    private init(directory: String) {
        self.directory = directory.hasSuffix("/") ? directory : directory + "/"
    }

    /// The compiled schema in the file at `path` (free it with `xmlSchemaFree`); file
    /// names in messages are shown relative to `directory`.
    static func compile(path: String, directory: String) throws(XMLSchemaLoadError) -> OpaquePointer {
        let loading = XMLSchemaLoading(directory: directory)
        guard access(path, R_OK) == 0 else {
            throw XMLSchemaLoadError("\(loading.shown(path)): cannot read the file: \(String(cString: strerror(errno)))")
        }
        LibXML.initialize()
        _ = installedLoader
        let schema: OpaquePointer? = withExtendedLifetime(loading) {
            let me = Unmanaged.passUnretained(loading).toOpaque()
            let oldHandler = __xmlStructuredError()?.pointee ?? nil
            let oldContext = __xmlStructuredErrorContext()?.pointee ?? nil
            pthread_setspecific(threadKey, me)
            xmlSetStructuredErrorFunc(me) { context, error in XMLSchemaLoading.collect(context, error) }
            defer {
                xmlSetStructuredErrorFunc(oldContext, oldHandler)
                pthread_setspecific(threadKey, nil)
            }
            var compiled: OpaquePointer?
            compiling.withLock { _ in
                guard let parser = xmlSchemaNewParserCtxt(path) else { return }
                defer { xmlSchemaFreeParserCtxt(parser) }
                xmlSchemaSetParserStructuredErrors(parser, { context, error in XMLSchemaLoading.collect(context, error) }, me)
                compiled = xmlSchemaParse(parser)
            }
            return compiled
        }
        guard let schema else { throw XMLSchemaLoadError(loading.failure) }
        return schema
    }

    /// One schema compiles at a time: the first compilation initialises libxml2's
    /// built-in types (`xmlSchemaInitTypes`, which is not thread-safe: libxml2 issue 930 on
    /// gitlab.gnome.org; nor in the headers Samsvar imports). Compiling is rare;
    /// validating, which needs no lock, is not.
    private static let compiling = Mutex<Void>(())

    /// Why the schema could not be compiled: the first errors and what was not fetched.
    private var failure: String {
        var text = errors.isEmpty ? "libxml2 could not compile the schema" : errors.prefix(3).joined(separator: "; ")
        if errors.count > 3 { text += " (and \(errors.count - 3) more)" }
        if !refused.isEmpty {
            text += "; not fetched (Samsvar never reads schemas over the network; use a local copy): "
                + refused.joined(separator: ", ")
        }
        return text
    }

    // MARK: Messages

    private static func collect(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
        guard let context, let error else { return }
        Unmanaged<XMLSchemaLoading>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
    }

    /// Keeps an error (warnings, such as an import that was skipped, are left out).
    private func add(_ error: xmlError) {
        guard error.level == XML_ERR_ERROR || error.level == XML_ERR_FATAL, errors.count < 100,
              // Said once, with every location, by `failure`.
              error.code != Int32(XML_IO_NETWORK_ATTEMPT.rawValue) else { return }
        var message = error.message.map { LibXML.clean(String(cString: $0)) } ?? "libxml2 error \(error.code)"
        if message.hasSuffix(".") { message.removeLast() }
        // Files named in the text (`Failed to parse the XML resource '…'`) as well.
        message = message.replacing("'" + directory, with: "'")
        if let file = error.file {
            var place = shown(String(cString: file))
            if error.line > 0 { place += ":\(error.line)" }
            // For the XML parser, int2 is the column.
            if error.line > 0, error.int2 > 0, error.domain == Int32(XML_FROM_PARSER.rawValue) { place += ":\(error.int2)" }
            message = place + ": " + message
        }
        if !errors.contains(message) { errors.append(message) }
    }

    /// `path` relative to the directory, when it is inside it.
    private func shown(_ path: String) -> String {
        path.hasPrefix(directory) ? String(path.dropFirst(directory.count)) : path
    }

    // MARK: The entity loader

    /// The thread-local key whose value, while a thread compiles a schema, is its
    /// `XMLSchemaLoading` (unretained).
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// A C function pointer, which is only ever called.
    private struct Loader: @unchecked Sendable {
        let function: xmlExternalEntityLoader?
    }

    /// Installs the loader once; holds the one it replaces. (libxml2 keeps the loader in a
    /// plain global: installing it while another thread loads an entity is a benign race
    /// on one pointer, and both loaders behave the same for that thread.)
    private static let installedLoader: Loader = {
        let previous = xmlGetExternalEntityLoader()
        xmlSetExternalEntityLoader { url, id, context in
            guard let state = pthread_getspecific(XMLSchemaLoading.threadKey) else {
                return XMLSchemaLoading.installedLoader.function?(url, id, context)
            }
            if let url, XMLSchemaLoading.isRemote(url) {
                let loading = Unmanaged<XMLSchemaLoading>.fromOpaque(state).takeUnretainedValue()
                let location = String(cString: url)
                if !loading.refused.contains(location) { loading.refused.append(location) }
            }
            return xmlNoNetExternalEntityLoader(url, id, context)
        }
        return Loader(function: previous)
    }()

    /// Whether `url` names something other than a local file: a URI scheme of two or more
    /// letters (so not a Windows drive) followed by `://`, other than `file`.
    private static func isRemote(_ url: UnsafePointer<CChar>) -> Bool {
        let text = String(cString: url)
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else { return false }
        let scheme = text[..<colon]
        return scheme.count >= 2 && scheme.allSatisfy { $0.isASCII && $0.isLetter } && scheme.lowercased() != "file"
    }
}
