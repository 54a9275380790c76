/// The words that say an event happened, and the words around them that say
/// it did not (yet): plans, states, circumstances.
struct TriggerLexicon {
    struct Trigger: Sendable, Equatable {
        var type: EventType
        var range: Range<Int>
    }

    static let words: [(String, EventType)] = [
        // signing
        ("签署", .signing), ("签订", .signing), ("签约", .signing), ("落户", .signing), ("签下", .signing),
        ("签了", .signing),
        // groundbreaking
        ("开工", .groundbreaking), ("动工", .groundbreaking), ("奠基", .groundbreaking), ("动土", .groundbreaking),
        ("开建", .groundbreaking), ("开竣工", .groundbreaking),
        // completion (before opening so 建成投用 reads as completion+opening in order)
        ("竣工", .completion), ("封顶", .completion), ("投产", .completion), ("投入生产", .completion), ("建成", .completion), ("完工", .completion),
        ("下线", .completion), ("验收", .completion), ("达产", .completion), ("平顶", .completion), ("落成", .completion),
        // opening
        ("开业", .opening), ("揭牌", .opening), ("授牌", .opening), ("投用", .opening), ("投入使用", .opening), ("开通", .opening),
        ("启用", .opening), ("成立", .opening), ("启动", .opening), ("开园", .opening), ("开馆", .opening),
        ("正式开放", .opening),
        ("上线", .opening), ("受理", .opening), ("挂牌", .opening),
        ("封关", .opening), ("开幕", .opening), ("创建", .opening), ("始建", .opening), ("建区", .opening),
        ("正式设立", .opening), ("始于", .opening), ("通车", .opening), ("揭幕", .opening), ("投运", .opening),
        ("投入运营", .opening), ("正式运营", .opening), ("启幕", .opening), ("开港", .opening),
        // meeting
        ("座谈会", .meeting), ("推进会", .meeting), ("发布会", .meeting), ("恳谈会", .meeting), ("见面会", .meeting),
        ("推介会", .meeting), ("洽谈会", .meeting), ("交流会", .meeting), ("研讨会", .meeting), ("会议", .meeting),
        ("论坛", .meeting), ("峰会", .meeting), ("大会", .meeting), ("圆桌会", .meeting), ("见面暨", .meeting),
        ("说明会", .meeting), ("招商会", .meeting), ("博览会", .meeting), ("协商会", .meeting),
        ("园庆", .meeting), ("庆典", .meeting), ("对接会", .meeting), ("观摩会", .meeting), ("现场会", .meeting),
        ("年会", .meeting), ("交易会", .meeting), ("座谈", .meeting), ("晚会", .meeting),
        // visit
        ("考察", .visit), ("调研", .visit), ("到访", .visit), ("走进", .visit), ("率队赴", .visit), ("访问", .visit), ("莅临", .visit),
        ("会见", .visit), ("视察", .visit), ("察看", .visit), ("参访", .visit), ("拜会", .visit), ("来访", .visit),
        ("参观", .visit), ("走访", .visit),
        // award
        ("获奖", .award), ("荣获", .award), ("获评", .award), ("蝉联", .award), ("摘得", .award), ("入选", .award),
        ("认定为", .award), ("评定为", .award), ("评为", .award), ("授予", .award), ("命名为", .award), ("升级为", .award), ("升格为", .award),
        // `由此设立为省级开发区`, `晋升为国家高新区`: raised to a rank, as 升级为.
        ("设立为", .award), ("晋升为", .award),
        // `获批成为…示范基地`, `被…确定为…示范基地`: a title granted, as 认定为 (not 获批设立, an approval).
        ("获批成为", .award), ("确定为", .award),
        // policy
        ("出台", .policy), ("印发", .policy), ("颁布", .policy),
        ("批复", .policy), ("批准", .policy), ("核定", .policy), ("授权", .policy), ("获批", .policy), ("审议通过", .policy),
        ("三读通过", .policy), ("决定建设", .policy), ("决定设立", .policy), ("决定对", .policy), ("扩区", .policy),
        // `准许…更名为…`: a park's name changed, and the approval that does it.
        ("更名为", .policy), ("准许", .policy),
    ]

