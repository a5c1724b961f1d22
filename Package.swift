// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "FlowLinks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "flowlinks", targets: ["flowlinks"]),
        .library(name: "FlowLinksCore", targets: ["FlowLinksCore"]),
        .library(name: "FlowLinksStore", targets: ["FlowLinksStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(
            name: "FlowLinksCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "FlowLinksStore",
            dependencies: ["FlowLinksCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "flowlinks",
            dependencies: [
                "FlowLinksCore",
                "FlowLinksStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "FlowLinksTesting", dependencies: ["FlowLinksCore"], path: "Tests/FlowLinksTesting"),
        .testTarget(name: "FlowLinksCoreTests", dependencies: ["FlowLinksCore", "FlowLinksTesting"]),
        .testTarget(name: "FlowLinksStoreTests", dependencies: ["FlowLinksStore", "FlowLinksTesting"]),
        .testTarget(name: "FlowLinksCLITests", dependencies: ["flowlinks", "FlowLinksTesting"]),
    ]
)
