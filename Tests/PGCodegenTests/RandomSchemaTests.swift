import Foundation
import PGClient
import PGCodegen
import PGMigrate
import PGSchema
import PGTestSupport
import Testing

/// Random schemas, end to end: for each seed, migration files from ``RandomSchema`` are applied
/// to PostgreSQL (which must accept them: if it refuses one, the generator is wrong), folded,
/// and turned into Swift; the Swift of all seeds is compiled together, with the package's strict
/// settings, in one temporary package that depends on this one by path; then a program in that
/// package inserts a row into each table and reads it back, and when the table has a primary key
/// finds it by the key, updates and upserts it unchanged, and deletes it, in each seed's database.
///
/// `RANDOM_SCHEMA_SEEDS=first-last` (or `n`) chooses other seeds; the build folder stays in
/// `.build/random-schemas`, so that a second run compiles only what changed.
@Suite struct RandomSchemaTests {
    static var seeds: ClosedRange<UInt64> {
        let text = ProcessInfo.processInfo.environment["RANDOM_SCHEMA_SEEDS"] ?? "1-20"
        let bounds = text.split(separator: "-").compactMap { UInt64($0) }
        return bounds.count == 2 ? bounds[0]...bounds[1] : (bounds.first ?? 1)...(bounds.first ?? 20)
    }

    @Test func generatorIsDeterministic() {
        #expect(RandomSchema(seed: 7).files == RandomSchema(seed: 7).files)
        #expect(RandomSchema(seed: 7).files != RandomSchema(seed: 8).files)
    }

    @Test(.timeLimit(.minutes(15))) func randomSchemasMigrateGenerateCompileAndRoundTrip() async throws {
        let server = try TestPostgres.serverConfig()
        let admin = try PGConnection(config: server)
        let package = repositoryRoot + "/.build/random-schemas/package"
        try? FileManager.default.removeItem(atPath: package + "/Sources")
        var targets: [String] = []
        var driverCalls: [String] = []
        var driverFunctions: [String] = []
        var databases: [String] = []
        var driverURLs: [String] = []
        defer {
            for name in databases { _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        }

        for seed in Self.seeds {
            let schema = RandomSchema(seed: seed)
            let module = "RandomSchema\(seed)"
            let folder = try TemporaryFolder(files: Dictionary(uniqueKeysWithValues: schema.files.enumerated().map { index, text in
                (String(format: "%06d_random.up.sql", index + 1), text)
            }))
            defer { folder.remove() }
            let migrations = schema.files.enumerated().map { "-- \(String(format: "%06d", $0.offset + 1))\n\($0.element)" }.joined(separator: "\n")

            // PostgreSQL must accept the schema.
            let database = "r\(seed)_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
            try admin.execute("CREATE DATABASE \(database)")
            databases.append(database)
            var config = server
            config.database = database
            config.urlPath = "/\(database)"
            do {
                let db = try PGConnection(config: config)
                try Migrator(connection: db, directory: MigrationDirectory(path: folder.path), options: MigratorOptions(lockDatabaseName: config.urlPath)).up()
            } catch {
                Issue.record("seed \(seed): PostgreSQL refused the random schema (the generator is wrong): \(error)\n\(migrations)")
                continue
            }

            // Fold and generate.
            let folded = SchemaLoader.load(try MigrationDirectory(path: folder.path))
            guard !folded.hasErrors else {
                Issue.record("seed \(seed): the fold failed: \(folded.diagnostics)\n\(migrations)")
                continue
            }
            // Every other module with rows as lets (pg-codegen.json mutableRows: false): the same
            // round trip must compile and hold.
            var generatorConfig = GeneratorConfig()
            if seed % 2 == 1 { generatorConfig.mutableRows = false }
            let output = Generator.generate(schema: folded.schema, moduleName: module, config: generatorConfig)
            guard !output.hasErrors else {
                Issue.record("seed \(seed): generation failed: \(output.diagnostics)\n\(migrations)")
                continue
            }
            let target = package + "/Sources/\(module)/"
            for (name, contents) in output.files { try Self.write(target + name, contents) }
            try Self.write(target + "migrations.sql.txt", migrations)
            targets.append(module)

            // The program's part: one function per seed.
            var lines = ["static func seed\(seed)(_ db: PGConnection) async {"]
            for table in schema.tables {
                guard let swiftName = output.tableTypeNames[QualifiedName(schema: table.schema ?? "public", table.name)] else {
                    Issue.record("seed \(seed): no model for table \(table.name)")
                    continue
                }
                let type = "\(module).\(swiftName)"
                let what = Self.swiftLiteral("seed \(seed), table \(table.name) (\(type))")
                lines.append("    await check(\(what)) {")
                lines.append("        let draft = try JSONDecoder().decode(\(type).Draft.self, from: Data(\(Self.swiftLiteral(schema.draftJSON(table))).utf8))")
                lines.append("        let row = try await \(type).insert(draft, on: db)")
                lines.append("        try expect(try await \(type).fetchAll(on: db).contains(row), \"the inserted row is not read back equal\")")
                if !table.primaryKey.isEmpty {
                    // The key's values, read from the row by position (the properties are in column
                    // order; a `tsvector` column is left out of the model).
                    let modelColumns = table.columns.filter { $0.type.sql != "tsvector" }
                    let positions = table.primaryKey.map { key in modelColumns.firstIndex { $0.name == key }! }
                    lines.append("        let values = Mirror(reflecting: row).children.map(\\.value)")
                    lines.append("        let key = \(positions).map { (values[$0] as! any PGBindable).pgBind }")
                    lines.append("        try expect(try await \(type).SQL.find.fetchOne(key, on: db) == row, \"find by the key did not return the row\")")
                    lines.append("        try expect(try await row.update(on: db) == row, \"update did not return the row as it was\")")
                    lines.append("        try expect(try await row.upsert(on: db) == row, \"upsert did not return the row as it was\")")
                    lines.append("        try expect(try await \(type).count(on: db) == 1, \"upsert of the same row inserted another\")")
                    lines.append("        try expect(try await \(type).SQL.delete.execute(key, on: db) == 1, \"delete by the key deleted no row\")")
                    lines.append("        try expect(try await \(type).count(on: db) == 0, \"the row is still there after delete\")")
                }
                lines.append("    }")
            }
            lines.append("}")
            driverFunctions.append(lines.joined(separator: "\n"))
            driverCalls.append("        case \"\(seed)\": await seed\(seed)(db)")
            driverURLs.append("\(seed)=\(TestPostgres.url(config))")
        }
        // The written histories of Tests/Histories compile in the same build (issue 8: real
        // histories generate compiling Swift), with no model for partitions.
        var viewModels = 0
        for history in ["shopfront", "helpdesk", "fleet", "ledger", "studio", "commons"] {
            let module = "History" + history.prefix(1).uppercased() + history.dropFirst()
            let output = Generator.generate(migrations: repositoryRoot + "/Tests/Histories/" + history, moduleName: module)
            let errors = output.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "history \(history): \(errors)")
            guard errors.isEmpty else { continue }
            for (name, contents) in output.files { try Self.write(package + "/Sources/\(module)/" + name, contents) }
            // And their views' models, as every module gets them (Queries+SQL.swift).
            if let schema = output.schema {
                let views = QueryFileGenerator.generate(queries: nil, schema: schema, moduleName: module, tableTypeNames: output.tableTypeNames)
                #expect(!views.hasErrors, "history \(history): \(views.diagnostics)")
                if let file = views.file { try Self.write(package + "/Sources/\(module)/" + file.name, file.contents) }
                viewModels += views.file?.contents.components(separatedBy: "\npublic struct ").count.advanced(by: -1) ?? 0
            }
            targets.append(module)
        }
        #expect(viewModels >= 5, "the histories' views get models (\(viewModels))")
        guard !targets.isEmpty else { return }

        try writePackage(at: package, targets: targets, driverFunctions: driverFunctions, driverCalls: driverCalls)
        let scratch = repositoryRoot + "/.build/random-schemas/build"
        let build = try run(["swift", "build", "--package-path", package, "--scratch-path", scratch], log: package + "/build.log")
        #expect(build.status == 0, "the generated Swift of seeds \(Self.seeds) does not compile (sources in \(package)):\n\(build.output.suffix(20_000))")
        guard build.status == 0 else { return }
        let result = try run([scratch + "/debug/RandomSchemaDriver"] + driverURLs, log: package + "/run.log")
        #expect(result.status == 0, "\(result.output.suffix(20_000))")
    }

