import Foundation

/// Pages from Chinese sites still come in GB18030 (a superset of GBK and
/// GB2312) or Big5. Every Big5 byte pair is also valid GB18030, so "it
/// decodes" does not tell them apart; the decoding whose text is made of
/// common Chinese characters wins.
enum LegacyEncoding: String, CaseIterable {
    case gb18030 = "GB18030"
    case big5 = "BIG5"

    var foundationEncoding: String.Encoding {
        switch self {
        case .gb18030: return String.Encoding(rawValue: 0x8000_0632)  // kCFStringEncodingGB_18030_2000
        case .big5: return String.Encoding(rawValue: 0x8000_0A03)  // kCFStringEncodingBig5
        }
    }

    /// The text and the encoding it was in, or `nil` when neither decoding
    /// reads as Chinese.
    static func decode(_ data: Data) -> (text: String, encoding: LegacyEncoding)? {
        var best: (text: String, encoding: LegacyEncoding, score: Double)?
        for encoding in allCases {
            guard let text = String(data: data, encoding: encoding.foundationEncoding) else { continue }
            let score = commonShare(text)
            if score > (best?.score ?? 0.15) { best = (text, encoding, score) }
        }
        return best.map { ($0.text, $0.encoding) }
    }

    /// The share of Han characters in `text` that are among the most common ones.
    static func commonShare(_ text: String) -> Double {
        var han = 0
        var common = 0
        for scalar in text.unicodeScalars where (0x4E00...0x9FFF).contains(scalar.value) {
            han += 1
            if commonCharacters.contains(scalar) { common += 1 }
        }
        return han == 0 ? 0 : Double(common) / Double(han)
    }

    /// Frequent characters of news text, in simplified and traditional forms.
    static let commonCharacters: Set<Unicode.Scalar> = Set((
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行"
            + "学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天"
            + "政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立"
            + "代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农"
            + "指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶思术极交受联认六共权收证"
            + "改清己美再采转更单风切打白教速带安场身车例真务具万每目至达走积示议声报完类八离华名确才科张信马节话米整空元况今集传土许步群广"
            + "石记需段研界拉林律且究观越织装影算低持音众书布复容际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消"
            + "构府称太准精值号率族维划选标写存候亲快效院查江型眼王按格养易置派层片始专状育厂京识适属包住调满县局照参红细引听该铁价严龙飞园"
            + "签举仪项投企竣"
            + "這為個們來時說國對會實現動過後進還從當點體長門問間無處樣於與發產經濟議園區簽約舉儀項資業開區設備號術員質農電話萬東務"
    ).unicodeScalars)
}
