/// A verb whose object says what kind of act it is, apart from it in the
/// clause: `发布…方案` and `制定了《…实施方案》` are policies, `获…称号` an
/// award, and `科技城规划正式发布` (the object first) a policy too.
struct ObjectPattern: Sendable {
    var verbs: [String]
    /// Words at the verb that are something else (`发布会` is a meeting).
    var notVerbs: [String]
    var objects: [(String, EventType)]
    /// How far the object may stand from the verb, in scalars.
    var window: Int
    /// The object comes before the verb (`规划…发布`).
    var objectFirst = false

    static let all: [ObjectPattern] = [
        ObjectPattern(
            verbs: ["获"], notVerbs: ["获评", "获奖", "获批", "获悉", "获得感", "获取"],
            objects: [("奖", .award), ("称号", .award), ("直通卡", .award), ("名单", .award), ("荣誉", .award),
                      ("认定", .award), ("确定", .award), ("命名", .award), ("授予", .award), ("批准", .policy), ("批复", .policy)],
            window: 24),
        ObjectPattern(
            verbs: ["发布", "推出", "制定", "首推", "推行", "公布"], notVerbs: ["发布会", "发布人", "发布厅"],
            objects: policyObjects, window: 26),
        ObjectPattern(
            verbs: ["正式发布", "发布", "公布", "获批", "出炉"], notVerbs: ["发布会", "发布人"],
            objects: policyObjects, window: 8, objectFirst: true),
    ]

    static let policyObjects: [(String, EventType)] = ["举措", "政策", "办法", "方案", "意见", "细则", "条", "规划", "计划", "清单", "措施", "条例", "法》", "规定", "新政"]
        .map { ($0, .policy) }

    func triggers(in span: Range<Int>, scalars: [Unicode.Scalar]) -> [TriggerLexicon.Trigger] {
        var found: [TriggerLexicon.Trigger] = []
        var index = span.lowerBound
        while index < span.upperBound {
            guard let verb = verbs.first(where: { Self.matches($0, at: index, in: span, scalars: scalars) }),
                  !notVerbs.contains(where: { Self.matches($0, at: index, in: span, scalars: scalars) }) else {
                index += 1
                continue
            }
            let verbLength = verb.unicodeScalars.count
            let window = objectFirst
                ? max(span.lowerBound, index - window)..<index
                : (index + verbLength)..<min(span.upperBound, index + verbLength + window)
            if let type = object(in: window, scalars: scalars) {
                found.append(TriggerLexicon.Trigger(type: type, range: index..<index + verbLength))
            }
            index += verbLength
        }
        return found
    }

    /// The first object word in the window, not crossing a clause boundary.
    private func object(in window: Range<Int>, scalars: [Unicode.Scalar]) -> EventType? {
        let positions = objectFirst ? Array(window.reversed()) : Array(window)
        for position in positions {
            if [",", "。", ";", "!", "?"].contains(scalars[position]) { return nil }
            for (word, type) in objects where Self.matches(word, at: position, in: window.lowerBound..<(window.upperBound + 4), scalars: scalars) {
                return type
            }
        }
        return nil
    }

    static func matches(_ word: String, at index: Int, in span: Range<Int>, scalars: [Unicode.Scalar]) -> Bool {
        var position = index
        for scalar in word.unicodeScalars {
            guard position < span.upperBound, position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }
}
