import Foundation

extension JSONEncoder {
    /// How Parkline writes JSON for people and programs (CLI output, HTTP
    /// bodies, stream messages): keys sorted, slashes as they are, times in
    /// ISO 8601. One line per value.
    public static var parkline: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// As `parkline`, indented for reading.
    public static var parklinePretty: JSONEncoder {
        let encoder = JSONEncoder.parkline
        encoder.outputFormatting.insert(.prettyPrinted)
        return encoder
    }
}

extension JSONDecoder {
    /// Reads what `JSONEncoder.parkline` writes (times in ISO 8601).
    public static var parkline: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

extension Encodable {
    /// The value as one line of JSON (`{}` if it cannot be encoded).
    public func jsonLine() -> String {
        String(decoding: (try? JSONEncoder.parkline.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
