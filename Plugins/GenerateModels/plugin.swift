import Foundation
import PackagePlugin

/// Generates a target's Swift models from its migrations at `swift build`.
///
/// The target's own `.sql` source files are the input: its folder holds a symbolic link to the
/// module's migrations (`Sources/SaasModels/migrations -> ../../migrations/saas`), because SwiftPM
/// plans a build-tool plugin again only when its target's file list changes. Every migration,
/// the optional `pg-codegen.json` and the generator are declared as inputs and the fixed set of
/// files as outputs, so a build with nothing changed runs nothing.
@main
struct GenerateModels: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else {
            throw PluginError("GenerateModels applies to Swift source targets only, not '\(target.name)'")
        }
        let models = try ModelsTarget(targetName: target.name, targetDirectory: target.directoryURL, sourceFiles: target.sourceFiles.map(\.url))
        let tool = try context.tool(named: "pg-codegen-generate")
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedModels")
        return [
            .buildCommand(
                displayName: "Generating \(models.moduleName) models from \(models.migrationFiles.count) migration files",
                executable: tool.url,
                arguments: models.arguments(output: output),
                inputFiles: models.migrationFiles + models.queryFiles + (models.config.map { [$0] } ?? []),
                outputFiles: models.outputFileNames.map { output.appending(path: $0) }
            ),
        ]
    }
}
