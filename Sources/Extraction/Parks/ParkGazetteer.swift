import Foundation

/// The parks Parkline knows by name, with every spelling pages use for them.
///
/// Built from the bundled catalogue of Chinese development zones
/// (`ZoneCatalogue`) and any parks a user adds (`parks.json`). Lookups are
/// by exact name at a text position (longest first) and by identity key
/// (`ParkKind.key`), so `常州经开区` finds `常州经济技术开发区`.
public struct ParkGazetteer: Sendable {
    public let parks: [Park]
    /// Names indexed by their first two scalars, longest first.
    private let byPrefix: [UInt64: [(name: [Unicode.Scalar], park: Park)]]
    private let byName: [String: Park]
    private let byKey: [String: Park]
    /// Ends of known names that are park names themselves (`台中园区` of `中部科学园区台中园区`),
    /// each held by one park only.
    private let bySuffix: [String: Park]
    /// Provinces and cities of the known parks: a discovered name that starts with one is a real name.
    let places: Set<String>
    /// The cities of the known parks (two characters or more) by their first scalar, for a short form a page uses alone.
    private let citiesByFirst: [Unicode.Scalar: [[Unicode.Scalar]]]
    /// Whether a scalar of the Basic Multilingual Plane starts a city's name: most scalars of a text do not.
    private let startsCity: [Bool]

    public init(parks: [Park]) {
        // Later entries (a user's file) override earlier ones (the catalogue) with the same id.
        var seen: [String: Int] = [:]
        var unique: [Park] = []
        for park in parks {
            if let index = seen[park.id] { unique[index] = park } else { seen[park.id] = unique.count; unique.append(park) }
        }
        self.parks = unique
        var names: [String: Park] = [:]
        var keys: [String: Park] = [:]
        for park in unique {
            for name in park.names where name.unicodeScalars.count >= 2 {
                names[name] = park
                for key in Self.keys(for: name, park: park) where keys[key] == nil || park.id == keys[key]?.id {
                    keys[key] = park
                }
            }
        }
        self.byName = names
        self.byKey = keys
        self.bySuffix = Self.suffixIndex(unique, names: names)
        self.places = Set(unique.flatMap { [$0.city, $0.province].compactMap { $0 } }.filter { $0.count >= 2 })
        self.citiesByFirst = Dictionary(grouping: Set(unique.compactMap(\.city).filter { $0.count >= 2 }).sorted().map { Array($0.unicodeScalars) },
                                        by: { $0[0] })
        var starts = [Bool](repeating: false, count: 0x10000)
        for first in citiesByFirst.keys where first.value < 0x10000 { starts[Int(first.value)] = true }
        self.startsCity = starts
        let entries = names.map { (name: Array($0.key.unicodeScalars), park: $0.value) }
            .sorted { $0.name.count != $1.name.count ? $0.name.count > $1.name.count : String(String.UnicodeScalarView($0.name)) < String(String.UnicodeScalarView($1.name)) }
        self.byPrefix = Dictionary(grouping: entries, by: { Self.prefixKey($0.name[0], $0.name[1]) })
    }

    /// Decode `parks.json` (an array of parks, names in Simplified Chinese).
    public init(json: Data) throws {
        self.init(parks: try JSONDecoder().decode([Park].self, from: json))
    }

    public static let empty = ParkGazetteer(parks: [])

    /// The catalogue bundled with Parkline: China's development zones, new
    /// areas, bonded and free-trade zones and Taiwan's science parks.
    public static let bundled = ParkGazetteer(parks: ZoneCatalogue.parks)

    /// This gazetteer with `extra` parks added (a user's entries win on the same id).
    public func adding(_ extra: [Park]) -> ParkGazetteer {
        ParkGazetteer(parks: parks + extra)
    }

    public func park(named name: String) -> Park? { byName[name] }

    /// The name begins with a province or city the gazetteer knows (`洛阳新区`, not `拖慢新区`).
    func startsWithPlace(_ name: String) -> Bool {
        for length in [2, 3, 4] where name.count > length {
            if places.contains(String(name.prefix(length))) { return true }
        }
        return false
    }

    func park(key: String) -> Park? { byKey[key] }

    /// The known parks' cities that `scalars` names, in one pass over the text.
    func cities(in scalars: [Unicode.Scalar]) -> Set<String> {
        var found = Set<String>()
        for index in scalars.indices {
            let value = Int(scalars[index].value)
            guard value < 0x10000 ? startsCity[value] : true, let candidates = citiesByFirst[scalars[index]] else { continue }
            for city in candidates where index + city.count <= scalars.count && scalars[index..<index + city.count].elementsEqual(city) {
                found.insert(String(String.UnicodeScalarView(city)))
            }
        }
        return found
    }

    /// The one park a known name of which ends with `name` (`台中园区` is the end of
    /// `中部科学园区台中园区`). Surer than the identity key, which makes every
    /// `…科技园区` and `…园区` of one city one park.
    func park(endingWith name: String) -> Park? { bySuffix[name] }

    /// Every end of every name that is a park's name of at least four characters with a core of two,
    /// unless two parks end that way or it is a park's own name.
    private static func suffixIndex(_ parks: [Park], names: [String: Park]) -> [String: Park] {
        var index: [String: Park] = [:]
        var ambiguous: Set<String> = []
        for park in parks {
            for name in park.names {
                let characters = Array(name)
                guard characters.count > 4 else { continue }
                for start in 1...(characters.count - 4) {
                    let suffix = String(characters[start...])
                    guard names[suffix] == nil, let (core, _) = ParkKind.split(suffix), core.count >= 2 else { continue }
                    if let other = index[suffix], other.id != park.id { ambiguous.insert(suffix) } else { index[suffix] = park }
                }
            }
        }
        for suffix in ambiguous { index[suffix] = nil }
        return index
    }

    /// The longest known name starting at `index`, and its length.
    func longestName(in scalars: [Unicode.Scalar], at index: Int, limit: Int) -> (Park, Int)? {
        guard index + 1 < limit, let candidates = byPrefix[Self.prefixKey(scalars[index], scalars[index + 1])] else { return nil }
        for (name, park) in candidates where index + name.count <= limit {
            if scalars[index..<index + name.count].elementsEqual(name) { return (park, name.count) }
        }
        return nil
    }

    private static func prefixKey(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
        UInt64(first.value) << 32 | UInt64(second.value)
    }

    /// Identity keys of one spelling: its own, and without the park's city or province in front.
    private static func keys(for name: String, park: Park) -> [String] {
        guard let key = ParkKind.key(name) else { return [] }
        var keys = [key]
        for prefix in [park.province, park.city].compactMap({ $0 }) where prefix.count >= 2 && name.hasPrefix(prefix) {
            let rest = String(name.dropFirst(prefix.count))
            if let shorter = ParkKind.key(rest.hasPrefix("市") || rest.hasPrefix("省") ? String(rest.dropFirst()) : rest) {
                keys.append(shorter)
            }
        }
        return keys
    }

    /// A stable ASCII id for a discovered name (hex of its UTF-8 hash).
    static func slug(_ name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
