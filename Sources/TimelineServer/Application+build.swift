import EventStore
import Extraction
import Fetching
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceLifecycle
import Timeline

/// Build the daemon: prepare the database (embedded by default), migrate
/// it, seed an empty log, and return the app with its long-lived parts
/// (connection pools, log listener, live feed, projector leader) as
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
    try await Database.withParkline(settings, maximumConnections: 4, logger: logger) { database in
        let readModel = ReadModel(client: database.client, logger: logger)
        if let folder = configuration.seedFolder {
            _ = try await DocumentIngest(store: database.store, readModel: readModel, extractor: extractor, logger: logger).seed(from: folder)
        }
        try await readModel.catchUp()
    }
    logger.notice("database ready", metadata: ["database": "\(settings.displayName)"])

    let client = PostgresClient(configuration: settings.clientConfiguration(maximumConnections: 20, applicationName: DatabaseGauges.applicationName),
                                backgroundLogger: logger)
    let store = EventStore(client: client, logger: logger)
    let notifier = LogNotifier(settings: settings, logger: logger)
    let readModel = ReadModel(client: client, logger: logger)
    let leader = readModel.leader(settings: settings, notifier: notifier, logger: logger)
    // Queries and the live feed read a standby when one is given. LISTEN does
    // not work there: the feed is woken by the primary's notifications and
    // also polls, since the standby shows an event a moment after them.
    // Services that query as soon as they start wait until the pools run.
    var pools = [Gate()]
    var services: [any Service] = [PostgresClientService(client, running: pools[0]), notifier]
    var reads = (client: client, store: store, pollInterval: Duration?.none)
    if let readStorage = configuration.readStorage {
        let readSettings = try await readStorage.endpoint.prepare(logger: logger)
        let readClient = PostgresClient(configuration: readSettings.clientConfiguration(maximumConnections: 20),
                                        backgroundLogger: logger)
        pools.append(Gate())
        services.append(PostgresClientService(readClient, running: pools[1]))
        reads = (readClient, EventStore(client: readClient, logger: logger), .milliseconds(100))
        logger.notice("queries and stream catch-up read a standby", metadata: ["database": "\(readSettings.displayName)"])
    }
    let queries = TimelineQueries(client: reads.client, logger: logger)
    // On a standby the read model is the primary's to write: the feed waits for it there.
    let mergeStates = MergeStates(queries: queries, catchingUp: configuration.readStorage == nil ? readModel : nil)
    let feed = LiveFeed(store: reads.store, notifier: notifier,
                        capacity: configuration.maximumSubscriberLag, pollInterval: reads.pollInterval,
                        sweepInterval: min(.seconds(1), configuration.heartbeatInterval / 4), mergeStates: mergeStates, logger: logger)
    let documents = DocumentIngest(store: store, readModel: readModel, extractor: extractor,
                                   settleTimeout: configuration.readYourWritesTimeout, logger: logger)
    // One fetcher for the API's pages and the watcher: one pace per host for both.
    let fetcher = PageFetcher(limits: FetchLimits(allowPrivateAddresses: configuration.fetchPrivateAddresses), logger: logger)
    let web = WebIngest(fetcher: fetcher, documents: documents, pages: FetchedPages(client: client, logger: logger),
                        read: PageReading.read, logger: logger)
    let timeline = DatabaseTimeline(
        queries: queries,
        editor: TimelineEditor(store: store, queries: queries, readModel: readModel, settleTimeout: configuration.readYourWritesTimeout),
        documents: documents, web: web,
        gazetteer: extractor.gazetteer.parks
    )
    let watcher = WatchService(web: web, fetcher: fetcher, urls: configuration.watch, every: configuration.watchEvery, logger: logger)
    let metrics = ServerMetrics()
    let files = FileLimit.raiseToHard()
    let connectionCap = configuration.connections.maximumConnections ?? FileLimit.connectionCap(forFiles: files.soft)
    logger.notice("connections bounded", metadata: [
        "open files": "\(files.soft) (hard limit \(files.hard))", "connection cap": "\(connectionCap)",
        "header timeout": "\(configuration.connections.headerTimeout)", "idle timeout": "\(configuration.connections.idleTimeout)",
    ])
    let readiness = DatabaseReadiness(store: store, readModel: readModel, leader: leader)
    let gauges = DatabaseGauges(readiness: readiness, store: store, client: client, metrics: metrics,
                                every: configuration.gaugeInterval, logger: logger)
    let router = buildRouter(
        configuration: configuration, timeline: timeline, writer: timeline, log: store,
        readiness: readiness,
        pages: PageCache(notifier: notifier, maximumAge: configuration.readStorage == nil ? .seconds(30) : .seconds(1)),
        stream: StreamController(feed: feed, store: reads.store, metrics: metrics, heartbeat: configuration.heartbeatInterval,
                                 maximumLag: configuration.maximumSubscriberLag),
        metrics: metrics, logger: logger,
        activity: DatabaseActivity(queries: queries, sources: EventSources(queries: queries, store: reads.store))
    )
    let methods = MethodResponder(inner: router.buildResponder(), routes: router.routes.map { ($0.path.description, $0.method) })
    let responder = DeadlineResponder(inner: methods, timeout: configuration.requestTimeout,
                                      timeoutWhileDisconnected: .seconds(2), notifier: notifier, metrics: metrics)
    return Application(
        responder: responder,
        server: .guardedHTTP1(count: ConnectionCount(maximum: connectionCap), limits: configuration.connections,
                              maximumBodyBytes: configuration.maximumBodyBytes, metrics: metrics),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "parklined"),
        services: services + ([feed, leader, watcher, gauges] as [any Service]).map { AfterGate(pools, $0) as any Service },
        onServerRunning: { channel in
            logger.notice("parklined listening", metadata: [
                "address": "http://\(configuration.host):\(channel.localAddress?.port ?? configuration.port)/",
                "database": "\(settings.displayName)",
                "writes": "\(configuration.apiToken == nil ? "disabled (no PARKLINE_API_TOKEN)" : "need the bearer token")",
            ])
        },
        logger: logger
    )
}

