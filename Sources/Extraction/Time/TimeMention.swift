/// A time expression as written, before it is resolved to dates.
struct TimeMention: Sendable, Equatable {
    enum YearSpec: Sendable, Equatable {
        case absolute(Int)
        /// 今年 0, 去年 -1, 前年 -2, 明年 +1 (relative to publication).
        case relative(Int)
        /// 当年: the year the account is in.
        case context
    }

    enum MonthPart: Sendable, Equatable {
        case early, middle, late
        var days: ClosedRange<Int> {
            switch self {
            case .early: return 1...10
            case .middle: return 11...20
            case .late: return 21...31
            }
        }
    }

    enum Kind: Sendable, Equatable {
        /// Any of year, month, day may be missing (`6月24日`, `27日`, `2022年`).
        case calendar(year: YearSpec?, month: Int?, day: Int?, part: MonthPart?, endDay: Int?)
        /// 上月 -1, 本月 0, 当月 (nil: the account's month); optional day.
        case relativeMonth(offset: Int?, day: Int?, part: MonthPart?)
        /// 今天 0, 昨天 -1, 前天 -2.
        case relativeDay(Int)
        /// 昨(18)日, 前(12)日, 今(2日): the latest day with this day of the month, at or
        /// before the dispatch's day.
        case recentDay(Int)
        /// 近日, 日前: recently (the publication month).
        case recent
        /// 上周 -1, 本周 0.
        case relativeWeek(Int)
        /// 上周五: a day (Monday 0 … Sunday 6) of the week `week` weeks from publication's.
        case weekday(week: Int, day: Int)
        case quarter(year: YearSpec?, quarter: Int)
        case half(year: YearSpec?, first: Bool)
        /// 同日, 当天 0; 次日, 翌日 +1; 此前一天 -1: days from the date just
        /// mentioned. 同月 (`monthOnly`): that date's month.
        case anaphoric(days: Int, monthOnly: Bool)
        /// 同期: at the time of the act just reported, however precisely it was dated.
        case samePeriod
    }

    var range: Range<Int>
    var kind: Kind
    /// Followed by 以来/起/开始: the start of a period, not the date of an event.
    var isPeriodStart: Bool = false
    /// Begins a clause (sentence start, after a comma, or after 从/自/在/于 there).
    var atClauseStart: Bool = false
    /// Followed by 讯 or 电 (`4月9日讯`, `3月23日电`): the dispatch's date, not an act's.
    var isDateline: Bool = false

    /// A year written as a number (`2016年`), not 去年 or 当年.
    var isAbsoluteYear: Bool {
        if case .calendar(.absolute?, _, _, _, _) = kind { return true }
        return false
    }
}
