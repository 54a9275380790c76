import Foundation
import NIOPosix
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program started with `posix_spawn`, its output (stdout and stderr) in a
/// file, reaped by its own `waitpid`.
///
/// Why not Foundation's `Process`: it learns of a child's exit through a
/// socket the child inherits, so a grandchild that keeps the socket (the
/// postmaster `pg_ctl start` leaves behind, a daemon's cluster) delays the
/// news until it exits too, and with many children at once its termination
/// handler was seen never to run. Why a file and not a pipe: the same
/// grandchildren would hold a pipe open for ever.
///
/// Waiting asynchronously polls `waitpid(WNOHANG)` (every few milliseconds,
/// backing off to 50): no thread is started or blocked, so a wait cannot be
/// lost, and it ends at its deadline whatever the child does.
public final class ChildProcess: Sendable {
    public let pid: pid_t
    public let outputPath: String
    public let commandLine: String
    /// Its exit status once reaped (the pid is then no longer its own).
    private let reaped = Mutex<Int32?>(nil)

    init(pid: pid_t, outputPath: String, commandLine: String) {
        self.pid = pid
        self.outputPath = outputPath
        self.commandLine = commandLine
    }

    /// Start `argv[0]` (an absolute path) with `argv`; `environment` nil
    /// means this process's own. Input is `/dev/null`.
    public static func spawn(_ argv: [String], environment: [String: String]? = nil) throws -> ChildProcess {
        let outputPath = NSTemporaryDirectory() + "parkline-child-\(UUID().uuidString).log"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of this process's: a child that inherits hundreds of
        // its sockets gets high descriptor numbers (wrk then refuses its
        // own connections), and would hold those sockets open.
        closeInheritedDescriptors(&actions)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let cEnvironment = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { cEnvironment?.forEach { free($0) } }
        // The child starts with no signal blocked and every signal at its
        // default: the spawning thread may be one (of the concurrency pool)
        // that blocks them all, and a daemon that inherits that mask never
        // sees SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let spawned = cEnvironment.map { posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, $0) }
            ?? posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, environ)
        let commandLine = argv.joined(separator: " ")
        guard spawned == 0 else {
            unlink(outputPath)
            throw ShellCommandError(commandLine: commandLine, reason: String(cString: strerror(spawned)))
        }
        return ChildProcess(pid: pid, outputPath: outputPath, commandLine: commandLine)
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later; the
    /// Swift module does not import it), else a close action for each
    /// descriptor `/proc/self/fd` lists now.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in listed.compactMap(Int32.init) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    /// What it has written so far.
    public var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// What it has written so far, as bytes.
    public var outputBytes: [UInt8] { (FileManager.default.contents(atPath: outputPath)).map(Array.init) ?? [] }

    /// The exit status once it has ended (128 + signal when a signal ended
    /// it); `nil` while it runs. Reaps it.
    public func exitStatus() -> Int32? {
        reaped.withLock { reaped in
            if let reaped { return reaped }
            var raw: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &raw, WNOHANG) } while result == -1 && errno == EINTR
            if result == 0 { return nil }
            reaped = result == -1 ? 128 : Self.status(raw)  // -1: reaped elsewhere; report it gone
            return reaped
        }
    }

    /// Send `signal` (unless it has been reaped already, when its pid may be another's).
    public func send(_ signal: Int32) {
        reaped.withLock { reaped in
            if reaped == nil { _ = kill(pid, signal) }
        }
    }

    /// Wait for it to end; past `timeout` (when given) it is killed
    /// (`SIGKILL`) and reaped. Its exit status (137 when killed).
    public func wait(timeout: Duration? = nil) async -> Int32 {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        var pause = Duration.milliseconds(2)
        while deadline.map({ ContinuousClock.now < $0 }) ?? true {
            if let status = exitStatus() { return status }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(50))
        }
        send(SIGKILL)
        return waitBlocking()
    }

    /// Wait for it to end, blocking this thread (for synchronous callers,
    /// such as `initdb` and `pg_ctl` while a cluster starts).
    public func waitBlocking() -> Int32 {
        reaped.withLock { reaped in
            if let reaped { return reaped }
            var raw: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &raw, 0) } while result == -1 && errno == EINTR
            reaped = result == -1 ? 128 : Self.status(raw)
            return reaped!
        }
    }

    /// WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out (the C macros are not imported).
    static func status(_ raw: Int32) -> Int32 {
        (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
    }

    /// Remove the output file.
    public func discardOutput() {
        unlink(outputPath)
    }
}

/// Threads for work that blocks (a cluster's `initdb` and `pg_ctl start -w`,
/// which take seconds, under a file lock): never the concurrency pool's few
/// threads, which every request, stream and timer of the process shares.
public enum BlockingWork {
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 4)
        pool.start()
        return pool
    }()

    /// Run `body` on a thread of its own pool and await its result.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }
}
