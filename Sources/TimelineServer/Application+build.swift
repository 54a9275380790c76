import EventStore
import Extraction
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PostgresNIO
import Projections
import ServiceLifecycle
import Timeline

/// Build the daemon: prepare the database (embedded by default), apply
/// migrations, seed an empty log, and return the app with its long-lived
/// parts (connection pool, log listener, live feed, projector leader) as
/// services of one service group.
public func buildApplication(
    configuration: ServerConfiguration,
    logger: Logger
) async throws -> some ApplicationProtocol {
    let settings = try await configuration.storage.endpoint.prepare(logger: logger)
    return try await buildApplication(configuration: configuration, settings: settings, logger: logger)
}

/// As above, for a database already prepared (tests give their own).
public func buildApplication(
    configuration: ServerConfiguration,
    settings: ConnectionSettings,
    logger: Logger
) async throws -> some ApplicationProtocol {
    let extractor = Extractor(gazetteer: try GazetteerFile.load(configuration.parksFile))
    try await Database.with(settings, maximumConnections: 4, logger: logger) { database in
        try await seedIfEmpty(database, folder: configuration.seedFolder, extractor: extractor, logger: logger)
        try await TimelineProjector(client: database.client, logger: logger).catchUp()
    }
    logger.notice("database ready", metadata: ["database": "\(settings.displayName)"])

    let client = PostgresClient(configuration: settings.clientConfiguration(maximumConnections: 20), backgroundLogger: logger)
    let store = EventStore(client: client, logger: logger)
    let notifier = LogNotifier(settings: settings, logger: logger)
    let projector = TimelineProjector(client: client, logger: logger)
    let leader = ProjectorLeader(projector: projector, settings: settings, notifier: notifier, logger: logger)
    // Queries and the live feed read a standby when one is given. LISTEN does
    // not work there: the feed is woken by the primary's notifications and
    // also polls, since the standby shows an event a moment after them.
    var services: [any Service] = [client, notifier]
    var reads = (client: client, store: store, pollInterval: Duration?.none)
    if let readStorage = configuration.readStorage {
        let readSettings = try await readStorage.endpoint.prepare(logger: logger)
        let readClient = PostgresClient(configuration: readSettings.clientConfiguration(maximumConnections: 20),
                                        backgroundLogger: logger)
        services.append(readClient)
        reads = (readClient, EventStore(client: readClient, logger: logger), .milliseconds(100))
        logger.notice("queries and stream catch-up read a standby", metadata: ["database": "\(readSettings.displayName)"])
    }
    let feed = LiveFeed(store: reads.store, notifier: notifier,
                        capacity: configuration.maximumSubscriberLag, pollInterval: reads.pollInterval, logger: logger)
    let queries = TimelineQueries(client: reads.client, logger: logger)
    let metrics = ServerMetrics()

    let router = Router(context: ParklineRequestContext.self)
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.add(middleware: APIErrorMiddleware())
    if let web = Bundle.module.resourcePath.map({ $0 + "/web" }) {
        router.add(middleware: FileMiddleware(web, cacheControl: .init([(MediaType(type: .any), [.noCache])]),
                                              searchForIndexHtml: true, logger: logger))
    }
    let controller = TimelineController<ParklineRequestContext>(
        store: store, queries: queries, projector: projector, extractor: extractor,
        authorization: WriteAuthorization(token: configuration.apiToken), metrics: metrics,
        maximumBodyBytes: configuration.maximumBodyBytes,
        readYourWritesTimeout: configuration.readYourWritesTimeout, pages: PageCache(notifier: notifier, maximumAge: configuration.readStorage == nil ? .seconds(30) : .seconds(1)),
        logger: logger)
    controller.addRoutes(to: router)
    let gazetteerParks = extractor.gazetteer.parks
    StreamController<ParklineRequestContext>(
        feed: feed, store: reads.store, metrics: metrics, heartbeat: configuration.heartbeatInterval,
        maximumLag: configuration.maximumSubscriberLag
    ).addRoutes(to: router) { name in
        try await queries.resolvePark(name, gazetteer: gazetteerParks).id
    }
    HealthRoutes(client: client, store: store, projector: projector, leader: leader, metrics: metrics, logger: logger)
        .addRoutes(to: router)

    let responder = DeadlineResponder(inner: router.buildResponder(), timeout: configuration.requestTimeout,
                                      timeoutWhileDisconnected: .seconds(2), notifier: notifier, metrics: metrics)
    let app = Application(
        responder: responder,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "parklined"),
        services: services + [feed, leader],
        onServerRunning: { channel in
            logger.notice("parklined listening", metadata: [
                "address": "http://\(configuration.host):\(channel.localAddress?.port ?? configuration.port)/",
                "database": "\(settings.displayName)",
                "writes": "\(configuration.apiToken == nil ? "disabled (no PARKLINE_API_TOKEN)" : "need the bearer token")",
            ])
        },
        logger: logger
    )
    return app
}

/// Ingest the seed documents into an empty log, so a first start shows timelines.
func seedIfEmpty(_ database: Database, folder: String?, extractor: Extractor, logger: Logger) async throws {
    guard let folder else { return }
    guard try await database.store.headCursor() == .start else { return }
    guard FileManager.default.fileExists(atPath: folder) else {
        logger.notice("log is empty and there is no seeds folder to ingest", metadata: ["folder": "\(folder)"])
        return
    }
    let documents = try DocumentSet.load(paths: [folder]).documents
    let reports = try await Ingestor(store: database.store, extractor: extractor, logger: logger).ingest(documents)
    logger.notice("seeded an empty log", metadata: ["folder": "\(folder)", "documents": "\(reports.count)"])
}

/// `/healthz` (the process answers), `/readyz` (database reachable, projector
/// lag), `/metrics` (Prometheus text).
struct HealthRoutes<Context: RequestContext>: Sendable {
    let client: PostgresClient
    let store: EventStore
    let projector: TimelineProjector
    let leader: ProjectorLeader
    let metrics: ServerMetrics
    let logger: Logger

    func addRoutes(to router: Router<Context>) {
        router.get("healthz") { _, _ in try json(API.Health(status: "ok")) }
        router.get("readyz") { _, _ in
            do {
                let (projector, store) = (projector, store)
                let behind = try await withDeadline(.seconds(5)) {
                    try await store.readAll(after: try await projector.checkpoint(), limit: 1001).count
                }
                metrics.projectorLag.set(Double(behind))
                return try json(API.Health(status: behind > 1000 ? "lagging" : "ready", database: "reachable",
                                           projector_lag: behind, projector_role: leader.role.rawValue),
                                status: behind > 1000 ? .serviceUnavailable : .ok)
            } catch {
                logger.warning("readiness check failed", metadata: ["error": "\(String(reflecting: error).prefix(300))"])
                return try json(API.Health(status: "unavailable", database: "unreachable"), status: .serviceUnavailable)
            }
        }
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.render())))
        }
    }
}
