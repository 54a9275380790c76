import Extraction
import Foundation

/// Documents to ingest, read from files and folders, with what a folder's
/// `manifest.json` says of them (publication date, source).
///
/// Reading is all or nothing: one unreadable or undated file fails the whole
/// set, with an error naming the file and the fix, before anything is written.
public struct DocumentSet: Sendable {
    public var documents: [SourceDocument]

    public struct Manifest: Decodable, Sendable {
        public struct Entry: Decodable, Sendable {
            public var file: String
            public var published: String?
            public var source: String?
        }
        public var documents: [Entry]
    }

    /// Read `paths` (files or folders of `.txt`/`.html`/`.md` files).
    public static func load(paths: [String], published: CivilDate? = nil, source: String? = nil) throws -> DocumentSet {
        var documents: [SourceDocument] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DocumentError.notFound(path: path)
            }
            if isDirectory.boolValue {
                documents += try loadFolder(path, published: published, source: source)
            } else {
                let manifest = try? manifestEntries(in: (path as NSString).deletingLastPathComponent)
                let name = (path as NSString).lastPathComponent
                let entry = manifest?[name]
                documents.append(try document(
                    at: path, name: name,
                    published: published ?? entry?.published.flatMap(CivilDate.init(iso:)),
                    source: source ?? entry?.source
                ))
            }
        }
        return DocumentSet(documents: documents)
    }

    static let documentExtensions: Set<String> = ["txt", "html", "htm", "md"]

    static func loadFolder(_ folder: String, published: CivilDate?, source: String?) throws -> [SourceDocument] {
        let manifest = try manifestEntries(in: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { documentExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted()
        return try files.map { file in
            let entry = manifest[file]
            return try document(
                at: folder + "/" + file, name: file,
                published: entry?.published.flatMap(CivilDate.init(iso:)) ?? published,
                source: entry?.source ?? source
            )
        }
    }

    /// A text file as it is; an HTML file as its article (menus, sidebars,
    /// scripts and footers left out), titled, dated by the page when it says.
    static func document(at path: String, name: String, published: CivilDate?, source: String?) throws -> SourceDocument {
        guard ["html", "htm"].contains((path as NSString).pathExtension.lowercased()) else {
            return SourceDocument(name: name, text: try readText(path), published: published, source: source)
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw DocumentError.unreadable(path: path) }
        do {
            return try PageReading.article(file: [UInt8](data), path: path).document(url: name, published: published, source: source)
        } catch {
            throw DocumentError.unreadableHTML(path: path, reason: "\(error)")
        }
    }

    static func manifestEntries(in folder: String) throws -> [String: Manifest.Entry] {
        let path = folder + "/manifest.json"
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        do {
            let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            for entry in manifest.documents {
                if let published = entry.published, CivilDate(iso: published) == nil {
                    throw DocumentError.badManifest(path: path, reason: "\(entry.file): published \"\(published)\" is not YYYY-MM-DD")
                }
            }
            return Dictionary(manifest.documents.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        } catch let error as DocumentError {
            throw error
        } catch {
            throw DocumentError.badManifest(path: path, reason: "it is not {\"documents\": [{\"file\", \"published\", \"source\"}]}")
        }
    }

    /// UTF-8 (with or without BOM), UTF-16 with a BOM, GB18030 or Big5;
    /// anything else is refused with the encoding it seems to be in.
    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw DocumentError.unreadable(path: path) }
        if let text = String(data: data, encoding: .utf8) {
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]), let text = String(data: data, encoding: .utf16) {
            return text
        }
        if let (text, _) = LegacyEncoding.decode(data) { return text }
        throw DocumentError.notUTF8(path: path, guess: EncodingGuess.guess(data))
    }
}

/// Why documents could not be read; nothing is ingested when one of them fails.
public enum DocumentError: Error, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String)
    case notUTF8(path: String, guess: String)
    case badManifest(path: String, reason: String)
    case unreadableHTML(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notFound(path): return "\(path) does not exist: check the path"
        case let .unreadable(path): return "\(path) cannot be read: check its permissions"
        case let .notUTF8(path, guess):
            return "\(path) is neither UTF-8 nor readable GB18030 or Big5 Chinese (it looks like \(guess)): convert it, e.g. `iconv -f \(guess) -t UTF-8 \(path) > converted.txt`, and ingest that"
        case let .badManifest(path, reason): return "\(path) is not a valid manifest: \(reason)"
        case let .unreadableHTML(path, reason): return "\(path) could not be read as a web page (\(reason)): save the page's text as a .txt file and ingest that"
        }
    }
}

/// A rough guess at a legacy Chinese encoding, to name it in an error.
enum EncodingGuess {
    static func guess(_ data: Data) -> String {
        var gbLead = 0
        var big5Lead = 0
        var index = data.startIndex
        while index < data.endIndex - 1 {
            let lead = data[index], trail = data[index + 1]
            if lead >= 0x81 && lead <= 0xFE {
                if (0xB0...0xF7).contains(lead) && (0xA1...0xFE).contains(trail) { gbLead += 1 }
                if (0xA4...0xF9).contains(lead) && ((0x40...0x7E).contains(trail) || (0xA1...0xFE).contains(trail)) { big5Lead += 1 }
                index += 2
            } else {
                index += 1
            }
        }
        if gbLead == 0 && big5Lead == 0 { return "an unknown encoding" }
        return gbLead >= big5Lead ? "GB18030" : "BIG5"
    }
}
