import Foundation

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

    /// Folds the module folder at `path`.
    public static func load(migrations path: String) -> Result {
        let directory: MigrationDirectory
        do {
            directory = try MigrationDirectory(path: path)
        } catch {
            return Result(schema: Schema(), diagnostics: [Diagnostic(.error, error.message, at: SourceLocation(file: error.path, line: error.line ?? 1, column: error.column ?? 1))])
        }
        return load(directory)
    }

    public static func load(_ directory: MigrationDirectory) -> Result {
        var files: [SourceFile] = []
        var downFiles: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        for migration in directory.migrations {
            for file in [migration.up, migration.down].compactMap({ $0 }) where file.fileExtension == "sql" {
                do {
                    let text = try file.read()
                    let source = SourceFile(path: file.path, text: text)
                    if file.direction == .up { files.append(source) } else { downFiles.append(source) }
                } catch {
                    diagnostics.append(Diagnostic(.error, error.message, at: SourceLocation(file: error.path, line: error.line ?? 1, column: error.column ?? 1)))
                }
            }
        }
        var result = fold(files)
        for file in downFiles {
            result.diagnostics += Parser.parse(Lexer.lex(file)).diagnostics
        }
        result.diagnostics = diagnostics + result.diagnostics
        return result
    }

    /// Folds up files given in order (for tests and tools that hold the text already).
    public static func fold(_ files: [SourceFile]) -> Result {
        var folder = Folder()
        for file in files {
            let (statements, diagnostics) = Parser.parse(Lexer.lex(file))
            folder.diagnostics += diagnostics
            for statement in statements { folder.apply(statement) }
        }
        return Result(schema: folder.schema, diagnostics: folder.diagnostics)
    }

    /// Folds SQL text as if it were one migration file called `path`.
    public static func fold(sql: String, path: String = "000001_test.up.sql") -> Result {
        fold([SourceFile(path: path, text: sql)])
    }
}
