import ArgumentParser
import EventStore
import Foundation
import Timeline

struct SubscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscribe",
        abstract: "Print timeline events as they are appended, until interrupted (Ctrl-C).",
        discussion: """
            Each line is the event (as `events --format ndjson` prints it) with the log cursor \
            to resume after it. Starts at the end of the log unless told otherwise. A cursor past \
            the end of the log (a restored or replaced database) starts over from its start, with \
            a note on standard error.

            Examples:
              parkline subscribe --park 苏锡通
              parkline subscribe --from start --type signing
              parkline subscribe --from 812-40
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this park (id, name or alias).") var park: String?
    @Option(help: "Only this event type.") var type: String?
    @Option(help: "Where to start: start, end, or a log cursor (812-40).") var from = "end"

    func run() async throws {
        if let remote = try await global.remote() {
            let query = RemoteTimeline.query([("park", park), ("type", type)])
            try await SignalWatcher.untilInterrupted {
                try await remote.follow(query, from: from) { event, cursor in Self.write(event, cursor: cursor) }
            }
            return
        }
        let start = try Session.input.start(from)
        let type = try Session.input.eventType(type)?.rawValue
        try await Session.with(global, project: false) { session in
            var filter = SubscriptionFilter(type: type)
            if let park { filter.parkID = try await session.resolvePark(park).id }
            let notifier = LogNotifier(settings: session.database.settings, logger: session.database.logger)
            let subscription = TimelineSubscription(
                store: session.database.store, notifier: notifier, filter: filter,
                mergeStates: MergeStates(queries: session.queries, catchingUp: session.readModel))
            var resume = try await subscription.cursor(for: start)
            if try await session.database.store.isPastEnd(resume) {
                // Not a position in this log (it was restored or replaced): start over rather than wait in silence.
                FileHandle.standardError.write(Data(
                    "parkline: \(resume) lies past the end of this log (was it restored or replaced?); starting over from the start of the log\n".utf8))
                resume = .start
            }
            let cursor = resume
            try await SignalWatcher.untilInterrupted {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await notifier.run() }
                    group.addTask {
                        try await subscription.run(after: cursor) { change in
                            // Whole states only: a line is an event as `events --format ndjson` prints it.
                            if let event = change.event { Self.write(event, cursor: change.cursor) }
                        }
                    }
                    _ = try await group.next()
                    group.cancelAll()
                }
            }
        }
    }

    /// One line: the event with the cursor to resume after it. Unbuffered,
    /// so a pipe reader sees each event as it arrives.
    static func write(_ event: EventRecord, cursor: String) {
        var line = event.jsonLine()
        line.removeLast()
        FileHandle.standardOutput.write(Data((line + ",\"cursor\":\"\(cursor)\"}\n").utf8))
    }
}
