import EventStore
import Foundation

struct Payload: Codable, Equatable {
    var writer: Int
    var index: Int
}

func events(_ count: Int, writer: Int = 0, type: String = "Tested") -> [NewEvent] {
    (0..<count).map { index in
        testEvent(type: type, writer: writer, index: index)
    }
}

/// A `Payload` event, its JSON written out (nothing here can fail to encode).
func testEvent(type: String = "Tested", writer: Int, index: Int) -> NewEvent {
    NewEvent(type: type, data: Data(#"{"index":\#(index),"writer":\#(writer)}"#.utf8))
}

func stream(_ text: String) throws -> StreamName {
    try StreamName(text)
}

/// Rows in the log, counted directly (a gapless read may hold back rows
/// while another test's transaction is open anywhere in the cluster).
func logCount(_ db: Database) async throws -> Int64 {
    for try await count in try await db.client.query("SELECT count(*)::int8 FROM events").decode(Int64.self) { return count }
    return -1
}
