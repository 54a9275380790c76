import EventStore
import Foundation
import TimelineEvents
import Projections

/// A deterministic pseudo-random source (SplitMix64): the same seed gives the
/// same log on every run and machine.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Extracted timeline events like the ingest writes: about 300 bytes of JSON
/// each, ten to a document stream, over `parkCount` parks whose coverage
/// follows Zipf's law (park k gets a share ∝ 1/k), as news coverage does:
/// a few big parks, a long tail of small ones.
struct SyntheticLog {
    static let eventsPerDocument = 10
    let parkCount: Int
    private var random: SeededRandom
    private var documentNumber = 0

    /// Cumulative Zipf weights of the parks, for sampling by binary search.
    private let parkWeights: [Double]

    init(parkCount: Int = 1000, seed: UInt64 = 20_261_123) {
        self.parkCount = parkCount
        random = SeededRandom(seed: seed)
        var total = 0.0
        parkWeights = (1...parkCount).map { rank in
            total += 1 / Double(rank)
            return total
        }
    }

    private mutating func nextPark() -> Int {
        let target = Double.random(in: 0..<(parkWeights.last ?? 1), using: &random)
        var low = 0, high = parkWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if parkWeights[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }

    static func parkID(_ index: Int) -> String { String(format: "park%04d", index) }

    private static let types = ["signing", "groundbreaking", "opening", "completion", "meeting", "visit", "award"]
    private static let subjects = ["华芯半导体", "远景能源", "博世汽车部件", "苏州纳米科技", "宁德时代", "中电科", "恒瑞医药", "比亚迪"]
    private static let verbs = ["签约", "开工", "投产", "竣工", "召开推进会", "考察", "获评"]

    /// The next document's worth of events: one stream, `eventsPerDocument` events.
    mutating func nextDocument() throws -> EventStore.StreamAppend {
        documentNumber += 1
        let stream = try StreamName(category: "document", id: "bench\(documentNumber)")
        let events = (0..<Self.eventsPerDocument).map { offset in nextEvent(offset: offset) }
        return EventStore.StreamAppend(stream: stream, expectedVersion: .noStream, events: events)
    }

    /// `count` events in documents of ten (the last may be shorter).
    mutating func documents(events count: Int) throws -> [EventStore.StreamAppend] {
        var result: [EventStore.StreamAppend] = []
        var remaining = count
        while remaining > 0 {
            var document = try nextDocument()
            if remaining < document.events.count { document.events.removeLast(document.events.count - remaining) }
            remaining -= document.events.count
            result.append(document)
        }
        return result
    }

    mutating func nextEvent(offset: Int) -> NewEvent {
        let park = nextPark()
        let kind = Int.random(in: 0..<Self.types.count, using: &random)
        let subject = Self.subjects[Int.random(in: 0..<Self.subjects.count, using: &random)]
        let year = Int.random(in: 2015...2025, using: &random)
        let month = Int.random(in: 1...12, using: &random)
        let id = UUID(uuid: Self.uuidBytes(&random))
        let date = String(format: "%04d-%02d", year, month)
        let lastDay = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        let title = "\(subject)\(Self.verbs[kind])"
        let body = """
            {"amounts":[],"date":"\(date)","eventId":"\(id.uuidString.lowercased())","lower":"\(date)-01",\
            "park":{"aliases":[],"id":"\(Self.parkID(park))","name":"园区\(park)"},"precision":"month",\
            "source":{"document":"bench\(documentNumber).html","offset":[\(offset * 40),\(offset * 40 + 36)]},\
            "subjects":["\(subject)"],"title":"\(title)","type":"\(Self.types[kind])","upper":"\(date)-\(lastDay)"}
            """
        return NewEvent(id: UUID(uuid: Self.uuidBytes(&random)), type: DomainEventType.timelineEventExtracted.rawValue,
                        data: Data(body.utf8))
    }

    private static func uuidBytes(_ random: inout SeededRandom) -> uuid_t {
        let high = random.next(), low = random.next()
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { raw in
            raw.storeBytes(of: high, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: low, toByteOffset: 8, as: UInt64.self)
            raw[6] = (raw[6] & 0x0F) | 0x40  // version 4
            raw[8] = (raw[8] & 0x3F) | 0x80  // RFC 4122 variant
        }
        return bytes
    }
}

/// The rows an append of `appends` writes, as arrays for a raw baseline insert.
struct RawRows {
    var ids: [UUID] = []
    var streams: [String] = []
    var versions: [Int64] = []
    var types: [String] = []
    var data: [String] = []
    var metadata: [String] = []

    init(_ appends: [EventStore.StreamAppend]) {
        for item in appends {
            for (index, event) in item.events.enumerated() {
                ids.append(event.id)
                streams.append(item.stream.rawValue)
                versions.append(Int64(index + 1))
                types.append(event.type)
                data.append(String(decoding: event.data, as: UTF8.self))
                metadata.append(String(decoding: event.metadata, as: UTF8.self))
            }
        }
    }

    var count: Int { ids.count }

    /// The rows in COPY's text format (tab-separated, backslash-escaped).
    func copyText() -> String {
        var text = ""
        text.reserveCapacity(count * 360)
        for index in ids.indices {
            text += ids[index].uuidString
            for field in [streams[index], String(versions[index]), types[index], data[index], metadata[index]] {
                text += "\t"
                text += Self.escaped(field)
            }
            text += "\n"
        }
        return text
    }

    private static func escaped(_ field: String) -> String {
        guard field.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return field }
        return field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }
}
