// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "FlowLinks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "flowlinks", targets: ["flowlinks"]),
        .library(name: "FlowLinksCore", targets: ["FlowLinksCore"]),
        .library(name: "FlowLinksStore", targets: ["FlowLinksStore"]),
        .library(name: "FlowLinksChannels", targets: ["FlowLinksChannels"]),
        .library(name: "FlowLinksServer", targets: ["FlowLinksServer"]),
        .library(name: "FlowLinksPostgres", targets: ["FlowLinksPostgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // why: jwt-kit (Teams' Bot Framework tokens) needs swift-crypto 4.
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        // why: PostgreSQL for several replicas on one database; 1.33 has PostgresClient's pool and withTransaction.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
    ],
    targets: [
        // why: the Snowball stemmers read word forms in replies; Debian packages them as libstemmer-dev,
        // which ships no pkg-config file, so the module map links the library by name.
        .systemLibrary(name: "CLibStemmer", path: "Sources/CLibStemmer", providers: [.apt(["libstemmer-dev"])]),
        .target(
            name: "FlowLinksCore",
            dependencies: ["CLibStemmer", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "FlowLinksStore",
            dependencies: [
                "FlowLinksCore", "CSQLiteWAL", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .systemLibrary(name: "CSQLiteWAL", path: "Sources/CSQLiteWAL", providers: [.apt(["libsqlite3-dev"])]),
        .target(
            name: "FlowLinksChannels",
            dependencies: [
                "FlowLinksCore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
        .target(
            name: "FlowLinksServer",
            dependencies: [
                "FlowLinksCore",
                "FlowLinksStore",
                "FlowLinksChannels",
                "FlowLinksReview",
                "CQRencode",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "FlowLinksReview", dependencies: ["FlowLinksCore", "FlowLinksStore"]),
        .target(
            name: "FlowLinksPostgres",
            dependencies: [
                "FlowLinksCore",
                "FlowLinksStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // why: the pool's own errors (a circuit breaker tripped while the server is down) are
                // declared there; they mean "unavailable", and a 503 must say so.
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // why: a real QR encoder for workshop join codes, from the system (Debian's libqrencode-dev).
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .executableTarget(
            name: "flowlinks",
            dependencies: [
                "FlowLinksCore",
                "FlowLinksStore",
                "FlowLinksPostgres",
                "FlowLinksReview",
                "FlowLinksServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "FlowLinksTesting",
            dependencies: [
                "FlowLinksCore", "FlowLinksStore", "FlowLinksPostgres", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"), .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Tests/FlowLinksTesting"),
        .target(
            name: "FlowLinksPlatformFakes",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/FlowLinksPlatformFakes"
        ),
        .testTarget(name: "FlowLinksCoreTests", dependencies: ["FlowLinksCore", "FlowLinksTesting"]),
        .testTarget(
            name: "FlowLinksStoreTests",
            dependencies: ["FlowLinksStore", "FlowLinksTesting", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "FlowLinksChannelsTests",
            dependencies: ["FlowLinksChannels", "FlowLinksTesting", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FlowLinksServerTests",
            dependencies: [
                "FlowLinksServer",
                "FlowLinksChannels",
                "FlowLinksTesting",
                "FlowLinksPlatformFakes",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // why: one suite, run against every store backend (SQLite, and PostgreSQL when a server is given).
        .testTarget(
            name: "FlowLinksStoreContractTests",
            dependencies: ["FlowLinksStore", "FlowLinksPostgres", "FlowLinksTesting"]
        ),
        .testTarget(name: "FlowLinksReviewTests", dependencies: ["FlowLinksReview", "FlowLinksTesting"]),
        .testTarget(
            name: "FlowLinksPostgresTests",
            dependencies: [
                "FlowLinksPostgres",
                "FlowLinksStore",
                "FlowLinksTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "FlowLinksCLITests",
            dependencies: [
                "flowlinks",
                "FlowLinksChannels",
                "FlowLinksStore",
                "FlowLinksTesting",
                "FlowLinksPlatformFakes",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ]
)
