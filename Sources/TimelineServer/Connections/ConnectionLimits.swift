/// How the daemon bounds its HTTP connections.
public struct ConnectionLimits: Sendable {
    /// A request's header must arrive within this time of its first byte
    /// (or of the connection opening); a client that dawdles is answered
    /// `408` and closed. Slow-header clients otherwise hold a connection each.
    public var headerTimeout: Duration
    /// A kept-alive connection with no request in progress is closed after
    /// this long. Streams in progress are not idle.
    public var idleTimeout: Duration
    /// Open connections at most; the next is answered `503` and closed.
    /// `nil`: sized from the open-file limit (``FileLimit/connectionCap(forFiles:)``).
    public var maximumConnections: Int?

    public init(headerTimeout: Duration = .seconds(5), idleTimeout: Duration = .seconds(75), maximumConnections: Int? = nil) {
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.maximumConnections = maximumConnections
    }
}
