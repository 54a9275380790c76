/// Finds time expressions in a span of normalised text by scanning scalars
/// (no regular expressions: this is the hot path of extraction).
///
/// Recognises absolute dates (`2022年6月24日`, `二〇二二年十一月九日`,
/// `2023-03-29`, `2023.3.29`), month and year alone, parts of a month
/// (`8月初`, `中旬`, `下旬`, `月底`), quarters and halves, lists and ranges
/// (`6月24日、27日`, `6月24日至27日`) and expressions relative to the
/// publication date (`今日`, `上月6日`, `去年11月30日`, `近日`, `上周`). Rejects
/// what only looks like a date: `2号楼`, `1542会议室`, `40周年`, `2023年度`,
/// `年产值`, times of day (`16:00`, `8时许`) and anything inside 《book titles》.
struct TimeExpressionScanner {
    let scalars: [Unicode.Scalar]
    /// Read two- and three-digit years as years of the Republic of China (Taiwanese pages).
    var minguoYears = false

    func scan(_ span: Range<Int>) -> [TimeMention] {
        var mentions: [TimeMention] = []
        var index = span.lowerBound
        var titleDepth = 0
        while index < span.upperBound {
            let scalar = scalars[index]
            if scalar == "《" { titleDepth += 1; index += 1; continue }
            if scalar == "》" { titleDepth = max(0, titleDepth - 1); index += 1; continue }
            if titleDepth > 0 { index += 1; continue }
            // `△ | …`: a table row that repeats the previous row's day.
            if scalar == "△", hasAny(["|", " |"], at: index + 1, in: span) {
                mentions.append(TimeMention(range: index..<index + 1, kind: .anaphoric(days: 0, monthOnly: false), atClauseStart: true))
                index += 1
                continue
            }
            if scalar == "(", let mention = parenthesisedDay(at: index, in: span) {
                mentions.append(mention)
                index = mention.range.upperBound
                continue
            }
            if var mention = match(at: index, in: span, previous: mentions.last) {
                mention.isPeriodStart = (hasAny(["以来", "起", "开始", "至今"], at: mention.range.upperBound, in: span)
                                         && !beginsRunning(after: mention.range.upperBound, in: span))
                    || (mention.range.lowerBound >= span.lowerBound + 2 && hasAny(["截至", "截止"], at: mention.range.lowerBound - 2, in: span))
                    || isEndOfPeriod(mention.range, in: span)
                mention.atClauseStart = isClauseStart(mention.range.lowerBound, span: span)
                if !mention.isPeriodStart, isSincePeriod(mention.range, in: span) { mention.isPeriodStart = true }
                mention.isDateline = isDispatchMark(after: mention.range.upperBound, in: span)
                    || isTimestamp(after: mention.range.upperBound, in: span)
                    || (hasAny([" "], at: mention.range.upperBound, in: span) && hasAny(["讯", "电"], at: mention.range.upperBound + 1, in: span))
                mentions.append(mention)
                index = mention.range.upperBound
                continue
            }
            // Skip the rest of a number run so "1542" is not read as "542".
            if ChineseNumber.isNumeral(scalar) && scalar.isDigit {
                while index < span.upperBound && (scalars[index].isDigit || scalars[index] == ".") { index += 1 }
                continue
            }
            index += 1
        }
        return mentions
    }

    // MARK: Matching

    /// `(12)日`, `今(2日)`, `昨(18)日`: a Taiwanese or Hong Kong dispatch's day of the month.
    /// With 今, 昨 or 前 before it the day is a recent one, counted back from the dispatch's
    /// day (a month back when the day is later), whatever month the account was in.
    private func parenthesisedDay(at open: Int, in span: Range<Int>) -> TimeMention? {
        guard let (day, afterDay) = numberRun(from: open + 1, in: span, chinese: false), (1...31).contains(day),
              hasAny([")日", "日)"], at: afterDay, in: span) else { return nil }
        var start = open
        var recent = false
        if open > span.lowerBound, ["今", "昨", "前"].contains(scalars[open - 1]) {
            start = open - 1
            recent = true
        }
        let kind: TimeMention.Kind = recent ? .recentDay(day) : .calendar(year: nil, month: nil, day: day, part: nil, endDay: nil)
        return TimeMention(range: start..<afterDay + 2, kind: kind, atClauseStart: true)
    }

