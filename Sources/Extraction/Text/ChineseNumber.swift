/// Numbers written with Arabic digits or Chinese numerals (一 … 十, 〇/零, 两, 廿, 卅).
enum ChineseNumber {
    static let digits: [Unicode.Scalar: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
        "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
        // Zero as typed in the wild: `二OO六年`, `二○○六年`.
        "O": 0, "○": 0,
    ]

    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isDigit || digits[scalar] != nil || scalar == "十" || scalar == "廿" || scalar == "卅"
    }

    /// The value of a run such as `2022`, `二〇二二`, `十一`, `二十七`, `廿四`.
    static func value(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        guard !scalars.isEmpty else { return nil }
        if scalars.allSatisfy(\.isDigit) {
            var result = 0
            for scalar in scalars {
                result = result * 10 + Int(scalar.value - 48)
                if result > 1_000_000 { return nil }
            }
            return result
        }
        // Positional (二〇二二) when there is no 十.
        if !scalars.contains("十") && !scalars.contains("廿") && !scalars.contains("卅") {
            var result = 0
            for scalar in scalars {
                guard let digit = digits[scalar] ?? (scalar.isDigit ? Int(scalar.value - 48) : nil) else { return nil }
                result = result * 10 + digit
            }
            return result
        }
        // 十, 十一, 二十, 二十七, 廿四, 卅一
        var tens = 0
        var units = 0
        var seenTen = false
        for scalar in scalars {
            switch scalar {
            case "十":
                guard !seenTen else { return nil }
                tens = units == 0 ? 1 : units
                units = 0
                seenTen = true
            case "廿":
                guard !seenTen else { return nil }
                tens = 2; seenTen = true
            case "卅":
                guard !seenTen else { return nil }
                tens = 3; seenTen = true
            default:
                guard let digit = digits[scalar] else { return nil }
                units = digit
            }
        }
        return tens * 10 + units
    }
}
