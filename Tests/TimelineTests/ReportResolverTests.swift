import Foundation
import Testing
@testable import Timeline
import TimelineEvents

/// The resolver's rules, one decision at a time (no database).
struct ReportResolverTests {
    static let park = ParkPayload(id: "hefei-hitech", name: "合肥高新技术产业开发区", aliases: ["合肥高新区"], city: "合肥")

    static func report(_ type: String, _ date: String, title: String, evidence: String, subjects: [String] = [],
                       park: ParkPayload = park, document: String = UUID().uuidString) -> TimelineEventPayload {
        let month = date.count == 7
        return TimelineEventPayload(
            eventId: UUID(), type: type, date: date, precision: month ? "month" : "day",
            lower: month ? date + "-01" : date, upper: month ? date + "-30" : date, expression: nil, park: park, title: title,
            evidence: evidence, subjects: subjects, amounts: [], source: .init(document: document, documentHash: document))
    }

    let resolver = ReportResolver()

    /// An event's quotations are read report by report: a mark one report
    /// leaves open (an excerpt cut short) does not swallow the name the next
    /// report quotes, as it did when all reports were read as one text.
    @Test func aQuotationLeftOpenInOneReportHidesNoNameOfTheNext() {
        let first = Self.report("signing", "2023-09-14", title: "合肥高新区签约一批项目",
                                evidence: "2023年9月14日，合肥高新区签约一批项目，涵盖“数字经济等领域。")
        let second = Self.report("signing", "2023-09-14", title: "云海算力中心项目签约",
                                 evidence: "“云海算力中心”项目落户合肥高新区。")
        let event = first.merging(second)
        let later = Self.report("signing", "2023-09-14",
                                title: "数字经济再添重大项目：“云海算力中心”今日正式签约落户，总投资达五十亿元",
                                evidence: "记者从合肥高新区获悉，“云海算力中心”今日正式签约落户，总投资达五十亿元。")
        #expect(resolver.match(later, among: [event])?.rule == "same-name")
    }

    /// An act told once more is read from the side it had with the new
    /// report added: names, companies, text and the rules' answers are those
    /// of the side read whole; the same reports are the same side; a report
    /// changed since (a correction) reads it whole again.
    @Test func aSideWithOneMoreReportIsTheSideReadWhole() {
        let first = Self.report("signing", "2023-09-14", title: "合肥高新区与芯跃半导体装备有限公司签约",
                                evidence: "2023年9月14日，合肥高新区与芯跃半导体装备有限公司签署投资合作协议。", subjects: ["芯跃半导体装备有限公司"])
        let second = Self.report("signing", "2023-09-14", title: "芯跃装备项目落户合肥高新区",
                                 evidence: "芯跃装备与“星港科技”共同投资的项目落户合肥高新区。", subjects: ["芯跃装备", "合肥星港科技有限公司"])
        let third = Self.report("signing", "2023-09", title: "星港科技二期项目签约",
                                evidence: "9月，星港科技二期项目在合肥高新区投资推介大会上签约。", subjects: ["合肥星港科技有限公司", "星港科技"])
        let two = first.merging(second)
        let three = two.merging(third)
        func fields(_ side: ReportResolver.Side) -> [String] {
            [side.names.joined(separator: "|"), side.companies.joined(separator: "|"), side.text, side.subjectsText,
             side.quotes.sorted().joined(separator: "|"), side.phases.sorted().joined(separator: "|"),
             side.gatherings.sorted().joined(separator: "|"), "\(side.parksOwnAct)", "\(side.readings.count)"]
        }
        var memo = ReportResolver.Memo()
        // What the shorter side worked out (quotes, phases, ...) is carried into the longer.
        _ = fields(memo.side(of: two, park: Self.park))
        let extended = memo.side(of: three, park: Self.park)
        var fresh = ReportResolver.Memo()
        let whole = fresh.side(of: three, park: Self.park)
        #expect(extended !== whole)
        #expect(fields(extended) == fields(whole))
        // The same reports in the next batch (the merge now stored): the same side.
        memo.beginBatch()
        #expect(memo.side(of: three, park: Self.park) === extended)

        // The first report corrected: the side is read whole again.
        var corrected = first
        corrected.title = "合肥高新区与星河材料签约"
        corrected.subjects = ["星河材料有限公司"]
        let changed = corrected.merging(second).merging(third)
        var before = ReportResolver.Memo()
        _ = before.side(of: two, park: Self.park)
        before.beginBatch()
        var freshChanged = ReportResolver.Memo()
        #expect(fields(before.side(of: changed, park: Self.park)) == fields(freshChanged.side(of: changed, park: Self.park)))
        #expect(fields(before.side(of: changed, park: Self.park)) != fields(whole))

        // A report of that act matches either way.
        let later = Self.report("signing", "2023-09-14", title: "星港科技项目签约", evidence: "星港科技项目在合肥高新区签约。")
        #expect(resolver.match(later, among: [three], memo: &memo) == resolver.match(later, among: [three]))
    }

