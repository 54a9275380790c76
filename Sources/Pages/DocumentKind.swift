import Foundation

/// What fetched bytes are: an HTML page or an RSS/Atom feed. Decided from the
/// first bytes (servers often send feeds as `text/html` or `text/xml`), then
/// from the `Content-Type` header.
public enum DocumentKind: String, Sendable, Hashable {
    case html
    case feed

    /// How far into the bytes the markers are looked for.
    static let sniffWindow = 2048

    /// The kind of the bytes fetched from `url`.
    /// - Throws: `PageError` (`.empty`, `.notPageOrFeed`) when they are neither.
    public static func of(_ bytes: [UInt8], url: URL, contentType: String? = nil) throws(PageError) -> DocumentKind {
        let head = bytes.prefix(sniffWindow).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        guard head.contains(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) else {
            throw PageError(url: url, reason: .empty)
        }
        func has(_ marker: String) -> Bool { head.firstRange(of: Array(marker.utf8)) != nil }
        let start = head.drop(while: { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) })

        if has("<rss") || has("<feed") || has("<rdf:rdf"), !has("<html") { return .feed }
        if has("<html") || has("<!doctype html") || has("<head") || has("<body") { return .html }
        let mime = contentType?.split(separator: ";").first?.trimmingQuotesAndSpaces().lowercased() ?? ""
        if start.first == UInt8(ascii: "<"), mime == "text/html" || mime == "application/xhtml+xml" || mime.isEmpty {
            // A fragment (`<div>…`) served as HTML, or with no type at all.
            if !start.starts(with: Array("<?xml".utf8)) { return .html }
        }
        throw PageError(url: url, reason: .notPageOrFeed(contentType: contentType))
    }
}
