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
