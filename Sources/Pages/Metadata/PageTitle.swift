/// Finds a page's headline: `<meta name="ArticleTitle">` (what Chinese
/// government CMSs write), `og:title`, the first `<h1>` outside the chrome,
/// then `<title>` without the site name it usually ends with.
enum PageTitle {
    static func find(document: MarkupElement, body: MarkupElement) -> String? {
        for (attribute, value) in [("name", "articletitle"), ("property", "og:title"), ("name", "og:title")] {
            if let title = MetaTags.content(in: document, attribute: attribute, value: value) { return title }
        }
        for heading in body.descendants(where: { $0.name == "h1" }) {
            let text = PlainTextRenderer.lines(of: heading).joined(separator: " ")
            if text.count >= 4 { return text }
        }
        guard let title = document.first(named: "title") else { return nil }
        return withoutSiteName(PlainTextRenderer.lines(of: title).joined(separator: " "))
    }

    /// How the name of a government or park site ends.
    static let siteNameEndings = ["政府", "管委会", "管理委员会", "网站", "门户网"]

    /// `园区召开会议_新闻动态_某市人民政府` → `园区召开会议`: the longest part
    /// with Chinese in it that is not the site's name, or the first part when
    /// none has any.
    static func withoutSiteName(_ title: String) -> String? {
        let separators: Set<Character> = ["_", "|", "—", "–", "｜", "-"]
        let parts = title.split(whereSeparator: { separators.contains($0) })
            .map { $0.trimming([" "]) }
            .filter { !$0.isEmpty }
        let chinese = parts.filter { $0.contains(where: \.isChinese) }
        let named = chinese.filter { part in !siteNameEndings.contains(where: part.hasSuffix) }
        if parts.count > 1, let title = named.max(by: { $0.count < $1.count }) { return title }
        return chinese.max(by: { $0.count < $1.count }) ?? parts.first
    }
}
