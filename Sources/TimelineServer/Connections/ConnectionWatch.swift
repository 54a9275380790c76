import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// One connection's guard, seen from both ends of its pipeline.
///
/// The socket side (``SocketSide``, first in the pipeline, bytes) admits the
/// connection against the process's cap, starts the header clock on a
/// request's first byte and notices when the client goes away. The HTTP side
/// (``MessageSide``, after the codec) stops the clock when a request's head
/// is complete, restarts the wait for the next request when a response ends,
/// answers `Expect: 100-continue`, and turns a malformed or oversized head
/// into a JSON error (`431` for headers too large) instead of an empty `400`.
/// Both run on the connection's event loop and share this state.
final class ConnectionWatch: @unchecked Sendable {
    enum Phase {
        /// Between requests: waiting for a first byte (idle time is Hummingbird's).
        case betweenRequests
        /// A request's head is arriving; the header clock runs.
        case readingHead
        /// The head is in; the request is being answered.
        case answering
    }

    let count: ConnectionCount
    let limits: ConnectionLimits
    let maximumBodyBytes: Int
    let metrics: ServerMetrics
    /// Completed when the client has gone (closed its side, reset, or the
    /// connection closed). Streams watch it to end at once, not at their next write.
    let gone: EventLoopPromise<Void>
    fileprivate var phase = Phase.readingHead
    fileprivate var headerClock: Scheduled<Void>?
    fileprivate var admitted = false

    init(eventLoop: any EventLoop, count: ConnectionCount, limits: ConnectionLimits, maximumBodyBytes: Int, metrics: ServerMetrics) {
        self.count = count
        self.limits = limits
        self.maximumBodyBytes = maximumBodyBytes
        self.metrics = metrics
        gone = eventLoop.makePromise()
    }

    /// A JSON error written straight to the socket, for answers given before
    /// (or instead of) HTTP parsing.
    static func rawResponse(status: Int, reason: String, code: String, message: String, extra: String = "") -> ByteBuffer {
        let body = #"{"error":{"code":"\#(code)","message":"\#(message)"}}"#
        let text = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: application/json; charset=utf-8\r\n\(extra)"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        return ByteBuffer(string: text)
    }

    fileprivate func startHeaderClock(_ context: ChannelHandlerContext) {
        headerClock?.cancel()
        phase = .readingHead
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        headerClock = context.eventLoop.scheduleTask(in: TimeAmount(limits.headerTimeout)) { [self] in
            guard phase == .readingHead else { return }
            metrics.headerTimeouts.increment()
            let answer = Self.rawResponse(status: 408, reason: "Request Timeout", code: "header_timeout",
                                          message: "the request's header did not arrive in time")
            loopBound.value.writeAndFlush(NIOAny(answer)).whenComplete { _ in loopBound.value.close(promise: nil) }
        }
    }

    fileprivate func stopHeaderClock() {
        headerClock?.cancel()
        headerClock = nil
        phase = .answering
    }

    fileprivate func responseEnded() {
        phase = .betweenRequests
    }
}

extension ConnectionWatch {
    /// First in the pipeline: raw bytes.
    final class SocketSide: ChannelDuplexHandler, RemovableChannelHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundIn = ByteBuffer
        let watch: ConnectionWatch
        private var activated = false

        init(_ watch: ConnectionWatch) {
            self.watch = watch
        }

        func handlerAdded(context: ChannelHandlerContext) {
            if context.channel.isActive { activate(context) }
        }

        func channelActive(context: ChannelHandlerContext) {
            activate(context)
            context.fireChannelActive()
        }

        private func activate(_ context: ChannelHandlerContext) {
            guard !activated else { return }
            activated = true
            guard watch.count.admit() else {
                // Refuse clearly, then give the client a moment to read the
                // answer before the connection goes (closing at once could
                // reset it before the answer is read).
                watch.metrics.refusedConnections.increment()
                let answer = ConnectionWatch.rawResponse(
                    status: 503, reason: "Service Unavailable", code: "too_many_connections",
                    message: "the server holds as many connections as it may: retry shortly", extra: "Retry-After: 1\r\n")
                let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
                context.writeAndFlush(NIOAny(answer)).whenComplete { _ in
                    loopBound.value.close(mode: .output, promise: nil)
                    loopBound.value.eventLoop.scheduleTask(in: .seconds(2)) { loopBound.value.close(promise: nil) }
                }
                return
            }
            watch.admitted = true
            watch.metrics.openConnections.increment()
            watch.startHeaderClock(context)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard watch.admitted else { return }  // a refused connection's request is not read
            if watch.phase == .betweenRequests { watch.startHeaderClock(context) }
            context.fireChannelRead(data)
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if let event = event as? ChannelEvent, event == .inputClosed { watch.gone.succeed() }
            context.fireUserInboundEventTriggered(event)
        }

        func channelInactive(context: ChannelHandlerContext) {
            ended()
            context.fireChannelInactive()
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            ended()
        }

        /// The connection is over: stop the clock, tell streams, give its place back (once).
        private func ended() {
            watch.headerClock?.cancel()
            watch.gone.succeed()
            if watch.admitted {
                watch.admitted = false
                watch.count.release()
                watch.metrics.openConnections.decrement()
            }
        }
    }

    /// After the HTTP codec: request and response parts.
    final class MessageSide: ChannelDuplexHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart
        typealias OutboundIn = HTTPResponsePart
        typealias OutboundOut = HTTPResponsePart
        let watch: ConnectionWatch
        /// The body of a request refused before it was passed on is dropped.
        private var droppingBody = false

        init(_ watch: ConnectionWatch) {
            self.watch = watch
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let part = unwrapInboundIn(data)
            switch part {
            case .head(let head):
                watch.stopHeaderClock()
                if head.headerFields[.expect]?.lowercased() == "100-continue" {
                    if let length = head.headerFields[.contentLength].flatMap(Int.init), length > watch.maximumBodyBytes {
                        droppingBody = true
                        refuse(context, status: .contentTooLarge, code: "too_large",
                               message: "the request body is larger than the \(watch.maximumBodyBytes) bytes allowed")
                        return
                    }
                    context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
                }
            case .body, .end:
                if droppingBody { return }
            }
            context.fireChannelRead(data)
        }

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            if case .end = unwrapOutboundIn(data) { watch.responseEnded() }
            context.write(data, promise: promise)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            guard let parserError = error as? HTTPParserError else {
                context.fireErrorCaught(error)
                return
            }
            watch.stopHeaderClock()
            droppingBody = true
            if case .headerOverflow = parserError {
                refuse(context, status: .init(code: 431, reasonPhrase: "Request Header Fields Too Large"), code: "headers_too_large",
                       message: "the request's header fields are too large")
            } else {
                refuse(context, status: .badRequest, code: "malformed_request", message: "the request is not well-formed HTTP/1.1")
            }
        }

        private func refuse(_ context: ChannelHandlerContext, status: HTTPResponse.Status, code: String, message: String) {
            let body = ByteBuffer(string: #"{"error":{"code":"\#(code)","message":"\#(message)"}}"#)
            let head = HTTPResponse(status: status, headerFields: [
                .contentType: "application/json; charset=utf-8", .contentLength: String(body.readableBytes), .connection: "close",
            ])
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(body)), promise: nil)
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in loopBound.value.close(promise: nil) }
        }
    }
}
