import Foundation
import PGSchema

/// Migrations in, Swift files out: the whole generator behind `pg-codegen generate` and the plugins.
public enum Generator {
    /// The files the generator always writes for a module of one shard, whatever the schema holds
    /// (a build plugin declares its outputs before the generator runs). A file with nothing to
    /// say holds only its header.
    public static let outputFileNames = ["Tables.swift", "Enums.swift", "CompositeTypes.swift", "Queries.swift"]

    /// The files for `shards` shards: with one, ``outputFileNames``; with more, each shard's
    /// tables and their queries in a file of its own (`Tables+07.swift`), so that a migration that
    /// changes one table recompiles one file at `swift build`.
    public static func outputFileNames(shards: Int) -> [String] {
        guard shards > 1 else { return outputFileNames }
        return ["Enums.swift", "CompositeTypes.swift"] + (0..<shards).map { shardFileName("Tables", $0) }
    }

    /// A shard's file: `Tables+07.swift`, `Versions+07.swift`.
    static func shardFileName(_ stem: String, _ shard: Int) -> String { shard < 10 ? "\(stem)+0\(shard).swift" : "\(stem)+\(shard).swift" }

    /// How many shards a module of `migrations` up files gets: one below 32 files (a small module
    /// stays four readable files), then a power of two near one shard per 3 files, at most 128:
    /// about one or two tables a file, since a file is what an edit recompiles. The plugin and the
    /// command line count the same way, so both know the files before generating.
    public static func shardCount(migrations: Int) -> Int {
        guard migrations >= 32 else { return 1 }
        var shards = 1
        while shards * 2 <= migrations / 3, shards < 128 { shards *= 2 }
        return shards
    }

    /// How many `Versions+NN.swift` files the embedded migrations take in a module of `shards`
    /// table shards: none with one, else as many, at most 16. Every file is read again by the
    /// interface step of each rebuild: 128 more files made a 500-table module's rebuild about
    /// 2.5 s slower, where a few larger ones still keep a new migration's compile small.
    public static func versionShardCount(shards: Int) -> Int {
        shards > 1 ? min(shards, 16) : 0
    }

    /// The shard of a table: a stable hash (FNV-1a) of its qualified name, so that a table stays
    /// in its file whatever other tables come and go.
    static func shard(of table: QualifiedName, shards: Int) -> Int {
        shard(of: table.description, shards: shards)
    }

