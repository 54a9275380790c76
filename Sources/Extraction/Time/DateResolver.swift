/// Resolves time mentions to dates, in reading order, against the
/// publication date and the dates the text has already mentioned.
///
/// A state machine: each resolved mention may move the account's reference
/// year and month, which later partial dates (`9月`, `5月25日`, `27日`) take.
/// A year alone moves the reference only when it opens a clause (`2022年，…`),
/// so a passing mention (`在2004年落户`) does not drag later dates with it.
struct DateResolver {
    let published: CivilDate
    /// The day "today" means: the publication date, or the date of the event a
    /// transcript records (`时间：2023年3月29日` in its header).
    var today: CivilDate
    private(set) var referenceYear: Int?
    private(set) var referenceMonth: Int?
    private var lastInSentence: (year: Int, month: Int)?
    /// The last date an act was given (what 同月 refers to).
    private(set) var lastDate: EventDate?
    /// The last day an act was given (what 同日, 当天 and 次日 refer to).
    private(set) var lastDay: CivilDate?
    /// Full dates by their day of month: a later bare `21日` is the `7月21日` named before.
    private var daysNamed: [Int: CivilDate] = [:]
    /// The reference was set by a date inside a clause (`于2012年4月1日开园`): it
    /// dates that clause only, so it does not outlive its paragraph.
    private var referenceIsIncidental = false

    init(published: CivilDate) {
        self.published = published
        self.today = published
    }

    mutating func startSentence() {
        lastInSentence = nil
    }

    /// A new paragraph: an incidental reference (a past date inside a clause) ends here.
    mutating func startParagraph() {
        if referenceIsIncidental {
            referenceYear = nil
            referenceMonth = nil
            referenceIsIncidental = false
        }
    }

    /// The date of `mention`, updating the context. `nil` when it cannot be a date.
    mutating func resolve(_ mention: TimeMention) -> EventDate? {
        guard var date = compute(mention) else { return nil }
        if mention.isDateline {
            // A dispatch is dated near its publication, whatever year the title speaks of
            // (`两江新区2020年GDP增长7%` over `1月29日9时讯`).
            if case let .calendar(nil, month?, day?, _, _) = mention.kind {
                let year = month > published.month ? published.year - 1 : published.year
                if CivilDate.isValid(year: year, month: month, day: day) { date = .day(CivilDate(year: year, month: month, day: day)) }
            }
            // A dispatch's date: "today" in its body is this day, and a bare `21日` after it
            // is a day of its month; it dates no act by itself.
            if date.precision == .day { today = date.lower }
            if date.precision <= .month { lastInSentence = (date.lower.year, date.lower.month) }
            return date
        }
        // The start of a period (`自去年6月设立以来`, `截至2018年底`) frames a state, not the account.
        guard !mention.isPeriodStart else { return date }
        remember(mention, date)
        if date.precision <= .month { lastDate = date }
        if date.precision == .day {
            lastDay = date.lower
            if case .calendar(_, .some, .some, _, _) = mention.kind { daysNamed[date.lower.day] = date.lower }
        }
        return date
    }

    /// A year or month in the page's title (`青川开发区2021年大事记`, `2023年5月工作动态`) frames the
    /// account when nothing has yet.
    mutating func adoptTitleDate(_ date: EventDate) {
        guard referenceYear == nil || referenceYear == date.lower.year else { return }
        referenceYear = date.lower.year
        if date.precision == .month, referenceMonth == nil { referenceMonth = date.lower.month }
    }

    /// Sets the date later anaphora refer to (a chronicle's heading).
    mutating func setContext(_ date: EventDate) {
        lastDate = date
        if date.precision == .day { lastDay = date.lower }
        referenceIsIncidental = false
        referenceYear = date.lower.year
        referenceMonth = date.precision <= .month ? date.lower.month : nil
    }

    private func year(_ spec: TimeMention.YearSpec?) -> Int {
        switch spec {
        case let .absolute(year)?: return year
        case let .relative(offset)?: return published.year + offset
        case .context?: return referenceYear ?? published.year
        case nil: return referenceYear ?? published.year
        }
    }