/// The daemon's routes over what answers them: the web page, `/v1` (parks,
/// events, documents, the raw log and, when given, activity counts, event
/// sources and the live stream) and health. Tests build it over in-memory answers to check the routes alone.
func buildRouter(
    configuration: ServerConfiguration,
    timeline: any TimelineReading,
    writer: any TimelineWriting,
    log: any LogReading,
    readiness: any ReadinessChecking,
    pages cache: PageCache,
    stream: StreamController<ParklineRequestContext>?,
    metrics: ServerMetrics,
    logger: Logger,
    activity: (any ActivityReading)? = nil
) -> Router<ParklineRequestContext> {
    let router = Router(context: ParklineRequestContext.self)
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.add(middleware: APIErrorMiddleware())
    if let web = Bundle.module.resourcePath.map({ $0 + "/web" }) {
        router.add(middleware: FileMiddleware(web, cacheControl: .init([(MediaType(type: .any), [.noCache])]),
                                              searchForIndexHtml: true, logger: logger))
    }
    let pages = EventPages(timeline: timeline, cache: cache, metrics: metrics)
    let authorization = WriteAuthorization(token: configuration.apiToken)
    let limit = configuration.maximumBodyBytes
    let v1 = router.group("v1")
    ParksController<ParklineRequestContext>(
        timeline: timeline, writer: writer, pages: pages, authorization: authorization, metrics: metrics, maximumBodyBytes: limit
    ).addRoutes(to: v1.group("parks"))
    EventsController<ParklineRequestContext>(
        timeline: timeline, writer: writer, pages: pages, authorization: authorization, metrics: metrics, maximumBodyBytes: limit
    ).addRoutes(to: v1.group("events"))
    DocumentsController<ParklineRequestContext>(
        writer: writer, pages: pages, authorization: authorization, metrics: metrics, maximumBodyBytes: limit
    ).addRoutes(to: v1.group("documents"))
    if let activity {
        ActivityController<ParklineRequestContext>(timeline: timeline, activity: activity, pages: pages)
            .addRoutes(parks: v1.group("parks"), activity: v1.group("activity"))
        EventSourcesController<ParklineRequestContext>(activity: activity).addRoutes(to: v1.group("events"))
    }
    LogController<ParklineRequestContext>(log: log).addRoutes(to: v1.group("log"))
    stream?.addRoutes(to: router) { name in try await timeline.park(named: name).id }
    HealthController<ParklineRequestContext>(readiness: readiness, metrics: metrics, logger: logger).addRoutes(to: router)
    return router
}
