/// Finds the date a page says it was published (`发布时间:2023-03-30`,
/// `發布日期: 2023-08-09 10:47:17`, a bare `2023-08-09 10:47` header line).
struct PublicationDateFinder {
    static let labels = ["发布时间", "发布日期", "发表时间", "发稿时间", "发表日期", "更新时间", "日期"]

    static let labelScalars = labels.map { Array($0.unicodeScalars) }

    let scalars: [Unicode.Scalar]

    func find(in sentences: [Sentence]) -> CivilDate? {
        let scanner = TimeExpressionScanner(scalars: scalars)
        for sentence in sentences.prefix(15) {
            let line = scalars[sentence.range]
            for label in Self.labelScalars {
                guard let at = line.firstIndex(of: label + [":"]).map({ $0 + label.count + 1 })
                        ?? line.firstIndex(of: label + [" ", ":"]).map({ $0 + label.count + 2 }) else { continue }
                if let date = firstDay(scanner.scan(at..<sentence.range.upperBound)) { return date }
            }
            let text = String(String.UnicodeScalarView(line))
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
