@testable import Extraction
import Testing

/// Resolve every time expression of `text` published on `published`, in reading order.
func dates(_ text: String, published: String = "2023-02-01") -> [String] {
    let normalized = NormalizedText(text)
    let scanner = TimeExpressionScanner(scalars: normalized.scalars)
    var resolver = DateResolver(published: CivilDate(iso: published)!)
    var result: [String] = []
    for sentence in Segmenter(scalars: normalized.scalars).sentences() {
        resolver.startSentence()
        for mention in scanner.scan(sentence.range) {
            if let date = resolver.resolve(mention) {
                result.append("\(date.formatted)/\(date.precision.rawValue)")
            }
        }
    }
    return result
}

@Suite struct TimeExpressionTests {
    @Test func absoluteDatesInEveryNotation() {
        #expect(dates("2021年3月5日，A公司签约。") == ["2021-03-05/day"])
        #expect(dates("二〇二一年十一月九日，B项目开工。") == ["2021-11-09/day"])
        #expect(dates("发布于2021-03-05，另见2021.3.6与2021/3/7。") == ["2021-03-05/day", "2021-03-06/day", "2021-03-07/day"])
        #expect(dates("2020年9月，园区成立。") == ["2020-09/month"])
        #expect(dates("2019年，园区升级。") == ["2019/year"])
    }

    @Test func quartersHalvesAndPartsOfMonths() {
        #expect(dates("2021年一季度，产值增长。") == ["2021/quarter"])
        #expect(dates("今年上半年，签约项目增加。", published: "2021-08-01") == ["2021/half"])
        let early = dates("3月初，C项目开工；3月下旬，D项目竣工。", published: "2021-05-01")
        #expect(early == ["2021-03/month", "2021-03/month"])
    }

    @Test func relativeToPublication() {
        #expect(dates("今日，会议召开。", published: "2021-05-20") == ["2021-05-20/day"])
        #expect(dates("昨天，代表团到访。", published: "2021-05-20") == ["2021-05-19/day"])
        #expect(dates("上月6日，协议签署。", published: "2021-01-15") == ["2020-12-06/day"])
        #expect(dates("去年11月30日，厂房封顶。", published: "2021-01-15") == ["2020-11-30/day"])
        #expect(dates("今年3月，E项目投产。", published: "2021-05-20") == ["2021-03/month"])
        #expect(dates("近日，园区获评示范园区。", published: "2021-05-20") == ["2021-05/month"])
        #expect(dates("上周，F公司落户。", published: "2021-05-20") == ["2021-05-10/week"])
    }

    @Test func laterPartialDatesFollowTheAccount() {
        // After 去年10月, a bare 9月 is the same year; the account moves on with 今年.
        let carried = dates("去年10月，甲项目签约。9月，乙项目开工。今年3月，丙项目投产。", published: "2021-02-01")
        #expect(carried == ["2020-10/month", "2020-09/month", "2021-03/month"])
        // A bare date in an article with no year yet is the publication year.
        #expect(dates("5月25日，业务受理。", published: "2023-08-09") == ["2023-05-25/day"])
        // A month after the publication month, with no year anywhere, is last year's.
        #expect(dates("12月5日，领导调研。", published: "2023-01-10") == ["2022-12-05/day"])
        // A year mentioned in passing does not move the account.
        #expect(dates("A公司在2004年落户园区。6月24日，B奖揭晓。", published: "2024-08-13") == ["2004/year", "2024-06-24/day"])
    }

    @Test func listsAndRanges() {
        #expect(dates("2022年6月24日、27日，两家企业签约。") == ["2022-06-24/day", "2022-06-27/day"])
        #expect(dates("2022年6月24日至27日，展会举行。") == ["2022-06-24/day"])
    }

    @Test func thingsThatOnlyLookLikeDates() {
        #expect(dates("地点：研发园2号楼1542会议室。") == [])
        #expect(dates("以最好成果献礼建区40周年，实现十三连冠。") == [])
        #expect(dates("满产后年产值将达80亿元，总投资5亿元。") == [])
        #expect(dates("2023年度国家科学技术奖揭晓。") == [])
        #expect(dates("话剧《七日告白》获奖，3个月内完成。") == [])
        #expect(dates("时间：2023年3月29日下午16:00，9时许到场。") == ["2023-03-29/day"])
    }

    @Test func traditionalScriptAndPinyinAnnotationsAreNormalised() {
        let text = NormalizedText("蘇宿工業園區(qū)今年5月份與網(wǎng)站簽約，ＡＢＣ１２３。")
        let normalized = text.text(0..<text.scalars.count)
        #expect(normalized == "苏宿工业园区今年5月份与网站签约,ABC123。")
        // Offsets still point into the original text.
        let start = normalized.unicodeScalars.distance(from: normalized.unicodeScalars.startIndex, to: normalized.range(of: "今年")!.lowerBound.samePosition(in: normalized.unicodeScalars)!)
        #expect(text.originalText(from: start, to: start + 2) == "今年")
    }

    @Test func chineseNumerals() {
        #expect(ChineseNumber.value(Array("二〇二二".unicodeScalars)[...]) == 2022)
        #expect(ChineseNumber.value(Array("十一".unicodeScalars)[...]) == 11)
        #expect(ChineseNumber.value(Array("二十七".unicodeScalars)[...]) == 27)
        #expect(ChineseNumber.value(Array("廿四".unicodeScalars)[...]) == 24)
        #expect(ChineseNumber.value(Array("十".unicodeScalars)[...]) == 10)
    }

    @Test func civilDateArithmetic() {
        let date = CivilDate(year: 2024, month: 2, day: 28)
        #expect(date.adding(days: 1).description == "2024-02-29")
        #expect(date.adding(days: 2).description == "2024-03-01")
        #expect(CivilDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(CivilDate(year: 2024, month: 5, day: 20).weekday == 0)
        #expect(CivilDate(iso: "2023-02-29") == nil)
    }
}
