// swift-tools-version: 6.2
import Foundation
import PackageDescription

// The query helpers' benchmark, kept out of the main package so that its build stays light:
// PostgresNIO (what a Vapor or Hummingbird backend would use instead) is built only here.
// A path dependency is named after its folder; the repository's folder name is worked out here.
let repository = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
let models = repository.lastPathComponent.lowercased()

let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // With the trait PostgresNIO: the generated helpers on PostgresNIO's client (PGPostgresNIO).
        .package(path: "..", traits: ["PostgresNIO"]),
        .package(url: "https://github.com/vapor/postgres-nio.git", exact: "1.33.2"),
    ],
    targets: [
        .target(name: "CHeap"),
        .executableTarget(
            name: "records-bench",
            dependencies: [
                "CHeap",
                .product(name: "SaasModels", package: models),
                .product(name: "PGClient", package: models),
                .product(name: "PGMigrate", package: models),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // Streaming in bounded memory, and no starvation of the cooperative pool (scripts/bench-stream.sh).
        .executableTarget(
            name: "stream-bench",
            dependencies: [
                "CHeap",
                .product(name: "SaasModels", package: models),
                .product(name: "PGClient", package: models),
                .product(name: "PGMigrate", package: models),
            ]
        ),
        // 64 tasks looking up rows by key: PGPool against PostgresNIO (scripts/bench-find.sh).
        .executableTarget(
            name: "find-bench",
            dependencies: [
                .product(name: "SaasModels", package: models),
                .product(name: "PGClient", package: models),
                .product(name: "PGMigrate", package: models),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "PGPostgresNIO", package: models),
            ]
        ),
    ]
)