    private func compute(_ mention: TimeMention) -> EventDate? {
        switch mention.kind {
        case let .calendar(yearSpec, month, day, part, endDay):
            if month == nil, day == nil {
                guard let yearSpec else { return nil }
                return .year(year(yearSpec))
            }
            if let month {
                var resolvedYear = year(yearSpec)
                // No year anywhere yet: a month after publication is last year's, but for the
                // next month, which the page speaks of as still to come (`8月5日预验收` in July).
                if yearSpec == nil, referenceYear == nil, month > published.month, month != published.month + 1 {
                    resolvedYear = published.year - 1
                }
                if let day {
                    guard CivilDate.isValid(year: resolvedYear, month: month, day: day) else { return nil }
                    let lower = CivilDate(year: resolvedYear, month: month, day: day)
                    let upper = endDay.flatMap { CivilDate.isValid(year: resolvedYear, month: month, day: $0) ? CivilDate(year: resolvedYear, month: month, day: $0) : nil } ?? lower
                    return EventDate(precision: .day, lower: lower, upper: upper)
                }
                return .month(resolvedYear, month, days: part?.days)
            }
            // A bare day: the month of the previous date in this sentence (a list), else the
            // full date named before with that day (`7月21日` … `21日开工的`), else the account's.
            guard let day else { return nil }
            if lastInSentence == nil, let named = daysNamed[day] { return .day(named) }
            let (y, m) = lastInSentence ?? (referenceYear ?? published.year, referenceMonth ?? published.month)
            guard CivilDate.isValid(year: y, month: m, day: day) else { return nil }
            return .day(CivilDate(year: y, month: m, day: day))
        case let .relativeMonth(offset, day, part):
            var y = published.year
            var m = published.month
            if let offset {
                m += offset
                while m < 1 { m += 12; y -= 1 }
                while m > 12 { m -= 12; y += 1 }
            } else {
                y = referenceYear ?? y
                m = referenceMonth ?? m
            }
            if let day {
                guard CivilDate.isValid(year: y, month: m, day: day) else { return nil }
                return .day(CivilDate(year: y, month: m, day: day))
            }
            return .month(y, m, days: part?.days)
        case let .relativeDay(offset):
            return .day(today.adding(days: offset))
        case let .recentDay(day):
            var (y, m) = (today.year, today.month)
            if day > today.day {
                m -= 1
                if m < 1 { m = 12; y -= 1 }
            }
            guard CivilDate.isValid(year: y, month: m, day: day) else { return nil }
            return .day(CivilDate(year: y, month: m, day: day))
        case .recent:
            let start = CivilDate(year: published.year, month: published.month, day: 1)
            return EventDate(precision: .month, lower: start, upper: published)
        case let .relativeWeek(offset):
            let monday = published.adding(days: -published.weekday + 7 * offset)
            return EventDate(precision: .week, lower: monday, upper: monday.adding(days: 6))
        case let .weekday(week, day):
            return .day(published.adding(days: -published.weekday + 7 * week + day))
        case let .quarter(spec, quarter):
            return .quarter(year(spec), quarter)
        case let .half(spec, first):
            return .half(year(spec), first: first)
        case .samePeriod:
            return lastDate ?? .day(today)
        case let .anaphoric(days, monthOnly):
            if monthOnly {
                guard let lastDate else { return nil }
                return .month(lastDate.lower.year, lastDate.lower.month)
            }
            guard let lastDay else { return days == 0 ? .day(today) : nil }
            return .day(lastDay.adding(days: days))
        }
    }

    private mutating func remember(_ mention: TimeMention, _ date: EventDate) {
        switch mention.kind {
        case let .calendar(yearSpec, month, _, _, _):
            if month == nil {
                // A year alone: only when it opens a clause, and not a period start ("自2022年起").
                // The same year again keeps the month the account is in.
                if mention.atClauseStart || yearSpec != nil && isRelative(yearSpec), referenceYear != date.lower.year {
                    referenceYear = date.lower.year
                    referenceMonth = nil
                    referenceIsIncidental = false
                }
                return
            }
            referenceYear = date.lower.year
            referenceMonth = date.lower.month
            // A past full date inside a clause (`于2012年4月1日开园`) dates that clause only.
            referenceIsIncidental = !mention.atClauseStart && yearSpec != nil && date.lower.year != published.year
        case .relativeMonth, .relativeDay, .recentDay, .recent, .relativeWeek, .weekday:
            referenceYear = date.lower.year
            referenceMonth = date.lower.month
            referenceIsIncidental = false
        case .quarter, .half:
            referenceYear = date.lower.year
        case .anaphoric, .samePeriod:
            referenceYear = date.lower.year
            referenceMonth = date.lower.month
        }
        if date.precision <= .month {
            lastInSentence = (date.lower.year, date.lower.month)
        }
    }

    private func isRelative(_ spec: TimeMention.YearSpec?) -> Bool {
        if case .relative? = spec { return true }
        return false
    }
}
