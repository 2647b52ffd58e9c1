import Foundation
import PGSchema

/// One run of the generator as the build plugins start it (`pg-codegen-generate`) and as
/// `pg-codegen generate` does: fold, generate, print the diagnostics, write the files.
///
/// The plugins run a tool of their own, with no argument parser and none of `pg-codegen`'s other
/// subcommands (`verify`, `check-queries`), because SwiftPM compiles a plugin's tool and all of
/// its dependencies into every user's build, and relinks it whenever a migration file is added.
public struct GenerateRun: Sendable, Equatable {
    /// The module's migrations folder.
    public var migrations: String
    /// The folder the Swift files go into.
    public var output: String
    /// The module's name (default: the migrations folder's name, capitalised).
    public var moduleName: String?
    /// A `pg-codegen.json` (default: the one in the migrations folder, if there).
    public var config: String?
    /// How many `Tables+NN.swift` files (default: from the number of up migrations).
    public var shards: Int?
    /// A folder of query files for `Queries+SQL.swift`.
    public var queries: String?

    public init(migrations: String, output: String, moduleName: String? = nil, config: String? = nil, shards: Int? = nil, queries: String? = nil) {
        self.migrations = migrations
        self.output = output
        self.moduleName = moduleName
        self.config = config
        self.shards = shards
        self.queries = queries
    }

    /// Whether the arguments ask for the usage (`-h`, `--help`).
    public static func isHelp(_ arguments: [String]) -> Bool {
        arguments.contains("-h") || arguments.contains("--help")
    }

    /// How the tool is called; also its answer to a wrong call.
    public static let usage = "usage: pg-codegen-generate --migrations <dir> --output <dir> [--module-name <name>] [--config <file>] [--shards <n>] [--queries <dir>]"

    /// A call of the tool that it cannot run, with a message naming the argument.
    public struct ArgumentError: Error, Equatable, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Reads `--name value` pairs (the plugins pass nothing else); an error naming the argument for
    /// anything else. (`-h` and `--help` are the caller's: see `isHelp`.)
    public static func parse(_ arguments: [String]) -> Result<GenerateRun, ArgumentError> {
        var values: [String: String] = [:]
        let known: Set<String> = ["--migrations", "--output", "--module-name", "--config", "--shards", "--queries"]
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard known.contains(name) else { return .failure(ArgumentError(description: "unknown argument '\(name)'")) }
            guard index + 1 < arguments.count, !known.contains(arguments[index + 1]) else {
                return .failure(ArgumentError(description: "\(name) needs a value"))
            }
            guard values[name] == nil else { return .failure(ArgumentError(description: "\(name) is given twice")) }
            values[name] = arguments[index + 1]
            index += 2
        }
        guard let migrations = values["--migrations"] else { return .failure(ArgumentError(description: "--migrations is missing")) }
        guard let output = values["--output"] else { return .failure(ArgumentError(description: "--output is missing")) }
        var shards: Int?
        if let text = values["--shards"] {
            guard let count = Int(text), count >= 1 else {
                return .failure(ArgumentError(description: "--shards must be a whole number from 1, not '\(text)'"))
            }
            shards = count
        }
        return .success(GenerateRun(
            migrations: migrations, output: output, moduleName: values["--module-name"], config: values["--config"],
            shards: shards, queries: values["--queries"]
        ))
    }

    /// Generates and writes; the diagnostics go to standard error. `false` when there was an
    /// error: then nothing is written.
    public func run() throws -> Bool {
        let migrations = Self.editablePath(self.migrations)
        let folder = URL(fileURLWithPath: self.migrations).lastPathComponent
        let module = moduleName ?? (folder.prefix(1).uppercased() + folder.dropFirst())
        var configPath = config
        if configPath == nil {
            let beside = URL(fileURLWithPath: migrations).appendingPathComponent("pg-codegen.json").path
            if FileManager.default.fileExists(atPath: beside) { configPath = beside }
        }
        // A target of a split schema whose tables the changed migrations cannot reach keeps its
        // files as they are (see GenerateRun+Unchanged.swift).
        let key = unchangedKey(module: module, configPath: configPath)
        var read: UpMigrations?
        if let key {
            let standing = standing(key: key)
            if standing.stands { return true }
            read = standing.read
        }
        var result = Generator.generate(
            migrations: migrations, moduleName: module, configPath: configPath, shards: shards.map { max(1, $0) }, typedQueries: queries != nil
        )
        // Queries+SQL.swift always: the typed queries when there is a queries folder, and the
        // views' models in every module (the build plugin declares the file for every target).
        if !result.hasErrors, let schema = result.schema {
            let typed = QueryFileGenerator.generate(
                queries: queries.map(Self.editablePath), schema: schema, moduleName: module, config: result.config, tableTypeNames: result.tableTypeNames
            )
            result.diagnostics += typed.diagnostics
            if let file = typed.file { result.files.append(file) }
        }
        for diagnostic in result.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard !result.hasErrors else {
            try? FileManager.default.removeItem(atPath: statePath)
            return false
        }
        try Generator.write(result, to: output)
        if let key, let schema = result.schema {
            recordState(key: key, schema: schema, config: result.config, read: read, files: result.files.map(\.name))
        }
        return true
    }

    /// The migrations folder as the user edits it. The build plugin passes the folder through the
    /// target's symbolic link (`Sources/AppModels/migrations`); diagnostics name the files where
    /// they really are (`migrations/app/…`), relative to the working directory when inside it.
    public static func editablePath(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let resolved = url.resolvingSymlinksInPath().path
        guard resolved != url.standardizedFileURL.path else { return path }
        let workingDirectory = FileManager.default.currentDirectoryPath
        if resolved.hasPrefix(workingDirectory + "/") { return String(resolved.dropFirst(workingDirectory.count + 1)) }
        return resolved
    }
}
