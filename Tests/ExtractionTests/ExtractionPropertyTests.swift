import Extraction
import Foundation
import Testing

/// Properties every extraction keeps, whatever the text: it returns (no
/// crash, no endless loop), it is deterministic, and each event it reports
/// is well formed. Inputs come from a seeded generator, so a failure names
/// the seed that reproduces it.
// Serialized: these cases are CPU-bound and synchronous; run side by side
// they would hold every thread of the test process's cooperative pool and
// starve the timing-sensitive database tests running alongside.
@Suite(.serialized) struct ExtractionPropertyTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Text that looks like news, with dates, numbers and trigger words, cut and mixed.
    static let fragments = [
        "2022年", "6月", "1日", "二〇二三年", "十二月", "三十一日", "上半年", "第三季度", "去年", "今年", "近日", "月底", "上旬",
        "签约", "开工", "投产", "竣工", "召开", "考察", "获评", "总投资", "亿元", "万美元", "园区", "高新区", "开发区",
        "，", "。", "、", "；", "（", "）", "《", "》", "\n", " ", "-", "/", ".", "至", "到", "~",
        "9", "99", "0", "00", "2024-05-01", "2024/5/1", "5.1", "１２月", "２０２３年",
    ]

    /// Scalars from every part of Unicode (no surrogates), controls and NUL included.
    static func randomScalar(_ random: inout SplitMix) -> Character {
        let ranges: [ClosedRange<UInt32>] = [0x0...0x7F, 0x80...0x7FF, 0x4E00...0x9FFF, 0x3000...0x303F, 0xFF00...0xFFEF,
                                             0x0300...0x036F, 0x0400...0x04FF, 0x0600...0x06FF, 0x1F300...0x1FAFF, 0xE000...0xF8FF,
                                             0x10000...0x10FFFF]
        while true {
            let range = ranges[Int.random(in: 0..<ranges.count, using: &random)]
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) { return Character(scalar) }
        }
    }

    static func newsLike(_ random: inout SplitMix, pieces: Int) -> String {
        (0..<pieces).map { _ in
            Int.random(in: 0..<10, using: &random) == 0
                ? String(randomScalar(&random)) : fragments[Int.random(in: 0..<fragments.count, using: &random)]
        }.joined()
    }

    func check(_ text: String, seed: UInt64) throws {
        let document = SourceDocument(name: "p.txt", text: text, published: CivilDate(iso: "2023-06-15"))
        let extractor = Extractor(gazetteer: testGazetteer)
        guard let result = try? extractor.extract(document) else { return }  // A refusal is an answer too.
        let again = try extractor.extract(document)
        #expect(result.events == again.events, "not deterministic (seed \(seed))")
        for event in result.events {
            #expect(event.date.lower <= event.date.upper, "seed \(seed): \(event.date)")
            #expect(event.provenance.start >= 0 && event.provenance.start <= event.provenance.end, "seed \(seed)")
            #expect(!event.title.isEmpty && !event.evidence.isEmpty, "seed \(seed)")
        }
    }

    @Test(arguments: 0..<40)
    func newsLikeTextGivesWellFormedEvents(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        for _ in 0..<25 {
            try check(Self.newsLike(&random, pieces: Int.random(in: 0...120, using: &random)), seed: seed)
        }
    }

    @Test(arguments: 0..<10)
    func randomUnicodeIsHandled(seed: UInt64) throws {
        var random = SplitMix(state: seed &+ 1000)
        for _ in 0..<10 {
            try check(String((0..<Int.random(in: 0...400, using: &random)).map { _ in Self.randomScalar(&random) }), seed: seed)
        }
    }

    @Test func extremeShapesAreHandled() throws {
        var random = SplitMix(state: 42)
        let shapes = [
            String(repeating: "9", count: 200_000),                                   // one huge number
            String(repeating: "2022年6月1日", count: 10_000),                          // endless dates, no full stop
            String(repeating: "签约。", count: 30_000),                                // triggers without dates
            String(repeating: "年月日", count: 50_000),                                // markers without numbers
            String(repeating: "（", count: 50_000) + "2023年签约" + String(repeating: "）", count: 50_000),
            String(repeating: "a\u{0301}\u{0302}\u{0303}", count: 20_000),            // stacked combining marks
            Self.newsLike(&random, pieces: 20_000),                                   // one very long line
            String(repeating: "\n", count: 100_000) + "3月8日，项目签约。",
        ]
        for (index, text) in shapes.enumerated() { try check(text, seed: UInt64(index)) }
    }
}