    /// Words before a trigger (in its clause) that make it a plan, not a fact.
    static let planMarkers = ["计划", "将于", "将", "力争", "拟", "预计", "预定", "原定", "有望", "即将", "准备", "争取", "确保", "推动", "加快", "早日", "定位"]
    static let planMarkerScalars = planMarkers.map { Array($0.unicodeScalars) }
    /// Plan words that only make a plan near the act (`加快推进项目开工`).
    static let weakPlanMarkers: Set<String> = ["准备", "争取", "确保", "推动", "加快"]
    /// Words right after a trigger that make it a circumstance or a state.
    static let circumstanceSuffixes = ["之际", "以来", "后", "前", "时", "之后", "之前", "以后", "的", "率", "面积", "条件", "仪式上", "过程", "工作", "手续", "流程", "服务", "企业", "项目数",
                                       "仪式前", "仪式后", "现场", "阶段"]
    /// Words right before a trigger that make it a state (已落户: is located).
    static let statePrefixes = ["已", "已经", "正在", "未", "尚未", "没有", "不", "此次", "本次", "这次", "该", "上述", "此",
                                "出席", "参加", "参与", "见证"]

    /// The words indexed by their first scalar (the scan's hot path).
    static let table: [Unicode.Scalar: [([Unicode.Scalar], EventType)]] = {
        var table: [Unicode.Scalar: [([Unicode.Scalar], EventType)]] = [:]
        for (word, type) in words {
            let scalars = Array(word.unicodeScalars)
            table[scalars[0], default: []].append((scalars, type))
        }
        return table.mapValues { $0.sorted { $0.0.count > $1.0.count } }
    }()

    let scalars: [Unicode.Scalar]

