/// A sentence of a document: a span of the normalised text and the paragraph it sits in.
struct Sentence: Sendable, Equatable {
    var range: Range<Int>
    var paragraph: Int
    /// The label of a header field line (`时间`, `主题`, `地点`), when it is one.
    var fieldLabel: String?
    /// Page chrome (breadcrumbs, share prompts, source lines): read for the
    /// publication date, never for events.
    var isChrome = false
}

/// Splits normalised text into paragraphs (lines) and sentences, dropping
/// page chrome: breadcrumbs, font switches, share prompts, image file names,
/// keyword footers.
struct Segmenter {
    let scalars: [Unicode.Scalar]

    static let sentenceEnders: Set<Unicode.Scalar> = ["。", "!", "?", ";", "！", "？", "；"]
    static let chromeMarkers = [
        "当前位置", "字体:", "字号:", "扫一扫", "分享到", "打印本页", "关闭窗口", "关键词:", "相关内容",
        "上一篇", "下一篇", "责任编辑", "【资料图】", "来源:", "浏览次数",
    ]
    static let chromeMarkerScalars = chromeMarkers.map { Array($0.unicodeScalars) }
    static let fieldLabels = ["时间", "主题", "地点", "会议名称", "活动名称", "发布人", "主持人"]

    func sentences() -> [Sentence] {
        var result: [Sentence] = []
        var paragraph = 0
        var lineStart = 0
        for index in 0...scalars.count {
            guard index == scalars.count || scalars[index] == "\n" || scalars[index] == "\r" else { continue }
            let line = lineStart..<index
            lineStart = index + 1
            let trimmed = trim(line)
            guard !trimmed.isEmpty else { continue }
            paragraph += 1
            if isChrome(trimmed) {
                result.append(Sentence(range: trimmed, paragraph: paragraph, fieldLabel: nil, isChrome: true))
                continue
            }
            let label = fieldLabel(trimmed)
            var start = trimmed.lowerBound
            for position in trimmed where Self.sentenceEnders.contains(scalars[position]) {
                if position + 1 > start, !trim(start..<position + 1).isEmpty {
                    result.append(Sentence(range: trim(start..<position + 1), paragraph: paragraph, fieldLabel: start == trimmed.lowerBound ? label : nil))
                }
                start = position + 1
            }
            if start < trimmed.upperBound, !trim(start..<trimmed.upperBound).isEmpty {
                result.append(Sentence(range: trim(start..<trimmed.upperBound), paragraph: paragraph, fieldLabel: start == trimmed.lowerBound ? label : nil))
            }
        }
        return result
    }

    private func trim(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(scalars[lower]) || scalars[lower] == "◆" || scalars[lower] == "●" || scalars[lower] == "■" { lower += 1 }
        while upper > lower, isSpace(scalars[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar.properties.isWhitespace || scalar == "\u{FEFF}"
    }

    private func isChrome(_ line: Range<Int>) -> Bool {
        guard line.count < 80 else { return false }
        let text = String(String.UnicodeScalarView(scalars[line]))
        let lineScalars = scalars[line]
        if Self.chromeMarkerScalars.contains(where: { lineScalars.contains($0) }) { return true }
        let lower = text.lowercased()
        if line.count < 60, [".jpg", ".jpeg", ".png", ".gif"].contains(where: { lower.hasSuffix($0) }) { return true }
        if text == "?" { return true }
        // A teaser of another article ("…正式成立,地点选在大 ..."): a sidebar, cut off.
        if line.count < 100, text.hasSuffix("...") || text.hasSuffix("…") || text.hasSuffix("..") { return true }
        return false
    }

    private static let fieldStarts: Set<Unicode.Scalar> = Set(fieldLabels.compactMap { $0.unicodeScalars.first })

    private func fieldLabel(_ line: Range<Int>) -> String? {
        guard Self.fieldStarts.contains(scalars[line.lowerBound]) else { return nil }
        let text = String(String.UnicodeScalarView(scalars[line]))
        for label in Self.fieldLabels where text.hasPrefix(label + ":") {
            return label
        }
        return nil
    }
}
