// swift-tools-version: 6.2
import Foundation
import PackageDescription

// This example uses the package from this repository by path. In your own backend, depend on it
// by URL and name it by its package name:
//     .package(url: "https://github.com/<owner>/swift-pg-models.git", from: "0.1.0")
//     .product(name: "PGRecord", package: "swift-pg-models")
// A path dependency is named after its folder, so the name is worked out here.
let repository = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().deletingLastPathComponent()
let models = repository.lastPathComponent.lowercased()

let package = Package(
    name: "Backend",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../.."),
        // No default traits: they add swift-configuration, which this service does not use, to the build.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1", traits: []),
    ],
    targets: [
        // The app's models, generated at `swift build` from migrations/app (linked into the target),
        // with the migrations themselves embedded (AppMigrations.all).
        .target(
            name: "AppModels",
            dependencies: [.product(name: "PGRecord", package: models)],
            plugins: [.plugin(name: "GenerateModels", package: models)]
        ),
        // The HTTP service: applies AppMigrations.all at start-up, then serves JSON routes on a pool.
        .executableTarget(
            name: "Backend",
            dependencies: [
                "AppModels",
                .product(name: "PGClient", package: models),
                .product(name: "PGMigrate", package: models),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .treatAllWarnings(as: .error)]
        ),
    ]
)
