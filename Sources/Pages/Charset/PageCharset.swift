/// The character encodings Chinese pages arrive in, and how one was chosen.
public enum PageCharset: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case utf8 = "UTF-8"
    /// GB18030, which decodes GBK and GB2312 too (mainland government CMSs).
    case gb18030 = "GB18030"
    /// Big5 (Taiwan, Hong Kong, Macao).
    case big5 = "Big5"
    /// Windows-1252, what browsers use for a page labelled ISO-8859-1 or ASCII.
    case windows1252 = "windows-1252"

    /// The charset an encoding label names (`gb2312`, `GBK`, `x-gbk`, `utf8`,
    /// `big5-hkscs`), or nil for a label Parkline does not read.
    public init?(label: String) {
        let label = label.trimmingQuotesAndSpaces().lowercased()
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8":
            self = .utf8
        case "gb18030", "gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312", "chinese":
            self = .gb18030
        case "big5", "big5-hkscs", "x-x-big5", "cn-big5", "cp950", "csbig5":
            self = .big5
        case "iso-8859-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252":
            self = .windows1252
        default:
            return nil
        }
    }

    /// Where the charset of a page came from.
    public enum Source: String, Sendable, Hashable {
        /// A UTF-8 byte order mark.
        case byteOrderMark
        /// The HTTP `Content-Type` header's charset parameter.
        case header
        /// `<meta charset>`, `<meta http-equiv="Content-Type">` or `<?xml encoding?>`.
        case document
        /// Nothing declared it (or the declaration was wrong): the bytes decided.
        case detected
    }

    /// Text decoded from a page's bytes, with its charset and where that came from.
    public struct Decoded: Sendable, Equatable {
        public var text: String
        public var charset: PageCharset
        public var source: Source

        public init(text: String, charset: PageCharset, source: Source) {
            self.text = text
            self.charset = charset
            self.source = source
        }
    }

    /// Decodes a page or feed: the byte order mark, the `Content-Type`
    /// header's charset, the document's own declaration, then the bytes
    /// (valid UTF-8, else GB18030 or Big5, whichever reads as common
    /// Chinese). A label the bytes are not valid in gives way to the next;
    /// non-ASCII bytes valid as UTF-8 are UTF-8 whatever the label. Never
    /// fails: invalid bytes become U+FFFD.
    public static func decode(_ bytes: [UInt8], contentType: String? = nil) -> Decoded {
        CharsetSniffer.decode(bytes, contentType: contentType)
    }

    public var description: String { rawValue }

    /// The text, or nil when the bytes are not valid in this charset (only
    /// when `strict`; otherwise invalid bytes become U+FFFD).
    func decode(_ bytes: [UInt8], strict: Bool) -> String? {
        switch self {
        case .utf8:
            if strict, !Self.isValidUTF8(bytes) { return nil }
            return String(decoding: bytes, as: UTF8.self)
        case .gb18030:
            return Iconv(encoding: "GB18030").decode(bytes, strict: strict)
        case .big5:
            return Iconv(encoding: "BIG5-HKSCS").decode(bytes, strict: strict)
                ?? Iconv(encoding: "BIG5").decode(bytes, strict: strict)
        case .windows1252:
            return Iconv(encoding: "WINDOWS-1252").decode(bytes, strict: strict)
                ?? String(decoding: bytes.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        }
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
