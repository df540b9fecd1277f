import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RDFIO
import Store

/// The limits a harvest puts on one http(s) source.
public struct FetchLimits: Sendable {
    /// Time to open the connection.
    public var connectTimeout: Duration
    /// Longest wait for the next bytes.
    public var readTimeout: Duration
    /// Time for the whole exchange, body included.
    public var totalTimeout: Duration
    /// The largest body accepted, in bytes.
    public var maxBytes: Int
    /// Redirects followed before giving up.
    public var maxRedirects: Int

    public init(connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(30),
                totalTimeout: Duration = .seconds(300), maxBytes: Int = 512 << 20, maxRedirects: Int = 5) {
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.totalTimeout = totalTimeout
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
    }
}

/// Why an http(s) source could not be fetched, in the harvest report's categories.
struct FetchFailure: Error {
    let category: HarvestErrorCategory
    let message: String
}

/// Fetches http(s) sources with content negotiation for the RDF syntaxes Samsvar reads.
///
/// The syntax comes from the response's `Content-Type`; when that names no RDF syntax
/// (`text/plain`, `application/octet-stream`, none) from the URL's extension, else it is
/// sniffed from the first bytes.
final class SourceFetcher: Sendable {
    /// The `Accept` header: Turtle first (what DCAT-AP-NO publishers mostly serve).
    static let accept = [
        "text/turtle", "application/rdf+xml;q=0.9", "application/n-triples;q=0.8",
        "application/n-quads;q=0.7", "application/trig;q=0.7", "text/plain;q=0.1",
    ].joined(separator: ", ")

    let limits: FetchLimits
    private let client: HTTPClient

    init(limits: FetchLimits) {
        self.limits = limits
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: limits.maxRedirects, allowCycles: false),
            timeout: .init(connect: TimeAmount(limits.connectTimeout), read: TimeAmount(limits.readTimeout)))
        configuration.decompression = .enabled(limit: .size(limits.maxBytes))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Closes the client's connections; call once, when done.
    func shutdown() async {
        try? await client.shutdown()
    }

    /// The document at `url`, read whole (up to the size limit).
    func fetch(_ url: String) async throws(FetchFailure) -> ImportSource {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: Self.accept)
        request.headers.add(name: "User-Agent", value: "samsvar-harvester")
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: TimeAmount(limits.totalTimeout))
        } catch {
            throw FetchFailure(category: .unavailable, message: "\(url): \(Self.describe(error))")
        }
        switch response.status.code {
        case 200..<300: break
        case 404, 410:
            throw FetchFailure(category: .notFound, message: "\(url): HTTP \(response.status.code) \(response.status.reasonPhrase)")
        default:
            throw FetchFailure(category: .unavailable, message: "\(url): HTTP \(response.status.code) \(response.status.reasonPhrase)")
        }
        if let declared = response.headers.first(name: "Content-Length").flatMap(Int.init), declared > limits.maxBytes {
            throw FetchFailure(category: .unavailable, message: "\(url): \(declared) bytes is over the limit of \(limits.maxBytes)")
        }
        var bytes: [UInt8] = []
        do {
            for try await buffer in response.body {
                guard bytes.count + buffer.readableBytes <= limits.maxBytes else {
                    throw FetchFailure(category: .unavailable, message: "\(url): the body is over the limit of \(limits.maxBytes) bytes")
                }
                bytes.append(contentsOf: buffer.readableBytesView)
            }
        } catch let failure as FetchFailure {
            throw failure
        } catch {
            throw FetchFailure(category: .unavailable, message: "\(url): reading the body failed: \(Self.describe(error))")
        }
        let finalURL = response.url?.absoluteString ?? url
        let contentType = response.headers.first(name: "Content-Type")
        let format = Self.format(contentType: contentType, url: finalURL, bytes: bytes)
        guard format.isReadable else {
            throw FetchFailure(category: .invalidData, message: "\(url): reading \(format.displayName) is not supported yet")
        }
        return ImportSource(bytes: bytes, format: format, base: finalURL, location: url, provenance: finalURL)
    }

    /// The syntax of a response: its media type, else the URL's extension, else sniffed.
    static func format(contentType: String?, url: String, bytes: [UInt8]) -> RDFFormat {
        if let contentType, let format = RDFFormat(mediaType: contentType) { return format }
        let path = URL(string: url)?.path ?? url
        if let format = RDFFormat(path: path) { return format }
        return RDFFormat.sniff(bytes)
    }

    /// A short reason for a client error (timeouts, refused connections, redirect loops).
    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .redirectLimitReached: return "more redirects than the limit"
            case .redirectCycleDetected: return "redirect loop"
            case .deadlineExceeded, .readTimeout: return "timed out"
            case .connectTimeout: return "connection timed out"
            default: return "\(error)"
            }
        }
        // The pool retries a refused connection until the connect timeout, then reports
        // the socket error.
        if let error = error as? IOError { return "cannot connect: " + String(cString: strerror(error.errnoCode)) }
        return "\(error)"
    }
}
