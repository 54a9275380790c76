import Extraction
import Foundation

/// Prints what `parkline extract --explain` found: for each sentence with a
/// date or a trigger, its dates, triggers and what became of it.
public struct ExplanationPrinter: Sendable {
    public var format: OutputFormat

    public init(format: OutputFormat) {
        self.format = format
    }

    public func print(document: String, result: ExtractionResult) {
        Swift.print(render(document: document, result: result), terminator: "")
    }

    public func render(document: String, result: ExtractionResult) -> String {
        switch format {
        case .json, .ndjson:
            return result.explanations.map { note in
                var line = note.jsonLine()
                line.removeLast()
                return line + ",\"document\":" + Self.quoted(document) + "}\n"
            }.joined()
        case .table, .csv:
            var lines = ["\(document): published \(result.published) (from the \(result.publishedFrom)), park \(result.mainPark.map { "\($0.name) (\($0.id))" } ?? "none named"), \(result.events.count) events"]
            for note in result.explanations {
                let sentence = note.sentence.count > 70 ? String(note.sentence.prefix(69)) + "…" : note.sentence
                lines.append("")
                lines.append("@\(note.offset) \(sentence)")
                if !note.dates.isEmpty { lines.append("  dates:    " + note.dates.joined(separator: ", ")) }
                if !note.triggers.isEmpty { lines.append("  triggers: " + note.triggers.joined(separator: ", ")) }
                lines.append("  → " + note.outcome)
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private static func quoted(_ text: String) -> String {
        text.jsonLine()
    }
}