    private func match(at start: Int, in span: Range<Int>, previous: TimeMention?) -> TimeMention? {
        let scalar = scalars[start]
        if scalar.isDigit || ChineseNumber.isNumeral(scalar) {
            if start > span.lowerBound, scalars[start - 1].isDigit || scalars[start - 1] == "." { return nil }
            return matchNumeric(at: start, in: span, previous: previous)
        }
        return matchWord(at: start, in: span)
    }

    private func numberRun(from start: Int, in span: Range<Int>, chinese: Bool) -> (value: Int, end: Int)? {
        var end = start
        while end < span.upperBound, end - start < 6 {
            let s = scalars[end]
            if s.isDigit || (chinese && ChineseNumber.isNumeral(s)) { end += 1 } else { break }
        }
        guard end > start, let value = ChineseNumber.value(scalars[start..<end]) else { return nil }
        return (value, end)
    }

    private func matchNumeric(at start: Int, in span: Range<Int>, previous: TimeMention?) -> TimeMention? {
        let chinese = !scalars[start].isDigit
        guard let (first, afterFirst) = numberRun(from: start, in: span, chinese: chinese) else { return nil }
        let length = afterFirst - start
        let next = afterFirst < span.upperBound ? scalars[afterFirst] : " "

        // ISO-like: 2023-03-29, 2023.3.29, 2023/3/29 (digits only).
        if !chinese, length == 4, next == "-" || next == "." || next == "/" {
            if let mention = matchSeparated(year: first, separator: next, from: afterFirst + 1, start: start, in: span) {
                return mention
            }
        }
        if next == "年", (length == 4 || (chinese && length == 4)), (1000...2100).contains(first) {
            return matchAfterYear(.absolute(first), yearStart: start, afterYear: afterFirst + 1, in: span)
        }
        // 民國 years on Taiwanese pages: 92年 is 2003, 108年12月 is 2019-12.
        if minguoYears, !chinese, next == "年", (2...3).contains(length), (1...150).contains(first),
           let mention = matchAfterYear(.absolute(first + 1911), yearStart: start, afterYear: afterFirst + 1, in: span),
           !isAge(afterFirst + 1, in: span) {
            return mention
        }
        if next == "月", (1...12).contains(first) {
            return matchAfterMonth(year: nil, month: first, start: start, afterMonth: afterFirst + 1, in: span)
        }
        if next == "日" || next == "号", (1...31).contains(first), !isFollowedByNonDateNoun(afterFirst + 1, in: span) {
            // A bare day: only in a list or range after a date, or opening a clause ("9日早上").
            let listed = previous.map { $0.range.upperBound >= start - 1 && isListSeparator(start - 1) } ?? false
            // `1号轨道梁厂`, `3号线`: a numbered thing, unless what follows is the act or its time (`20号上午`).
            let listOfDays = listed && previous.map { scalars[$0.range.upperBound - 1] == "号" } == true
            if next == "号", !listOfDays, afterFirst + 1 < span.upperBound, scalars[afterFirst + 1].isHan,
               !isActAfterDay(afterFirst + 1, in: span) { return nil }
            if listed || isClauseStart(start, span: span) || isActAfterDay(afterFirst + 1, in: span) {
                return TimeMention(range: start..<afterFirst + 1, kind: .calendar(year: nil, month: nil, day: first, part: nil, endDay: nil))
            }
            return nil
        }
        // 4天后, 3日后: days after the day just named.
        if (next == "天" || next == "日"), hasAny(["后"], at: afterFirst + 1, in: span), (1...60).contains(first), !chinese || length <= 2 {
            return TimeMention(range: start..<afterFirst + 2, kind: .anaphoric(days: first, monthOnly: false))
        }
        if next == "季", hasAny(["季度"], at: afterFirst, in: span), (1...4).contains(first) {
            var lower = start
            if lower > span.lowerBound, scalars[lower - 1] == "第" { lower -= 1 }
            return TimeMention(range: lower..<afterFirst + 2, kind: .quarter(year: nil, quarter: first))
        }
        return nil
    }

