import Foundation

/// What both plugins need to know about a target that holds a module's migrations.
///
/// Shared by symbolic link (`PluginsShared`) because a plugin cannot depend on a library target.
struct ModelsTarget {
    /// The files `pg-codegen generate` always writes; the same list as `Generator.outputFileNames`.
    static let outputFileNames = ["Tables.swift", "Enums.swift", "CompositeTypes.swift", "Queries.swift"]

    let targetName: String
    /// `Saas` for the target `SaasModels`: the name in the generated files' header and in `Generated/<Module>/`.
    let moduleName: String
    /// The folder that holds the migrations (inside the target, usually a symbolic link).
    let migrationsFolder: URL
    let migrationFiles: [URL]
    /// `pg-codegen.json` beside the migrations, when there is one.
    let config: URL?

    init(targetName: String, targetDirectory: URL, sourceFiles: [URL]) throws {
        self.targetName = targetName
        moduleName = targetName.hasSuffix("Models") && targetName.count > 6 ? String(targetName.dropLast(6)) : targetName
        migrationFiles = sourceFiles.filter { $0.pathExtension == "sql" }.sorted { $0.path < $1.path }
        guard let first = migrationFiles.first else {
            throw PluginError("""
                target '\(targetName)' has no migration files. Link the module's migrations folder into it, \
                for example: ln -s ../../migrations/\(moduleName.lowercased()) \(targetDirectory.path)/migrations
                """)
        }
        let folder = first.deletingLastPathComponent()
        migrationsFolder = folder
        let strays = migrationFiles.filter { $0.deletingLastPathComponent() != folder }
        guard strays.isEmpty else {
            throw PluginError("target '\(targetName)' has .sql files outside \(folder.path): \(strays.map(\.lastPathComponent).joined(separator: ", ")); keep one module's migrations in one folder")
        }
        config = sourceFiles.first { $0.lastPathComponent == "pg-codegen.json" }
    }

    /// The arguments of `pg-codegen generate` writing into `output`.
    func arguments(output: URL) -> [String] {
        var arguments = ["generate", "--migrations", migrationsFolder.path, "--output", output.path, "--module-name", moduleName]
        if let config { arguments += ["--config", config.path] }
        return arguments
    }
}

struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
