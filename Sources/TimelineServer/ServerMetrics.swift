import Foundation
import HTTPTypes
import Hummingbird
import Prometheus

/// The daemon's Prometheus metrics, on a registry of its own (no global
/// bootstrap, so several apps can live in one test process).
public final class ServerMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    let appendedEvents: Counter
    let projectorLag: Gauge
    let subscribers: Gauge
    let pageCacheHits: Counter
    let pageCacheMisses: Counter
    let requestTimeouts: Counter
    let openConnections: Gauge
    let refusedConnections: Counter
    let headerTimeouts: Counter
    let streamEnds: [StreamEnd: Counter]
    let horizonHeldEvents: Gauge
    let horizonHoldAge: Gauge
    let poolConnections: Gauge
    let poolBusyConnections: Gauge

    /// Why a stream ended.
    enum StreamEnd: String, CaseIterable {
        /// The client went away.
        case disconnected
        /// The client fell too far behind and was told to reconnect.
        case overflow
        /// The client asked to resume past the end of the log and was told to start over.
        case reset
        /// The client's `limit` was reached.
        case limit
        /// The daemon is shutting down, or the stream failed.
        case closed
    }
    static let buckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
    ]

    public init() {
        appendedEvents = registry.makeCounter(descriptor: .init(
            namespace: "parkline", metricName: "appended_events", unitName: "total", helpText: "Events appended through the API"))
        projectorLag = registry.makeGauge(descriptor: .init(
            namespace: "parkline", metricName: "projector_lag", unitName: "events",
            helpText: "Events in the log the read model has not applied yet, at the last readiness check"))
        subscribers = registry.makeGauge(descriptor: .init(
            namespace: "parkline", metricName: "stream_subscribers", unitName: "count", helpText: "Open Server-Sent Events streams"))
        let cache = Prometheus.MetricNameDescriptor(
            namespace: "parkline", metricName: "page_cache_lookups", unitName: "total",
            helpText: "Timeline and event-list reads, by whether the page cache answered")
        pageCacheHits = registry.makeCounter(descriptor: cache, labels: [("result", "hit")])
        pageCacheMisses = registry.makeCounter(descriptor: cache, labels: [("result", "miss")])
        requestTimeouts = registry.makeCounter(descriptor: .init(
            namespace: "parkline", metricName: "request_timeouts", unitName: "total",
            helpText: "API requests answered 503 because the database did not answer in time"))
        openConnections = registry.makeGauge(descriptor: .init(
            namespace: "parkline", subsystem: "http", metricName: "connections", unitName: "open", helpText: "Open HTTP connections"))
        refusedConnections = registry.makeCounter(descriptor: .init(
            namespace: "parkline", subsystem: "http", metricName: "refused_connections", unitName: "total",
            helpText: "Connections answered 503 because the connection cap was reached"))
        headerTimeouts = registry.makeCounter(descriptor: .init(
            namespace: "parkline", subsystem: "http", metricName: "header_timeouts", unitName: "total",
            helpText: "Connections closed because a request's header did not arrive in time"))
        let ends = Prometheus.MetricNameDescriptor(
            namespace: "parkline", metricName: "stream_ends", unitName: "total", helpText: "Server-Sent Events streams ended, by why")
        var streamEnds: [StreamEnd: Counter] = [:]
        for end in StreamEnd.allCases {
            streamEnds[end] = registry.makeCounter(descriptor: ends, labels: [("reason", end.rawValue)])
        }
        self.streamEnds = streamEnds
        horizonHeldEvents = registry.makeGauge(descriptor: .init(
            namespace: "parkline", metricName: "horizon_held_events", unitName: "count",
            helpText: "Events committed but not yet readable, held back by an older transaction still open"))
        horizonHoldAge = registry.makeGauge(descriptor: .init(
            namespace: "parkline", metricName: "horizon_hold_age", unitName: "seconds",
            helpText: "Age of the oldest open transaction that holds the read horizon back (0 when none)"))
        poolConnections = registry.makeGauge(descriptor: .init(
            namespace: "parkline", metricName: "database_connections", unitName: "open",
            helpText: "The daemon's open connections to the database"))
        poolBusyConnections = registry.makeGauge(descriptor: .init(
            namespace: "parkline", metricName: "database_connections_busy", unitName: "count",
            helpText: "The daemon's database connections running a statement or inside a transaction"))
    }

    func ended(_ why: StreamEnd) {
        streamEnds[why]?.increment()
    }

    func pageCache(hit: Bool) {
        (hit ? pageCacheHits : pageCacheMisses).increment()
    }

    func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(descriptor: .init(
            namespace: "parkline", subsystem: "http", metricName: "requests", unitName: "total", helpText: "HTTP requests"),
            labels: labels).increment()
        registry.makeDurationHistogram(descriptor: .init(
            namespace: "parkline", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "Time to the response head"), labels: [("method", method), ("route", route)], buckets: Self.buckets)
            .record(duration)
    }

    func render() -> String { registry.emitToString() }
}

/// Counts requests and times them by route template (not raw path, so ids
/// do not explode the label space).
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.recordRequest(method: request.method.rawValue, route: context.endpointPath ?? "unmatched",
                                  status: response.status.code, duration: ContinuousClock.now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.recordRequest(method: request.method.rawValue, route: context.endpointPath ?? "unmatched",
                                  status: status, duration: ContinuousClock.now - start)
            throw error
        }
    }
}
