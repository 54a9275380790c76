#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes bytes in a legacy Chinese encoding with the C library's iconv,
/// which on glibc and macOS knows GB18030 (a superset of GBK and GB2312) and
/// Big5 whether or not Foundation was built with those converters.
struct Iconv {
    /// The encoding's name as iconv spells it (`GB18030`, `BIG5`).
    let encoding: String

    /// The decoded text, or nil when iconv does not know the encoding or, if
    /// `strict`, when any byte sequence is invalid in it. When not strict an
    /// invalid byte becomes U+FFFD and decoding goes on.
    func decode(_ bytes: [UInt8], strict: Bool) -> String? {
        let converter = iconv_open("UTF-8", encoding)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        if bytes.isEmpty { return "" }

        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 2 + 16)
        var chunk = [UInt8](repeating: 0, count: 16_384)
        var input = bytes
        return input.withUnsafeMutableBufferPointer { inputBuffer -> String? in
            var inPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var inLeft = inputBuffer.count
            while inLeft > 0 {
                let (result, failure, written) = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    var outPointer: UnsafeMutablePointer<CChar>? =
                        UnsafeMutableRawPointer(chunkBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = chunkBuffer.count
                    var inOptional: UnsafeMutablePointer<CChar>? = inPointer
                    let result = iconv(converter, &inOptional, &inLeft, &outPointer, &outLeft)
                    let failure = result == -1 ? errno : 0
                    inPointer = inOptional!
                    return (result, failure, chunkBuffer.count - outLeft)
                }
                output.append(contentsOf: chunk[0..<written])
                guard result == -1 else { continue }
                switch failure {
                case E2BIG:
                    continue
                case EILSEQ, EINVAL:
                    // An invalid sequence, or one cut off at the end.
                    if strict { return nil }
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    inPointer += 1
                    inLeft -= 1
                default:
                    return nil
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}
