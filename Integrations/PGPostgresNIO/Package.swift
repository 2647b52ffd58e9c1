// swift-tools-version: 6.2
import Foundation
import PackageDescription

// The generated models on PostgresNIO: `PostgresClient` and `PostgresConnection` as executors of
// the generated helpers. A package of its own, so that PostgresNIO (and SwiftNIO under it) is
// downloaded and built only by those who use it: the main package never names it.
//
// In your own backend, depend on this folder's package next to postgres-nio. Here it uses the
// repository by path; a path dependency is named after its folder, so the name is worked out.
let repository = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().deletingLastPathComponent()
let models = repository.lastPathComponent.lowercased()

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "PGPostgresNIO",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PGPostgresNIO", targets: ["PGPostgresNIO"]),
    ],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // Only PGRecord from this repository: no libpq.
        .target(
            name: "PGPostgresNIO",
            dependencies: [
                .product(name: "PGRecord", package: models),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
        // Tests/Fixtures/models (every mapped type), generated here as in the main package.
        .target(
            name: "NIOFixtureModels",
            dependencies: [.product(name: "PGRecord", package: models)],
            path: "Tests/NIOFixtureModels",
            swiftSettings: strict,
            plugins: [.plugin(name: "GenerateModels", package: models)]
        ),
        // Against the PostgreSQL of scripts/with-test-postgres.sh; libpq (PGClient) is the reference.
        .testTarget(
            name: "PGPostgresNIOTests",
            dependencies: [
                "PGPostgresNIO", "NIOFixtureModels",
                .product(name: "SaasModels", package: models),
                .product(name: "PGClient", package: models),
                .product(name: "PGMigrate", package: models),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
    ]
)
