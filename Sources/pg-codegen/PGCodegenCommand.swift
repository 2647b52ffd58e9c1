import ArgumentParser
import Foundation
import PGCodegen
import PGSchema

/// `pg-codegen`: the generator's command line, which the build plugins run.
@main
struct PGCodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pg-codegen",
        abstract: "Generate Swift models from PostgreSQL migrations.",
        subcommands: [Generate.self, SchemaDump.self]
    )
}

/// The migrations folder as the user edits it. The build plugin passes the folder through the
/// target's symbolic link (`Sources/AppModels/migrations`); diagnostics name the files where they
/// really are (`migrations/app/…`), relative to the working directory when inside it.
func editablePath(_ path: String) -> String {
    let url = URL(fileURLWithPath: path)
    let resolved = url.resolvingSymlinksInPath().path
    guard resolved != url.standardizedFileURL.path else { return path }
    let workingDirectory = FileManager.default.currentDirectoryPath
    if resolved.hasPrefix(workingDirectory + "/") { return String(resolved.dropFirst(workingDirectory.count + 1)) }
    return resolved
}

struct SchemaDump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the schema folded from a module's up migrations as JSON.",
        discussion: """
            Objects appear in the order the migrations created them (tables, then enums, composite \
            types, domains, views); columns in table order; object keys sorted. Errors are printed \
            as path:line:column: error: message, and the exit status is non-zero.
            """
    )

    @Option(help: ArgumentHelp("The module's migrations folder.", valueName: "dir"))
    var migrations: String

    @Option(help: ArgumentHelp("Write the JSON here instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let result = SchemaLoader.load(migrations: editablePath(migrations))
        for diagnostic in result.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard !result.hasErrors else { throw ExitCode.failure }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(result.schema)
        data.append(0x0A)
        if let output {
            let url = URL(fileURLWithPath: output)
            if (try? Data(contentsOf: url)) != data { try data.write(to: url, options: .atomic) }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the Swift models of a module's migrations.",
        discussion: """
            Writes \(Generator.outputFileNames.joined(separator: ", ")) into the output folder, each only \
            when its contents change. On any error nothing is written, the errors are printed as \
            path:line:column: error: message, and the exit status is non-zero.
            """
    )

    @Option(help: ArgumentHelp("The module's migrations folder.", valueName: "dir"))
    var migrations: String

    @Option(help: ArgumentHelp("The folder to write the Swift files into.", valueName: "dir"))
    var output: String

    @Option(help: ArgumentHelp("The module's name, for the generated files' header (default: the folder's name, capitalised).", valueName: "name"))
    var moduleName: String?

    @Option(help: ArgumentHelp("A pg-codegen.json with renames and type overrides (default: pg-codegen.json in the migrations folder, if there).", valueName: "file"))
    var config: String?

    func run() throws {
        let migrations = editablePath(self.migrations)
        let folder = URL(fileURLWithPath: self.migrations).lastPathComponent
        let module = moduleName ?? (folder.prefix(1).uppercased() + folder.dropFirst())
        var configPath = config
        if configPath == nil {
            let beside = URL(fileURLWithPath: migrations).appendingPathComponent("pg-codegen.json").path
            if FileManager.default.fileExists(atPath: beside) { configPath = beside }
        }
        let result = Generator.generate(migrations: migrations, moduleName: module, configPath: configPath)
        for diagnostic in result.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard !result.hasErrors else { throw ExitCode.failure }
        try Generator.write(result, to: output)
    }
}
