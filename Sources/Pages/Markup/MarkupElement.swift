/// An element of a parsed page or feed, copied out of libxml2's tree so the
/// reading logic is plain Swift values (no pointers, nothing to free).
struct MarkupElement: Sendable, Equatable {
    /// A child: an element or a run of text.
    enum Child: Sendable, Equatable {
        case element(MarkupElement)
        case text(String)
    }

    /// The lower-cased local name (`div`, `entry`; a feed's `dc:date` is `date`).
    var name: String
    /// Attributes by lower-cased name.
    var attributes: [String: String]
    var children: [Child]

    init(name: String, attributes: [String: String] = [:], children: [Child] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    func attribute(_ name: String) -> String? { attributes[name] }

    var elements: [MarkupElement] {
        children.compactMap { if case let .element(element) = $0 { element } else { nil } }
    }

    /// All text below this element, in document order, as written.
    var text: String {
        var result = ""
        appendText(to: &result)
        return result
    }

    private func appendText(to result: inout String) {
        for child in children {
            switch child {
            case let .text(text): result += text
            case let .element(element): element.appendText(to: &result)
            }
        }
    }

    /// This element and every element below it, in document order.
    func descendants(where include: (MarkupElement) -> Bool = { _ in true }) -> [MarkupElement] {
        var found: [MarkupElement] = []
        visit { if include($0) { found.append($0) } }
        return found
    }

    func first(named name: String) -> MarkupElement? {
        if self.name == name { return self }
        for element in elements {
            if let found = element.first(named: name) { return found }
        }
        return nil
    }

    func visit(_ body: (MarkupElement) -> Void) {
        body(self)
        for element in elements { element.visit(body) }
    }

    /// A copy without the elements `drop` selects (their text goes with them).
    func removing(where drop: (MarkupElement) -> Bool) -> MarkupElement {
        var copy = self
        copy.children = children.compactMap { child in
            guard case let .element(element) = child else { return child }
            return drop(element) ? nil : .element(element.removing(where: drop))
        }
        return copy
    }
}