    // MARK: - The temporary package

    static func write(_ path: String, _ contents: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func writePackage(at path: String, targets: [String], driverFunctions: [String], driverCalls: [String]) throws {
        let identity = URL(fileURLWithPath: repositoryRoot).lastPathComponent.lowercased()
        let record = ".product(name: \"PGRecord\", package: \"\(identity)\")"
        try Self.write(path + "/Package.swift", """
        // swift-tools-version: 6.2
        // Written by RandomSchemaTests: the models of random schemas, and a program that uses them.
        import PackageDescription

        let strict: [SwiftSetting] = [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
            .treatAllWarnings(as: .error),
        ]

        let package = Package(
            name: "random-schemas",
            platforms: [.macOS(.v15)],
            dependencies: [.package(path: \(Self.swiftLiteral(repositoryRoot)))],
            targets: [
        \(targets.map { "        .target(name: \"\($0)\", dependencies: [\(record)], exclude: [\"migrations.sql.txt\"], swiftSettings: strict)," }.joined(separator: "\n"))
                .executableTarget(
                    name: "RandomSchemaDriver",
                    dependencies: [\(targets.map { "\"\($0)\"" }.joined(separator: ", ")), \(record), .product(name: "PGClient", package: "\(identity)")]
                ),
            ]
        )

        """)
        try Self.write(path + "/Sources/RandomSchemaDriver/Driver.swift", """
        import Foundation
        import PGClient
        import PGRecord
        \(targets.map { "import \($0)" }.joined(separator: "\n"))

        struct Failure: Error, CustomStringConvertible {
            var description: String
        }

        func expect(_ condition: Bool, _ message: String) throws {
            if !condition { throw Failure(description: message) }
        }

        nonisolated(unsafe) var failures = 0

        func check(_ what: String, _ body: () async throws -> Void) async {
            do {
                try await body()
                print("ok: \\(what)")
            } catch {
                failures += 1
                print("FAILED: \\(what): \\(error)")
            }
        }

        @main enum Driver {
            static func main() async throws {
                for argument in CommandLine.arguments.dropFirst() {
                    let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
                    let db = try PGConnection(config: PGConfig(url: parts[1]))
                    switch parts[0] {
        \(driverCalls.joined(separator: "\n"))
                    default: print("no seed \\(parts[0])")
                    }
                }
                if failures > 0 {
                    print("\\(failures) failed")
                    exit(1)
                }
            }

        \(driverFunctions.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
        }

        """)
    }

    /// Runs a command, its output into `log` and back.
    private func run(_ arguments: [String], log: String) throws -> (status: Int32, output: String) {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return (process.terminationStatus, output)
    }

    /// A Swift string literal: every character that is not printable ASCII as `\u{…}`.
    static func swiftLiteral(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            default:
                if scalar.value < 0x20 || scalar.value >= 0x7F {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