    private func matchSeparated(year: Int, separator: Unicode.Scalar, from index: Int, start: Int, in span: Range<Int>) -> TimeMention? {
        guard (1000...2100).contains(year),
              let (month, afterMonth) = numberRun(from: index, in: span, chinese: false), (1...12).contains(month),
              afterMonth < span.upperBound, scalars[afterMonth] == separator,
              let (day, afterDay) = numberRun(from: afterMonth + 1, in: span, chinese: false),
              CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        if afterDay < span.upperBound, scalars[afterDay].isDigit { return nil }
        return TimeMention(range: start..<afterDay, kind: .calendar(year: .absolute(year), month: month, day: day, part: nil, endDay: nil))
    }

    /// After `…年`: month, quarter, half, or the year alone.
    private func matchAfterYear(_ year: TimeMention.YearSpec, yearStart: Int, afterYear: Int, in span: Range<Int>) -> TimeMention? {
        // 2023年度 is a label, 年产值/年产 a rate: neither is a date.
        if hasAny(["度"], at: afterYear, in: span) { return nil }
        if case .absolute = year, hasAny(["产", "均", "薪", "销"], at: afterYear, in: span) { return nil }
        let monthStart = hasAny([" "], at: afterYear, in: span) ? afterYear + 1 : afterYear
        if let (month, afterMonth) = numberRun(from: monthStart, in: span, chinese: true),
           afterMonth < span.upperBound, scalars[afterMonth] == "月", (1...12).contains(month) {
            return matchAfterMonth(year: year, month: month, start: yearStart, afterMonth: afterMonth + 1, in: span)
        }
        var quarterStart = afterYear
        if hasAny(["第"], at: quarterStart, in: span) { quarterStart += 1 }
        if let (quarter, afterQuarter) = numberRun(from: quarterStart, in: span, chinese: true),
           (1...4).contains(quarter), hasAny(["季度"], at: afterQuarter, in: span) {
            return TimeMention(range: yearStart..<afterQuarter + 2, kind: .quarter(year: year, quarter: quarter))
        }
        // 去年底, 2023年末, 今年初: the year's last or first month.
        if hasAny(["底", "末"], at: afterYear, in: span) {
            return TimeMention(range: yearStart..<afterYear + 1, kind: .calendar(year: year, month: 12, day: nil, part: .late, endDay: nil))
        }
        if hasAny(["初"], at: afterYear, in: span) {
            return TimeMention(range: yearStart..<afterYear + 1, kind: .calendar(year: year, month: 1, day: nil, part: .early, endDay: nil))
        }
        if hasAny(["上半年"], at: afterYear, in: span) {
            return TimeMention(range: yearStart..<afterYear + 3, kind: .half(year: year, first: true))
        }
        if hasAny(["下半年"], at: afterYear, in: span) {
            return TimeMention(range: yearStart..<afterYear + 3, kind: .half(year: year, first: false))
        }
        return TimeMention(range: yearStart..<afterYear, kind: .calendar(year: year, month: nil, day: nil, part: nil, endDay: nil))
    }

