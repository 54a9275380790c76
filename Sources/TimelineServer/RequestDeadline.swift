import EventStore
import Hummingbird
import Logging
import NIOCore

/// The daemon's request context: Hummingbird's basic one, declared
/// `Sendable` so a request can be handled in a task of its own (see
/// ``DeadlineResponder``).
public struct ParklineRequestContext: RequestContext, ConnectionContext, Sendable {
    public var coreContext: CoreRequestContextStorage
    /// The connection the request came on (streams watch it to notice a client leave).
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// A request context that knows its connection.
public protocol ConnectionContext: RequestContext {
    var channel: any Channel { get }
}

extension ConnectionContext {
    /// Completed when the request's client has gone; `nil` on a connection
    /// without the daemon's guard (the in-memory test router).
    func clientGone() async -> EventLoopFuture<Void>? {
        try? await channel.pipeline.handler(type: ConnectionWatch.SocketSide.self).map { $0.watch.gone.futureResult }.get()
    }
}

/// Bounds how long an API request may wait for the database.
///
/// PostgresNIO's pool queues a query until it has a connection, and while
/// PostgreSQL is down (a restart, a failover) that is for as long as the
/// outage lasts. A client is better served by a prompt `503` with
/// `Retry-After`. When the time is up the request's task is cancelled (a
/// write still waiting for a connection is never sent) and the client gets
/// that answer. The bound is shorter once the process's LISTEN connection
/// has been lost (not while it is still being opened at start-up), the
/// first sign that the database is gone. A write whose outcome
/// is unknown is retried safely with the same `Idempotency-Key`.
///
/// Only producing the response is bounded: a stream's body is written after
/// the response has started, outside the deadline.
struct DeadlineResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == ParklineRequestContext {
    let inner: Inner
    let timeout: Duration
    let timeoutWhileDisconnected: Duration
    let notifier: LogNotifier
    let metrics: ServerMetrics

    func respond(to request: Request, context: ParklineRequestContext) async throws -> Response {
        guard request.uri.path.hasPrefix("/v1/") else { return try await inner.respond(to: request, context: context) }
        let limit = notifier.hasLostConnection ? min(timeout, timeoutWhileDisconnected) : timeout
        let inner = self.inner
        do {
            return try await withDeadline(limit) { try await inner.respond(to: request, context: context) }
        } catch let error as EventStoreError {
            guard case .unavailable = error else { throw error }
            metrics.requestTimeouts.increment()
            context.logger.warning("request timed out waiting for the database", metadata: [
                "path": "\(request.uri.path)", "limit": "\(limit)"])
            return try APIError.databaseUnavailable.response(from: request, context: context)
        }
    }
}
