import Foundation

/// The article URLs a page points at: anchors on the page's own host whose
/// text reads like a headline (Chinese, five characters or more, not 更多 or
/// 下一页), resolved against `<base href>` or the page's URL. On a list page
/// they come from its main list, the box holding the most such anchors.
enum ArticleLinks {
    private static let notHeadlines = ["更多", "首页", "上一页", "下一页", "尾页", "末页", "返回", "打印", "关闭", "more"]
    private static let attachmentExtensions: Set<String> = [
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip", "rar", "7z", "jpg", "jpeg", "png", "gif", "wps", "ofd", "txt",
    ]
    private static let listBoxes: Set<String> = ["ul", "ol", "dl", "table", "tbody", "div", "section"]

    /// The URL relative links are resolved against: `<base href>` or the page's.
    static func base(of document: MarkupElement, url: URL) -> URL {
        guard let href = document.first(named: "base")?.attribute("href")?.trimmingQuotesAndSpaces(), !href.isEmpty,
              let base = URL(string: href, relativeTo: url)?.absoluteURL else { return url }
        return base
    }

    /// Headline links grouped by the nearest list-like box holding them, in
    /// document order within each box.
    static func groups(in body: MarkupElement, base: URL, page: URL) -> [[URL]] {
        var groups: [Int: [URL]] = [:]
        var order: [Int] = []
        var nextBox = 0
        func walk(_ element: MarkupElement, box: Int) {
            var box = box
            if listBoxes.contains(element.name) {
                nextBox += 1
                box = nextBox
            }
            if element.name == "a", let url = headlineURL(element, base: base, page: page) {
                if groups[box] == nil { order.append(box) }
                if groups[box]?.contains(url) != true { groups[box, default: []].append(url) }
                return
            }
            for child in element.elements { walk(child, box: box) }
        }
        walk(body, box: 0)
        return order.compactMap { groups[$0] }
    }

    /// The links of the box with the most headline links (the first on a tie).
    static func mainList(in body: MarkupElement, base: URL, page: URL) -> [URL] {
        groups(in: body, base: base, page: page).enumerated()
            .max { $0.element.count == $1.element.count ? $0.offset > $1.offset : $0.element.count < $1.element.count }?
            .element ?? []
    }

    /// Every headline link inside the given blocks (an article's own links).
    static func all(in blocks: [MarkupElement], base: URL, page: URL) -> [URL] {
        var links: [URL] = []
        for block in blocks {
            for anchor in block.descendants(where: { $0.name == "a" }) {
                if let url = headlineURL(anchor, base: base, page: page), !links.contains(url) { links.append(url) }
            }
        }
        return links
    }

    private static func headlineURL(_ anchor: MarkupElement, base: URL, page: URL) -> URL? {
        guard let href = anchor.attribute("href")?.trimmingQuotesAndSpaces(), !href.isEmpty, !href.hasPrefix("#") else { return nil }
        let lowered = href.lowercased()
        guard !lowered.hasPrefix("javascript:"), !lowered.hasPrefix("mailto:"), !lowered.hasPrefix("tel:") else { return nil }
        let text = PlainTextRenderer.lines(of: anchor).joined(separator: " ")
        let title = anchor.attribute("title") ?? ""
        let headline = text.count >= title.count ? text : title
        guard headline.count >= 5, headline.contains(where: \.isChinese),
              !notHeadlines.contains(where: { headline.lowercased().hasPrefix($0) }) else { return nil }
        guard let url = URL(string: href, relativeTo: base)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              sameSite(url, page) else { return nil }
        guard !attachmentExtensions.contains(url.pathExtension.lowercased()) else { return nil }
        var withoutFragment = URLComponents(url: url, resolvingAgainstBaseURL: false)
        withoutFragment?.fragment = nil
        guard let clean = withoutFragment?.url, clean != page else { return nil }
        return clean
    }

    /// Same host, `www.` aside.
    private static func sameSite(_ lhs: URL, _ rhs: URL) -> Bool {
        func host(_ url: URL) -> String? {
            guard let host = url.host?.lowercased() else { return nil }
            return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }
        return host(lhs) != nil && host(lhs) == host(rhs)
    }
}
