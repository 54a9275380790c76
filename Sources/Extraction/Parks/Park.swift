/// An industrial park as the gazetteer knows it (or as the text named it).
public struct Park: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var city: String?
    public var province: String?

    public init(id: String, name: String, aliases: [String] = [], city: String? = nil, province: String? = nil) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.city = city
        self.province = province
    }

    /// Every name the park goes by, longest first (so matching prefers the full name).
    public var names: [String] {
        ([name] + aliases).sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
    }
}
