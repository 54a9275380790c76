/// The calendar day a page or feed item was published, in China (a date
/// written without a zone is taken as written). Pages stays free of
/// Extraction, so this is a plain value: `CivilDate(iso: date.iso)` turns it
/// into Extraction's date.
public struct PublishedDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// nil unless the day exists (no 2023-02-30) in years 1900–2199.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2199).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let days = switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
        guard day <= days else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The first date in the text, in any form Chinese pages and feeds write:
    /// `2024-05-10`, `2024-05-10 09:30`, `2024-05-10T09:30:00+08:00`,
    /// `2024/05/10`, `2024.5.10`, `2024年5月10日`, `20240510` and RFC 822's
    /// `Fri, 10 May 2024 09:30:00 +0800`. Full-width digits are read too.
    /// A time with a zone (`T20:00:00Z`, `20:00:00 GMT`) is moved to China's
    /// day (UTC+8), the day the park's own page would show.
    public init?(parsing text: String) {
        let characters = Array(text.map(Self.halfWidth))
        if let date = Self.numeric(characters) ?? Self.rfc822(characters) {
            self = date
        } else {
            return nil
        }
    }

    /// China's offset from UTC, in minutes.
    static let chinaOffset = 8 * 60

    /// The day before or after this one.
    func adding(days: Int) -> PublishedDate {
        guard days != 0 else { return self }
        if days > 0 {
            return PublishedDate(year: year, month: month, day: day + 1)
                ?? PublishedDate(year: year, month: month + 1, day: 1)
                ?? PublishedDate(year: year + 1, month: 1, day: 1)
                ?? self
        }
        if day > 1 { return PublishedDate(year: year, month: month, day: day - 1) ?? self }
        let (previousYear, previousMonth) = month == 1 ? (year - 1, 12) : (year, month - 1)
        return (28...31).reversed().lazy.compactMap { PublishedDate(year: previousYear, month: previousMonth, day: $0) }.first ?? self
    }

    /// The date moved to China's day when `words` (what follows the date)
    /// start with a time and a zone; unchanged otherwise.
    static func inChina(_ date: PublishedDate, followedBy words: [Substring]) -> PublishedDate {
        guard let timeWord = words.first else { return date }
        let clock = timeWord.split(separator: ":")
        guard clock.count >= 2, let hour = Int(clock[0]), let minute = Int(clock[1].prefix(2)) else { return date }
        // The zone is the next word, or glued to the time (`09:30:00Z`, `09:30:00+08:00`).
        let glued = timeWord.firstIndex(where: { $0 == "Z" || $0 == "z" || $0 == "+" || $0 == "-" }).map { timeWord[$0...] }
        guard let zone = glued ?? words.dropFirst().first, let offset = zoneOffset(zone) else { return date }
        let minutes = hour * 60 + minute - offset + chinaOffset
        let shift = minutes < 0 ? -1 : minutes >= 24 * 60 ? 1 : 0
        return date.adding(days: shift)
    }

    /// Minutes east of UTC: `Z`, `GMT`, `UTC`, `+0800`, `+08:00`, `-05`.
    static func zoneOffset(_ zone: Substring) -> Int? {
        let upper = zone.uppercased()
        if upper == "Z" || upper == "GMT" || upper == "UTC" || upper == "UT" { return 0 }
        guard let sign = upper.first, sign == "+" || sign == "-" else { return nil }
        let digits = upper.dropFirst().filter(\.isNumber)
        guard digits.count == 2 || digits.count == 4, let hours = Int(digits.prefix(2)), let minutes = Int(digits.dropFirst(2).isEmpty ? "0" : String(digits.dropFirst(2)))
        else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
    }

    /// The words after position `index`, split on spaces and a `T` between date and time.
    private static func words(after index: Int, in characters: [Character]) -> [Substring] {
        var rest = String(characters[min(index, characters.count)...])
        if rest.first == "T" || rest.first == "日" { rest.removeFirst() }
        return rest.split(separator: " ").prefix(2).map { $0 }
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    public var description: String { iso }

    public static func < (lhs: PublishedDate, rhs: PublishedDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func halfWidth(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, (0xFF10...0xFF19).contains(scalar.value),
              let ascii = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) else { return character }
        return Character(ascii)
    }

    /// A run of digits starting at `index` (not preceded by a digit).
    private static func number(in characters: [Character], at index: Int, maxLength: Int) -> (value: Int, end: Int)? {
        var end = index
        while end < characters.count, end - index < maxLength, characters[end].isASCII, characters[end].isNumber { end += 1 }
        guard end > index else { return nil }
        return (Int(String(characters[index..<end]))!, end)
    }

    private static func numeric(_ characters: [Character]) -> PublishedDate? {
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard characters[index].isASCII, characters[index].isNumber,
                  index == 0 || !(characters[index - 1].isASCII && characters[index - 1].isNumber),
                  let (year, afterYear) = number(in: characters, at: index, maxLength: 8)
            else { continue }
            if afterYear - index == 8 {
                if let date = PublishedDate(year: year / 10_000, month: year / 100 % 100, day: year % 100) {
                    return inChina(date, followedBy: words(after: afterYear, in: characters))
                }
                continue
            }
            guard afterYear - index == 4, afterYear < characters.count else { continue }
            let separator = characters[afterYear]
            let daySeparator: Character
            switch separator {
            case "-", "/", ".": daySeparator = separator
            case "年": daySeparator = "月"
            default: continue
            }
            var at = afterYear + 1
            while at < characters.count, characters[at] == " " { at += 1 }
            guard let (month, afterMonth) = number(in: characters, at: at, maxLength: 2),
                  afterMonth < characters.count, characters[afterMonth] == daySeparator else { continue }
            at = afterMonth + 1
            while at < characters.count, characters[at] == " " { at += 1 }
            guard let (day, afterDay) = number(in: characters, at: at, maxLength: 2),
                  afterDay == characters.count || !(characters[afterDay].isASCII && characters[afterDay].isNumber),
                  let date = PublishedDate(year: year, month: month, day: day) else { continue }
            return inChina(date, followedBy: words(after: afterDay, in: characters))
        }
        return nil
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `10 May 2024`, the date part of RFC 822 (RSS `pubDate`).
    private static func rfc822(_ characters: [Character]) -> PublishedDate? {
        let words = String(characters).split(whereSeparator: { $0 == " " || $0 == "," })
        guard words.count >= 3 else { return nil }
        for start in 0...(words.count - 3) {
            guard let day = Int(words[start]), let month = monthNames.firstIndex(of: words[start + 1].prefix(3).lowercased()),
                  let year = Int(words[start + 2]) else { continue }
            if let date = PublishedDate(year: year < 100 ? 2000 + year : year, month: month + 1, day: day) {
                return inChina(date, followedBy: Array(words.dropFirst(start + 3).prefix(2)))
            }
        }
        return nil
    }
}
