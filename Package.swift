// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "taxo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "taxo", targets: ["taxo"]),
        .library(name: "TaxoKit", targets: ["TaxoKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "TaxoKit", dependencies: [
            "CCmark", "CSQLite",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "TaxoCLI", dependencies: [
            "TaxoKit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "MCP", package: "swift-sdk"),
        ]),
        .executableTarget(name: "taxo", dependencies: ["TaxoCLI"]),
        // libFuzzer targets: `make fuzz` builds them with -sanitize=fuzzer into .build-fuzz/.
        .executableTarget(name: "taxo-fuzz", dependencies: ["TaxoKit"]),
        // What both test targets share (their scratch folder).
        .target(name: "TaxoTestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TaxoKitTests", dependencies: ["TaxoKit", "TaxoTestSupport"]),
        .testTarget(name: "TaxoCLITests", dependencies: ["TaxoKit", "taxo", "TaxoTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
