/// What surrounds an article on a page (menus, headers, sidebars, footers,
/// scripts, forms, hidden parts) and how to recognise it, so it is removed
/// before anything is scored or read.
enum PageChrome {
    /// Elements that never hold the article.
    static let tags: Set<String> = [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe",
        "object", "embed", "svg", "canvas", "select", "button", "input", "textarea", "head", "link", "meta",
    ]

    /// Words in a class or id that mark chrome on Chinese CMS pages
    /// (`xgxw` 相关新闻, `dqwz` 当前位置, `fxd` 分享到) as well as English ones.
    /// Not `left` or `right`: government layouts put the article in either column.
    static let unlikelyWords = [
        "sidebar", "side-bar", "breadcrumb", "crumb", "footer", "foot", "header", "head-", "menu", "nav",
        "related", "relate", "recommend", "share", "social", "comment", "banner", "advert", "ad-", "pager",
        "pagination", "copyright", "toolbar", "tools", "search", "login", "popup", "modal", "friendlink",
        "links", "hidden", "xgxw", "xgwz", "xglj", "dqwz", "position", "location", "fxd", "bottom", "top-", "print",
    ]

    /// Words that keep an element despite an unlikely word (`main-content`, `article-left`).
    static let likelyWords = ["article", "content", "main", "body", "text", "detail", "zoom", "trs_editor", "news_con", "wenzhang", "zw"]

    /// Whether the element is chrome by its tag, by being hidden, or by its class and id.
    /// - Parameter insideArticle: below an `<article>`, where `<header>` holds
    ///   the headline and the publication line, and `<footer>` the editor.
    static func isChrome(_ element: MarkupElement, insideArticle: Bool = false) -> Bool {
        if isHidden(element) { return true }
        if insideArticle, element.name == "header" || element.name == "footer" { return false }
        if tags.contains(element.name) { return true }
        // ASP.NET pages wrap the whole page, article included, in one form.
        if element.name == "form" { return element.descendants(where: { $0.name == "p" }).count < 2 }
        guard element.name != "body", element.name != "html", element.name != "article", element.name != "main" else { return false }
        let marks = ((element.attribute("class") ?? "") + " " + (element.attribute("id") ?? "")).lowercased()
        guard marks.count > 1 else { return false }
        return unlikelyWords.contains(where: marks.contains) && !likelyWords.contains(where: marks.contains)
    }

    static func isHidden(_ element: MarkupElement) -> Bool {
        if element.attributes["hidden"] != nil || element.attribute("aria-hidden") == "true" { return true }
        guard let style = element.attribute("style")?.lowercased() else { return false }
        let compact = style.filter { !$0.isWhitespace }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    /// The element without its chrome.
    static func removed(from element: MarkupElement, insideArticle: Bool = false) -> MarkupElement {
        var copy = element
        let inside = insideArticle || element.name == "article"
        copy.children = element.children.compactMap { child in
            guard case let .element(child) = child else { return child }
            return isChrome(child, insideArticle: inside) ? nil : .element(removed(from: child, insideArticle: inside))
        }
        return copy
    }
}
