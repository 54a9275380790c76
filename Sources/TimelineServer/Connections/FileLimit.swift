#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's limit on open files, which bounds how many clients it can hold.
public enum FileLimit {
    /// Raise the soft limit on open files to the hard limit (the usual soft
    /// 1,024 is a few hundred slow clients away from refusing everyone) and
    /// return the limit now in force.
    @discardableResult
    public static func raiseToHard() -> (soft: Int, hard: Int) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return (1024, 1024) }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return (clamp(limit.rlim_cur), clamp(limit.rlim_max))
    }

    /// The limits in force, without changing them.
    public static var current: (soft: Int, hard: Int) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return (1024, 1024) }
        return (clamp(limit.rlim_cur), clamp(limit.rlim_max))
    }

    /// Set the soft limit (tests lower it to check that start-up raises it).
    public static func setSoft(_ soft: Int) -> Bool {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return false }
        limit.rlim_cur = rlim_t(soft)
        return setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0
    }

    /// The connection cap a limit of `files` open files allows: the files
    /// less a reserve for the database pools, the LISTEN connection, the
    /// embedded cluster's pipes, log and resource files, and page fetches.
    public static func connectionCap(forFiles files: Int) -> Int {
        let reserve = max(128, files / 10)
        return max(32, files - reserve)
    }

    private static func clamp(_ value: rlim_t) -> Int {
        value >= rlim_t(Int.max) ? Int.max : Int(value)
    }
}
