// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "Parkline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "parkline", targets: ["parkline"]),
        .executable(name: "parklined", targets: ["parklined"]),
        .library(name: "Extraction", targets: ["Extraction"]),
        .library(name: "EventStore", targets: ["EventStore"]),
        .library(name: "Timeline", targets: ["Timeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        .target(
            name: "Extraction",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(
            name: "EventStore",
            dependencies: [
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources/migrations")],
            swiftSettings: strict
        ),
        .target(
            name: "Projections",
            dependencies: [
                "EventStore",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Timeline",
            dependencies: [
                "Extraction", "EventStore", "Projections",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TimelineServer",
            dependencies: [
                "Timeline",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/web")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "parklined",
            dependencies: [
                "TimelineServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "DaemonSupport",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: strict
        ),
        .target(
            name: "ParklineTestSupport",
            dependencies: ["EventStore"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "parkline",
            dependencies: [
                "Timeline",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "parkline-bench",
            dependencies: [
                "EventStore", "Extraction", "Projections", "Timeline", "TimelineServer", "DaemonSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "extraction-fuzz", dependencies: ["Extraction"], swiftSettings: strict),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction"], swiftSettings: strict),
        .testTarget(name: "EventStoreTests", dependencies: ["EventStore", "ParklineTestSupport"], swiftSettings: strict),
        .testTarget(name: "ProjectionsTests", dependencies: ["Projections", "ParklineTestSupport"], swiftSettings: strict),
        .testTarget(name: "TimelineTests", dependencies: ["Timeline", "ParklineTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "TimelineServerTests",
            dependencies: [
                "TimelineServer", "Timeline", "Extraction", "ParklineTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "ToolTests", dependencies: ["ParklineTestSupport"], swiftSettings: strict),
        .testTarget(name: "DeploymentTests", dependencies: ["ParklineTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "FaultTests",
            dependencies: [
                "EventStore", "Projections", "ParklineTestSupport", "DaemonSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
    ]
)
