/// An aligned plain-text table in which CJK characters count two columns,
/// so Chinese titles line up in a terminal.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    /// Cells wider than this are cut with an ellipsis.
    public var maximumWidth: Int

    public init(headers: [String], rows: [[String]], maximumWidth: Int = 60) {
        self.headers = headers
        self.rows = rows
        self.maximumWidth = maximumWidth
    }

    public func render() -> String {
        let cells = ([headers] + rows).map { $0.map { Self.truncate($0, to: maximumWidth) } }
        var widths = Array(repeating: 0, count: headers.count)
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.displayWidth(cell))
            }
        }
        var lines: [String] = []
        for (rowIndex, row) in cells.enumerated() {
            var line = ""
            for (index, cell) in row.enumerated() where index < widths.count {
                let padding = index == row.count - 1 ? 0 : widths[index] - Self.displayWidth(cell) + 2
                line += cell + String(repeating: " ", count: padding)
            }
            lines.append(line)
            if rowIndex == 0 {
                lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Columns a string takes in a terminal: East Asian wide and full-width characters take two.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x0300...0x036F, 0x200B...0x200F: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default: return 1
        }
    }

    static func truncate(_ text: String, to width: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        guard displayWidth(flat) > width else { return flat }
        var result = ""
        var used = 0
        for scalar in flat.unicodeScalars {
            let w = self.width(of: scalar)
            if used + w > width - 1 { break }
            result.unicodeScalars.append(scalar)
            used += w
        }
        return result + "…"
    }
}
