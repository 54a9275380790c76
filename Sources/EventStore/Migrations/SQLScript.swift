/// Splits a migration script into single statements.
///
/// The extended query protocol runs one statement at a time, so a script is
/// cut at top-level semicolons; semicolons inside quotes ('…', "…"),
/// dollar-quoted bodies ($$…$$, $tag$…$tag$) and comments are kept.
public enum SQLScript {
    public static func statements(_ script: String) -> [String] {
        let scalars = Array(script.unicodeScalars)
        var statements: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0

        func flush() {
            let text = String(current).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty && !isOnlyComments(text) { statements.append(text) }
            current = String.UnicodeScalarView()
        }

        while index < scalars.count {
            let scalar = scalars[index]
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalar {
            case "-" where next == "-":
                while index < scalars.count && scalars[index] != "\n" {
                    current.append(scalars[index]); index += 1
                }
                continue
            case "/" where next == "*":
                while index < scalars.count && !(scalars[index] == "*" && index + 1 < scalars.count && scalars[index + 1] == "/") {
                    current.append(scalars[index]); index += 1
                }
                if index < scalars.count { current.append("*"); current.append("/"); index += 2 }
                continue
            case "'", "\"":
                current.append(scalar); index += 1
                while index < scalars.count {
                    current.append(scalars[index])
                    if scalars[index] == scalar {
                        // A doubled quote is an escaped quote, not the end.
                        if index + 1 < scalars.count && scalars[index + 1] == scalar {
                            current.append(scalar); index += 2; continue
                        }
                        index += 1; break
                    }
                    index += 1
                }
                continue
            case "$":
                if let tag = dollarTag(scalars, at: index) {
                    let tagScalars = Array(tag.unicodeScalars)
                    tagScalars.forEach { current.append($0) }
                    index += tagScalars.count
                    while index < scalars.count {
                        if scalars[index] == "$", matches(scalars, at: index, tagScalars) {
                            tagScalars.forEach { current.append($0) }
                            index += tagScalars.count
                            break
                        }
                        current.append(scalars[index]); index += 1
                    }
                    continue
                }
            case ";":
                flush(); index += 1
                continue
            default:
                break
            }
            current.append(scalar); index += 1
        }
        flush()
        return statements
    }

    /// `$tag$` starting at `index`, if one does (`$1` parameters are not tags).
    private static func dollarTag(_ scalars: [Unicode.Scalar], at index: Int) -> String? {
        var end = index + 1
        while end < scalars.count, scalars[end] == "_" || scalars[end].properties.isAlphabetic
            || (end > index + 1 && ("0"..."9").contains(scalars[end])) {
            end += 1
        }
        guard end < scalars.count, scalars[end] == "$" else { return nil }
        return String(String.UnicodeScalarView(scalars[index...end]))
    }

    private static func matches(_ scalars: [Unicode.Scalar], at index: Int, _ tag: [Unicode.Scalar]) -> Bool {
        guard index + tag.count <= scalars.count else { return false }
        return Array(scalars[index..<index + tag.count]) == tag
    }

    private static func isOnlyComments(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
    }
}

import Foundation
