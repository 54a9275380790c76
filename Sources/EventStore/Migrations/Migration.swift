import Crypto
import Foundation

/// One numbered schema change, `NNNN_name.sql`.
///
/// Each target that creates tables owns their migrations as resources (the
/// event log's here, the read models' in Projections); `db/migrations` links
/// to every owner's folder. Versions are one sequence across owners, and a
/// database is migrated with the list its users assemble (`assemble`).
///
/// Applied migrations are never edited: the checksum recorded when it ran is
/// compared on every start, and a difference stops the process.
public struct Migration: Sendable, Equatable {
    public var version: Int
    public var name: String
    public var sql: String

    /// SHA-256 of the file's bytes, hex encoded.
    public var checksum: String {
        SHA256.hash(data: Data(sql.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Parse `NNNN_name.sql`; other file names are not migrations.
    public init?(fileName: String, sql: String) {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_"),
              let version = Int(stem[..<underscore]) else { return nil }
        self.version = version
        self.name = String(stem[stem.index(after: underscore)...])
        self.sql = sql
    }

    /// The migrations in a target's bundled `migrations` folder, in order.
    public static func load(bundled directory: URL?) throws -> [Migration] {
        guard let directory else { throw MigrationError.missingResources }
        return try load(from: directory.path)
    }

    /// Several owners' migrations as one list in version order; two owners
    /// may not use one version.
    public static func assemble(_ lists: [Migration]...) throws -> [Migration] {
        let all = lists.joined().sorted { $0.version < $1.version }
        for (earlier, later) in zip(all, all.dropFirst()) where earlier.version == later.version {
            throw MigrationError.duplicateVersion(later.version)
        }
        return all
    }

    /// The migrations in a directory, in version order.
    public static func load(from directory: String) throws -> [Migration] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        let migrations = try files.compactMap { file -> Migration? in
            guard file.hasSuffix(".sql") else { return nil }
            let sql = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            guard let migration = Migration(fileName: file, sql: sql) else {
                throw MigrationError.badFileName(file)
            }
            return migration
        }
        return try assemble(migrations)
    }
}

/// Why the schema could not be brought up to date.
public enum MigrationError: Error, CustomStringConvertible, Equatable {
    case missingResources
    case badFileName(String)
    case duplicateVersion(Int)
    case checksumMismatch(version: Int, name: String)
    case unknownApplied(version: Int)
    case failed(version: Int, name: String, reason: String)
    /// Migrations are pending and this role may not run them.
    case notOwner(pending: [Int])

    public var description: String {
        switch self {
        case .missingResources:
            return "the migrations were not bundled with this build; rebuild Parkline with `swift build`"
        case let .badFileName(file):
            return "the migration file \(file) is not named NNNN_name.sql; rename it"
        case let .duplicateVersion(version):
            return "two migrations share version \(version); renumber one of them"
        case let .checksumMismatch(version, name):
            return """
                migration \(String(format: "%04d", version))_\(name).sql was changed after it was applied \
                to this database. Applied migrations must never be edited: restore the original file \
                and put the change in a new, higher-numbered migration.
                """
        case let .unknownApplied(version):
            return "this database has migration \(version) applied, which this build does not know: use a newer Parkline"
        case let .failed(version, name, reason):
            return "migration \(String(format: "%04d", version))_\(name).sql failed: \(reason)"
        case let .notOwner(pending):
            return """
                the schema needs migration\(pending.count == 1 ? "" : "s") \(pending.map(String.init).joined(separator: ", ")), \
                which this database role may not apply: run `parkline db migrate --database-url <the owner's URL>` first
                """
        }
    }
}
