import EventStore
import Foundation

struct Payload: Codable, Equatable {
    var writer: Int
    var index: Int
}

func events(_ count: Int, writer: Int = 0, type: String = "Tested") -> [NewEvent] {
    (0..<count).map { index in
        try! NewEvent(type: type, body: Payload(writer: writer, index: index))
    }
}

func stream(_ text: String) -> StreamName {
    try! StreamName(text)
}