    /// After `…月`: day (with a range end), a part of the month, or the month alone.
    private func matchAfterMonth(year: TimeMention.YearSpec?, month: Int, start: Int, afterMonth: Int, in span: Range<Int>) -> TimeMention? {
        if start > span.lowerBound, scalars[start - 1] == "个" { return nil }
        var end = afterMonth
        if hasAny(["份"], at: end, in: span) { end += 1 }
        let dayStart = hasAny([" "], at: end, in: span) && end + 1 < span.upperBound && scalars[end + 1].isDigit ? end + 1 : end
        if let (day, afterDay) = numberRun(from: dayStart, in: span, chinese: true),
           afterDay < span.upperBound, scalars[afterDay] == "日" || scalars[afterDay] == "号", (1...31).contains(day) {
            end = afterDay + 1
            var endDay: Int?
            // Range: 6月24日至27日, 6月24日-27日, 6月24日到27日
            if end < span.upperBound, ["至", "-", "到", "~", "—"].contains(scalars[end]),
               let (last, afterLast) = numberRun(from: end + 1, in: span, chinese: true),
               afterLast < span.upperBound, scalars[afterLast] == "日", last > day, last <= 31 {
                endDay = last
                end = afterLast + 1
            }
            return TimeMention(range: start..<end, kind: .calendar(year: year, month: month, day: day, part: nil, endDay: endDay))
        }
        if let (part, length) = monthPart(at: end, in: span) {
            return TimeMention(range: start..<end + length, kind: .calendar(year: year, month: month, day: nil, part: part, endDay: nil))
        }
        return TimeMention(range: start..<end, kind: .calendar(year: year, month: month, day: nil, part: nil, endDay: nil))
    }

    private func monthPart(at index: Int, in span: Range<Int>) -> (TimeMention.MonthPart, Int)? {
        if hasAny(["上旬"], at: index, in: span) { return (.early, 2) }
        if hasAny(["中旬"], at: index, in: span) { return (.middle, 2) }
        if hasAny(["下旬"], at: index, in: span) { return (.late, 2) }
        if hasAny(["初"], at: index, in: span) { return (.early, 1) }
        if hasAny(["底", "末"], at: index, in: span) { return (.late, 1) }
        return nil
    }

    private static let relativeYears: [(String, TimeMention.YearSpec)] = [
        ("今年", .relative(0)), ("去年", .relative(-1)), ("前年", .relative(-2)),
        ("明年", .relative(1)), ("本年", .relative(0)), ("当年", .context), ("同年", .context),
    ]

    /// First scalars of every word `matchWord` knows: a cheap reject for all other text.
    private static let wordStarts: Set<Unicode.Scalar> = Set("今去前明本当同上下昨近日这次翌此不".unicodeScalars)

    /// Words that date an act by the one just mentioned.
    private static let anaphora: [(String, Int, Bool)] = [
        ("同日", 0, false), ("当日", 0, false), ("当天", 0, false), ("同一天", 0, false), ("同天", 0, false), ("当晚", 0, false),
        ("次日", 1, false), ("翌日", 1, false), ("第二天", 1, false), ("此前一天", -1, false), ("前一天", -1, false),
        ("同月", 0, true),
    ]

