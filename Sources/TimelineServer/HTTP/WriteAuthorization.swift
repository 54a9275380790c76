import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Writes need `Authorization: Bearer <token>`; compared in constant time.
struct WriteAuthorization: Sendable {
    let expectedDigest: [UInt8]?

    init(token: String?) {
        expectedDigest = token.map { Array(SHA256.hash(data: Data($0.utf8))) }
    }

    func check(_ request: Request) throws {
        guard let expectedDigest else {
            throw APIError(.forbidden, "writes_disabled",
                           "this server accepts no writes: start it with PARKLINE_API_TOKEN (or PARKLINE_API_TOKEN_FILE) set to a secret of 16 or more characters")
        }
        // The scheme's name is case-insensitive (RFC 9110 §11.1).
        guard let header = request.headers[.authorization], header.prefix(7).lowercased() == "bearer " else {
            throw APIError(.unauthorized, "unauthorized", "writes need the header Authorization: Bearer <token>",
                           headers: [.wwwAuthenticate: "Bearer"])
        }
        let given = Array(SHA256.hash(data: Data(header.dropFirst(7).trimmingCharacters(in: .whitespaces).utf8)))
        // Equal-length digests, every byte compared: the time does not depend on where they differ.
        var difference: UInt8 = 0
        for (a, b) in zip(given, expectedDigest) { difference |= a ^ b }
        guard difference == 0 else {
            throw APIError(.forbidden, "forbidden", "the bearer token is not valid for this server")
        }
    }
}
