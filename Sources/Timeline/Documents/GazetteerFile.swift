import Extraction
import Foundation

/// Where the parks gazetteer is read from: an explicit path, `PARKLINE_PARKS`,
/// or `seeds/parks.json` under the working directory; none means discovery only.
public enum GazetteerFile {
    public static func load(_ path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ParkGazetteer {
        let candidates = [path, environment["PARKLINE_PARKS"], "seeds/parks.json"].compactMap { $0 }
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate) {
            guard let data = FileManager.default.contents(atPath: candidate) else { continue }
            do {
                return try ParkGazetteer(json: data)
            } catch {
                throw DocumentError.badManifest(path: candidate, reason: "a parks gazetteer is a JSON array of {id, name, aliases, city}")
            }
        }
        if let path { throw DocumentError.notFound(path: path) }
        return .empty
    }
}
