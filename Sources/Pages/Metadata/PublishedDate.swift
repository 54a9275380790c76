/// The calendar day a page or feed item says it was published, as written
/// (no time zone conversion). Pages stays free of Extraction, so this is a
/// plain value: `CivilDate(iso: date.iso)` turns it into Extraction's date.
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
    public init?(parsing text: String) {
        let characters = Array(text.map(Self.halfWidth))
        if let date = Self.numeric(characters) ?? Self.rfc822(characters) {
            self = date
        } else {
            return nil
        }
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
                if let date = PublishedDate(year: year / 10_000, month: year / 100 % 100, day: year % 100) { return date }
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
            return date
        }
        return nil
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `10 May 2024`, the date part of RFC 822 (RSS `pubDate`).
    private static func rfc822(_ characters: [Character]) -> PublishedDate? {
        let words = String(characters).lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard words.count >= 3 else { return nil }
        for start in 0...(words.count - 3) {
            guard let day = Int(words[start]), let month = monthNames.firstIndex(of: String(words[start + 1].prefix(3))),
                  let year = Int(words[start + 2]) else { continue }
            if let date = PublishedDate(year: year < 100 ? 2000 + year : year, month: month + 1, day: day) { return date }
        }
        return nil
    }
}
