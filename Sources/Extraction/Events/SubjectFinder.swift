/// Who or what an event is about: companies, projects, delegations.
struct SubjectFinder {
    let scalars: [Unicode.Scalar]

    static let endings = WordEndings(["股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "代表团", "考察团", "项目", "商会", "协会", "研究院"])
    static let stoppers: Set<Unicode.Scalar> = Set("的在与和及、,:;。“”\"'()《》了是为由对向从把被等到于至来自在将与园区了个".unicodeScalars)

    struct Subject: Equatable {
        var name: String
        var range: Range<Int>
    }

    func subjects(in span: Range<Int>) -> [Subject] {
        var found: [Subject] = []
        var index = span.lowerBound
        while index < span.upperBound {
            guard let length = Self.endings.match(scalars, at: index, in: span) else { index += 1; continue }
            var start = index
            while true {
                // `沃尔沃汽车(中国)有限公司`, `正(负)极材料项目`: words in brackets inside a name are part of it.
                if let open = bracketedPlace(before: start, in: span), index - open < 24 { start = open; continue }
                guard start > span.lowerBound, index - start < 20, !Self.stoppers.contains(scalars[start - 1]),
                      scalars[start - 1].isHan || scalars[start - 1].isDigit || Self.isLatinLetter(scalars[start - 1]) else { break }
                // `授牌暨重大项目签约仪式`: 暨 joins two names (but `诸暨` is a city).
                if scalars[start - 1] == "暨", !(start - 2 >= span.lowerBound && scalars[start - 2] == "诸") { break }
                // `2013年11月28日大庆项目`: a date before the name is not part of it.
                if ["年", "月", "日"].contains(scalars[start - 1]), start - 2 >= span.lowerBound, scalars[start - 2].isDigit { break }
                start -= 1
            }
            // `举行项目开工仪式`: the verb before the ending is the sentence's, not the name's.
            while let verb = Self.leadingVerbs.first(where: { scalars.hasWord($0.unicodeScalars, at: start, in: start..<index) }) {
                start += verb.unicodeScalars.count
            }
            let end = index + length
            // "该项目", "等项目", "个项目": no name before the ending.
            if index - start >= 2 {
                let name = String(String.UnicodeScalarView(scalars[start..<end]))
                if !found.contains(where: { $0.name == name }) && !Self.isGeneric(name) {
                    found.append(Subject(name: name, range: start..<end))
                }
            }
            index = end
        }
        return found
    }

    /// Where `(中国)`, `(苏州)` or `(负)` (`钠离子电池正(负)极材料项目`) starts when
    /// it ends just before `end` and a name goes on before it: one to four
    /// Chinese characters in brackets.
    private func bracketedPlace(before end: Int, in span: Range<Int>) -> Int? {
        guard end - 1 > span.lowerBound, scalars[end - 1] == ")" else { return nil }
        var open = end - 2
        while open > span.lowerBound, end - 1 - open <= 5, scalars[open].isHan { open -= 1 }
        let inside = end - 2 - open
        guard scalars[open] == "(", (1...4).contains(inside), open > span.lowerBound, scalars[open - 1].isHan,
              !Self.stoppers.contains(scalars[open - 1]) else { return nil }
        return open
    }

    /// `ABB`, `硬x光`: Latin letters are part of names.
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
    }

    /// Verbs a leftward scan picks up before a name (`举行项目…仪式`).
    static let leadingVerbs = ["举行", "举办", "召开", "组织", "开展", "实施"]

    static func isGeneric(_ name: String) -> Bool {
        // `二季度重点项目`, `年度重大项目`: a period's projects name none of them (but `第三批重点项目`
        // is one batch: another batch the same day is another act).
        let kinds = ["重大项目", "产业项目", "重点项目", "工业项目", "招商项目", "文旅项目", "旅游项目", "合作项目", "高新项目", "建设项目", "民生项目"]
        if let kind = kinds.first(where: { name.hasSuffix($0) }), name.count > kind.count {
            let qualifier = name.dropLast(kind.count)
            if ["季度", "年度", "半年", "月份"].contains(where: { qualifier.hasSuffix($0) }) { return true }
        }
        return kinds.contains(name)
            || name.hasPrefix("一批") || name.hasPrefix("各类")
            || ["一期", "二期", "三期", "首期", "该", "本", "此", "这个", "上述"].contains { name.hasPrefix($0) && name.count <= $0.count + 4 }
    }
}
