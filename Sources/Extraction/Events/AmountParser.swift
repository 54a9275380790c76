/// Money amounts stated as investment (`总投资120亿元` → 12,000,000,000 yuan).
/// Output values, revenue and other figures are not investment and are left out.
public struct Amount: Sendable, Hashable, Codable {
    public init(value: Double, currency: String, text: String) {
        self.value = value
        self.currency = currency
        self.text = text
    }

    public var value: Double
    public var currency: String
    /// The text as written.
    public var text: String
}

struct AmountParser {
    let scalars: [Unicode.Scalar]

    func investments(in span: Range<Int>) -> [Amount] {
        var amounts: [Amount] = []
        var index = span.lowerBound
        while index < span.upperBound {
            guard matches("投资", at: index, span) else { index += 1; continue }
            var position = index + 2
            if matches("额", at: position, span) { position += 1 }
            if matches("约", at: position, span) || matches("超", at: position, span) || matches("达", at: position, span) { position += 1 }
            let numberStart = position
            while position < span.upperBound, scalars[position].isDigit || scalars[position] == "." { position += 1 }
            guard position > numberStart, let number = Double(String(String.UnicodeScalarView(scalars[numberStart..<position]))) else {
                index += 2
                continue
            }
            var multiplier = 1.0
            if matches("亿", at: position, span) { multiplier = 1e8; position += 1 }
            else if matches("万", at: position, span) { multiplier = 1e4; position += 1 }
            var currency = "CNY"
            if matches("美元", at: position, span) { currency = "USD"; position += 2 }
            else if matches("欧元", at: position, span) { currency = "EUR"; position += 2 }
            else if matches("元", at: position, span) { position += 1 }
            else { index = position; continue }
            let text = String(String.UnicodeScalarView(scalars[index..<position]))
            amounts.append(Amount(value: number * multiplier, currency: currency, text: text))
            index = position
        }
        return amounts
    }

    private func matches(_ word: String, at index: Int, _ span: Range<Int>) -> Bool {
        var position = index
        for scalar in word.unicodeScalars {
            guard position < span.upperBound, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }
}
