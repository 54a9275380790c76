import Foundation

/// Moving the cluster's transaction counter past ids a restore brought in.
///
/// Readers return only events whose `tx_id` is below the snapshot horizon.
/// A logical restore copies `tx_id` values from the old cluster, whose
/// counter may be far ahead of this one's: until this cluster's counter
/// passes them, those events would stay unreadable. The counter's epoch
/// (the high 32 bits of an `xid8`) is kept only in the control file and
/// means nothing else to the server (pg_resetwal's manual: "any value will
/// work so far as the database itself is concerned"), so raising it past
/// the restored ids' epoch makes every restored id lie below the horizon at
/// once, without burning billions of transactions.
extension EmbeddedPostgres {
    /// Stop the cluster, give its transaction counter an epoch above
    /// `transactionID`'s, and start it again.
    public func advanceTransactionIDs(past transactionID: UInt64) throws {
        let epoch = (transactionID >> 32) + 1
        try withDirectoryLock {
            let stopped = try pgCtl(["stop", "-D", layout.pgData, "-m", "fast", "-w", "-t", "60"])
            guard stopped.succeeded || stopped.output.contains("Is server running?") else {
                throw EmbeddedPostgresError.stopFailed(dataDirectory: layout.pgData, output: stopped.output)
            }
            let reset = try ShellCommand(
                executable: resetWALProgram(),
                arguments: ["-e", String(epoch), "-D", layout.pgData],
                runAsUser: clusterUser
            ).run()
            guard reset.succeeded else {
                throw EmbeddedPostgresError.startFailed(dataDirectory: layout.pgData, logFile: layout.logFile,
                                                        output: "pg_resetwal -e \(epoch) failed: " + reset.output)
            }
            logger.notice("transaction counter moved past the restored log", metadata: [
                "epoch": "\(epoch)", "restored_tx": "\(transactionID)",
            ])
            try startServer()
        }
    }

    /// `pg_resetwal` beside the real `pg_ctl` (a `PATH` entry may be a link to it alone).
    private func resetWALProgram() -> String {
        let real = URL(fileURLWithPath: binaries.pgCtl).resolvingSymlinksInPath().deletingLastPathComponent().path
        for directory in [binaries.directory, real] where FileManager.default.isExecutableFile(atPath: directory + "/pg_resetwal") {
            return directory + "/pg_resetwal"
        }
        return real + "/pg_resetwal"
    }
}
