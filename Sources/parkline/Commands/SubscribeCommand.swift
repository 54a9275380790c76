import ArgumentParser
import EventStore
import Foundation
import Projections
import Timeline

struct SubscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscribe",
        abstract: "Print timeline events as they are appended, until interrupted (Ctrl-C).",
        discussion: """
            Each line is the event (as `events --format ndjson` prints it) with the log cursor \
            to resume after it. Starts at the end of the log unless told otherwise.

            Examples:
              parkline subscribe --park 苏锡通
              parkline subscribe --from start --type signing
              parkline subscribe --from 812-40
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this park (id, name or alias).") var park: String?
    @Option(help: "Only this event type.") var type: String?
    @Option(help: "Where to start: start, end (default), or a cursor.") var from = "end"

    func run() async throws {
        if let remote = try global.remote {
            let query = RemoteTimeline.query([("park", park), ("type", type)])
            let signals = SignalWatcher.interrupts()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await signals.first() }
                group.addTask {
                    try await remote.follow(query, from: from) { event, cursor in
                        var line = event.jsonLine()
                        line.removeLast()
                        FileHandle.standardOutput.write(Data((line + ",\"cursor\":\"\(cursor)\"}\n").utf8))
                    }
                }
                _ = try await group.next()
                group.cancelAll()
            }
            return
        }
        try await Session.with(global, project: false) { session in
            let store = session.database.store
            var parkID: String?
            if let park { parkID = try await session.resolvePark(park).id }
            let cursor: LogCursor
            switch from {
            case "start": cursor = .start
            case "end": cursor = try await store.headCursor()
            default:
                guard let parsed = LogCursor(from) else { throw EventStoreError.invalidCursor(from) }
                cursor = parsed
            }
            let parkFilter = parkID
            let typeFilter = type
            let notifier = LogNotifier(settings: session.database.settings, logger: session.database.logger)
            let signals = SignalWatcher.interrupts()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await notifier.run() }
                group.addTask { await signals.first() }
                group.addTask {
                    for try await event in store.subscribe(after: cursor, notifier: notifier) {
                        guard event.type == DomainEventType.timelineEventExtracted.rawValue
                                || event.type == DomainEventType.timelineEventRecorded.rawValue,
                              let payload = try? event.decode(TimelineEventPayload.self) else { continue }
                        if let parkFilter, payload.park.id != parkFilter { continue }
                        if let typeFilter, payload.type != typeFilter { continue }
                        var line = EventRecord(payload).jsonLine()
                        line.removeLast()
                        // Unbuffered: a pipe reader sees each event as it arrives.
                        FileHandle.standardOutput.write(Data((line + ",\"cursor\":\"\(event.cursor)\"}\n").utf8))
                    }
                }
                // The first child to finish (Ctrl-C) ends the others.
                _ = try await group.next()
                group.cancelAll()
            }
        }
    }
}

/// SIGINT/SIGTERM as an async wait, so Ctrl-C ends a subscription cleanly.
enum SignalWatcher {
    struct Interrupts: Sendable {
        let stream: AsyncStream<Void>
        func first() async {
            for await _ in stream { return }
        }
    }

    static func interrupts() -> Interrupts {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            retained.append(source)
        }
        return Interrupts(stream: stream)
    }

    nonisolated(unsafe) static var retained: [any DispatchSourceSignal] = []
}
