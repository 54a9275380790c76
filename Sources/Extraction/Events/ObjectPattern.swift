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
        // `达成合作协议`, `通过国家级…认定`.
        ObjectPattern(
            verbs: ["达成"], notVerbs: [],
            objects: [("协议", .signing), ("意向", .signing)], window: 8),
        ObjectPattern(
            verbs: ["通过"], notVerbs: [],
            objects: [("认定", .award)], window: 16),
        // `赴德国推介`, `前往深圳开展招商交流`: a park's delegation away is a visit.
        ObjectPattern(
            verbs: ["赴", "前往"], notVerbs: [],
            objects: [("推介", .visit), ("交流", .visit), ("招商", .visit), ("洽谈", .visit), ("拜访", .visit), ("对接", .visit), ("学习", .visit)],
            window: 14),
        ObjectPattern(
            verbs: ["发布", "推出", "制定", "首推", "推行", "公布", "公告"], notVerbs: ["发布会", "发布人", "发布厅"],
            objects: policyObjects, window: 26),
        ObjectPattern(
            verbs: ["正式发布", "发布", "公布", "获批", "出炉"], notVerbs: ["发布会", "发布人"],
            objects: policyObjects, window: 8, objectFirst: true),
    ]

    static let policyObjects: [(String, EventType)] = ["举措", "政策", "办法", "方案", "意见", "细则", "条", "规划", "计划", "清单", "措施", "条例", "法》", "规定", "新政"]
        .map { ($0, .policy) }

    /// The pattern's words as scalars, looked up by first scalar (the scan's hot path).
    private struct Compiled: Sendable {
        var verbs: [[Unicode.Scalar]]
        var notVerbs: [[Unicode.Scalar]]
        var objects: [([Unicode.Scalar], EventType)]
        var verbHeads: Set<Unicode.Scalar>
        var objectHeads: Set<Unicode.Scalar>
    }

    private static let compiled: [Compiled] = all.map { pattern in
        let verbs = pattern.verbs.map { Array($0.unicodeScalars) }
        let objects = pattern.objects.map { (Array($0.0.unicodeScalars), $0.1) }
        return Compiled(verbs: verbs, notVerbs: pattern.notVerbs.map { Array($0.unicodeScalars) }, objects: objects,
                        verbHeads: Set(verbs.map { $0[0] }), objectHeads: Set(objects.map { $0.0[0] }))
    }

    /// Triggers of every pattern in `span`.
    static func triggers(in span: Range<Int>, scalars: [Unicode.Scalar]) -> [TriggerLexicon.Trigger] {
        var found: [TriggerLexicon.Trigger] = []
        for (pattern, words) in zip(all, compiled) {
            found += pattern.triggers(in: span, scalars: scalars, words: words)
        }
        return found
    }

    private func triggers(in span: Range<Int>, scalars: [Unicode.Scalar], words: Compiled) -> [TriggerLexicon.Trigger] {
        var found: [TriggerLexicon.Trigger] = []
        var index = span.lowerBound
        while index < span.upperBound {
            guard words.verbHeads.contains(scalars[index]),
                  let verb = words.verbs.first(where: { Self.matches($0, at: index, in: span, scalars: scalars) }),
                  !words.notVerbs.contains(where: { Self.matches($0, at: index, in: span, scalars: scalars) }) else {
                index += 1
                continue
            }
            let window = objectFirst
                ? max(span.lowerBound, index - self.window)..<index
                : (index + verb.count)..<min(span.upperBound, index + verb.count + self.window)
            if let type = object(in: window, scalars: scalars, words: words) {
                found.append(TriggerLexicon.Trigger(type: type, range: index..<index + verb.count))
            }
            index += verb.count
        }
        return found
    }

    /// The first object word in the window, not crossing a clause boundary.
    private func object(in window: Range<Int>, scalars: [Unicode.Scalar], words: Compiled) -> EventType? {
        let positions = objectFirst ? Array(window.reversed()) : Array(window)
        let limit = window.lowerBound..<min(scalars.count, window.upperBound + 4)
        for position in positions {
            let scalar = scalars[position]
            if [",", "。", ";", "!", "?"].contains(scalar) { return nil }
            guard words.objectHeads.contains(scalar) else { continue }
            for (word, type) in words.objects where Self.matches(word, at: position, in: limit, scalars: scalars) {
                return type
            }
        }
        return nil
    }

    static func matches(_ word: [Unicode.Scalar], at index: Int, in span: Range<Int>, scalars: [Unicode.Scalar]) -> Bool {
        scalars.hasWord(word, at: index, in: span)
    }

}
