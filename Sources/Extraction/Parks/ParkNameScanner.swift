/// Finds parks named in text: gazetteer names first, then names the gazetteer
/// lacks, recognised by how they end (`…经开区`, `…综合保税区`, `…科技城`),
/// and bare short forms (`经开区`, `新区`, `园区`) that refer back to a park
/// the page named before.
struct ParkNameScanner {
    let scalars: [Unicode.Scalar]
    let gazetteer: ParkGazetteer

    struct Mention: Equatable {
        enum Form: Equatable {
            /// A gazetteer name or alias.
            case known
            /// A name recognised by its ending.
            case discovered
            /// An ending alone (`经开区`, `该区`): refers to the page's park.
            case short
        }
        var park: Park
        var range: Range<Int>
        var form: Form
        var kind: ParkKind?
        /// Preceded by a word that makes it a destination or a venue (`赴`, `到`, `在`), not an actor.
        var isPlace = false
    }

    static let endings = WordEndings(ParkKind.endings.map(\.0))
    static let kindOfEnding: [String: ParkKind] = Dictionary(ParkKind.endings.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })

    /// Characters that end a name scanned leftwards from its ending.
    static let stoppers: Set<Unicode.Scalar> = Set("元届局厅委部做携抓推管促提好底未不没的在与及跟、,:;。!?“”\"'《》「」『』【】[]了是为由对向把被等到于赴至将暨其年月日号该各个全给让使即也还又并而或举办签称位处以之计约近首批次第".unicodeScalars)
    /// Conjunctions: inside a scanned name they join two names (`长沙县和长沙经开区`); the park's begins after the last.
    static let conjunctions: Set<Unicode.Scalar> = ["和", "同"]
    /// A name's core made only of these words is a description, not a name (`省级园区`, `绿色化工园区`).
    static let genericWords: [String] = [
        "国家级", "省级", "市级", "县级", "区级", "国家", "全国", "全省", "全市", "全区", "各类", "各", "该", "本", "这", "此", "首个", "首家", "第一批",
        "重点", "重大", "工业", "产业", "特色", "专业", "绿色", "化工", "高新", "高端", "科技", "现代", "物流", "农业", "生态",
        "经济", "开发", "新型", "智慧", "数字", "示范", "创新", "创业", "境外", "海外", "跨省域", "跨境", "先进", "制造", "加工", "贸易",
        "综合", "保税", "合作", "共建", "国际", "文化", "旅游", "商贸", "电子", "信息", "医药", "生物", "新能源", "新材料", "材料", "装备",
        "汽车", "食品", "光伏", "能源", "双创", "孵化", "主题", "城市", "一体化", "发展", "改革", "试点", "标准", "小微", "企业", "民营",
        "临空", "空港", "港口", "港", "航空", "临港", "海洋", "沿海", "边境", "老", "新", "大", "小", "好", "五好", "宜居", "宜业", "和谐", "千亿", "百亿", "级",
        "一", "二", "三", "四", "五", "多", "个", "家", "座", "所", "处", "片", "两大", "两", "双方", "各大", "多个", "中国", "如今", "目前", "现在", "当前", "全球", "世界", "承接", "转移", "产业转移", "数据", "软件", "服务", "总部",
    ]
    /// Words that make a following park a place the actor went to or met in.
    static let placeMarkers = ["赴", "到", "在", "于", "前往", "走进", "走访", "来到", "考察", "参观", "落户", "入驻", "进驻", "位于", "地处", "至"]

    func mentions(in span: Range<Int>) -> [Mention] {
        var found = knownMentions(in: span)
        var index = span.lowerBound
        while index < span.upperBound {
            if let covering = found.first(where: { $0.range.contains(index) }) {
                index = covering.range.upperBound
                continue
            }
            guard let length = Self.endings.match(scalars, at: index, in: span) else { index += 1; continue }
            let end = index + length
            // "开发区管委会" is the park; "新区体育中心" too. But "园区" inside "产业园区" was matched longer already.
            let ending = String(String.UnicodeScalarView(scalars[index..<end]))
            let kind = Self.kindOfEnding[ending]
            let start = nameStart(endingAt: index, in: span)
            if let mention = discovered(start: start, ending: index, end: end, kind: kind, in: span) {
                found.append(mention)
                // `…经开区(原…开发区)`: the bracket holds an alias of this park, not another park.
                if !mention.park.aliases.isEmpty, end < span.upperBound, scalars[end] == "(",
                   let close = (end..<min(span.upperBound, end + 22)).first(where: { scalars[$0] == ")" }) {
                    index = close + 1
                    continue
                }
            } else if isShortFormContext(index, end: end, in: span, ending: ending) {
                found.append(Mention(park: Park(id: "", name: ending), range: index..<end, form: .short, kind: kind))
            }
            index = end
        }
        for word in ["该区", "全区", "区内", "我区"] {
            var position = span.lowerBound
            while position < span.upperBound {
                if matches(word, at: position, in: span), !found.contains(where: { $0.range.contains(position) }) {
                    found.append(Mention(park: Park(id: "", name: word), range: position..<position + 2, form: .short, kind: nil))
                }
                position += 1
            }
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        for index in found.indices {
            found[index].isPlace = isPlace(found[index].range.lowerBound, in: span)
            // `到A开发区、B科技园考察`: a park listed after a destination is one too.
            if index > 0, found[index - 1].isPlace, found[index - 1].range.upperBound <= found[index].range.lowerBound,
               scalars[found[index - 1].range.upperBound..<found[index].range.lowerBound].allSatisfy({ "、和及与".unicodeScalars.contains($0) }) {
                found[index].isPlace = true
            }
        }
        return found
    }

    // MARK: Known names

    private func knownMentions(in span: Range<Int>) -> [Mention] {
        var found: [Mention] = []
        var index = span.lowerBound
        while index < span.upperBound {
            // After `·` a known name is part of a longer one (`南宁·中关村科技园` is not 中关村);
            // a two-character short form inside a word is not a mention (`南科` in `浑南科技城`).
            if let (park, length) = gazetteer.longestName(in: scalars, at: index, limit: span.upperBound),
               index == span.lowerBound || scalars[index - 1] != "·",
               length > 2 || isWordStart(index, in: span) || isAfterOwnPlace(index, park: park, in: span) {
                // A known name followed by more of a park's name (`张江` in `张江科学城`) is part of that longer name.
                let end = index + length
                if let extra = Self.endings.match(scalars, at: end, in: span), extra >= 2 {
                    let longer = String(String.UnicodeScalarView(scalars[index..<end + extra]))
                    if let known = gazetteer.park(named: longer) {
                        found.append(Mention(park: known, range: index..<end + extra, form: .known, kind: ParkKind.split(longer)?.kind))
                        index = end + extra
                        continue
                    }
                    index += 1
                    continue
                }
                found.append(Mention(park: park, range: index..<end, form: .known, kind: nil))
                index = end
                continue
            }
            index += 1
        }
        return found
    }

    // MARK: Discovered names

    /// Scans left from an ending over the name: Han characters, `·`, and one
    /// bracketed place (`中韩(长春)国际合作示范区`), at most 14 characters.
    private func nameStart(endingAt ending: Int, in span: Range<Int>) -> Int {
        var start = ending
        while start > span.lowerBound, ending - start < 14 {
            let previous = scalars[start - 1]
            if previous == ")", let open = openingBracket(before: start - 1, in: span) {
                start = open
                continue
            }
            if previous == "·" { start -= 1; continue }
            guard previous.isHan, !Self.stoppers.contains(previous) else { break }
            // Another park's ending inside: the name starts after it (`兰州新区绿色化工园区` → `绿色化工园区`).
            if start < ending, Self.endsWithEnding(scalars, at: start, span: span) { break }
            start -= 1
        }
        // A dot or bracket cannot open a name.
        while start < ending, scalars[start] == "·" || scalars[start] == "(" { start += 1 }
        return start
    }

    private static func endsWithEnding(_ scalars: [Unicode.Scalar], at position: Int, span: Range<Int>) -> Bool {
        for word in ["新区", "开发区", "高新区", "经开区", "园区", "综保区", "试验区"] {
            let length = word.unicodeScalars.count
            if position - length >= span.lowerBound,
               scalars[(position - length)..<position].elementsEqual(word.unicodeScalars) { return true }
        }
        return false
    }

    private func openingBracket(before close: Int, in span: Range<Int>) -> Int? {
        var index = close - 1
        while index >= span.lowerBound, close - index <= 6 {
            if scalars[index] == "(" { return index > span.lowerBound && scalars[index - 1].isHan && index + 1 < close ? index : nil }
            guard scalars[index].isHan else { return nil }
            index -= 1
        }
        return nil
    }

    private func discovered(start rawStart: Int, ending: Int, end: Int, kind: ParkKind?, in span: Range<Int>) -> Mention? {
        var start = rawStart
        // Drop a leading 市/省/区 that belongs to the sentence ("市开发区" is the city's park: a short form).
        while start < ending, ["市", "省", "县", "区"].contains(scalars[start]) { start += 1 }
        guard ending - start >= 2 else { return nil }
        // "长沙县和长沙经开区": a conjunction after a place's ending joins two names.
        if let conjunction = (start + 1..<ending).last(where: { Self.conjunctions.contains(scalars[$0]) && ["县", "市", "区", "省", "镇"].contains(scalars[$0 - 1]) }) {
            start = conjunction + 1
        }
        // A company (`…园区公司`, `…开发区分行`) or a department is not a park.
        if Self.organisationEndings.contains(where: { matches($0, at: end, in: span) }) { return nil }
        // `桂林中兴通讯产业园等21个项目`, `…科技园项目现场`: a project, not a park.
        if ["等", "项目", "一期", "二期", "建设项目"].contains(where: { matches($0, at: end, in: span) }), kind == .industrialPark { return nil }
        var core = String(String.UnicodeScalarView(scalars[start..<ending]))
        // Two zones side by side (`开发区保税区`): neither is named.
        if ParkKind.split(core) != nil || ParkKind.endings.contains(where: { core == $0.0 }) { return nil }
        core = Self.afterLastVerb(Self.trimmingLeadingWords(core))
        core = placeStart(of: core)
        let coreLength = core.unicodeScalars.count
        guard coreLength >= 2, !Self.isGeneric(core) else { return nil }
        let nameStart = ending - coreLength
        let name = String(String.UnicodeScalarView(scalars[nameStart..<end]))
        if let known = gazetteer.park(named: name) ?? gazetteer.park(endingWith: name) ?? ParkKind.key(name).flatMap({ gazetteer.park(key: $0) }) {
            return Mention(park: known, range: nameStart..<end, form: .known, kind: kind)
        }
        var park = Park(id: "discovered-" + ParkGazetteer.slug(ParkKind.key(name) ?? name), name: name)
        park.aliases = Self.variants(of: name) + alias(after: end, in: span)
        return Mention(park: park, range: nameStart..<end, form: .discovered, kind: kind)
    }

    /// Words after an ending that make the name an organisation's (`…园区公司`, `…开发区分行`).
    static let organisationEndings = ["公司", "有限", "集团", "股份", "分行", "支行", "银行", "分公司", "办事处"]

    /// Words a leftward scan picks up before a name (`举行`, `落户`) that belong to the sentence.
    static let leadingWords = ["举行", "举办", "召开", "签约", "落户", "入驻", "进驻", "建设", "打造", "设立", "成立", "获批", "批复", "同意",
                               "宣布", "启动", "推动", "推进", "建立", "同意", "批准", "主持", "出席", "见证", "参观", "考察", "调研", "视察", "会见", "召开", "依托", "围绕", "作为", "成为", "位于", "地处", "包括", "其中", "今天",
                               "昨天", "近日", "日前", "目前", "当天", "同日", "随后", "此外", "另外", "以及", "还有", "带领", "率领", "带队",
                               "记者", "报讯", "讯", "电", "据", "从", "向", "原", "即", "新设", "新建", "首个", "全国首个", "全国首家",
                               "通报", "标志着", "宣告", "意味着", "表明", "报道", "获悉", "介绍", "显示",
                               // An aim (`早日建成现代产业园区的标杆`, `争创国家级经开区`) names no park.
                               "建成", "创建", "争创", "创成"]

    /// A scan that picked up words before the name (`花落金昌`, `…陪同下参访台中`): the
    /// name starts at the first province or city the gazetteer knows, outside brackets.
    func placeStart(of core: String) -> String {
        let characters = Array(core)
        var depth = 0
        for start in characters.indices {
            if characters[start] == "(" { depth += 1 }
            if characters[start] == ")" { depth -= 1 }
            guard depth == 0, start > 0 else { continue }
            for length in [2, 3, 4] where start + length <= characters.count {
                if gazetteer.places.contains(String(characters[start..<start + length])) {
                    return String(characters[start...])
                }
            }
        }
        return core
    }

    /// `正式落户新区`, `项目入驻高新区`: a verb inside the scanned name ends the sentence's part; the name follows it.
    static func afterLastVerb(_ core: String) -> String {
        let scalars = Array(core.unicodeScalars)
        let best = verbScalars.compactMap { scalars.endOfLast($0) }.max()
        guard let best, best > 0 else { return core }
        return String(String.UnicodeScalarView(scalars[best...]))
    }

    static let verbScalars = (leadingWords + placeMarkers).filter { $0.count >= 2 }.map { Array($0.unicodeScalars) }

    static func trimmingLeadingWords(_ core: String) -> String {
        var text = core
        var changed = true
        while changed {
            changed = false
            for word in leadingWords where text.hasPrefix(word) && text.count > word.count {
                text.removeFirst(word.count)
                changed = true
            }
        }
        return text
    }

    static func isGeneric(_ core: String) -> Bool {
        var rest = Substring(core)
        while !rest.isEmpty {
            guard let word = genericWords.filter({ rest.hasPrefix($0) }).max(by: { $0.count < $1.count }) else { return false }
            rest = rest.dropFirst(word.count)
        }
        return true
    }

    /// The other spellings of a discovered name: the short and full forms of its kind.
    static func variants(of name: String) -> [String] {
        guard let (core, kind) = ParkKind.split(name) else { return [] }
        let forms = [core + kind.fullEnding] + kind.shortForms.map { core + $0 }
        return forms.filter { $0 != name }
    }

    /// `…经开区(原…开发区)`, `…(头屯河区)`, `…(下称"…高新区")`: the bracket's name is an alias.
    private func alias(after end: Int, in span: Range<Int>) -> [String] {
        guard end < span.upperBound, scalars[end] == "(" else { return [] }
        var close = end + 1
        while close < span.upperBound, close - end < 20, scalars[close] != ")" { close += 1 }
        guard close < span.upperBound, scalars[close] == ")" else { return [] }
        var inner = String(String.UnicodeScalarView(scalars[(end + 1)..<close]))
        for prefix in ["原", "下称", "简称", "以下简称", "又称", "通称"] where inner.hasPrefix(prefix) {
            inner.removeFirst(prefix.count)
        }
        inner = inner.trimmingCharacters(in: ["“", "”", "\"", " "])
        guard inner.count >= 2, inner.unicodeScalars.allSatisfy({ $0.isHan || $0 == "·" }) else { return [] }
        return [inner]
    }

    /// A bare ending counts as a reference to the page's park only where it
    /// stands as a noun (`经开区举行`, `据新区介绍`), not inside another word.
    private func isShortFormContext(_ index: Int, end: Int, in span: Range<Int>, ending: String) -> Bool {
        guard ["经开区", "开发区", "高新区", "综保区", "新区", "示范区", "园区", "科技城", "科学城", "经济技术开发区", "综合保税区",
               "高新技术产业开发区", "合作区", "实验区", "自贸区", "保税港区"].contains(ending) else { return false }
        // Preceded by a generic description (`省级园区`, `化工园区`, `各类园区`): not a reference to one park.
        if index >= span.lowerBound + 1, scalars[index - 1] == "级" || scalars[index - 1] == "类" { return false }
        if index >= span.lowerBound + 2 {
            let before = String(String.UnicodeScalarView(scalars[(index - 2)..<index]))
            if Self.genericWords.contains(before) && !["国家", "全国"].contains(before) { return false }
        }
        return true
    }

    /// `天津泰达`, `上海张江`: a short name right after its own city or province.
    private func isAfterOwnPlace(_ index: Int, park: Park, in span: Range<Int>) -> Bool {
        [park.city, park.province].compactMap { $0 }.contains { place in
            let length = place.unicodeScalars.count
            return length >= 2 && index - length >= span.lowerBound && matches(place, at: index - length, in: span)
        }
    }

    private func isWordStart(_ index: Int, in span: Range<Int>) -> Bool {
        guard index > span.lowerBound else { return true }
        let previous = scalars[index - 1]
        return !previous.isHan || Self.stoppers.contains(previous) || "到临赴往至访和与及、".unicodeScalars.contains(previous)
    }

    private func isPlace(_ position: Int, in span: Range<Int>) -> Bool {
        for marker in Self.placeMarkers {
            let length = marker.unicodeScalars.count
            if position - length >= span.lowerBound, matches(marker, at: position - length, in: span) { return true }
        }
        return false
    }

    func matches(_ word: String, at index: Int, in span: Range<Int>) -> Bool {
        scalars.hasWord(word.unicodeScalars, at: index, in: span)
    }
}