    /// The resolver's quick test for ideographs agrees with Unicode's property on every scalar.
    @Test func theQuickIdeographTestIsUnicodes() {
        let differing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { ReportResolver.isIdeographic($0) != $0.properties.isIdeographic }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { String($0.value, radix: 16) })")
    }

    /// Day numbers are read from the bytes: every 37th day of three centuries agrees with
    /// Foundation's calendar, and what is not three runs of digits is no day.
    @Test func dayNumbersAreTheCalendars() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for day in stride(from: -25_567, through: 47_482, by: 37) {
            let date = Date(timeIntervalSince1970: Double(day) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let text = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            #expect(ReportResolver.dayNumber(text) == day, "\(text)")
        }
        for text in ["2024-05", "2024-05-", "-05-10", "2024--10", "2024-05-10-01", "2024-O5-10", "", "二〇二四-05-10"] {
            #expect(ReportResolver.dayNumber(text) == nil, "\(text)")
        }
    }

    @Test func aShortenedCompanyNameIsTheSameCompany() {
        let known = Self.report("signing", "2023-09-14", title: "合肥高新区与芯跃半导体装备有限公司签署投资合作协议",
                                evidence: "2023年9月14日，合肥高新区与芯跃半导体装备有限公司签署投资合作协议。", subjects: ["芯跃半导体装备有限公司"])
        let later = Self.report("signing", "2023-09-14", title: "芯跃装备晶圆清洗设备项目在合肥高新区签约",
                                evidence: "昨天上午，芯跃装备晶圆清洗设备项目在合肥高新区签约。", subjects: ["芯跃装备晶圆清洗设备项目"])
        #expect(resolver.match(later, among: [known])?.rule == "same-subject")
    }

    @Test func aNameTheExtractorTookFromAnEarlierSentenceCounts() {
        // Neither sentence names the company; each page did just before it.
        let known = Self.report("groundbreaking", "2022-03", title: "一期项目正式开工建设", evidence: "2022年3月，一期项目正式开工建设。",
                                subjects: ["北岸汽车合肥整车基地项目"])
        let later = Self.report("groundbreaking", "2022-03", title: "一期工程于2022年3月开工建设", evidence: "一期工程于2022年3月开工建设。",
                                subjects: ["北岸汽车(中国)有限公司"])
        #expect(resolver.match(later, among: [known])?.rule == "same-subject")
        // A brand may mix scripts.
        let device = Self.report("opening", "2022-04", title: "软x光始于2022年4月", evidence: "软x光始于2022年4月。")
        let project = Self.report("opening", "2022-04", title: "软x光项目于2022年4月启动", evidence: "软x光项目于2022年4月启动。",
                                  subjects: ["软x光项目"])
        #expect(resolver.match(project, among: [device])?.rule == "same-subject")
        #expect(ReportResolver.names(["软x光项目"], park: Self.park) == ["软x", "软x光", "软x光项"])
    }

    @Test func otherCompaniesOnTheSameDayAndOtherActsOfOneCompanyStayApart() {
        let known = Self.report("signing", "2023-09-14", title: "合肥高新区与芯跃半导体装备有限公司签约",
                                evidence: "合肥高新区与芯跃半导体装备有限公司签约。", subjects: ["芯跃半导体装备有限公司"])
        let other = Self.report("signing", "2023-09-14", title: "合肥高新区与蓝湾光电科技有限公司签约",
                                evidence: "合肥高新区与蓝湾光电科技有限公司签约。", subjects: ["蓝湾光电科技有限公司"])
        let works = Self.report("groundbreaking", "2023-09-14", title: "芯跃半导体装备有限公司项目开工",
                                evidence: "芯跃半导体装备有限公司项目在合肥高新区开工。", subjects: ["芯跃半导体装备有限公司"])
        #expect(resolver.match(other, among: [known]) == nil)
        #expect(resolver.match(works, among: [known]) == nil)
    }

    @Test func datesMustFitOneAnotherOrBeADayApartForTheSameSubject() {
        let known = Self.report("signing", "2023-09-14", title: "芯跃半导体装备有限公司签约", evidence: "芯跃半导体装备有限公司签约。",
                                subjects: ["芯跃半导体装备有限公司"])
        let month = Self.report("signing", "2023-09", title: "9月，芯跃装备签约落户", evidence: "9月，芯跃装备签约落户高新区。")
        let nextDay = Self.report("signing", "2023-09-15", title: "芯跃装备签约", evidence: "芯跃装备签约。")
        let weekLater = Self.report("signing", "2023-09-21", title: "芯跃装备签约", evidence: "芯跃装备签约。")
        #expect(resolver.match(month, among: [known]) != nil)
        #expect(resolver.match(nextDay, among: [known])?.rule == "same-subject-next-day")
        #expect(resolver.match(weekLater, among: [known]) == nil)
    }

    @Test func gatheringsWithoutSubjectsMatchByTheirName() {
        let known = Self.report("meeting", "2024-11-08", title: "南京江北新区召开民营企业座谈会", evidence: "11月8日，南京江北新区召开民营企业座谈会。",
                                park: ParkPayload(id: "jiangbei", name: "南京江北新区", aliases: ["江北新区"], city: "南京"))
        let digest = Self.report("meeting", "2024-11-08", title: "江北新区组织召开民营企业座谈会", evidence: "上周五，江北新区组织召开民营企业座谈会。",
                                 park: ParkPayload(id: "jiangbei", name: "南京江北新区", aliases: ["江北新区"], city: "南京"))
        let other = Self.report("meeting", "2024-11-08", title: "江北新区召开安全生产工作会议", evidence: "江北新区召开安全生产工作会议。",
                                park: ParkPayload(id: "jiangbei", name: "南京江北新区", aliases: ["江北新区"], city: "南京"))
        #expect(resolver.match(digest, among: [known])?.rule == "same-gathering")
        #expect(resolver.match(other, among: [known]) == nil)
    }

    /// One outlet's few words for an act, all of them in the other's title,
    /// are that act; a title of fewer pairs, or one with words of its own, is not enough.
    @Test func aShortTitleWithinTheOthersIsTheSameAct() {
        let passed = Self.report("policy", "2024-01-09", title: "市人大常委会将「科技创新与成果转化促进条例草案」表决通过",
                                 evidence: "常委会第15次会议上，市人大常委会将「科技创新与成果转化促进条例草案」表决通过。")
        let brief = Self.report("policy", "2024-01-09", title: "1月9日，市人大常委会表决通过", evidence: "1月9日，市人大常委会表决通过。")
        let tooShort = Self.report("policy", "2024-01-09", title: "1月9日，表决通过", evidence: "1月9日，表决通过。")
        let another = Self.report("policy", "2024-01-09", title: "1月9日，市政府常务会议审议通过人才新政", evidence: "1月9日，市政府常务会议审议通过人才新政。")
        // Their Dice is under the wording threshold: it is the containment that decides.
        #expect(ReportResolver.Bigrams(ReportResolver.content(brief.title, park: Self.park))
            .dice(ReportResolver.Bigrams(ReportResolver.content(passed.title, park: Self.park))) < ReportResolver.wordingThreshold)
        #expect(resolver.match(brief, among: [passed])?.rule == "title-within")
        #expect(resolver.match(tooShort, among: [passed]) == nil)
        #expect(resolver.match(another, among: [passed]) == nil)
    }

    @Test func theParksOwnActMatchesWhateverItIsCalledButNotAPhaseOfIt() {
        let started = Self.report("groundbreaking", "2024-09", title: "合肥高新技术产业开发区于2024年9月开工建设",
                                  evidence: "合肥高新技术产业开发区于2024年9月开工建设。")
        let brokeGround = Self.report("groundbreaking", "2024-09", title: "高新区破土动工", evidence: "今年9月，高新区破土动工。")
        let phaseTwo = Self.report("groundbreaking", "2024-09", title: "合肥高新区二期工程开工建设",
                                   evidence: "2024年9月，合肥高新区二期工程开工建设。")
        let project = Self.report("groundbreaking", "2024-09", title: "合肥高新区光电产业园开工建设",
                                  evidence: "2024年9月，合肥高新区光电产业园开工建设。")
        #expect(resolver.match(brokeGround, among: [started])?.rule == "same-park-act")
        // Most of the wording is shared, but another phase, or something else named, is another act.
        #expect(resolver.match(phaseTwo, among: [started]) == nil)
        #expect(resolver.match(project, among: [started]) == nil)
        // When and how it was held are no name: the park's unveiling told as a ceremony is its unveiling.
        let unveiling = { (title: String) in Self.report("opening", "2024-02-07", title: title, evidence: title + "，合肥高新区迈上新征程。") }
        let unveiled = unveiling("合肥高新区揭牌")
        #expect(resolver.match(unveiling("2月7日上午举行的揭牌仪式"), among: [unveiled])?.rule == "same-park-act")
        #expect(resolver.match(unveiling("2月7日上午举行的研究院揭牌仪式"), among: [unveiled]) == nil)
        // How many phases a project has names none of them.
        #expect(ReportResolver.phases(in: "项目分三期建设，一期投资18亿元") == ["一期"])
        #expect(ReportResolver.phases(in: "二期、首期工程") == ["二期", "首期"])
    }

    @Test func onePageNeverReportsAnActTwiceAndHandRecordsMergeOnlyByHand() {
        let known = Self.report("signing", "2023-09-14", title: "芯跃半导体装备有限公司签约", evidence: "芯跃半导体装备有限公司签约。",
                                subjects: ["芯跃半导体装备有限公司"], document: "same")
        let sameDocument = Self.report("signing", "2023-09-14", title: "芯跃装备签约", evidence: "芯跃装备签约。", document: "same")
        var recorded = Self.report("signing", "2023-09-14", title: "芯跃装备签约", evidence: "芯跃装备签约。")
        recorded.source.recordedBy = "api"
        #expect(resolver.match(sameDocument, among: [known]) == nil)
        #expect(resolver.match(recorded, among: [known]) == nil)
    }

    @Test func oneParkUnderTwoSpellingsIsOnePark() {
        let full = ParkPayload(id: "a", name: "中韩(长春)国际合作示范区", aliases: [], city: nil)
        let short = ParkPayload(id: "b", name: "中韩(长春)国际示范区", aliases: [], city: nil)
        let stray = ParkPayload(id: "c", name: "银行和林格尔新区", aliases: [], city: nil)
        let region = ParkPayload(id: "d", name: "内蒙古和林格尔新区", aliases: [], city: nil)
        let suzhou = ParkPayload(id: "e", name: "苏州工业园区", aliases: [], city: "苏州")
        let changzhou = ParkPayload(id: "f", name: "常州工业园区", aliases: [], city: "常州")
        #expect(ReportResolver.samePark(full, short))
        #expect(ReportResolver.samePark(stray, region))
        #expect(!ReportResolver.samePark(suzhou, changzhou))
        #expect(!ReportResolver.samePark(suzhou, ParkPayload(id: "g", name: "苏州高新区", aliases: [], city: "苏州")))
    }
}
