/// Chooses the charset of a page or feed and decodes it: the byte order mark,
/// then the HTTP `Content-Type` header, then what the document declares in its
/// first bytes (`<meta charset>`, `<meta http-equiv>`, `<?xml encoding?>`),
/// then the bytes themselves (valid UTF-8, else GB18030, else Big5). A label
/// the bytes are not valid in gives way to the next (servers label GBK pages
/// UTF-8 or ISO-8859-1 by default).
enum CharsetSniffer {
    /// Declarations are looked for this far into the document, before parsing.
    static let declarationWindow = 4096

    static func decode(_ bytes: [UInt8], contentType: String?) -> PageCharset.Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return PageCharset.Decoded(text: PageCharset.utf8.decode(Array(bytes.dropFirst(3)), strict: false) ?? "", charset: .utf8, source: .byteOrderMark)
        }
        let header = contentType.flatMap(headerCharset)
        let declared = declaredCharset(in: bytes)
        var labels: [(PageCharset, PageCharset.Source)] = []
        if let header { labels.append((header, .header)) }
        if let declared, declared != header { labels.append((declared, .document)) }
        // Servers send a default ISO-8859-1 (or UTF-8) for pages that are GBK
        // inside: a label wins only if the bytes are valid in it, and a Latin
        // label only if the bytes do not read as Chinese either.
        let latin = labels.first { $0.0 == .windows1252 }
        labels.removeAll { $0.0 == .windows1252 }
        // Non-ASCII text valid as UTF-8 is UTF-8 whatever its label says (GBK
        // or Big5 text is almost never valid UTF-8, while UTF-8 bytes can be
        // valid GB18030: a page re-encoded to UTF-8 that kept its old label).
        if bytes.contains(where: { $0 >= 0x80 }), PageCharset.isValidUTF8(bytes) {
            let source = labels.first { $0.0 == .utf8 }?.1 ?? .detected
            return PageCharset.Decoded(text: String(decoding: bytes, as: UTF8.self), charset: .utf8, source: source)
        }
        for (charset, source) in labels {
            if let text = charset.decode(bytes, strict: true) {
                return PageCharset.Decoded(text: text, charset: charset, source: source)
            }
        }
        // A few broken bytes in a page that is otherwise what it says.
        for (charset, source) in labels {
            if let text = charset.decode(bytes, strict: false), replacementShare(text) <= maximumReplacementShare {
                return PageCharset.Decoded(text: text, charset: charset, source: source)
            }
        }
        let (charset, text) = detect(bytes)
        if let (latinCharset, source) = latin, commonness(text) < minimumCommonness,
           let latinText = latinCharset.decode(bytes, strict: false) {
            return PageCharset.Decoded(text: latinText, charset: latinCharset, source: source)
        }
        return PageCharset.Decoded(text: text, charset: charset, source: .detected)
    }

    /// A labelled charset is kept despite invalid bytes up to this share of the text.
    static let maximumReplacementShare = 0.01
    /// Below this share of common Chinese characters, GB18030 or Big5 text is taken for a misreading.
    static let minimumCommonness = 0.1

    static func replacementShare(_ text: String) -> Double {
        var total = 0
        var replaced = 0
        for scalar in text.unicodeScalars where !scalar.isASCII {
            total += 1
            if scalar == "\u{FFFD}" { replaced += 1 }
        }
        return total == 0 ? 0 : Double(replaced) / Double(total)
    }

    /// The charset parameter of a `Content-Type` value (`text/html; charset=GBK`).
    static func headerCharset(_ contentType: String) -> PageCharset? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingQuotesAndSpaces().lowercased() == "charset" {
                return PageCharset(label: String(pair[1]))
            }
        }
        return nil
    }

    /// The charset a document declares near its start, read from the bytes
    /// before any parsing (the declaration says how to decode the rest).
    static func declaredCharset(in bytes: [UInt8]) -> PageCharset? {
        let head = bytes.prefix(declarationWindow).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        if head.starts(with: Array("<?xml".utf8)), let end = head.firstRange(of: Array("?>".utf8)),
           let label = value(after: Array("encoding".utf8), in: head[..<end.lowerBound]) {
            return PageCharset(label: label)
        }
        var searchFrom = head.startIndex
        while let meta = head[searchFrom...].firstRange(of: Array("<meta".utf8)) {
            let tagEnd = head[meta.upperBound...].firstIndex(of: UInt8(ascii: ">")) ?? head.endIndex
            if let label = value(after: Array("charset".utf8), in: head[meta.upperBound..<tagEnd]),
               let charset = PageCharset(label: label) {
                return charset
            }
            searchFrom = tagEnd
        }
        return nil
    }

    /// The value in `name = "value"` or `name=value;` inside a tag's bytes.
    private static func value(after name: [UInt8], in tag: ArraySlice<UInt8>) -> String? {
        guard let found = tag.firstRange(of: name) else { return nil }
        var index = found.upperBound
        let spaces: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        while index < tag.endIndex, spaces.contains(tag[index]) { index += 1 }
        guard index < tag.endIndex, tag[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        while index < tag.endIndex, spaces.contains(tag[index]) || tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") {
            index += 1
        }
        let stops: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "?")]
        let end = tag[index...].firstIndex(where: { stops.contains($0) }) ?? tag.endIndex
        guard end > index else { return nil }
        return String(decoding: tag[index..<end], as: UTF8.self)
    }

    /// Undeclared bytes: UTF-8 when valid, else whichever of GB18030 and Big5
    /// reads as ordinary Chinese (both accept most byte pairs, so validity
    /// alone cannot tell them apart).
    static func detect(_ bytes: [UInt8]) -> (PageCharset, String) {
        if PageCharset.isValidUTF8(bytes) { return (.utf8, String(decoding: bytes, as: UTF8.self)) }
        let strict = [PageCharset.gb18030, .big5].compactMap { charset in charset.decode(bytes, strict: true).map { (charset, $0) } }
        let candidates = strict.isEmpty
            ? [PageCharset.gb18030, .big5].compactMap { charset in charset.decode(bytes, strict: false).map { (charset, $0) } }
            : strict
        // Ties go to GB18030, listed first: mainland pages are the common case.
        let best = candidates.enumerated().max { lhs, rhs in
            let (left, right) = (commonness(lhs.element.1), commonness(rhs.element.1))
            return left == right ? lhs.offset > rhs.offset : left < right
        }
        return best?.element ?? (.gb18030, String(decoding: bytes, as: UTF8.self))
    }

    /// Share of non-ASCII characters that are among the most frequent in
    /// Chinese prose (simplified and traditional) or its punctuation.
    static func commonness(_ text: String) -> Double {
        var nonASCII = 0
        var common = 0
        for scalar in text.unicodeScalars where !scalar.isASCII {
            nonASCII += 1
            if frequent.contains(scalar) { common += 1 }
        }
        return nonASCII == 0 ? 0 : Double(common) / Double(nonASCII)
    }

    private static let frequent: Set<Unicode.Scalar> = Set((
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质气第向道此变条只没结解问意建月公无系很情者最立代已通并提直题党程展五果员位入常文总次品式活设及管特件长求基资边流路级少图山统接知较将组见计别期根论运农指九区强放决西被做必先回则任取据处府园企项目市省县镇"
        + "這個國們來時說對會發動過產種後實業應開還為與關數點從質氣變條沒結問間長頭資邊級圖統組見計別論運農區強決戰則據處學經進電裡體機當樣園項縣鎮"
        + "，。、；：「」（）《》“”！？"
    ).unicodeScalars)
}