    private func matchWord(at start: Int, in span: Range<Int>) -> TimeMention? {
        guard Self.wordStarts.contains(scalars[start]) || scalars[start] == "第" else { return nil }
        if hasAny(["同期"], at: start, in: span) { return TimeMention(range: start..<start + 2, kind: .samePeriod) }
        for (word, days, monthOnly) in Self.anaphora where hasAny([word], at: start, in: span) {
            return TimeMention(range: start..<start + word.unicodeScalars.count, kind: .anaphoric(days: days, monthOnly: monthOnly))
        }
        for (word, spec) in Self.relativeYears where hasAny([word], at: start, in: span) {
            // "去年中创铝业" must not read as mid-year; nothing after 年 is parsed loosely.
            return matchAfterYear(spec, yearStart: start, afterYear: start + 2, in: span)
        }
        if hasAny(["上半年"], at: start, in: span) {
            return TimeMention(range: start..<start + 3, kind: .half(year: nil, first: true))
        }
        if hasAny(["下半年"], at: start, in: span) {
            return TimeMention(range: start..<start + 3, kind: .half(year: nil, first: false))
        }
        for (word, offset) in [("今天", 0), ("今日", 0), ("昨天", -1), ("昨日", -1), ("前天", -2)] where hasAny([word], at: start, in: span) {
            return TimeMention(range: start..<start + 2, kind: .relativeDay(offset))
        }
        for word in ["近日", "日前", "近期", "前不久", "不久前"] where hasAny([word], at: start, in: span) {
            return TimeMention(range: start..<start + word.unicodeScalars.count, kind: .recent)
        }
        for (word, offset) in [("上周", -1), ("本周", 0), ("上星期", -1), ("这周", 0)] where hasAny([word], at: start, in: span) {
            let end = start + word.unicodeScalars.count
            // 上周五: that day of that week.
            if end < span.upperBound, let day = "一二三四五六日天".unicodeScalars.firstIndex(of: scalars[end]) {
                let weekday = min(6, "一二三四五六日天".unicodeScalars.distance(from: "一二三四五六日天".unicodeScalars.startIndex, to: day))
                return TimeMention(range: start..<end + 1, kind: .weekday(week: offset, day: weekday))
            }
            return TimeMention(range: start..<end, kind: .relativeWeek(offset))
        }
        for (word, offset) in [("上个月", Optional(-1)), ("上月", -1), ("本月", 0), ("这个月", 0), ("当月", nil)]
        where hasAny([word], at: start, in: span) {
            let after = start + word.unicodeScalars.count
            if let (day, afterDay) = numberRun(from: after, in: span, chinese: true),
               afterDay < span.upperBound, scalars[afterDay] == "日" || scalars[afterDay] == "号", (1...31).contains(day) {
                return TimeMention(range: start..<afterDay + 1, kind: .relativeMonth(offset: offset, day: day, part: nil))
            }
            if let (part, length) = monthPart(at: after, in: span) {
                return TimeMention(range: start..<after + length, kind: .relativeMonth(offset: offset, day: nil, part: part))
            }
            return TimeMention(range: start..<after, kind: .relativeMonth(offset: offset, day: nil, part: nil))
        }
        return nil
    }

    // MARK: Context tests

    /// `4月9日讯`, `3月23日电 (记者…)`, `1月6日成都消息`, `1月29日9时讯`: the date of a dispatch,
    /// perhaps with its place or its hour between the date and the mark, the mark ending the word.
    private func isDispatchMark(after index: Int, in span: Range<Int>) -> Bool {
        var position = index
        if position < span.upperBound, scalars[position] == " " { position += 1 }
        // The hour (`9时`, `10时30分`).
        var digits = position
        while digits < span.upperBound, scalars[digits].isDigit { digits += 1 }
        if digits > position, digits < span.upperBound, ["时", "点"].contains(scalars[digits]) {
            position = digits + 1
            var minutes = position
            while minutes < span.upperBound, scalars[minutes].isDigit { minutes += 1 }
            if minutes > position, minutes < span.upperBound, scalars[minutes] == "分" { position = minutes + 1 }
        }
        for offset in 0...4 {
            let at = position + offset
            guard at < span.upperBound else { return false }
            for mark in ["消息", "讯", "电"] where hasAny([mark], at: at, in: span) {
                let after = at + mark.unicodeScalars.count
                if after >= span.upperBound || !scalars[after].isHan { return true }
            }
            guard scalars[at].isHan else { return false }
        }
        return false
    }

    /// `2018-01-14 13:16`: a page's timestamp, not the date of an act.
    private func isTimestamp(after index: Int, in span: Range<Int>) -> Bool {
        var position = index
        while position < span.upperBound, scalars[position] == " " { position += 1 }
        var digits = 0
        while position < span.upperBound, scalars[position].isDigit { digits += 1; position += 1 }
        return (1...2).contains(digits) && position < span.upperBound && scalars[position] == ":"
    }

    /// `自去年6月设立以来`, `从2018年起`: the start of a period, when 自/从 opens it and 以来/起 closes its clause.
    private func isSincePeriod(_ range: Range<Int>, in span: Range<Int>) -> Bool {
        guard range.lowerBound > span.lowerBound, ["自", "从"].contains(scalars[range.lowerBound - 1]) else { return false }
        var position = range.upperBound
        while position < span.upperBound, position - range.upperBound < 16, ![",", "。", ";"].contains(scalars[position]) {
            if hasAny(["以来", "至今"], at: position, in: span) { return true }
            position += 1
        }
        return false
    }

