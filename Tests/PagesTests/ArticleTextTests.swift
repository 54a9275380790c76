import Foundation
import Pages
import Testing

/// The article's text: chrome gone, paragraphs on their own lines, data
/// tables one row per line.
@Suite struct ArticleTextTests {
    static let url = URL(string: "https://www.binhu.example.gov.cn/yqdt/202405/t20240510_12.html")!
    static let chromeDates = ["2023-04-01", "2023-03-15", "2023-02-28", "2023-01-20", "2021-07-15", "2022-01-01",
                              "2020-01-01", "2017-09-09", "2019-03-03", "2018-08-08", "2024-05-09", "2015-2024", "2024年6月1日"]

    private func read(_ html: String, url: URL = Self.url) throws -> ReadPage {
        try PageReader.read(Array(html.utf8), url: url, contentType: "text/html")
    }

    @Test func noDateFromTheChromeReachesTheText() throws {
        let page = try read(CMSPages.article)
        for date in Self.chromeDates {
            #expect(!page.text.contains(date), "\(date) leaked into: \(page.text)")
        }
        #expect(!page.text.contains("相关新闻"))
        #expect(!page.text.contains("当前位置"))
        #expect(!page.text.contains("分享到"))
        #expect(page.kind == .article)
    }

    @Test func paragraphsAndLineBreaksStayOnSeparateLines() throws {
        let page = try read(CMSPages.article)
        #expect(page.text.split(separator: "\n") == [
            "5月9日上午，滨湖科创园新材料中试基地正式投入使用，首批六家企业的试验线同日开机运行。",
            "该基地总建筑面积约三万平方米，由园区平台公司于2022年11月开工建设，2023年12月完成竣工验收。",
            "据介绍，基地将为入驻企业提供检测、放大试验和小批量生产等服务，预计年内再引进十家以上企业。",
            "联系电话：0510-12345678",
        ])
    }

    @Test func anUnmarkedSidebarOfDatedLinksIsLeftOutByItsLinkDensity() throws {
        let page = try read(CMSPages.tableLayout)
        for date in ["2023-04-01", "2023-03-18", "2023-03-02", "2023-02-11", "2024-02-02", "2012-2024"] {
            #expect(!page.text.contains(date), "\(date) leaked into: \(page.text)")
        }
        #expect(!page.text.contains("网站首页"))
    }

    @Test func aDataTableBecomesOneLinePerRowWithCellsJoinedByBars() throws {
        let page = try read(CMSPages.tableLayout)
        #expect(page.text.split(separator: "\n") == [
            "现将园区二〇二三年度重要事项整理如下，供各部门参考。",
            "时间 | 事项",
            "2023年3月 | 园区二期标准厂房开工建设，规划用地约两百亩。",
            "2023年7月 | 园区获评省级特色产业园区，新增入驻企业十二家。",
            "2023年11月 | 园区污水处理厂扩建工程通过验收，日处理能力翻番。",
            "以上内容如有疏漏，请与园区办公室联系更正。",
        ])
    }

    @Test func aRelatedNewsListInsideTheArticleBoxIsRemoved() throws {
        let page = try read("""
            <html><body><div class="article">
            <p>园区今年新建的人才公寓已经交付，首批两百套房源面向入驻企业员工配租。</p>
            <p>公寓配有食堂、健身房和图书室，租金按市场价格的七成收取。</p>
            <div><b>相关阅读</b><ul>
            <li><a href="/a/1.html">园区人才公寓项目开工建设</a> 2022-09-01</li>
            <li><a href="/a/2.html">园区发布人才安居若干措施</a> 2022-07-12</li>
            </ul></div>
            </div></body></html>
            """)
        #expect(page.text == """
            园区今年新建的人才公寓已经交付，首批两百套房源面向入驻企业员工配租。
            公寓配有食堂、健身房和图书室，租金按市场价格的七成收取。
            """)
    }

    @Test func anArticlesOwnLinksAreItsLinks() throws {
        let page = try read("""
            <html><body><div id="zoom">
            <p>根据<a href="/zcwj/202403/t20240301_7.html">园区企业扶持办法实施细则</a>，今年一季度共有二十三家企业获得补贴，合计金额四百余万元。</p>
            <p>申报材料请在园区政务服务大厅提交，咨询电话见附件。</p>
            </div></body></html>
            """)
        #expect(page.links == [URL(string: "https://www.binhu.example.gov.cn/zcwj/202403/t20240301_7.html")!])
    }
}

/// Pages whose markup is unusual or hostile.
@Suite struct UnusualMarkupTests {
    @Test func linesSplitByBreaksAndListItemsStaySeparate() throws {
        let page = try PageReader.read(Array("""
            <html><body><div id="zoom">园区今年重点推进以下三项工作：<br>
            一、完成二期道路和管网建设，年底前具备通车条件；<br><br>
            二、新建一座变电站，保障新入驻企业的用电需求；
            <ul><li>三、建成企业服务中心，提供一站式审批服务。</li><li>以上工作由园区建设局牵头落实。</li></ul></div></body></html>
            """.utf8), url: ArticleTextTests.url)
        #expect(page.text.split(separator: "\n") == [
            "园区今年重点推进以下三项工作：",
            "一、完成二期道路和管网建设，年底前具备通车条件；",
            "二、新建一座变电站，保障新入驻企业的用电需求；",
            "三、建成企业服务中心，提供一站式审批服务。",
            "以上工作由园区建设局牵头落实。",
        ])
    }

    @Test func deeplyNestedMarkupIsReadWithoutExhaustingTheStack() throws {
        let depth = 20_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>园区新闻，内容很短。</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        _ = try PageReader.read(Array(html.utf8), url: ArticleTextTests.url)
        let xml = "<rss><channel>" + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth) + "</channel></rss>"
        _ = try Feed(bytes: Array(xml.utf8), url: ArticleTextTests.url)
    }

    @Test func brokenMarkupIsRepaired() throws {
        let page = try PageReader.read(Array("""
            <html><body><div class="content"><p>园区新建的创新大厦主体结构封顶，<b>预计明年投入使用。<p>大厦共二十八层，将引进研发、设计和检测类企业。</div>
            """.utf8), url: ArticleTextTests.url)
        #expect(page.text == "园区新建的创新大厦主体结构封顶，预计明年投入使用。\n大厦共二十八层，将引进研发、设计和检测类企业。")
    }
}

extension UnusualMarkupTests {
    @Test func aTwoColumnLayoutTableIsNotReadAsDataRows() throws {
        let page = try PageReader.read(Array("""
            <html><head><title>园区新建三座标准厂房_某园区</title></head><body><table><tr>
            <td><ul><li><a href="/a/1.html">2023-05-05 园区召开安全生产会议</a></li><li><a href="/a/2.html">2023-04-04 园区举办招聘活动</a></li></ul></td>
            <td><h2>园区新建三座标准厂房</h2><div>发布日期：2024-05-10</div>
            <p>园区新建的三座标准厂房本月完工，总面积四万平方米，已有五家企业签约入驻。</p>
            <p>厂房按照高标准建设，配套了货运电梯和污水预处理设施。</p></td>
            </tr></table></body></html>
            """.utf8), url: ArticleTextTests.url)
        #expect(page.published?.iso == "2024-05-10")
        // The headline and publication line share the article's cell, so they stay; the sidebar cell does not.
        #expect(page.text.split(separator: "\n") == [
            "园区新建三座标准厂房",
            "发布日期：2024-05-10",
            "园区新建的三座标准厂房本月完工，总面积四万平方米，已有五家企业签约入驻。",
            "厂房按照高标准建设，配套了货运电梯和污水预处理设施。",
        ])
    }
}
