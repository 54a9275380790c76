/// Reads `<meta>` tags: `<meta name="PubDate" content="…">` and the like.
enum MetaTags {
    /// The trimmed, non-empty `content` of the first `<meta>` whose `attribute`
    /// (`name`, `property`, `http-equiv`) equals `value`, ignoring case.
    static func content(in document: MarkupElement, attribute: String, value: String) -> String? {
        for meta in document.descendants(where: { $0.name == "meta" }) {
            guard meta.attribute(attribute)?.lowercased() == value,
                  let content = meta.attribute("content")?.trimmingQuotesAndSpaces(), !content.isEmpty else { continue }
            return content
        }
        return nil
    }
}
