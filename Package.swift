// swift-tools-version:6.2
import PackageDescription

// Swift 6 language mode; warnings are bugs, so they stop the build.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .treatAllWarnings(as: .error),
]

let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let nioCore: Target.Dependency = .product(name: "NIOCore", package: "swift-nio")
let postgres: Target.Dependency = .product(name: "PostgresNIO", package: "postgres-nio")
let serviceLifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let asyncHTTPClient: Target.Dependency = .product(name: "AsyncHTTPClient", package: "async-http-client")

let package = Package(
    name: "Parkline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "parkline", targets: ["parkline"]),
        .executable(name: "parklined", targets: ["parklined"]),
        .library(name: "Extraction", targets: ["Extraction"]),
        .library(name: "Pages", targets: ["Pages"]),
        .library(name: "EventStore", targets: ["EventStore"]),
        .library(name: "Timeline", targets: ["Timeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    ],
    targets: [
        // Pure Swift, no I/O: Chinese text in, dated events out.
        .target(
            name: "Extraction",
            dependencies: [crypto],
            swiftSettings: strict
        ),
        // libxml2's HTML and XML parsers (apt: libxml2-dev; pkg-config: libxml-2.0).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // Pure, no I/O: fetched HTML pages and RSS/Atom feeds in, article text, dates and links out.
        .target(
            name: "Pages",
            dependencies: ["CLibXML2"],
            swiftSettings: strict
        ),
        // The append-only log in PostgreSQL; knows nothing of parks or Chinese.
        .target(
            name: "EventStore",
            dependencies: [
                crypto, logging, nioCore, postgres, serviceLifecycle,
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources/migrations")],
            swiftSettings: strict
        ),
        // What the log holds: the event types, their bodies, their ids and the fold of an event's history.
        .target(
            name: "TimelineEvents",
            dependencies: ["EventStore", crypto],
            swiftSettings: strict
        ),
        // The read models: their tables, migrations and the projector that writes them.
        .target(
            name: "Projections",
            dependencies: ["EventStore", "TimelineEvents", logging, postgres, serviceLifecycle],
            resources: [.copy("Resources/migrations")],
            swiftSettings: strict
        ),
        // The use cases the CLI, the daemon and seeding share.
        .target(
            name: "Timeline",
            dependencies: [
                "Extraction", "EventStore", "Projections", "TimelineEvents", "Fetching", "Pages", logging, postgres, serviceLifecycle,
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            resources: [.copy("Resources/migrations")],
            swiftSettings: strict
        ),
        // Fetching pages and feeds politely: robots.txt, a pace per host, caps, conditional GET.
        .target(
            name: "Fetching",
            dependencies: [
                asyncHTTPClient, logging, nioCore,
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TimelineServer",
            dependencies: [
                "Timeline", "TimelineEvents", "EventStore", "Extraction", "Fetching", crypto, logging, nioCore, postgres, serviceLifecycle,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            ],
            resources: [.copy("Resources/web")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "parklined",
            dependencies: ["Timeline", "TimelineServer", argumentParser, logging],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "parkline",
            dependencies: ["Timeline", "TimelineEvents", "EventStore", "Extraction", "Fetching", argumentParser, asyncHTTPClient, logging, nioCore],
            swiftSettings: strict
        ),
        .target(
            name: "DaemonSupport",
            dependencies: ["EventStore", asyncHTTPClient],
            swiftSettings: strict
        ),
        .target(
            name: "ParklineTestSupport",
            dependencies: ["EventStore", "Timeline", logging, postgres],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "parkline-bench",
            dependencies: [
                "EventStore", "Extraction", "Projections", "Timeline", "TimelineEvents", "TimelineServer", "DaemonSupport",
                argumentParser, asyncHTTPClient, logging, nioCore, postgres,
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "extraction-fuzz", dependencies: ["Extraction"], swiftSettings: strict),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction"], swiftSettings: strict),
        .testTarget(name: "PagesTests", dependencies: ["Pages"], swiftSettings: strict),
        .testTarget(name: "TimelineEventsTests", dependencies: ["TimelineEvents", "EventStore"], swiftSettings: strict),
        .testTarget(name: "EventStoreTests", dependencies: ["EventStore", "ParklineTestSupport", logging, postgres], swiftSettings: strict),
        .testTarget(
            name: "ProjectionsTests",
            dependencies: ["Projections", "TimelineEvents", "EventStore", "ParklineTestSupport", postgres],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TimelineTests",
            dependencies: ["Timeline", "TimelineEvents", "EventStore", "Extraction", "ParklineTestSupport", postgres],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TimelineServerTests",
            dependencies: [
                "TimelineServer", "Timeline", "TimelineEvents", "EventStore", "Extraction", "Fetching", "ParklineTestSupport",
                logging, nioCore, serviceLifecycle,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["schemathesis.toml"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FetchingTests",
            dependencies: [
                "Fetching", "ParklineTestSupport", logging, nioCore,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "CLITests", dependencies: ["parkline", argumentParser], swiftSettings: strict),
        .testTarget(name: "ToolTests", dependencies: ["ParklineTestSupport"], swiftSettings: strict),
        .testTarget(name: "DeploymentTests", dependencies: ["ParklineTestSupport", "Timeline"], swiftSettings: strict),
        .testTarget(
            name: "FaultTests",
            dependencies: [
                "EventStore", "Projections", "Timeline", "ParklineTestSupport", "DaemonSupport",
                asyncHTTPClient, logging, nioCore, postgres,
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
    ]
)
