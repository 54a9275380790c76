import Crypto
import Foundation

/// Name-based UUIDs (the version 5 layout over SHA-256): the same name gives
/// the same id in every process, so a retried write carries the ids of the
/// first attempt and the store recognises it as a duplicate, and re-reading
/// a document names its events as before.
///
/// Every id Parkline derives from a name is made here, each kind of name by
/// its own function, so no two kinds can collide by accident.
public enum DeterministicID {
    /// A timeline event found by the extractor, from its identity (document
    /// hash, evidence offsets, type, date and first subject).
    public static func timelineEvent(identity: String) -> UUID { make(identity) }

    /// A hand-recorded timeline event sent with an idempotency key.
    public static func recordedEvent(park: String, idempotencyKey: String) -> UUID {
        make("record:\(park):\(idempotencyKey)")
    }

    /// The log event that states a timeline event the extractor found.
    public static func extraction(of eventID: UUID) -> UUID { make("\(eventID.uuidText):extracted") }

    /// The log event that states a hand-recorded timeline event.
    public static func recording(of eventID: UUID) -> UUID { make("\(eventID.uuidText):recorded") }

    /// The log event saying a document was read by an extractor version.
    public static func ingestion(documentHash: String, extractorVersion: String) -> UUID {
        make("\(documentHash):ingested:\(extractorVersion)")
    }

    /// The correction or retraction a re-read by `extractorVersion` makes.
    public static func reread(_ kind: DomainEventType, of eventID: UUID, extractorVersion: String) -> UUID {
        make("\(eventID.uuidText):\(kind == .timelineEventRetracted ? "retracted" : "corrected"):\(extractorVersion)")
    }

    /// A hand retraction or correction sent with an idempotency key.
    public static func edit(_ kind: DomainEventType, of eventID: UUID, idempotencyKey: String) -> UUID {
        make("\(kind == .timelineEventRetracted ? "retract" : "correct"):\(eventID.uuidText):\(idempotencyKey)")
    }

    /// The resolver's decision that `report`, an extracted event, is of the
    /// act `event` shows. Its first six bytes are those of the log event that
    /// states the report (`extraction(of:)`): the log's id index holds the two
    /// side by side, so a merge, appended with its report, writes to an index
    /// page the report's own row has just written to. A name-based id alone
    /// put every merge on a page of its own, which after a checkpoint costs a
    /// whole page in the write-ahead log (8 kB for a 16-byte key).
    public static func merge(of report: UUID, into event: UUID) -> UUID {
        make("merge:\(report.uuidText):\(event.uuidText)", prefix: extraction(of: report))
    }

    /// The resolver's merge of several joins (report, event), in order: one
    /// join's id is `merge(of:into:)`'s; more take their first six bytes from
    /// the first report's log event, as a single one does.
    public static func merge(of joins: [(report: UUID, event: UUID)]) -> UUID {
        guard let first = joins.first else { return make("merge:") }
        guard joins.count > 1 else { return merge(of: first.report, into: first.event) }
        return make("merge:" + joins.map { "\($0.report.uuidText):\($0.event.uuidText)" }.joined(separator: ","), prefix: extraction(of: first.report))
    }

    /// The name's SHA-256 in the version 5 layout; with `prefix`, its first
    /// six bytes instead of the hash's.
    static func make(_ name: String, prefix: UUID? = nil) -> UUID {
        var bytes = Array(SHA256.hash(data: Data(name.utf8)).prefix(16))
        if let prefix {
            withUnsafeBytes(of: prefix.uuid) { bytes.replaceSubrange(0..<6, with: $0.prefix(6)) }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

extension UUID {
    /// `uuidString` (what a UUID interpolated into a name writes), spelled out
    /// here: Foundation formats it with the C library's `printf`, some 4 % of
    /// the processor time resolution added to an ingest.
    var uuidText: String {
        // An upper-case hex digit's character.
        func digit(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10 }
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var count = 0
            withUnsafeBytes(of: uuid) { bytes in
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        buffer[count] = UInt8(ascii: "-")
                        count += 1
                    }
                    buffer[count] = digit(byte >> 4)
                    buffer[count + 1] = digit(byte & 0x0F)
                    count += 2
                }
            }
            return count
        }
    }
}
