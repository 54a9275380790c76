import Foundation

/// A park as events carry it.
public struct ParkPayload: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var city: String?

    public init(id: String, name: String, aliases: [String], city: String?) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.city = city
    }
}
