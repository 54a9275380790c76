/// What kind of zone a name's ending says it is. Names that differ only in
/// how they spell the kind (`常州经开区`, `常州经济技术开发区`) are one park.
public enum ParkKind: String, Sendable, Codable, CaseIterable {
    case development   // 经济技术开发区, 经济开发区, 经开区, 开发区
    case highTech      // 高新技术产业开发区, 高新区
    case bonded        // 综合保税区, 综保区, 保税港区, 保税区
    case freeTrade     // 自由贸易试验区, 自贸区, 自由贸易港区
    case newArea       // 新区
    case industrialPark // 工业园区, 产业园, 科学园区, 园区
    case scienceCity   // 科技城, 科学城, 产业新城
    case pilotZone     // 示范区, 合作区, 实验区

    /// Endings, longest first within each kind; the short form pages use
    /// after a first full mention is the last of each list.
    static let endings: [(String, ParkKind)] = [
        ("高新技术产业开发区", .highTech), ("高新技术产业园区", .highTech), ("新技术产业开发区", .highTech),
        ("高新技术开发区", .highTech), ("新技术开发区", .highTech), ("高新区", .highTech),
        ("经济技术开发区", .development), ("经济开发区", .development), ("经开区", .development),
        ("工业开发区", .development), ("开发区", .development),
        ("综合保税区", .bonded), ("综保区", .bonded), ("保税港区", .bonded), ("保税区", .bonded),
        ("自由贸易试验区", .freeTrade), ("自贸试验区", .freeTrade), ("自由贸易港区", .freeTrade), ("自贸港区", .freeTrade),
        ("自由贸易区", .freeTrade), ("自贸区", .freeTrade),
        ("新区", .newArea),
        ("科学工业园区", .industrialPark), ("高科技园区", .industrialPark), ("工业园区", .industrialPark),
        ("产业园区", .industrialPark), ("科技园区", .industrialPark), ("科学园区", .industrialPark),
        ("工业园", .industrialPark), ("产业园", .industrialPark), ("科技园", .industrialPark), ("科学园", .industrialPark),
        ("创业园", .industrialPark), ("示范园", .industrialPark), ("生态园", .industrialPark), ("物流园", .industrialPark),
        ("软件园", .industrialPark), ("台创园", .industrialPark), ("开发园", .industrialPark),
        ("园区", .industrialPark),
        ("科技城", .scienceCity), ("科学城", .scienceCity), ("产业新城", .scienceCity), ("生态城", .scienceCity),
        ("知识城", .scienceCity),
        ("示范区", .pilotZone), ("合作区", .pilotZone), ("实验区", .pilotZone), ("试验区", .pilotZone),
    ]

    /// The ending a canonical name of this kind uses when a page gives only a short form.
    var fullEnding: String {
        switch self {
        case .development: return "经济技术开发区"
        case .highTech: return "高新技术产业开发区"
        case .bonded: return "综合保税区"
        case .freeTrade: return "自由贸易试验区"
        case .newArea: return "新区"
        case .industrialPark: return "园区"
        case .scienceCity: return "科技城"
        case .pilotZone: return "示范区"
        }
    }

    /// Short forms of this kind (`经开区`, `开发区`): what a page calls its park after naming it once.
    var shortForms: [String] {
        switch self {
        case .development: return ["经开区", "开发区"]
        case .highTech: return ["高新区"]
        case .bonded: return ["综保区"]
        case .freeTrade: return ["自贸区"]
        case .newArea: return ["新区"]
        case .industrialPark: return ["园区"]
        case .scienceCity: return ["科技城"]
        case .pilotZone: return ["示范区"]
        }
    }

    private static let endingScalars: [([Unicode.Scalar], ParkKind)] = endings.map { (Array($0.0.unicodeScalars), $0.1) }

    /// The name's core and kind: `常州经开区` → (`常州`, development).
    static func split(_ name: String) -> (core: String, kind: ParkKind)? {
        let scalars = Array(name.unicodeScalars)
        for (ending, kind) in endingScalars where scalars.count >= ending.count && scalars.suffix(ending.count).elementsEqual(ending) {
            return (String(String.UnicodeScalarView(scalars.dropLast(ending.count))), kind)
        }
        return nil
    }

    /// The identity two spellings of one park share: core + kind, with a
    /// city's `市` and a Taiwanese/Hong Kong park's separators dropped.
    static func key(_ name: String) -> String? {
        guard let (core, kind) = split(name), core.count >= 2 else { return nil }
        // `郑州国家高新区`, `郑州(国家)高新区`: the level is not part of the name.
        var scalars = Array(core.unicodeScalars)
        if let open = scalars.firstIndex(of: Array("(国家)".unicodeScalars)) { scalars.removeSubrange(open..<open + 4) }
        scalars.removeAll { $0 == "·" || $0 == "市" }
        if scalars.count > 3, scalars.suffix(2).elementsEqual("国家".unicodeScalars) { scalars.removeLast(2) }
        let trimmed = String(String.UnicodeScalarView(scalars))
        return trimmed + "|" + kind.rawValue
    }
}
