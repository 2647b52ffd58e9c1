// swift-tools-version: 6.2
import Foundation
import PackageDescription

// The tests of the PGPostgresNIO product, which the main package builds with its trait PostgresNIO:
// PostgresNIO's `PostgresClient` and `PostgresConnection` as executors of the generated helpers,
// compared byte for byte with libpq. A package of its own so that the main package's tests never
// build PostgresNIO; this one enables the trait. It uses the repository by path; a path
// dependency is named after its folder, so the name is worked out.
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
    dependencies: [
        .package(path: "../..", traits: ["PostgresNIO"]),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
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
                "NIOFixtureModels",
                .product(name: "PGPostgresNIO", package: models),
                .product(name: "SaasModels", package: models),
                .product(name: "PGClient", package: models),
                .product(name: "PGMigrate", package: models),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
    ]
)
