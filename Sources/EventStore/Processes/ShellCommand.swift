import Foundation

/// One external program run to completion, optionally as another system
/// user (see ``ChildProcess`` for how it is started and reaped).
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

    var argv: [String] {
        let argv = [executable] + arguments
        guard let user = runAsUser else { return argv }
        return [Self.runuserPath, "-u", user, "--"] + argv
    }

    /// Run it, blocking this thread until it ends.
    func run() throws -> Outcome {
        let child = try ChildProcess.spawn(argv)
        defer { child.discardOutput() }
        let status = child.waitBlocking()
        return Outcome(status: status, output: child.output)
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
