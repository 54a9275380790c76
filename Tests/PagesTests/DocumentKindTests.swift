import Foundation
import Pages
import Testing

/// Telling pages from feeds from neither, and errors that say what to do.
@Suite struct DocumentKindTests {
    static let url = URL(string: "https://www.gaoxin.example.gov.cn/file/1")!

    @Test func htmlAndFeedsAreToldApartByTheirBytes() throws {
        #expect(try DocumentKind.of(Array(CMSPages.article.utf8), url: Self.url) == .html)
        #expect(try DocumentKind.of(Array(FeedTests.rss.utf8), url: Self.url, contentType: "text/html") == .feed)
        #expect(try DocumentKind.of(Array(FeedTests.atom.utf8), url: Self.url, contentType: "text/xml") == .feed)
        #expect(try DocumentKind.of(Array("<div><p>园区新闻</p></div>".utf8), url: Self.url, contentType: "text/html") == .html)
    }

    @Test func aPDFIsNeitherAndTheErrorNamesTheURL() {
        let pdf = Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8)
        #expect {
            try DocumentKind.of(pdf, url: Self.url, contentType: "application/pdf")
        } throws: { error in
            guard let error = error as? PageError else { return false }
            return error.reason == .notPageOrFeed(contentType: "application/pdf")
                && error.description.contains(Self.url.absoluteString)
                && error.description.contains("application/pdf")
        }
    }

    @Test func aSitemapIsNotAFeed() {
        let sitemap = Array("<?xml version=\"1.0\"?><urlset><url><loc>https://a.example/</loc></url></urlset>".utf8)
        #expect(throws: PageError(url: Self.url, reason: .notPageOrFeed(contentType: "application/xml"))) {
            try DocumentKind.of(sitemap, url: Self.url, contentType: "application/xml")
        }
    }

    @Test func emptyBytesAreReportedAsEmpty() {
        #expect(throws: PageError(url: Self.url, reason: .empty)) {
            try PageReader.read(Array(" \n ".utf8), url: Self.url)
        }
    }

    @Test func eachReaderPointsToTheOtherWhenHandedTheWrongKind() {
        #expect(throws: PageError(url: Self.url, reason: .isFeed)) {
            try PageReader.read(Array(FeedTests.rss.utf8), url: Self.url)
        }
        #expect(throws: PageError(url: Self.url, reason: .isPage)) {
            try Feed(bytes: Array(CMSPages.article.utf8), url: Self.url)
        }
        #expect(PageError(url: Self.url, reason: .isFeed).description.contains("Feed(bytes:url:contentType:)"))
    }
}
