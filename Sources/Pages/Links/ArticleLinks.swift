import Foundation

/// The article URLs a page points at: anchors on the page's own host whose
/// text reads like a headline (Chinese, five characters or more, not 更多 or
/// 下一页), resolved against `<base href>` or the page's URL. On a list page
/// they come from its main list.
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

    /// A box is the main list when it holds at least this share of the
    /// headline links of the box holding most (so the list wins over the
    /// page wrapping it, but not over a sibling list as large as itself).
    static let mainListShare = 0.8

    /// The links of the page's main list: among the boxes holding nearly as
    /// many headline links as the box holding most, the innermost. Each
    /// headline may sit in its own `<div class="item">`; the list is the box
    /// around them.
    static func mainList(in body: MarkupElement, base: URL, page: URL) -> [URL] {
        var boxes: [(depth: Int, links: [URL])] = []
        @discardableResult
        func walk(_ element: MarkupElement, depth: Int) -> [URL] {
            if element.name == "a" {
                return headlineURL(element, base: base, page: page).map { [$0] } ?? []
            }
            var links: [URL] = []
            for child in element.elements {
                for url in walk(child, depth: depth + 1) where !links.contains(url) { links.append(url) }
            }
            if listBoxes.contains(element.name) || element.name == "body" { boxes.append((depth, links)) }
            return links
        }
        walk(body, depth: 0)
        guard let most = boxes.map(\.links.count).max(), most > 0 else { return [] }
        let threshold = Int((Double(most) * mainListShare).rounded(.up))
        return boxes.filter { $0.links.count >= threshold }.max { $0.depth < $1.depth }?.links ?? []
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
