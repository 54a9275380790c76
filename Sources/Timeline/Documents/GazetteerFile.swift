import Extraction
import Foundation

/// The parks gazetteer: the catalogue bundled with Parkline, plus the parks of
/// a user's file (the `parks` setting). A file's entry
/// with the id of a bundled park replaces it; new ids add parks. Every working
/// directory gives the same parks.
public enum GazetteerFile {
    public static func load(_ path: String?) throws -> ParkGazetteer {
        guard let candidate = path else { return .bundled }
        guard FileManager.default.fileExists(atPath: candidate), let data = FileManager.default.contents(atPath: candidate) else {
            throw DocumentError.notFound(path: candidate)
        }
        do {
            return ParkGazetteer.bundled.adding(try JSONDecoder().decode([Park].self, from: data))
        } catch {
            throw DocumentError.badManifest(path: candidate, reason: "a parks gazetteer is a JSON array of {id, name, aliases, city, province}")
        }
    }
}
