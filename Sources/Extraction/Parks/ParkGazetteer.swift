import Foundation

/// The parks Parkline knows by name (`seeds/parks.json`), and discovery of
/// parks it does not know from how their names end (`…开发区`, `…高新区`).
public struct ParkGazetteer: Sendable {
    public let parks: [Park]
    /// Names indexed by first scalar, longest first.
    private let byName: [Unicode.Scalar: [(name: [Unicode.Scalar], park: Park)]]

    public init(parks: [Park]) {
        self.parks = parks
        let entries = parks.flatMap { park in park.names.map { (name: Array($0.unicodeScalars), park: park) } }
            .filter { $0.name.count >= 2 }
            .sorted { $0.name.count > $1.name.count }
        self.byName = Dictionary(grouping: entries, by: { $0.name[0] })
    }

    /// Decode `parks.json` (an array of parks, names in Simplified Chinese).
    public init(json: Data) throws {
        self.init(parks: try JSONDecoder().decode([Park].self, from: json))
    }

    public static let empty = ParkGazetteer(parks: [])

    /// A park mentioned in the text, with where.
    struct Mention: Equatable {
        var park: Park
        var range: Range<Int>
        var known: Bool
    }

    /// Known parks named in `span`, longest name first at each position.
    func mentions(in scalars: [Unicode.Scalar], span: Range<Int>) -> [Mention] {
        var found: [Mention] = []
        var index = span.lowerBound
        outer: while index < span.upperBound {
            for (name, park) in byName[scalars[index]] ?? [] where index + name.count <= span.upperBound {
                if scalars[index..<index + name.count].elementsEqual(name) {
                    found.append(Mention(park: park, range: index..<index + name.count, known: true))
                    index += name.count
                    continue outer
                }
            }
            index += 1
        }
        return found
    }

    static let suffixes = WordEndings(["经济技术开发区", "高新技术产业开发区", "经济开发区", "开发区", "高新区", "工业园区", "科技园区", "产业园区", "工业园", "新区", "园区"])
    /// Characters that cannot be part of a park's name: they end the scan leftwards.
    static let nameStoppers: Set<Unicode.Scalar> = Set("的在与和及、,:;。“”\"'()《》了是为将由对向从把被等到于赴至来自全该本各个市区县省镇整入驻".unicodeScalars)

    /// Parks the gazetteer lacks, found by their suffix with a 2–10 character name before it.
    func discover(in scalars: [Unicode.Scalar], span: Range<Int>, excluding known: [Mention]) -> [Mention] {
        var found: [Mention] = []
        var index = span.lowerBound
        while index < span.upperBound {
            guard !known.contains(where: { $0.range.contains(index) }) else { index += 1; continue }
            guard let suffixLength = Self.suffixes.match(scalars, at: index, in: span) else { index += 1; continue }
            var start = index
            while start > span.lowerBound, index - start < 10, scalars[start - 1].isHan, !Self.nameStoppers.contains(scalars[start - 1]) {
                start -= 1
            }
            let end = index + suffixLength
            if index - start >= 2 {
                let name = String(String.UnicodeScalarView(scalars[start..<end]))
                let park = Park(id: "discovered-" + Self.slug(name), name: name)
                found.append(Mention(park: park, range: start..<end, known: false))
            }
            index = end
        }
        return found
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
