import PostgresNIO

extension PostgresClient {
    /// Run the client's connection pool only while `body` runs.
    ///
    /// The pool needs `run()` to be running; this lends a running client to
    /// `body` and shuts the pool down when `body` returns or throws, so no
    /// connection outlives its use.
    public func runWhile<T>(_ body: () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.run() }
            defer { group.cancelAll() }
            return try await body()
        }
    }
}
