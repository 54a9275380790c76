import HTTPTypes
import Hummingbird

/// HTTP's method rules on the API's routes, which the router alone does
/// not keep: `HEAD` answers as `GET` without the body, a method a path
/// does not take is `405` with `Allow` (not `404`), and `OPTIONS` says
/// what a path takes. Paths no route knows pass through (the web page's
/// files answer `GET` and `HEAD` themselves).
struct MethodResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context: RequestContext {
    typealias Context = Inner.Context
    let inner: Inner
    let templates: [RouteTemplate]

    init(inner: Inner, routes: [(path: String, method: HTTPRequest.Method)]) {
        self.inner = inner
        var byPath: [String: Set<HTTPRequest.Method>] = [:]
        for route in routes { byPath[route.path, default: []].insert(route.method) }
        templates = byPath.map { RouteTemplate(path: $0.key, methods: $0.value) }
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let allowed = templates.first { $0.matches(request.uri.path) }?.methods ?? []
        guard !allowed.isEmpty else { return try await inner.respond(to: request, context: context) }
        let allow = Self.allowHeader(allowed)
        switch request.method {
        case let method where allowed.contains(method):
            return try await inner.respond(to: request, context: context)
        case .head where allowed.contains(.get):
            var head = request.head
            head.method = .get
            let response = try await inner.respond(to: Request(head: head, body: request.body), context: context)
            var headers = response.headers
            if headers[.contentLength] == nil, let length = response.body.contentLength { headers[.contentLength] = String(length) }
            return Response(status: response.status, headers: headers, body: ResponseBody())
        case .options:
            return Response(status: .noContent, headers: [.allow: allow])
        default:
            return try APIError(.methodNotAllowed, "method_not_allowed",
                                "\(request.uri.path.prefix(80)) takes \(allow), not \(request.method.rawValue.prefix(20))",
                                headers: [.allow: allow]).response(from: request, context: context)
        }
    }

    static func allowHeader(_ methods: Set<HTTPRequest.Method>) -> String {
        var all = methods
        if all.contains(.get) { all.insert(.head) }
        all.insert(.options)
        return all.map(\.rawValue).sorted().joined(separator: ", ")
    }
}

/// A route's path, with `{name}` (or `:name`) segments matching any one segment.
struct RouteTemplate: Sendable {
    let segments: [Substring?]
    let methods: Set<HTTPRequest.Method>

    init(path: String, methods: Set<HTTPRequest.Method>) {
        segments = path.split(separator: "/").map { $0.hasPrefix("{") || $0.hasPrefix(":") || $0 == "*" ? nil : $0 }
        self.methods = methods
    }

    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count == segments.count else { return false }
        return zip(parts, segments).allSatisfy { part, segment in segment.map { $0 == part } ?? true }
    }
}
