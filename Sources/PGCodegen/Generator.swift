import Foundation
import PGSchema

/// Migrations in, Swift files out: the whole generator behind `pg-codegen generate` and the plugins.
public enum Generator {
    /// The files the generator always writes, whatever the schema holds (a build plugin declares
    /// its outputs before the generator runs). A file with nothing to say holds only its header.
    public static let outputFileNames = ["Tables.swift", "Enums.swift", "CompositeTypes.swift", "Queries.swift"]

    public struct Output: Sendable {
        /// File name → Swift source, for each of ``outputFileNames``; empty when there were errors.
        public var files: [(name: String, contents: String)]
        public var diagnostics: [Diagnostic]
        /// The Swift name chosen for each table's model (``Naming``'s rules, collisions numbered).
        public var tableTypeNames: [QualifiedName: String] = [:]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Folds the migrations in `migrations` and renders the models of the module `moduleName`.
    /// `configPath` names an optional `pg-codegen.json`.
    public static func generate(migrations: String, moduleName: String, configPath: String? = nil) -> Output {
        var diagnostics: [Diagnostic] = []
        var config = GeneratorConfig()
        if let configPath {
            do {
                config = try GeneratorConfig.load(path: configPath)
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
        let folded = SchemaLoader.load(directory, migrationsTable: config.migrationsTable?.name ?? SchemaLoader.defaultMigrationsTable)
        diagnostics += folded.diagnostics
        guard !folded.hasErrors, !diagnostics.contains(where: { $0.severity == .error }) else {
            return Output(files: [], diagnostics: diagnostics)
        }
        return generate(schema: folded.schema, moduleName: moduleName, config: config, sourceFiles: directory.upFiles.map(\.fileName), diagnostics: diagnostics)
    }

    /// Renders the models of an already folded schema.
    /// Partitions get no model of their own (rows are read and written through the parent), and
    /// golang-migrate's version table only when the config asks for it.
    public static func generate(schema: Schema, moduleName: String, config: GeneratorConfig = GeneratorConfig(), sourceFiles: [String] = [], diagnostics: [Diagnostic] = []) -> Output {
        var schema = schema
        schema.tables.removeAll { $0.partitionOf != nil }
        if config.migrationsTable?.model == true, let table = schema.migrationsTable { schema.tables.insert(table, at: 0) }
        var translator = ModelTranslator(schema: schema, config: config, moduleName: moduleName, sourceFiles: sourceFiles)
        let files = translator.files()
        let all = diagnostics + translator.diagnostics
        guard !all.contains(where: { $0.severity == .error }) else { return Output(files: [], diagnostics: all) }
        let names = Dictionary(uniqueKeysWithValues: schema.tables.compactMap { table in translator.tableTypeName(table.name).map { (table.name, $0) } })
        return Output(files: zip(files, SwiftRenderer.render(files.map(\.file))).map { ($0.name, $1) }, diagnostics: all, tableTypeNames: names)
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
        return written
    }
}
