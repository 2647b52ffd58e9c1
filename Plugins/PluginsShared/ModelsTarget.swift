import Foundation

/// What both plugins need to know about a target that holds a module's migrations.
///
/// Shared by symbolic link (`PluginsShared`) because a plugin cannot depend on a library target.
struct ModelsTarget {
    /// The files `pg-codegen generate` writes for this target: the rules of
    /// `Generator.outputFileNames(shards:)` and `Generator.shardCount(migrations:)`, repeated here
    /// because a plugin cannot import the generator.
    var outputFileNames: [String] {
        // Typed queries and the views' models: every module gets the file (views need no queries folder);
        // and the migrations themselves, embedded (`<Module>Migrations.all`), in a file whose name
        // sorts after the shards (see `MigrationsTranslator.outputFileName`).
        let typedQueries = ["Queries+SQL.swift", "Versions.swift"]
        guard shards > 1 else { return ["Tables.swift", "Enums.swift", "CompositeTypes.swift", "Queries.swift"] + typedQueries }
        // With shards, the migrations are sharded too (`Versions+NN.swift`), into at most 16
        // (`Generator.versionShardCount(shards:)`).
        return ["Enums.swift", "CompositeTypes.swift"] + (0..<shards).map { $0 < 10 ? "Tables+0\($0).swift" : "Tables+\($0).swift" } + typedQueries
            + (0..<min(shards, 16)).map { $0 < 10 ? "Versions+0\($0).swift" : "Versions+\($0).swift" }
    }

    /// One shard below 32 up migrations, then a power of two near one per 3 files, at most 128.
    var shards: Int {
        let count = migrationFiles.count { $0.lastPathComponent.hasSuffix(".up.sql") }
        guard count >= 32 else { return 1 }
        var shards = 1
        while shards * 2 <= count / 3, shards < 128 { shards *= 2 }
        return shards
    }

    let targetName: String
    /// `Saas` for the target `SaasModels`: the name in the generated files' header and in `Generated/<Module>/`.
    let moduleName: String
    /// The folder that holds the migrations (inside the target, usually a symbolic link).
    let migrationsFolder: URL
    let migrationFiles: [URL]
    /// `pg-codegen.json` beside the migrations, when there is one.
    let config: URL?
    /// The target's `queries` folder (a symbolic link to `queries/<module>`), when it has one.
    let queriesFolder: URL?
    /// The query files in it, and its `catalog.json` if any: inputs of the generator.
    let queryFiles: [URL]

    init(targetName: String, targetDirectory: URL, sourceFiles: [URL]) throws {
        self.targetName = targetName
        moduleName = targetName.hasSuffix("Models") && targetName.count > 6 ? String(targetName.dropLast(6)) : targetName
        // Typed queries live in the target's `queries` folder; every other .sql file is a migration.
        let queries = targetDirectory.appending(path: "queries")
        let isQuery = { (url: URL) in url.deletingLastPathComponent().standardizedFileURL.path == queries.standardizedFileURL.path }
        queryFiles = sourceFiles.filter { isQuery($0) && ($0.pathExtension == "sql" || $0.lastPathComponent == "catalog.json") }.sorted { $0.path < $1.path }
        queriesFolder = queryFiles.isEmpty ? nil : queries
        migrationFiles = sourceFiles.filter { $0.pathExtension == "sql" && !isQuery($0) }.sorted { $0.path < $1.path }
        guard let first = migrationFiles.first else {
            throw PluginError("""
                target '\(targetName)' has no migration files (NNNNNN_name.up.sql and .down.sql). Link the module's \
                migrations folder into it, for example: ln -s ../../migrations/\(moduleName.lowercased()) \(targetDirectory.path)/migrations \
                (the link's target is relative to the link), or keep the files in \(targetDirectory.path)/migrations itself
                """)
        }
        let folder = first.deletingLastPathComponent()
        migrationsFolder = folder
        let strays = migrationFiles.filter { $0.deletingLastPathComponent() != folder }
        guard strays.isEmpty else {
            throw PluginError("target '\(targetName)' has .sql files outside \(folder.path): \(strays.map(\.lastPathComponent).joined(separator: ", ")); keep one module's migrations in one folder")
        }
        // The target's own config first: targets that split one schema share its migrations
        // folder (and any config in it) but each select their tables.
        let configs = sourceFiles.filter { $0.lastPathComponent == "pg-codegen.json" }
        config = configs.first { $0.deletingLastPathComponent().standardizedFileURL.path == targetDirectory.standardizedFileURL.path } ?? configs.first
    }

    /// The arguments of `pg-codegen-generate` (`pg-codegen generate`'s) writing into `output`.
    func arguments(output: URL) -> [String] {
        var arguments = ["--migrations", migrationsFolder.path, "--output", output.path, "--module-name", moduleName, "--shards", String(shards)]
        if let config { arguments += ["--config", config.path] }
        if let queriesFolder { arguments += ["--queries", queriesFolder.path] }
        return arguments
    }
}

struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