    /// Triggers in `span` that report acts; `rejected` collects the others with the reason.
    func triggers(in span: Range<Int>, rejected: inout [(Trigger, String)], clauseStart: (Int) -> Int) -> [Trigger] {
        var found: [Trigger] = []
        var index = span.lowerBound
        while index < span.upperBound {
            var matched: ([Unicode.Scalar], EventType)?
            for entry in Self.table[scalars[index]] ?? [] where matches(entry.0, at: index, in: span) {
                matched = entry
                break
            }
            guard let (word, type) = matched else {
                index += 1
                continue
            }
            let end = index + word.count
            let range = index..<end
            index = end
            // `推介会暨签约仪式`, `洽谈会暨重点项目签约仪式`: one ceremony, whose act is the signing
            // (when the signing is told as an act at all: `…签约仪式上，A与B签署协议`).
            if type == .signing, let meeting = found.last, meeting.type == .meeting, joinsOneCeremony(meeting.range.upperBound..<range.lowerBound) {
                found.removeLast()
                rejected.append((meeting, "one ceremony with the signing it names (…会暨…签约)"))
            }
            if let reason = negation(range, in: span, clauseStart: clauseStart(range.lowerBound), type: type) {
                rejected.append((Trigger(type: type, range: range), reason))
                continue
            }
            // `…博览会暨论坛昨日开幕`: a gathering that opens is the gathering, however an outlet words it.
            if Self.gatheringOpenings.contains(where: { matches($0, at: range.lowerBound, in: span) }),
               let meeting = found.last, meeting.type == .meeting, meeting.range.lowerBound >= clauseStart(range.lowerBound) {
                rejected.append((Trigger(type: type, range: range), "the opening of \(String(String.UnicodeScalarView(scalars[meeting.range])))"))
                continue
            }
            found.append(Trigger(type: type, range: range))
        }
        do {
            for trigger in ObjectPattern.triggers(in: span, scalars: scalars) where !found.contains(where: { $0.range.overlaps(trigger.range) }) {
                if let reason = negation(trigger.range, in: span, clauseStart: clauseStart(trigger.range.lowerBound), type: trigger.type) {
                    rejected.append((trigger, reason))
                } else {
                    found.append(trigger)
                }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// `暨` and at most a few words without a break (`暨`, `暨重点项目`): what follows
    /// names the same gathering as what precedes.
    func joinsOneCeremony(_ between: Range<Int>) -> Bool {
        guard !between.isEmpty, between.count <= 6, scalars[between.lowerBound] == "暨" else { return false }
        return !scalars[between].contains(where: { [",", ";", ":", "。", "、", "!", "?"].contains($0) })
    }

    /// Whether `工作` comes right before `position`, or before one adverb that does (`工作正式启动`).
    func worksBefore(_ position: Int, in span: Range<Int>) -> Bool {
        var end = position
        if let adverb = ["正式", "全面", "顺利", "同步", "随即", "也"].first(where: { end - $0.unicodeScalars.count >= span.lowerBound
            && matches($0, at: end - $0.unicodeScalars.count, in: span) }) {
            end -= adverb.unicodeScalars.count
        }
        return end - 2 >= span.lowerBound && matches("工作", at: end - 2, in: span)
    }

    /// Why a trigger word does not report an act here, or `nil` when it does.
    func negation(_ range: Range<Int>, in span: Range<Int>, clauseStart: Int, type: EventType) -> String? {
        // `“2019创新中国行走进南宁”签约仪式`: a word inside a quoted name is part of the name.
        // A quotation after a colon (`感慨道:“2022年3月签约，当年7月开工…”`) is someone's words: its acts are told.
        var open = 0
        for position in span.lowerBound..<range.lowerBound {
            if scalars[position] == "“", position == span.lowerBound || scalars[position - 1] != ":" {
                open += 1
            } else if scalars[position] == "”" {
                open = max(0, open - 1)
            }
        }
        if open > 0 { return "inside a quoted name (“…”)" }
        // `陈列馆更名为博物院`: only a park's new name makes a renaming the park's act.
        if matches("更名为", at: range.lowerBound, in: span),
           !(range.upperBound..<min(span.upperBound, range.upperBound + 20)).contains(where: { position in
               ParkNameScanner.endings.match(scalars, at: position, in: span) != nil }) {
            return "a renaming of something other than a park"
        }
        // `下发《关于…设立为省级开发区的通知》`: a document's title names what it is about.
        let titleOpen = span.lowerBound..<range.lowerBound
        if let opened = titleOpen.last(where: { scalars[$0] == "《" }), !scalars[opened..<range.lowerBound].contains("》") {
            return "inside a document's title (《…》)"
        }
        if type != .meeting {
            for suffix in Self.circumstanceSuffixes where matches(suffix, at: range.upperBound, in: span) {
                // "召开的会议" is fine for nouns; for verbs "签约后"/"成立以来" are circumstances;
                // `集中开工的各重点项目`: a building act describing the projects it names.
                if suffix == "的" && type != .opening && type != .signing
                    && !(type.coarse == "building" && ["各", "一批", "项目", "企业"].contains(where: { matches($0, at: range.upperBound + 1, in: span) })) { continue }
                // `视察工作`, `调研工作` are the visit itself.
                if suffix == "工作" && type == .visit { continue }
                // `2023年6月动工后，同年12月即告封顶`: an act dated where it is told happened, whatever came after it.
                if ["后", "之后", "以后"].contains(suffix), isDated(before: range.lowerBound, in: span) { continue }
                return "a circumstance (…\(suffix))"
            }
        } else if let noun = ["制度", "精神", "室", "组委会", "秘书处", "纪要", "官网", "网站", "的部署", "部署", "中心", "厅"].first(where: { matches($0, at: range.upperBound, in: span) }) {
            return "not a meeting held (会议\(noun))"
        } else if range.lowerBound >= span.lowerBound + 2, ["有关", "相关"].contains(where: { matches($0, at: range.lowerBound - 2, in: span) }) {
            // `省委有关会议的要求`: meetings referred to, not one held.
            return "meetings referred to (有关会议)"
        }
        if isCounted(after: range.upperBound, in: span, type: type) { return "a tally or an anniversary, not one act" }
        // `全面建成小康社会`: a national goal; `验收组`: the inspectors.
        if matches("小康", at: range.upperBound, in: span) || (type == .completion && ["组", "小组", "工作"].contains(where: { matches($0, at: range.upperBound, in: span) })) {
            return "not an act of the park"
        }
        // `招商工作正式启动`: a work programme begins; nothing opens.
        if type == .opening, matches("启动", at: range.lowerBound, in: span), worksBefore(range.lowerBound, in: span) {
            return "work begun, not an opening (…工作启动)"
        }
        // `27个开工项目`, `集中开工重点项目`: the act describes projects, it is not reported here.
        if type.coarse == "building", ["项目", "重点项目", "重大项目"].contains(where: { matches($0, at: range.upperBound, in: span) }) {
            return "a description of projects (…项目)"
        }
        // `发布会透露，…`: the gathering is where the news came from; the act is what it told.
        if type == .meeting, range.lowerBound == clauseStart, Self.speechVerbs.contains(where: { matches($0, at: range.upperBound, in: span) }) {
            return "a source of news (…透露)"
        }
        // `本月21日动工的港青粮油项目年加工能力…`: the act describes the project the sentence is about.
        if type.coarse == "building", describesProject(after: range.upperBound, in: span) {
            return "a description of a project (…的…项目)"
        }
        // `通报…挂牌成立有关情况`, `…揭牌成立新闻发布会`: the act is what a gathering is about.
        if type != .meeting, ["有关情况", "相关情况", "情况", "新闻发布会", "发布会"].contains(where: { matches($0, at: endOfVerbs(from: range.upperBound, in: span), in: span) }) {
            return "the topic of a report (…有关情况)"
        }
        // `预验收筹备工作会议`, `开工建设推进会`: the act names the meeting, which is the act held.
        if type != .meeting, namesGathering(after: range.upperBound, in: span) {
            return "the topic of a meeting (…会议)"
        }
        // `奠基仪式举行，标志着新城启动建设`: what an act means, not another act.
        if (clauseStart..<range.lowerBound).contains(where: { position in ["标志着", "意味着"].contains { matches($0, at: position, in: span) } }) {
            return "a consequence (标志着…)"
        }
        // `确定了十件实事,包括…建成新交通系统工程等`: an item of what was decided, not an act done.
        if let including = (span.lowerBound..<range.lowerBound).last(where: { matches("包括", at: $0, in: span) }),
           (span.lowerBound..<including).contains(where: { position in Self.decisionVerbs.contains { matches($0, at: position, in: span) } }) {
            return "an item of a plan decided (确定…包括…)"
        }
        // `A将在园区设立…,共建…,并挂牌…`: a clause joined by 并 goes on with the plan of the clauses before it.
        if let marker = planCarried(into: clauseStart, in: span) { return "a plan (\(marker)…,并…)" }
        // `从签约到投产不足半年`: a span between two acts, not an act.
        if let reason = spanEnd(range, in: span, clauseStart: clauseStart) { return reason }
        // `在组织升格与招商参访上动作频频`: a field the park worked in (在…上), not an act.
        if type != .meeting, matches("上", at: range.upperBound, in: span),
           (clauseStart..<range.lowerBound).contains(where: { scalars[$0] == "在" }) {
            return "a field of work (在…上)"
        }
        // `开发区要建成…基地`: a goal set, not an act done.
        if range.lowerBound - 1 > clauseStart, scalars[range.lowerBound - 1] == "要",
           !["主", "重", "需", "只", "纪", "简", "摘", "提"].contains(scalars[range.lowerBound - 2]) {
            return "a goal (要…)"
        }
        // `经国务院批准，…升级为`: the approval is the circumstance of the act that follows.
        // But `经国务院批准为国家级开发区`, `…批复设立`: approved as, or to be set up, is the act itself.
        if ["批准", "批复", "同意"].contains(String(String.UnicodeScalarView(scalars[range]))),
           (clauseStart..<range.lowerBound).contains(where: { scalars[$0] == "经" }),
           !["为", "成为", "设立", "成立"].contains(where: { matches($0, at: range.upperBound, in: span) }) { return "a circumstance (经…批准)" }
        // `召开工作会议`, `展开工作`: 开 ends another verb; `开工` is not there.
        if scalars[range.lowerBound] == "开", range.lowerBound > span.lowerBound, "召展公离打分避拉".unicodeScalars.contains(scalars[range.lowerBound - 1]) {
            return "part of another verb (…开)"
        }
        // `开始建设` is not `始建`.
        if matches("始建", at: range.lowerBound, in: span), range.lowerBound > span.lowerBound, scalars[range.lowerBound - 1] == "开" {
            return "part of 开始建设"
        }
        for prefix in Self.statePrefixes {
            let length = prefix.unicodeScalars.count
            // `由此设立为省级开发区`: 由此 (thereby) tells the act that followed, not one already told.
            if prefix == "此", range.lowerBound - 2 >= span.lowerBound, scalars[range.lowerBound - 2] == "由" { continue }
            if range.lowerBound - length >= span.lowerBound, matches(prefix, at: range.lowerBound - length, in: span) {
                return "a state or an act already reported (\(prefix)…)"
            }
        }
        for position in clauseStart..<range.lowerBound {
            if let word = ["累计", "共计", "总计", "合计"].first(where: { matches($0, at: position, in: span) }) {
                return "a total (\(word)…)"
            }
            // `已有装配车辆下线`, `已有12个项目开工`: where things stand, not an act.
            if matches("已有", at: position, in: span) { return "a state (已有…)" }
            for (marker, word) in zip(Self.planMarkerScalars, Self.planMarkers) where marker[0] == scalars[position] && matches(marker, at: position, in: span) {
                // `加快…发展重大项目集中开工推进会`: a weak marker far from the act names a campaign, not a plan.
                if Self.weakPlanMarkers.contains(word), range.lowerBound - position > 6 { continue }
                // `现将…印发给你们`: a notice doing what it says, not a plan.
                if word == "将", position > span.lowerBound, scalars[position - 1] == "现" { continue }
                // `立法院将「组织法草案」三读通过`: 将 before a quoted name is the act's object marker (把), not "will".
                if word == "将", position + 1 < span.upperBound, ["「", "《", "“"].contains(scalars[position + 1]) { continue }
                // `作为中新合作计划重点项目，…开业`: 计划 naming a programme (a noun before its projects) is no plan.
                if word == "计划", ["重点", "项目", "》", "”"].contains(where: { matches($0, at: position + 2, in: span) }) { continue }
                return "a plan (\(word)…)"
            }
        }
        return nil
    }

    /// Whether a month or day written in digits ends right before `position` (`6月动工`).
    private func isDated(before position: Int, in span: Range<Int>) -> Bool {
        position - 2 >= span.lowerBound && ["月", "日", "号"].contains(scalars[position - 1]) && scalars[position - 2].isDigit
    }

    /// Where a run of trigger words ends (`挂牌成立` after `挂牌`).
    private func endOfVerbs(from start: Int, in span: Range<Int>) -> Int {
        var end = start
        while end < span.upperBound, let word = (Self.table[scalars[end]] ?? []).first(where: { matches($0.0, at: end, in: span) }) {
            end += word.0.count
        }
        return end
    }

    /// `验收筹备工作会议`: Han characters after the act, up to a meeting's word, name the meeting
    /// (`开工暨…推进会` joins two acts, and a ceremony is the act's own).
    private func namesGathering(after end: Int, in span: Range<Int>) -> Bool {
        let limit = min(span.upperBound, end + 8)
        let run = end..<((end..<limit).first { !scalars[$0].isHan } ?? limit)
        guard let word = run.first(where: { position in Self.meetingWords.contains { matches($0, at: position, in: span) } }) else { return false }
        return !(end..<word).contains { position in ["暨", "仪式", "典礼"].contains { matches($0, at: position, in: span) } }
    }

    static let meetingWords = ["会议", "推进会", "座谈会", "协调会", "筹备会", "调度会", "动员会", "工作会", "部署会", "评审会", "论证会"]

    /// `动工的港青粮油项目`: 的 and a project's name (Han characters up to 项目) follow the act.
    private func describesProject(after end: Int, in span: Range<Int>) -> Bool {
        guard matches("的", at: end, in: span) else { return false }
        let limit = min(span.upperBound, end + 16)
        let name = (end + 1)..<((end + 1..<limit).first { !scalars[$0].isHan } ?? limit)
        return name.contains { matches("项目", at: $0, in: span) }
    }

    /// The plan word (`将`, `计划`, `拟`) of the two clauses before a clause opened by 并, if any.
    private func planCarried(into clauseStart: Int, in span: Range<Int>) -> String? {
        guard matches("并", at: clauseStart, in: span) else { return nil }
        var end = clauseStart - 1
        for _ in 0..<2 {
            guard end > span.lowerBound, [",", ";"].contains(scalars[end]) else { return nil }
            var start = end
            while start > span.lowerBound, ![",", ";", ":", "。"].contains(scalars[start - 1]) { start -= 1 }
            for position in start..<end {
                if let word = ["计划", "将", "拟"].first(where: { matches($0, at: position, in: span) }),
                   !(word == "将" && position > span.lowerBound && scalars[position - 1] == "现") { return word }
            }
            end = start - 1
        }
        return nil
    }

    /// Verbs that set tasks: what they list after 包括 is still to be done.
    static let decisionVerbs = ["确定了", "确定", "提出", "部署", "明确了", "明确", "安排"]

    /// Verbs that open or close a gathering named before them in the clause.
    static let gatheringOpenings = ["开幕", "闭幕", "启幕"]

    /// Verbs after a gathering that make it the teller of news (`发布会透露`, `会议指出`).
    static let speechVerbs = ["透露", "获悉", "表示", "指出", "强调", "称", "介绍"]

    /// `从签约到投产`: each end of a span (`从…到…`) names an act only to measure time.
    private func spanEnd(_ range: Range<Int>, in span: Range<Int>, clauseStart: Int) -> String? {
        if range.lowerBound > clauseStart, scalars[range.lowerBound - 1] == "从", matches("到", at: range.upperBound, in: span) {
            return "the start of a span (从…到…)"
        }
        if range.lowerBound - 1 > clauseStart, scalars[range.lowerBound - 1] == "到",
           let from = (clauseStart..<range.lowerBound - 1).last(where: { scalars[$0] == "从" }), range.lowerBound - from <= 8 {
            return "the end of a span (从…到…)"
        }
        return nil
    }

    /// `召开发布会5场`, `开工项目5个`: a tally of acts, not one act; `揭牌3周年`: an anniversary.
    private func isCounted(after index: Int, in span: Range<Int>, type: EventType) -> Bool {
        var position = index
        while position < span.upperBound, position - index < 12, !ChineseNumber.isNumeral(scalars[position]),
              ![",", "。", ";"].contains(scalars[position]) { position += 1 }
        let numberStart = position
        if numberStart > span.lowerBound, scalars[numberStart - 1] == "第" { return false }
        while position < span.upperBound, ChineseNumber.isNumeral(scalars[position]) || ["多", "余", "几"].contains(scalars[position]) { position += 1 }
        guard position > numberStart, position < span.upperBound else { return false }
        if ["场", "次", "批", "项", "届"].contains(scalars[position]) { return true }
        if matches("周年", at: position, in: span) { return numberStart == index }
        // `开工项目5个`, `竣工道路3条`: a short noun between a building act and its count makes a tally
        // (`签约12个项目` names the act's items; `推介会推出36个项目` is what the meeting did).
        let between = scalars[index..<numberStart]
        return type.coarse == "building" && (1...3).contains(between.count) && between.allSatisfy(\.isHan)
            && !between.contains(where: { ["推", "出", "共", "有", "达", "等"].contains($0) })
            && ["个", "条", "家", "栋", "宗"].contains(scalars[position])
    }

    func matches(_ word: [Unicode.Scalar], at index: Int, in span: Range<Int>) -> Bool {
        scalars.hasWord(word, at: index, in: span)
    }

    func matches(_ word: String, at index: Int, in span: Range<Int>) -> Bool {
        scalars.hasWord(word.unicodeScalars, at: index, in: span)
    }
}
