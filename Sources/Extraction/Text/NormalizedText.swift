import Foundation

/// A document's text prepared for scanning, with a map back to the original.
///
/// Normalisation: Traditional → Simplified Chinese, full-width ASCII → half
/// width, ideographic space → space, and pinyin annotations such as `網(wǎng)`
/// dropped. Every normalised scalar remembers the offset (in Unicode scalars)
/// of the original scalar it came from, so evidence and offsets can quote the
/// source exactly.
public struct NormalizedText: Sendable {
    public let original: [Unicode.Scalar]
    public let scalars: [Unicode.Scalar]
    /// `origin[i]` is the original offset of `scalars[i]`.
    public let origin: [Int]
    /// The text was written in Traditional script (and converted): a Taiwanese or Hong Kong page.
    public let wasTraditional: Bool

    public init(_ text: String) {
        let original = Array(text.unicodeScalars)
        var scalars: [Unicode.Scalar] = []
        var origin: [Int] = []
        scalars.reserveCapacity(original.count)
        origin.reserveCapacity(original.count)
        var index = 0
        while index < original.count {
            let scalar = original[index]
            if scalar == "(" || scalar == "（", let end = Self.pinyinAnnotationEnd(original, from: index) {
                index = end
                continue
            }
            scalars.append(Self.halfWidth(scalar))
            origin.append(index)
            index += 1
        }
        Self.joinDatesSplitAcrossLines(&scalars)
        Self.closeSpacesInDates(&scalars, &origin)
        self.original = original
        let simplified = Self.simplified(scalars)
        self.wasTraditional = simplified != scalars
        self.scalars = simplified
        self.origin = origin
    }

    /// The original text between two normalised offsets (end exclusive).
    public func originalText(from start: Int, to end: Int) -> String {
        let range = originalRange(from: start, to: end)
        return String(String.UnicodeScalarView(original[range]))
    }

    /// Original scalar offsets `[start, end)` of a normalised span.
    public func originalRange(from start: Int, to end: Int) -> Range<Int> {
        guard start < end, start < origin.count else { return 0..<0 }
        let lower = origin[start]
        let upper = origin[min(end, origin.count) - 1] + 1
        return lower..<upper
    }

    public func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    // MARK: Rules

    /// `2003 年 1 月8 日` (text from PDFs): a space between a number and its unit moves
    /// after the unit, so the date reads whole and every scalar keeps its origin.
    static func closeSpacesInDates(_ scalars: inout [Unicode.Scalar], _ origin: inout [Int]) {
        var index = 1
        while index + 1 < scalars.count {
            if scalars[index] == " ", scalars[index - 1].isDigit, ["年", "月", "日", "号"].contains(scalars[index + 1]) {
                scalars.swapAt(index, index + 1)
                origin.swapAt(index, index + 1)
            }
            index += 1
        }
    }

    /// `12⏎28日`: a month alone at the end of a line and its day opening the next are one
    /// date; the line break reads as 月 (one scalar for one, so offsets still map).
    static func joinDatesSplitAcrossLines(_ scalars: inout [Unicode.Scalar]) {
        var index = 1
        while index + 2 < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "\n", scalars[index - 1].isDigit, scalars[index + 1].isDigit else { continue }
            var start = index - 1
            while start > 0, scalars[start - 1].isDigit { start -= 1 }
            guard index - start <= 2, start == 0 || scalars[start - 1] == "\n" || scalars[start - 1] == " ",
                  let month = Int(String(String.UnicodeScalarView(scalars[start..<index]))), (1...12).contains(month) else { continue }
            var end = index + 1
            while end < scalars.count, scalars[end].isDigit, end - index <= 2 { end += 1 }
            guard end < scalars.count, scalars[end] == "日", end - index - 1 <= 2 else { continue }
            scalars[index] = "月"
        }
    }

    static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3000: return " "
        default: return scalar
        }
    }

    /// `(wǎng)` after a Han character: Latin letters with at least one tone
    /// mark (or ü), inside round brackets. Returns the index after `)`.
    static func pinyinAnnotationEnd(_ scalars: [Unicode.Scalar], from open: Int) -> Int? {
        guard open > 0, scalars[open - 1].isHan else { return nil }
        var index = open + 1
        var sawToneMark = false
        while index < scalars.count, index - open <= 8 {
            let scalar = scalars[index]
            if scalar == ")" || scalar == "）" {
                return (sawToneMark && index > open + 1) ? index + 1 : nil
            }
            if ("a"..."z").contains(scalar) {
                index += 1
                continue
            }
            if Self.toneMarked.contains(scalar) {
                sawToneMark = true
                index += 1
                continue
            }
            return nil
        }
        return nil
    }

    static let toneMarked: Set<Unicode.Scalar> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".unicodeScalars)

    /// Traditional → Simplified, only when the text looks Traditional (the
    /// ICU transform is the slowest step, and most pages are Simplified).
    /// Conversion is per scalar so the offset map stays one to one.
    static func simplified(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var traditionalHits = 0
        for scalar in scalars where TraditionalMarkers.set.contains(scalar) {
            traditionalHits += 1
            if traditionalHits >= 3 { break }
        }
        guard traditionalHits >= 3 else { return scalars }
        // One transform of the whole text keeps the offset map when it maps one scalar to one.
        let whole = String(String.UnicodeScalarView(scalars))
        if let converted = whole.applyingTransform(StringTransform("Traditional-Simplified"), reverse: false) {
            let convertedScalars = Array(converted.unicodeScalars)
            if convertedScalars.count == scalars.count { return convertedScalars }
        }
        var result = scalars
        var cache: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (index, scalar) in scalars.enumerated() where scalar.isHan {
            if let known = cache[scalar] {
                result[index] = known
                continue
            }
            let converted = String(scalar).applyingTransform(StringTransform("Traditional-Simplified"), reverse: false)
            var mapped = scalar
            if let converted, converted.unicodeScalars.count == 1, let first = converted.unicodeScalars.first {
                mapped = first
            }
            cache[scalar] = mapped
            result[index] = mapped
        }
        return result
    }
}

/// Frequent characters that exist only in Traditional script.
enum TraditionalMarkers {
    static let set: Set<Unicode.Scalar> = Set("這們來區產發開會與為國際經濟時間業園關於對說從當點電動實現設計務處後學機體應總長頭萬過進還"
        .unicodeScalars)
}

extension Unicode.Scalar {
    /// CJK Unified Ideographs (and extension A), plus 〇.
    var isHan: Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || value == 0x3007
    }

    var isDigit: Bool { ("0"..."9").contains(self) }
}
