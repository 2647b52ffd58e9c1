// swift-tools-version: 6.2
import PackageDescription

/// Settings every target of this package is built with: Swift 6 language mode everywhere, and
/// warnings are defects.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "swift-pg-models",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PGRecord", targets: ["PGRecord"]),
        .library(name: "PGClient", targets: ["PGClient"]),
        .library(name: "PGMigrate", targets: ["PGMigrate"]),
        .executable(name: "migrate", targets: ["migrate"]),
        .executable(name: "pg-codegen", targets: ["pg-codegen"]),
        .library(name: "SaasModels", targets: ["SaasModels"]),
        // PostgresNIO's PostgresClient and PostgresConnection as executors of the generated helpers:
        // with the trait PostgresNIO enabled (`traits: ["PostgresNIO"]` on the dependency).
        .library(name: "PGPostgresNIO", targets: ["PGPostgresNIO"]),
        .plugin(name: "GenerateModels", targets: ["GenerateModels"]),
        .plugin(name: "GenerateModelsCommand", targets: ["GenerateModelsCommand"]),
    ],
    // Off by default: a package that does not enable it neither fetches nor builds PostgresNIO.
    traits: [
        .trait(name: "PostgresNIO", description: "The PGPostgresNIO product: PostgresNIO's client and connections as executors of the generated helpers."),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // `swift package generate-documentation` (`make docs`). No target uses it, so a package
        // that depends on this one never fetches it: SwiftPM resolves a dependency's dependencies
        // only for the products used (README, "Documentation").
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // swift-log: the runtime's Logger (PGClient's PGLogging); small, no dependencies of its own.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // MARK: - The generator's side (pure Swift, no system library)

        .target(name: "PGSchema", swiftSettings: strict),
        .target(name: "PGCodegen", dependencies: ["PGSchema", "PGQueries"], swiftSettings: strict),
        // Typed SQL queries (queries/<module>/*.sql): parsed and typed against the folded schema.
        .target(name: "PGQueries", dependencies: ["PGSchema"], swiftSettings: strict),
        .executableTarget(
            name: "pg-codegen",
            dependencies: ["PGCodegen", "PGSchema", "PGQueries", "PGCatalog", "PGSettings", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // What the build plugins run: `pg-codegen generate` alone. SwiftPM compiles a plugin's tool
        // and its dependencies into every user's build (no argument parser, no catalog reader here)
        // and relinks it whenever a migration file is added.
        .executableTarget(name: "pg-codegen-generate", dependencies: ["PGCodegen"], swiftSettings: strict),

        // Reads PostgreSQL's catalog through a `CatalogSource` and compares it with the folded model
        // (`pg-codegen verify`, the oracle tests). libpq is loaded at run time, never linked.
        .target(name: "PGCatalog", dependencies: ["PGSchema"], swiftSettings: strict),
        // Connection settings from a URL, DATABASE_URL or .env: shared by PGClient and pg-codegen verify.
        .target(name: "PGSettings", swiftSettings: strict),

        .executableTarget(name: "pg-schema-bench", dependencies: ["PGSchema"], swiftSettings: strict),
        .executableTarget(name: "pg-queries-bench", dependencies: ["PGSchema", "PGQueries", "PGCodegen"], swiftSettings: strict),
        .plugin(name: "GenerateModels", capability: .buildTool(), dependencies: ["pg-codegen-generate"]),
        .plugin(
            name: "GenerateModelsCommand",
            capability: .command(
                intent: .custom(verb: "generate-models", description: "Write the models generated from each module's migrations into Generated/<Module>/"),
                permissions: [.writeToPackageDirectory(reason: "The generated models are written to Generated/<Module>/")]
            ),
            dependencies: ["pg-codegen-generate"]
        ),

        // MARK: - The runtime

        .target(name: "PGRecord", swiftSettings: strict),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // Its sources are empty unless the trait is on (`#if PostgresNIO`); its tests are the
        // package in Integrations/PGPostgresNIO, which enables the trait.
        .target(
            name: "PGPostgresNIO",
            dependencies: [
                "PGRecord",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgresNIO"])),
            ],
            path: "Integrations/PGPostgresNIO/Sources/PGPostgresNIO",
            swiftSettings: strict
        ),
        .target(name: "PGClient", dependencies: ["CLibPQ", "PGRecord", "PGSettings", .product(name: "Logging", package: "swift-log")], swiftSettings: strict),
        .target(name: "PGMigrate", dependencies: ["PGClient", "PGSchema", "PGCatalog"], swiftSettings: strict),
        // The saas module's models, generated from migrations/saas at build time.
        .target(name: "SaasModels", dependencies: ["PGRecord"], swiftSettings: strict, plugins: ["GenerateModels"]),
        // `migrate lint`: offline, schema-aware checks of a module's migrations (pure Swift).
        .target(name: "PGLint", dependencies: ["PGSchema", "PGCatalog"], swiftSettings: strict),
        .executableTarget(
            name: "migrate",
            dependencies: ["PGMigrate", "PGLint", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),

        // MARK: - Tests (they need the PostgreSQL that `make test` starts)

        .target(
            name: "PGTestSupport",
            dependencies: ["PGClient"],
            path: "Tests/PGTestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "PGSchemaTests", dependencies: ["PGSchema"], swiftSettings: strict),
        .target(
            name: "FixtureModels",
            dependencies: ["PGRecord"],
            path: "Tests/FixtureModels",
            swiftSettings: strict,
            plugins: ["GenerateModels"]
        ),
        // Models generated from Tests/Fixtures/hostile: names, comments and defaults that Swift
        // generation must survive.
        .target(
            name: "HostileModels",
            dependencies: ["PGRecord"],
            path: "Tests/HostileModels",
            swiftSettings: strict,
            plugins: ["GenerateModels"]
        ),
        .testTarget(
            name: "PGCodegenTests",
            dependencies: ["PGCodegen", "PGSchema", "SaasModels", "FixtureModels", "HostileModels", "PGTestSupport", "PGMigrate", "PGClient"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PGSchemaOracleTests",
            dependencies: ["PGSchema", "PGCatalog", "PGClient", "PGMigrate", "PGTestSupport", "pg-codegen", "pg-codegen-generate"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        // Models and typed queries generated from Tests/Fixtures/views: views, a materialized view.
        .target(
            name: "ViewModels",
            dependencies: ["PGRecord"],
            path: "Tests/ViewModels",
            swiftSettings: strict,
            plugins: ["GenerateModels"]
        ),
        .testTarget(
            name: "PGQueriesTests",
            dependencies: ["PGQueries", "PGSchema", "PGCodegen", "PGClient", "PGRecord", "PGMigrate", "PGTestSupport", "SaasModels", "ViewModels", "pg-codegen"],
            swiftSettings: strict
        ),
        .testTarget(name: "PGCatalogTests", dependencies: ["PGCatalog", "PGSchema"], swiftSettings: strict),
        .testTarget(
            name: "PGClientTests",
            // SaasModels and the migrator: the generated helpers run on the pool and in transactions.
            dependencies: ["PGClient", "PGTestSupport", "SaasModels", "PGMigrate", "PGSchema"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PGMigrateTests",
            // SaasModels: its embedded migrations (SaasMigrations.all) are applied from the binary.
            dependencies: ["PGMigrate", "PGTestSupport", "migrate", "SaasModels"],
            swiftSettings: strict
        ),
        .testTarget(name: "PGLintTests", dependencies: ["PGLint", "PGSchema", "PGMigrate", "PGClient", "PGRecord", "PGTestSupport", "PGCatalog"], swiftSettings: strict),
    ]
)
