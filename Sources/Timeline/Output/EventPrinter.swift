import Foundation

/// Prints timeline events in the chosen format to standard output.
public struct EventPrinter: Sendable {
    public var format: OutputFormat

    public init(format: OutputFormat) {
        self.format = format
    }

    public func print(_ records: [EventRecord]) throws {
        Swift.print(render(records), terminator: "")
    }

    public func render(_ records: [EventRecord]) -> String {
        switch format {
        case .ndjson:
            return records.map { $0.jsonLine() + "\n" }.joined()
        case .json:
            return String(decoding: (try? JSONEncoder.parklinePretty.encode(records)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
        case .csv:
            let header = "id,date,precision,type,park_id,park,title,document,reports\n"
            return header + records.map { record in
                [record.id, record.date, record.precision, record.type, record.park.id, record.park.name, record.title, record.source.document,
                 String(record.reports.count)]
                    .map(Self.csvField).joined(separator: ",") + "\n"
            }.joined()
        case .table:
            let table = TextTable(
                headers: ["DATE", "TYPE", "PARK", "TITLE", "SOURCE", "REPORTS"],
                rows: records.map { [$0.label, $0.type, $0.park.name, $0.title, $0.source.document, String($0.reports.count)] }
            )
            return table.render() + "\n"
        }
    }

    public static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
