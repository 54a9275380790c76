/// The layout of a chronicle (大事记): lines that are only a date (`2017年`,
/// `【2007年】`, `1月`, `1.4`) head the lines below them until the next one.
///
/// A page with two or more such headings is a chronicle: its undated lines
/// take the heading's date, a year heading included (`2017年` over
/// `●新区成立行政审批服务局` is an act of 2017).
struct ChronicleLayout {
    let scalars: [Unicode.Scalar]
    let sentences: [Sentence]
    let scanner: TimeExpressionScanner
    /// Indexes of heading sentences.
    let headings: Set<Int>

    /// Two or more headings with different dates (a title repeated is not a chronicle).
    var isChronicle: Bool { distinctHeadings >= 2 }
    private let distinctHeadings: Int

    init(scalars: [Unicode.Scalar], sentences: [Sentence], scanner: TimeExpressionScanner) {
        self.scalars = scalars
        self.sentences = sentences
        self.scanner = scanner
        var headings: Set<Int> = []
        var texts: Set<String> = []
        var sawYear = false
        for (index, sentence) in sentences.enumerated() {
            let core = Self.core(of: sentence.range, scalars: scalars)
            guard !core.isEmpty else { continue }
            if let mention = Self.onlyMention(core, scanner: scanner) {
                if case let .calendar(year, _, _, _, _) = mention.kind, year != nil { sawYear = true }
                headings.insert(index)
                texts.insert(String(String.UnicodeScalarView(scalars[core])))
            } else if sawYear, Self.monthDot(core, scalars: scalars) != nil {
                headings.insert(index)
                texts.insert(String(String.UnicodeScalarView(scalars[core])))
            }
        }
        self.headings = headings
        self.distinctHeadings = texts.count
    }

    /// The date a heading line gives, resolved in reading order; `nil` for other lines.
    func heading(at index: Int, resolver: inout DateResolver) -> Extractor.DateGroup? {
        guard headings.contains(index) else { return nil }
        let core = Self.core(of: sentences[index].range, scalars: scalars)
        if let mention = Self.onlyMention(core, scanner: scanner), let date = resolver.resolve(mention) {
            resolver.setContext(date)
            return Extractor.DateGroup(dates: [(mention, date)], range: mention.range)
        }
        if let (month, day) = Self.monthDot(core, scalars: scalars), let year = resolver.referenceYear,
           CivilDate.isValid(year: year, month: month, day: day) {
            let date = EventDate.day(CivilDate(year: year, month: month, day: day))
            resolver.setContext(date)
            let mention = TimeMention(range: core, kind: .calendar(year: .absolute(year), month: month, day: day, part: nil, endDay: nil))
            return Extractor.DateGroup(dates: [(mention, date)], range: core)
        }
        return nil
    }

    /// The line without its decoration: brackets, bullets, a trailing colon.
    static func core(of range: Range<Int>, scalars: [Unicode.Scalar]) -> Range<Int> {
        let decoration: Set<Unicode.Scalar> = ["【", "】", "[", "]", "●", "◆", "■", "*", ":", " ", "(", ")", "〔", "〕", "|"]
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, decoration.contains(scalars[lower]) { lower += 1 }
        while upper > lower, decoration.contains(scalars[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The one time expression that makes up the whole line, if it does.
    private static func onlyMention(_ core: Range<Int>, scanner: TimeExpressionScanner) -> TimeMention? {
        guard core.count <= 12 else { return nil }
        let mentions = scanner.scan(core)
        guard mentions.count == 1, let mention = mentions.first, mention.range == core else { return nil }
        switch mention.kind {
        case .calendar: return mention
        default: return nil
        }
    }

    /// `1.4`: month and day of a chronicle's entry.
    private static func monthDot(_ core: Range<Int>, scalars: [Unicode.Scalar]) -> (Int, Int)? {
        let text = String(String.UnicodeScalarView(scalars[core]))
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
              let month = Int(parts[0]), let day = Int(parts[1]), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (month, day)
    }
}
