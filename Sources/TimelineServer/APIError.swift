import EventStore
import Extraction
import Fetching
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PostgresNIO
import Timeline

/// An error as clients see it: `{"error": {"code", "message"}}` with a status.
/// Messages name the input and the fix; they never carry SQL, paths or traces.
public struct APIError: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
        }
        var error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        let data = (try? JSONEncoder.parkline.encode(Body(error: .init(code: code, message: message)))) ?? Data()
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, "bad_request", message) }
    static func notFound(_ message: String) -> APIError { APIError(.notFound, "not_found", message) }
    /// The database did not answer (restart, failover, timeout): retry shortly.
    static let databaseUnavailable = APIError(.serviceUnavailable, "unavailable", "the database is unavailable: retry shortly",
                                              headers: [.retryAfter: "2"])

    /// Translate what the layers below throw into what a client may see.
    static func from(_ error: any Error, logger: Logger) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as EditError:
            switch error {
            case .unknownEvent: return APIError(.notFound, "unknown_event", error.description)
            case .retracted: return APIError(.conflict, "retracted", error.description)
            case .nothingToChange, .nothingToMerge, .nothingToSplit:
                return APIError(.unprocessableContent, "nothing_to_change", error.description)
            case .differentParks: return APIError(.unprocessableContent, "different_parks", error.description)
            case .emptyField, .fieldTooLong, .controlCharacter: return APIError(.badRequest, "invalid_field", error.description)
            case .projectionBehind:
                return APIError(.serviceUnavailable, "projection_behind", error.description, headers: [.retryAfter: "2"])
            }
        case let error as InputError:
            return APIError.badRequest(error.description)
        case let error as ParkResolutionError:
            switch error {
            case .unknown: return APIError(.notFound, "unknown_park", error.description)
            case .ambiguous: return APIError(.unprocessableContent, "ambiguous_park", error.description)
            }
        case let error as ExtractionError:
            return APIError(.unprocessableContent, "unreadable_document", error.apiDescription)
        case let error as FetchError:
            switch error.code {
            case .invalidURL, .unsupportedScheme: return APIError.badRequest(error.description)
            case .blockedAddress: return APIError(.forbidden, "blocked_address", error.description)
            default: return APIError(.unprocessableContent, "fetch_failed", error.description)
            }
        case let error as WebIngest.NotAnArticle:
            return APIError(.unprocessableContent, "not_an_article", error.description)
        case let error as EventStoreError:
            switch error {
            case .wrongExpectedVersion: return APIError(.conflict, "version_conflict", error.description)
            case .eventIDConflict:
                return APIError(.conflict, "idempotency_conflict",
                                "this Idempotency-Key was used before with a different request: use a new key for a new request")
            case .unavailable:
                return .databaseUnavailable
            case .batchTooLarge, .eventTooLarge: return APIError(.contentTooLarge, "too_large", error.description)
            case .storageFull:
                // Nothing of the write was stored; the same request (with its Idempotency-Key) is safe to retry once there is room.
                logger.error("the database's disk is full", metadata: ["error": "\(error)"])
                return APIError(.serviceUnavailable, "storage_full",
                                "the server's storage is full and nothing of this write was stored: retry later",
                                headers: [.retryAfter: "60"])
            default: return APIError(.badRequest, "bad_request", error.description)
            }
        case let error as HTTPError:
            let reason = HTTPResponse.Status(code: error.status.code).reasonPhrase
            let message = error.body.flatMap { $0.isEmpty ? nil : $0 } ?? (reason.isEmpty ? "HTTP \(error.status.code)" : reason)
            return APIError(error.status, error.status == .contentTooLarge ? "too_large" : "http_error", message)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return APIError(.contentTooLarge, "too_large", "the request body is too large")
        default:
            if Self.isConnectionFailure(error) {
                logger.warning("database unavailable", metadata: ["error": "\(String(describing: error).prefix(300))"])
                return .databaseUnavailable
            }
            logger.error("internal error", metadata: ["error": "\(String(describing: error).prefix(500))"])
            return APIError(.internalServerError, "internal", "something went wrong on the server; it has been logged")
        }
    }

    /// The database went away (restart, network): worth a retry, not a bug.
    static func isConnectionFailure(_ error: any Error) -> Bool {
        if let error = error as? PSQLError {
            switch error.code {
            case .connectionError, .serverClosedConnection, .uncleanShutdown, .poolClosed, .clientClosedConnection:
                return true
            case .server:
                // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 08xxx connection exceptions.
                let state = error.serverInfo?[.sqlState] ?? ""
                return state.hasPrefix("57P") || state.hasPrefix("08")
            default:
                return false
            }
        }
        if let error = error as? PostgresTransactionError {
            return [error.beginError, error.closureError, error.commitError, error.rollbackError]
                .compactMap { $0 }.contains { isConnectionFailure($0) }
        }
        let text = String(reflecting: error)
        return text.contains("ConnectionPoolError") || text.contains("NIOConnectionError") || text.contains("connection refused")
    }
}

/// Turns every error a handler throws into the JSON error shape.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            throw APIError.from(error, logger: context.logger)
        }
    }
}