    /// `到2018年底，…全部启动`: where things stood by a year's or month's end, like 截至.
    private func isEndOfPeriod(_ range: Range<Int>, in span: Range<Int>) -> Bool {
        guard range.lowerBound > span.lowerBound, ["到", "至"].contains(scalars[range.lowerBound - 1]) else { return false }
        return ["底", "末"].contains(scalars[range.upperBound - 1])
    }

    /// `16日从…获悉`, `3日介绍`, `12日上午`: a bare day inside a clause that dates what follows.
    private func isActAfterDay(_ index: Int, in span: Range<Int>) -> Bool {
        // Wire copy puts the day after the actor: `园区10日与…签署`, `代表团24日到…考察`, `开发区30日承办了…`.
        hasAny(["上午", "下午", "晚上", "晚间", "早上", "凌晨", "从", "在", "于", "举行", "举办", "召开", "获悉", "介绍", "表示", "宣布", "电", "讯", "正式",
                "开幕", "闭幕", "揭幕", "与", "同", "到", "赴", "抵达", "前往", "来到", "走进", "签署", "签约", "开工", "竣工", "投产", "开业", "启动", "发布", "印发", "揭牌",
                "承办", "主办", "接待", "迎来"],
               at: index, in: span)
    }

    /// `5年来`, `3年内`, `2年半`: a span of years, not a year.
    private func isAge(_ index: Int, in span: Range<Int>) -> Bool {
        hasAny(["来", "内", "半", "多", "后", "间", "期", "以", "前", "级", "的", "左"], at: index, in: span)
    }

    private func isFollowedByNonDateNoun(_ index: Int, in span: Range<Int>) -> Bool {
        hasAny(["楼", "线", "院", "门", "地块", "文件", "令", "公告", "窗口", "厂房", "机组", "馆", "库", "车间", "仓"], at: index, in: span)
    }

    private func isListSeparator(_ index: Int) -> Bool {
        guard index >= 0, index < scalars.count else { return false }
        return ["、", ",", "和", "及"].contains(scalars[index])
    }

    func isClauseStart(_ index: Int, span: Range<Int>) -> Bool {
        var position = index
        // Allow a short preposition: 从/自/在/于/截至 2022年…
        for prefix in ["早在", "截至", "从", "自", "在", "于"] {
            let length = prefix.unicodeScalars.count
            if position - length >= span.lowerBound, hasAny([prefix], at: position - length, in: span) {
                position -= length
                break
            }
        }
        while position > span.lowerBound, scalars[position - 1] == " " || scalars[position - 1] == "◆" || scalars[position - 1] == "●" {
            position -= 1
        }
        if position == span.lowerBound { return true }
        return [",", "，", ";", ":", "、", "(", "“", "\""].contains(scalars[position - 1])
    }

    /// Words that say a place began to run (`封关运营`, `陆续投运`).
    static let runningWords = ["运营", "投运", "运行", "开业", "启用", "投产", "封关", "开通"]

    /// `2011年9月30日起正式封关运营`, `今年2月起，…陆续投运`: the day from which a
    /// place runs is the day it began to, not the start of a period.
    private func beginsRunning(after end: Int, in span: Range<Int>) -> Bool {
        guard hasAny(["起"], at: end, in: span), !hasAny(["起来", "起草"], at: end, in: span) else { return false }
        var position = end + 1
        while position < span.upperBound, ![";", "。"].contains(scalars[position]) {
            if hasAny(Self.runningWords, at: position, in: span) { return true }
            position += 1
        }
        return false
    }

    func hasAny(_ words: [String], at index: Int, in span: Range<Int>) -> Bool {
        guard index < span.upperBound else { return false }
        for word in words where word.unicodeScalars.first == scalars[index] {
            var position = index
            var matched = true
            for scalar in word.unicodeScalars {
                guard position < span.upperBound, scalars[position] == scalar else { matched = false; break }
                position += 1
            }
            if matched { return true }
        }
        return false
    }
}
