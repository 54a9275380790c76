import Foundation

/// The lines of a file, read a megabyte at a time: memory stays bounded by
/// the longest line, not the file.
struct LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var atEnd = false
    /// The number of the line last returned (1 for the first).
    private(set) var lineNumber = 0
    /// Whether the last line returned ended with a newline (a cut-off file's last line does not).
    private(set) var lastLineTerminated = true

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        self.handle = handle
    }

    /// The next line without its newline, or `nil` at the end of the file.
    mutating func next() throws -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = buffer[(newline + 1)...]
                lineNumber += 1
                lastLineTerminated = true
                return Data(line)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                let line = buffer
                buffer = Data()
                lineNumber += 1
                lastLineTerminated = false
                return line
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer.append(chunk) }
        }
    }

    func close() { try? handle.close() }
}
