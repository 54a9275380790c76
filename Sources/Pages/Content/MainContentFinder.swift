/// Finds the article in a page without its chrome, readability style: every
/// paragraph scores by its length and its Chinese punctuation (，。；) and
/// gives that score to its parent and, less, to its grandparent; a block's
/// score is then cut by its link density (link text / all text), so a
/// sidebar of dated headlines, all links and no sentences, never wins.
struct MainContentFinder {
    /// A block's statistics, counted once.
    struct Stats {
        var characters = 0
        var linkCharacters = 0
        var punctuation = 0

        var linkDensity: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }

        mutating func add(_ other: Stats) {
            characters += other.characters
            linkCharacters += other.linkCharacters
            punctuation += other.punctuation
        }
    }

    private struct Node {
        var element: MarkupElement
        var parent: Int?
        var children: [Int] = []
        var stats = Stats()
        /// Text and inline elements directly inside, not inside child blocks.
        var ownStats = Stats()
        var hasBlockChildren = false
        var score = 0.0
    }

    private var nodes: [Node] = []

    static let paragraphTags: Set<String> = ["p", "td", "pre", "li", "dd", "blockquote", "section", "div"]

    /// The blocks that make up the article, in document order, each cleaned
    /// of lists and boxes that are mostly links. Empty for an empty page.
    static func blocks(in root: MarkupElement) -> [MarkupElement] {
        var finder = MainContentFinder()
        finder.add(root, parent: nil)
        return finder.selected()
    }

    @discardableResult
    private mutating func add(_ element: MarkupElement, parent: Int?) -> Int {
        let index = nodes.count
        nodes.append(Node(element: element, parent: parent))
        var stats = Stats()
        var own = Stats()
        var hasBlockChildren = false
        for child in element.children {
            switch child {
            case let .text(text):
                let counted = Self.count(text)
                stats.characters += counted.characters
                stats.punctuation += counted.punctuation
                own.characters += counted.characters
                own.punctuation += counted.punctuation
            case let .element(childElement):
                let childIndex = add(childElement, parent: index)
                nodes[index].children.append(childIndex)
                var childStats = nodes[childIndex].stats
                if childElement.name == "a" { childStats.linkCharacters = childStats.characters }
                stats.add(childStats)
                if PlainTextRenderer.blockTags.contains(childElement.name) {
                    hasBlockChildren = true
                } else {
                    own.add(childStats)
                }
            }
        }
        nodes[index].stats = stats
        nodes[index].ownStats = own
        nodes[index].hasBlockChildren = hasBlockChildren
        return index
    }

    static func count(_ text: String) -> Stats {
        var stats = Stats()
        for character in text where !character.isWhitespace {
            stats.characters += 1
            if character == "，" || character == "。" || character == "；" || character == "、" { stats.punctuation += 1 }
        }
        return stats
    }

    static func stats(of element: MarkupElement) -> Stats {
        var finder = MainContentFinder()
        finder.add(element, parent: nil)
        return finder.nodes[0].stats
    }

    private mutating func selected() -> [MarkupElement] {
        for index in nodes.indices {
            let node = nodes[index]
            guard Self.paragraphTags.contains(node.element.name) else { continue }
            let stats = node.ownStats
            guard stats.characters >= 10, stats.linkDensity < 0.5 else { continue }
            let score = 1 + Double(stats.punctuation) + min(Double(stats.characters) / 50, 3)
            // A block of text and inline elements is a paragraph: it keeps half
            // its score and gives its parent all, its grandparent half, then a
            // quarter. Text beside child blocks is a paragraph of its own whose
            // parent is the element holding it (readability wraps it in a <p>).
            let shares = node.hasBlockChildren ? [1, 0.5, 0.25] : [0.5, 1, 0.5, 0.25]
            var ancestor: Int? = index
            for share in shares {
                guard let current = ancestor else { break }
                nodes[current].score += score * share
                ancestor = nodes[current].parent
            }
        }
        func final(_ index: Int) -> Double { nodes[index].score * (1 - nodes[index].stats.linkDensity) }
        guard let best = nodes.indices.filter({ nodes[$0].score > 0 }).max(by: { final($0) < final($1) }) else { return [] }

        var chosen = [best]
        if let parent = nodes[best].parent {
            let threshold = max(10, final(best) * 0.2)
            chosen = nodes[parent].children.filter { sibling in
                if sibling == best { return true }
                let stats = nodes[sibling].stats
                guard stats.linkDensity < 0.25 else { return false }
                if final(sibling) >= threshold { return true }
                return nodes[sibling].element.name == "p" && stats.characters >= 40 && stats.punctuation >= 2
            }
        }
        return chosen.map { Self.cleaned(nodes[$0].element) }
    }

    /// Boxes inside the article that are mostly links with no sentences
    /// ("related news", "previous / next", share bars) are removed.
    static func cleaned(_ element: MarkupElement) -> MarkupElement {
        let boxes: Set<String> = ["ul", "ol", "dl", "div", "table", "section", "p", "li", "span"]
        return element.removing { candidate in
            guard boxes.contains(candidate.name) else { return false }
            let stats = stats(of: candidate)
            guard stats.linkCharacters > 0 else { return false }
            return stats.linkDensity > 0.5 || (stats.linkDensity > 0.2 && stats.punctuation < 2)
        }
    }
}
