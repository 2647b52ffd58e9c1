import Foundation
import Synchronization

/// Reads a module's migrations and folds their up files, in version order, into a ``Schema``.
///
/// Down files are lexed and parsed too, so a syntax error in one is reported, but they do not
/// shape the schema. All diagnostics of the run are collected; the schema is usable only when
/// none of them is an error.
public enum SchemaLoader {
    public struct Result: Sendable {
        public var schema: Schema
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// The name golang-migrate gives its version table unless `x-migrations-table` says otherwise.
    public static let defaultMigrationsTable = "schema_migrations"

    /// Folds the module folder at `path`. `migrationsTable` names golang-migrate's version table,
    /// which exists before the first migration.
    public static func load(migrations path: String, migrationsTable: String = defaultMigrationsTable) -> Result {
        let directory: MigrationDirectory
        do {
            directory = try MigrationDirectory(path: path)
        } catch {
            return Result(schema: Schema(), diagnostics: [error.diagnostic])
        }
        return load(directory, migrationsTable: migrationsTable)
    }

    public static func load(_ directory: MigrationDirectory, migrationsTable: String = defaultMigrationsTable) -> Result {
        let sqlFiles = directory.migrations.flatMap { [$0.up, $0.down].compactMap { $0 } }.filter { $0.fileExtension == "sql" }
        // Reading, lexing and parsing are per file, so they run side by side; folding is in order.
        let parsed = Mutex<[ParsedFile?]>(Array(repeating: nil, count: sqlFiles.count))
        DispatchQueue.concurrentPerform(iterations: sqlFiles.count) { index in
            let file = sqlFiles[index]
            let result: ParsedFile
            switch Swift.Result(catching: { () throws(MigrationSourceError) in try file.read() }) {
            case .success(let text):
                let (statements, diagnostics) = Parser.parse(SourceFile(path: file.path, text: text))
                result = ParsedFile(isUp: file.direction == .up, statements: statements, diagnostics: diagnostics)
            case .failure(let error):
                result = ParsedFile(isUp: file.direction == .up, readError: error.diagnostic)
            }
            parsed.withLock { $0[index] = result }
        }
        let files = parsed.withLock { $0 }.compactMap { $0 }
        var result = fold(parsed: files.filter { $0.isUp && $0.readError == nil }, migrationsTable: migrationsTable)
        // The model is built from up files; a broken down file (real histories carry old ones)
        // is a warning here, and `migrate` refuses to run it.
        for file in files where !file.isUp && file.readError == nil {
            result.diagnostics += file.diagnostics.map { diagnostic in
                guard diagnostic.severity == .error else { return diagnostic }
                var warning = diagnostic
                warning.severity = .warning
                warning.message += " (in a down file, which does not shape the model; `migrate` refuses to run it)"
                return warning
            }
        }
        result.diagnostics = files.compactMap(\.readError) + result.diagnostics
        return result
    }

    /// One file read, lexed and parsed, not yet folded.
    private struct ParsedFile: Sendable {
        var isUp: Bool
        var statements: [LocatedStatement] = []
        var diagnostics: [Diagnostic] = []
        var readError: Diagnostic?
    }

    private static func fold(parsed files: [ParsedFile], migrationsTable: String) -> Result {
        var folder = Folder(migrationsTable: migrationsTable)
        for file in files {
            folder.diagnostics += file.diagnostics
            for statement in file.statements { folder.apply(statement) }
            folder.endOfFile()
        }
        var schema = folder.schema
        if let position = schema.tables.firstIndex(where: { $0.name == QualifiedName(migrationsTable) }) {
            schema.migrationsTable = schema.tables.remove(at: position)
        }
        return Result(schema: schema, diagnostics: folder.diagnostics)
    }

    /// Folds up files given in order (for tests and tools that hold the text already).
    public static func fold(_ files: [SourceFile], migrationsTable: String = defaultMigrationsTable) -> Result {
        fold(parsed: files.map { file in
            let (statements, diagnostics) = Parser.parse(file)
            return ParsedFile(isUp: true, statements: statements, diagnostics: diagnostics)
        }, migrationsTable: migrationsTable)
    }

    /// Folds SQL text as if it were one migration file called `path`.
    public static func fold(sql: String, path: String = "000001_test.up.sql") -> Result {
        fold([SourceFile(path: path, text: sql)])
    }
}
