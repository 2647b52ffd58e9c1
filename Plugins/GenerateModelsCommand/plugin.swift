import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-models [--target T]`: writes the
/// models of every target that holds migrations into `Generated/<Module>/`, for review and for
/// users who do not use the build plugin. The same generator, the same output as at `swift build`.
@main
struct GenerateModelsCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let selected = extractor.extractOption(named: "target")
        let tool = try context.tool(named: "pg-codegen-generate")
        var generated = 0
        for target in context.package.targets {
            guard let target = target as? SourceModuleTarget,
                  target.sourceFiles.contains(where: { $0.url.pathExtension == "sql" }) else { continue }
            // Test fixtures are generated only when asked for by name.
            let isTestFixture = target.directoryURL.pathComponents.contains("Tests")
            guard selected.isEmpty ? !isTestFixture : selected.contains(target.name) else { continue }
            let models = try ModelsTarget(targetName: target.name, targetDirectory: target.directoryURL, sourceFiles: target.sourceFiles.map(\.url))
            let output = context.package.directoryURL.appending(path: "Generated").appending(path: models.moduleName)
            let process = Process()
            process.executableURL = tool.url
            process.arguments = models.arguments(output: output)
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw PluginError("pg-codegen-generate failed for \(target.name); its errors are above")
            }
            print("Generated/\(models.moduleName): models of \(target.name) from \(models.migrationFiles.count) migration files")
            generated += 1
        }
        if generated == 0 {
            throw PluginError("no target holds migrations\(selected.isEmpty ? "" : " among \(selected.joined(separator: ", "))"): link a module's migrations folder into a target that uses the GenerateModels plugin")
        }
    }
}
