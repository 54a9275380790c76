/// Finds the day a page was published: the meta tags government CMSs and
/// news sites write (`PubDate`, `article:published_time`), `<time datetime>`,
/// `publishdate`, then a `发布时间：` / `发布日期：` line near the headline
/// (never a date in a footer or sidebar, which are gone before this runs).
enum PublishedDateFinder {
    static let labels = ["发布时间", "发布日期", "發布時間", "發布日期", "发稿时间", "发表时间", "成文日期", "时间", "日期"]

    /// How many lines after the headline the publication line may be.
    static let linesAfterTitle = 6

    static func find(document: MarkupElement, body: MarkupElement, title: String?) -> PublishedDate? {
        if let date = meta(document, "name", "pubdate") ?? meta(document, "property", "article:published_time") {
            return date
        }
        for time in body.descendants(where: { $0.name == "time" }) {
            if let date = time.attribute("datetime").flatMap(PublishedDate.init(parsing:)) { return date }
        }
        if let date = meta(document, "name", "publishdate") ?? meta(document, "name", "firstpublishedtime") {
            return date
        }
        return labelled(lines: PlainTextRenderer.lines(of: body), title: title)
    }

    private static func meta(_ document: MarkupElement, _ attribute: String, _ value: String) -> PublishedDate? {
        MetaTags.content(in: document, attribute: attribute, value: value).flatMap(PublishedDate.init(parsing:))
    }

    /// A labelled date on the lines around the headline, or near the top of
    /// the page when the headline is not found in its text.
    static func labelled(lines: [String], title: String?) -> PublishedDate? {
        let titleLine = title.flatMap { title in lines.firstIndex(where: { $0.contains(title) || (title.contains($0) && $0.count >= 4) }) }
        let window = titleLine.map { max(0, $0 - 2)..<min(lines.count, $0 + 1 + linesAfterTitle) } ?? 0..<min(lines.count, 30)
        for line in lines[window] {
            for label in labels {
                guard let found = line.firstRange(of: label) else { continue }
                let rest = line[found.upperBound...].drop(while: { $0 == "：" || $0 == ":" || $0 == " " })
                if rest.count < line[found.upperBound...].count || label.count > 2,
                   let date = PublishedDate(parsing: String(rest.prefix(24))) {
                    return date
                }
            }
        }
        return nil
    }
}
