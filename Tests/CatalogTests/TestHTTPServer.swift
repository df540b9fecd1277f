import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// What the test server answers on one path.
enum TestRoute: Sendable {
    /// 200 with this body and `Content-Type` (none when nil).
    case document(String, contentType: String?)
    /// This status with a short text body.
    case status(Int)
    /// A redirect to another path.
    case redirect(String)
    /// Headers sent, then nothing more: the client's timeout must end it.
    case hang
}

/// A small HTTP/1.1 server on 127.0.0.1 for harvest tests, on a free port, with fixed routes.
final class TestHTTPServer: Sendable {
    let port: Int
    private let channel: any Channel

    init(routes: [String: TestRoute]) async throws {
        let box = RequestLog()
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(RouteHandler(routes: routes, log: box))
                }
            }
        channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress?.port ?? 0
        log = box
    }

    private let log: RequestLog

    /// The base URL, `http://127.0.0.1:PORT`.
    var base: String { "http://127.0.0.1:\(port)" }

    /// The `Accept` header of the last request for `path`.
    func accept(for path: String) -> String? { log.accept(for: path) }

    func close() async {
        try? await channel.close()
    }
}

/// The headers requests came with, by path.
final class RequestLog: Sendable {
    private let accepts = Mutex<[String: String]>([:])

    func record(_ path: String, accept: String?) {
        accepts.withLock { $0[path] = accept ?? "" }
    }

    func accept(for path: String) -> String? {
        accepts.withLock { $0[path] }
    }
}

/// Answers each request head from the route table.
private final class RouteHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let routes: [String: TestRoute]
    let log: RequestLog

    init(routes: [String: TestRoute], log: RequestLog) {
        self.routes = routes
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .end = unwrapInboundIn(data) else {
            if case .head(let head) = unwrapInboundIn(data) {
                path = head.uri
                log.record(head.uri, accept: head.headers.first(name: "Accept"))
            }
            return
        }
        switch routes[path] ?? .status(404) {
        case .document(let body, let contentType):
            var headers = HTTPHeaders()
            if let contentType { headers.add(name: "Content-Type", value: contentType) }
            respond(context, .ok, headers, body)
        case .status(let code):
            respond(context, HTTPResponseStatus(statusCode: code), HTTPHeaders(), "status \(code)\n")
        case .redirect(let target):
            respond(context, .found, HTTPHeaders([("Location", target)]), "")
        case .hang:
            let head = HTTPResponseHead(version: .http1_1, status: .ok, headers: HTTPHeaders([("Content-Length", "100")]))
            context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
        }
    }

    private var path = ""

    private func respond(_ context: ChannelHandlerContext, _ status: HTTPResponseStatus, _ headers: HTTPHeaders, _ body: String) {
        var headers = headers
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }
}
