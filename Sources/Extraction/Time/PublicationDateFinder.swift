/// Finds the date a page says it was published (`发布时间:2023-03-30`,
/// `發布日期: 2023-08-09 10:47:17`, a bare `2023-08-09 10:47` header line).
struct PublicationDateFinder {
    static let labels = ["发布时间", "发布日期", "发表时间", "发稿时间", "发表日期", "更新时间", "日期"]

    let scalars: [Unicode.Scalar]

    func find(in sentences: [Sentence]) -> CivilDate? {
        let scanner = TimeExpressionScanner(scalars: scalars)
        for sentence in sentences.prefix(15) {
            let text = String(String.UnicodeScalarView(scalars[sentence.range]))
            for label in Self.labels {
                guard let labelRange = text.range(of: label + ":") ?? text.range(of: label + " :") else { continue }
                let offset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: labelRange.upperBound)
                let from = sentence.range.lowerBound + offset
                if let date = firstDay(scanner.scan(from..<sentence.range.upperBound)) { return date }
            }
            // A header line that is only a timestamp.
            if sentence.range.count <= 25, text.contains(":"), text.first?.isNumber == true,
               let date = firstDay(scanner.scan(sentence.range)) {
                return date
            }
        }
        return nil
    }

    private func firstDay(_ mentions: [TimeMention]) -> CivilDate? {
        for mention in mentions {
            if case let .calendar(.absolute(year)?, month?, day?, _, _) = mention.kind,
               CivilDate.isValid(year: year, month: month, day: day) {
                return CivilDate(year: year, month: month, day: day)
            }
        }
        return nil
    }
}
