import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1.1 child channel with ``ConnectionWatch`` around it:
/// the same pipeline `HTTP1Channel` builds, plus a guard at the socket and
/// one after the codec. Requests are handled by `HTTP1Channel` itself.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let inner: HTTP1Channel
    let count: ConnectionCount
    let limits: ConnectionLimits
    let maximumBodyBytes: Int
    let metrics: ServerMetrics

    init(responder: @escaping HTTPChannelHandler.Responder, count: ConnectionCount, limits: ConnectionLimits,
         maximumBodyBytes: Int, metrics: ServerMetrics) {
        inner = HTTP1Channel(responder: responder, configuration: .init(idleTimeout: TimeAmount(limits.idleTimeout)))
        self.count = count
        self.limits = limits
        self.maximumBodyBytes = maximumBodyBytes
        self.metrics = metrics
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let watch = ConnectionWatch(eventLoop: channel.eventLoop, count: count, limits: limits,
                                        maximumBodyBytes: maximumBodyBytes, metrics: metrics)
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(ConnectionWatch.SocketSide(watch))
            try pipeline.configureHTTPServerPipeline(
                withPipeliningAssistance: false, withErrorHandling: false, withOutboundHeaderValidation: false,
                withEncoderConfiguration: .init(), withDecoderLimitConfiguration: Self.headerLimits)
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try pipeline.addHandler(ConnectionWatch.MessageSide(watch))
            try pipeline.addHandler(HTTPConnectionStateHandler(idleTimeout: limits.idleTimeout, logger: logger))
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    /// Header fields of 16 KB each and 32 KB in all: more is answered `431`.
    static var headerLimits: NIOHTTPDecoderLimitConfiguration {
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = 16 * 1024
        limits.maxHeaderListSize = 32 * 1024
        limits.maxHeaderFieldCount = 200
        return limits
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with the daemon's connection guard.
    static func guardedHTTP1(count: ConnectionCount, limits: ConnectionLimits, maximumBodyBytes: Int, metrics: ServerMetrics) -> Self {
        .init { responder in
            GuardedHTTP1Channel(responder: responder, count: count, limits: limits, maximumBodyBytes: maximumBodyBytes, metrics: metrics)
        }
    }
}