    /// The shard of any stable key (a migration's `v000123`).
    static func shard(of key: String, shards: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(shards))
    }

    public struct Output: Sendable {
        /// File name → Swift source, for each of ``outputFileNames``; empty when there were errors.
        public var files: [(name: String, contents: String)]
        public var diagnostics: [Diagnostic]
        /// The Swift name chosen for each table's model (``Naming``'s rules, collisions numbered).
        public var tableTypeNames: [QualifiedName: String] = [:]
        /// The folded schema the files were rendered from (what typed queries are checked against).
        public var schema: Schema?
        /// The `pg-codegen.json` the files were rendered with (the defaults when there was none).
        public var config = GeneratorConfig()
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Whether the files of a module with `config` depend on what the migrations define. A target
    /// that models no table or view (`include: []`), takes its enums and composite types from
    /// another module (`typesModule`), models no version table, names no table in its config and
    /// has no typed queries (a migrations-only target, README "A large schema in several
    /// targets") writes the same files whatever the schema holds. It need not fold: in a
    /// 500-table schema that is the generator's 0.3 s at the head of every rebuild (issue 14).
    /// The types module folds the same migrations in the same build and reports their errors.
    public static func needsSchema(_ config: GeneratorConfig, typedQueries: Bool) -> Bool {
        typedQueries || config.include != [] || config.typesModule == nil || config.migrationsTable?.model == true
            // Names the config checks against the schema (a typo is a warning).
            || !(config.exclude ?? []).isEmpty || !(config.tables ?? [:]).isEmpty
    }

    /// Folds the migrations in `migrations` and renders the models of the module `moduleName`.
    /// `configPath` names an optional `pg-codegen.json`. `typedQueries` says that the caller
    /// checks typed queries against the returned schema: without it, a module whose files do not
    /// depend on the schema (``needsSchema(_:typedQueries:)``) returns an empty one, unfolded.
    public static func generate(migrations: String, moduleName: String, configPath: String? = nil, shards: Int? = nil, typedQueries: Bool = true) -> Output {
        var diagnostics: [Diagnostic] = []
        var config = GeneratorConfig()
        if let configPath {
            do {
                let loaded = try GeneratorConfig.loadWithUnknownKeys(path: configPath)
                config = loaded.config
                for key in loaded.unknownKeys {
                    diagnostics.append(Diagnostic(.warning, "unknown key \(key) in the generator config, ignored", at: SourceLocation(file: configPath, line: 1, column: 1)))
                }
            } catch {
                diagnostics.append(error)
            }
        }
        let directory: MigrationDirectory
        do {
            directory = try MigrationDirectory(path: migrations)
        } catch {
            return Output(files: [], diagnostics: diagnostics + [error.diagnostic])
        }
        var schema = Schema()
        if needsSchema(config, typedQueries: typedQueries) {
            let folded = SchemaLoader.load(directory, migrationsTable: config.migrationsTable?.name ?? SchemaLoader.defaultMigrationsTable)
            diagnostics += folded.diagnostics
            schema = folded.schema
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return Output(files: [], diagnostics: diagnostics)
        }
        let shards = shards ?? shardCount(migrations: directory.upFiles.count)
        var output = generate(
            schema: schema, moduleName: moduleName, config: config, sourceFiles: directory.upFiles.map(\.fileName),
            shards: shards, diagnostics: diagnostics
        )
        output.config = config
        // The migrations themselves, embedded (`<Module>Migrations.all`): MigrationsTranslator.
        guard !output.hasErrors else { return output }
        guard config.embedMigrations != false else {
            // The files are declared by the plugin, so they are written, with nothing in them.
            let empty = SwiftRenderer.render(FileDescription(
                header: ["Generated by pg-codegen. The \(moduleName) migrations are embedded by another module (pg-codegen.json: embedMigrations is false)."],
                declarations: []
            ))
            output.files.append((MigrationsTranslator.outputFileName, empty))
            output.files += (0..<versionShardCount(shards: shards)).map { (shardFileName("Versions", $0), empty) }
            return output
        }
        let migrations = MigrationsTranslator.files(directory, moduleName: moduleName, shards: versionShardCount(shards: shards))
        output.diagnostics += migrations.diagnostics
        if migrations.diagnostics.contains(where: { $0.severity == .error }) {
            output.files = []
        } else {
            output.files += zip(migrations.files, SwiftRenderer.render(migrations.files.map(\.file))).map { ($0.name, $1) }
        }
        return output
    }

    /// Renders the models of an already folded schema.
    /// Partitions get no model of their own (rows are read and written through the parent), and
    /// golang-migrate's version table only when the config asks for it.
    public static func generate(
        schema: Schema, moduleName: String, config: GeneratorConfig = GeneratorConfig(), sourceFiles: [String] = [], shards: Int = 1,
        diagnostics: [Diagnostic] = []
    ) -> Output {
        var schema = schema
        schema.tables.removeAll { $0.partitionOf != nil }
        if config.migrationsTable?.model == true, let table = schema.migrationsTable { schema.tables.insert(table, at: 0) }
        var translator = ModelTranslator(schema: schema, config: config, moduleName: moduleName, sourceFiles: sourceFiles)
        let files = translator.files(shards: shards)
        let all = diagnostics + translator.diagnostics
        guard !all.contains(where: { $0.severity == .error }) else { return Output(files: [], diagnostics: all) }
        let names = Dictionary(uniqueKeysWithValues: schema.tables.compactMap { table in translator.tableTypeName(table.name).map { (table.name, $0) } })
        return Output(files: zip(files, SwiftRenderer.render(files.map(\.file))).map { ($0.name, $1) }, diagnostics: all, tableTypeNames: names, schema: schema)
    }

    /// Writes the files into `directory`, each only when its bytes differ from what is there, so
    /// an unchanged schema recompiles nothing. Returns the names of the files written.
    @discardableResult
    public static func write(_ output: Output, to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for (name, contents) in output.files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            let data = Data(contents.utf8)
            if (try? Data(contentsOf: url)) == data { continue }
            try data.write(to: url, options: .atomic)
            written.append(name)
        }
        // Files of another shard count, from an earlier run, would be stale.
        let current = Set(output.files.map(\.name))
        let ours = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in ours where !current.contains(name) && (name.hasPrefix("Tables+") || name.hasPrefix("Versions+") || Self.outputFileNames.contains(name)) && name.hasSuffix(".swift") {
            try FileManager.default.removeItem(atPath: URL(fileURLWithPath: directory).appendingPathComponent(name).path)
        }
        // The embedded migrations' earlier name, when the file is ours.
        let earlier = URL(fileURLWithPath: directory).appendingPathComponent("Migrations.swift")
        if !current.contains("Migrations.swift"), let text = try? String(contentsOf: earlier, encoding: .utf8), text.hasPrefix("// Generated by pg-codegen") {
            try FileManager.default.removeItem(at: earlier)
        }
        return written
    }
}
