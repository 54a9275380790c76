import Foundation
import HTTPTypes
import Hummingbird
import Timeline

/// A JSON response, written as every Parkline output is (`JSONEncoder.parkline`).
func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
    Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
             body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder.parkline.encode(value))))
}
