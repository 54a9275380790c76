/// The zones Parkline knows without being told: a hand-kept list of parks
/// with readable ids (the seeds' parks) and a catalogue of China's
/// development zones (`ZoneCatalogue+Data.swift`: name, level, kind,
/// province, city, aliases; facts from the national lists).
///
/// Compiled into the program so every working directory gives the same parks.
enum ZoneCatalogue {
    static let parks: [Park] = {
        let curated = curatedParks
        let curatedNames = Set(curated.flatMap(\.names))
        var result = curated
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, !fields[0].isEmpty, !curatedNames.contains(fields[0]) else { continue }
            let name = fields[0]
            let city = fields[4].isEmpty ? nil : fields[4]
            var aliases = fields.count > 5 ? fields[5].split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } : []
            aliases += derivedAliases(name: name, city: city, province: fields[3])
            aliases = aliases.filter { !$0.isEmpty && $0 != name && !curatedNames.contains($0) }
            var unique: [String] = []
            for alias in aliases where !unique.contains(alias) { unique.append(alias) }
            result.append(Park(id: "zone-" + ParkGazetteer.slug(name), name: name, aliases: unique,
                               city: city, province: fields[3].isEmpty ? nil : fields[3]))
        }
        return result
    }()

    /// The short forms pages use: `常州经开区`, `常州开发区` for 常州经济技术开发区;
    /// `东湖高新区` for a high-tech zone; the same without the city's `市`.
    static func derivedAliases(name: String, city: String?, province: String) -> [String] {
        guard let (core, kind) = ParkKind.split(name), core.count >= 2 else { return [] }
        var cores = [core]
        if core.hasSuffix("市") { cores.append(String(core.dropLast())) }
        if let city, core.hasPrefix(city + "市") { cores.append(city + core.dropFirst(city.count + 1)) }
        var aliases: [String] = []
        for core in cores {
            aliases += kind.shortForms.filter { $0.count >= 3 || kind == .development }.map { core + $0 }
            aliases.append(core + kind.fullEnding)
        }
        return aliases.filter { $0 != name && ParkKind.split($0).map { $0.core.count >= 2 } == true }
    }

    /// Parks with hand-chosen ids (the seeds' parks keep theirs).
    static let curatedParks: [Park] = [
        Park(id: "suxitong", name: "苏锡通科技产业园区", aliases: ["苏锡通园区", "苏锡通", "南通苏锡通科技产业园区", "苏锡通科技产业园", "江苏南通苏锡通科技产业园区"], city: "南通", province: "江苏"),
        Park(id: "nantong-etdz", name: "南通经济技术开发区", aliases: ["南通开发区", "南通经开区", "南通经济开发区", "南通经济技术开发区管委会"], city: "南通", province: "江苏"),
        Park(id: "susu", name: "苏宿工业园区", aliases: ["苏宿园区", "宿迁苏宿工业园区", "苏州宿迁工业园区"], city: "宿迁", province: "江苏"),
        Park(id: "suzhou-sip", name: "苏州工业园区", aliases: ["苏州园区", "SIP"], city: "苏州", province: "江苏"),
        Park(id: "nantong-innovation", name: "南通创新区", aliases: ["创新区"], city: "南通", province: "江苏"),
        Park(id: "sino-austrian-ecopark", name: "中奥苏通生态园", aliases: ["中奥生态园"], city: "南通", province: "江苏"),
        Park(id: "kunshu-hightech", name: "昆沭高新技术产业园", aliases: ["昆沭园区"], city: "宿迁", province: "江苏"),
        Park(id: "wujiang-siyang", name: "吴江泗阳工业园", city: "宿迁", province: "江苏"),
        Park(id: "changshu-sihong", name: "常熟泗洪工业园", city: "宿迁", province: "江苏"),
        Park(id: "zhangjiagang-suyu", name: "张家港宿豫工业园", city: "宿迁", province: "江苏"),
        Park(id: "wuzhong-sucheng", name: "吴中宿城工业园", city: "宿迁", province: "江苏"),
        Park(id: "zhangjiang", name: "张江高科技园区", aliases: ["张江科学城", "张江园区", "张江", "张江高新区", "上海张江高新区", "上海张江高新技术产业开发区"],
             city: "上海", province: "上海"),
        Park(id: "caohejing", name: "漕河泾新兴技术开发区", aliases: ["漕河泾开发区"], city: "上海", province: "上海"),
        Park(id: "zhongguancun", name: "中关村科技园区", aliases: ["中关村"], city: "北京", province: "北京"),
        Park(id: "shenzhen-hitech", name: "深圳市高新技术产业园区", aliases: ["深圳高新区"], city: "深圳", province: "广东"),
        Park(id: "guangzhou-etdz", name: "广州经济技术开发区", aliases: ["广州开发区", "黄埔区"], city: "广州", province: "广东"),
        Park(id: "tianjin-teda", name: "天津经济技术开发区", aliases: ["天津开发区", "泰达", "TEDA", "天津经开区"], city: "天津", province: "天津"),
        Park(id: "wuhan-donghu", name: "武汉东湖新技术开发区", aliases: ["东湖高新区", "光谷", "中国光谷", "东湖高新技术开发区"], city: "武汉", province: "湖北"),
        Park(id: "hefei-hitech", name: "合肥高新技术产业开发区", aliases: ["合肥高新区"], city: "合肥", province: "安徽"),
        Park(id: "chengdu-hitech", name: "成都高新技术产业开发区", aliases: ["成都高新区"], city: "成都", province: "四川"),
    ]
}
