/// Turns an element into lines of text the way a reader sees them: every
/// paragraph, heading, list item, block and `<br>` ends a line, and a data
/// table becomes one line per row with its cells joined by " | ", so the
/// line-based chronicle rules downstream read a page like a plain document.
enum PlainTextRenderer {
    static let blockTags: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
        "main", "blockquote", "pre", "center", "figure", "figcaption", "table", "tr", "td", "th", "tbody",
        "thead", "tfoot", "caption", "address", "hr", "body", "html",
    ]

    /// The element's text, one line per block, without empty lines.
    static func lines(of element: MarkupElement) -> [String] {
        var builder = LineBuilder()
        render(element, into: &builder)
        builder.breakLine()
        return builder.lines
    }

    static func text(of element: MarkupElement) -> String {
        lines(of: element).joined(separator: "\n")
    }

    private static func render(_ element: MarkupElement, into builder: inout LineBuilder) {
        if element.name == "br" {
            builder.breakLine()
            return
        }
        if element.name == "table", let rows = dataRows(of: element) {
            builder.breakLine()
            for row in rows { builder.line(row.joined(separator: " | ")) }
            return
        }
        let isBlock = blockTags.contains(element.name)
        if isBlock { builder.breakLine() }
        for child in element.children {
            switch child {
            case let .text(text): builder.append(text)
            case let .element(child): render(child, into: &builder)
            }
        }
        if isBlock { builder.breakLine() }
    }

    /// The rows of a table holding data, each a list of cell texts; nil for a
    /// table used for layout (a table inside it, or one cell per row), whose
    /// cells are read as blocks instead.
    static func dataRows(of table: MarkupElement) -> [[String]]? {
        let rows = rowElements(of: table)
        guard !rows.isEmpty else { return nil }
        let cellsPerRow = rows.map { $0.elements.filter(isCell) }
        guard cellsPerRow.contains(where: { $0.count > 1 }), !cellsPerRow.joined().contains(where: holdsLayout) else { return nil }
        return cellsPerRow.compactMap { cells in
            let texts = cells.map { lines(of: $0).joined(separator: " ") }
            return texts.allSatisfy(\.isEmpty) ? nil : texts
        }
    }

    private static func isCell(_ element: MarkupElement) -> Bool { element.name == "td" || element.name == "th" }

    private static let layoutTags: Set<String> = ["table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "form"]

    /// Whether a cell holds a page region rather than a value: a nested
    /// table, a list, a heading, several blocks or a long text. (A data
    /// cell pasted from Word holds a `<p>` or two.)
    private static func holdsLayout(_ cell: MarkupElement) -> Bool {
        var blocks = 0
        var layout = false
        for element in cell.elements.flatMap({ $0.descendants() }) {
            if layoutTags.contains(element.name) { layout = true }
            if element.name == "p" || element.name == "div" { blocks += 1 }
        }
        return layout || blocks >= 3 || cell.text.count > 300
    }

    /// `tr` elements of this table, not of tables nested in it.
    private static func rowElements(of table: MarkupElement) -> [MarkupElement] {
        table.elements.flatMap { child -> [MarkupElement] in
            switch child.name {
            case "tr": [child]
            case "thead", "tbody", "tfoot": child.elements.filter { $0.name == "tr" }
            default: []
            }
        }
    }
}

/// Collects text into lines, collapsing runs of white space (including the
/// full-width spaces Chinese pages indent paragraphs with) into one space.
/// A run that holds a line break is the source's layout, not the writer's:
/// it is dropped between Chinese characters, where a space typed by the
/// writer stays (`4月9日讯 今天`: the dateline ends at the space).
struct LineBuilder {
    private(set) var lines: [String] = []
    private var current = ""

    /// Stands for white space that came from a line break in the source.
    static let softBreak: Character = "\u{1F}"

    mutating func append(_ text: String) {
        for character in text {
            if character.isWhitespace {
                guard !current.isEmpty else { continue }
                if current.last == Self.softBreak {
                    if !character.isNewline { current.removeLast(); current.append(" ") }
                } else if current.last != " " {
                    current.append(character.isNewline ? Self.softBreak : " ")
                }
            } else {
                current.append(character)
            }
        }
    }

    mutating func line(_ text: String) {
        breakLine()
        append(text)
        breakLine()
    }

    mutating func breakLine() {
        let line = Self.tidy(current)
        if !line.isEmpty { lines.append(line) }
        current = ""
    }

    /// Trims the line; drops line-break spaces between two Chinese characters
    /// and any space beside Chinese punctuation.
    static func tidy(_ line: String) -> String {
        let characters = Array(line)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character == " " || character == softBreak {
                guard index > 0, index < characters.count - 1, !result.isEmpty else { continue }
                let (before, after) = (characters[index - 1], characters[index + 1])
                if character == softBreak, before.isChinese, after.isChinese { continue }
                if before.isChinesePunctuation || after.isChinesePunctuation { continue }
                if after == " " || after == softBreak { continue }
                result.append(" ")
                continue
            }
            result.append(character)
        }
        while result.last == " " { result.removeLast() }
        return result
    }
}

extension Character {
    /// `，。；：、「」（）` and the other full-width forms and CJK symbols.
    var isChinesePunctuation: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        return (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
    }

    /// A Han character or CJK punctuation (，。；、「」 and full-width forms).
    var isChinese: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }
}
