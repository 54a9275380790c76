import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One external program run to completion, optionally as another system user.
///
/// Spawned with `posix_spawn` and reaped with `waitpid`; output goes to a
/// temporary file rather than a pipe, because `pg_ctl start` leaves a
/// postmaster behind that inherits the descriptors and a pipe would never
/// reach end-of-file.
struct ShellCommand: Sendable {
    var executable: String
    var arguments: [String]
    /// Run through `runuser -u <user> --` (we are root, PostgreSQL refuses root).
    var runAsUser: String?

    struct Outcome: Sendable {
        var status: Int32
        var output: String
        var succeeded: Bool { status == 0 }
    }

    func run() throws -> Outcome {
        var argv = [executable] + arguments
        if let user = runAsUser {
            argv = [Self.runuserPath, "-u", user, "--"] + argv
        }
        let outputPath = NSTemporaryDirectory() + "parkline-cmd-\(UUID().uuidString).log"
        defer { unlink(outputPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else {
            throw ShellCommandError(commandLine: argv.joined(separator: " "), reason: String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS, spelled out (the C macros are not imported).
        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(status: exitCode, output: output)
    }

    static var runuserPath: String {
        for candidate in ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return "/usr/sbin/runuser"
    }
}

struct ShellCommandError: Error, CustomStringConvertible {
    var commandLine: String
    var reason: String
    var description: String { "could not run \(commandLine): \(reason)" }
}
