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

    /// Folds the module folder at `path`.
    public static func load(migrations path: String) -> Result {
        let directory: MigrationDirectory
        do {
            directory = try MigrationDirectory(path: path)
        } catch {
            return Result(schema: Schema(), diagnostics: [error.diagnostic])
        }
        return load(directory)
    }

    public static func load(_ directory: MigrationDirectory) -> Result {
        let sqlFiles = directory.migrations.flatMap { [$0.up, $0.down].compactMap { $0 } }.filter { $0.fileExtension == "sql" }
        // Reading, lexing and parsing are per file, so they run side by side; folding is in order.
        let parsed = Mutex<[ParsedFile?]>(Array(repeating: nil, count: sqlFiles.count))
        DispatchQueue.concurrentPerform(iterations: sqlFiles.count) { index in
            let file = sqlFiles[index]
            let result: ParsedFile
            switch Swift.Result(catching: { () throws(MigrationSourceError) in try file.read() }) {
            case .success(let text):
                let (statements, diagnostics) = Parser.parse(Lexer.lex(SourceFile(path: file.path, text: text)))
                result = ParsedFile(isUp: file.direction == .up, statements: statements, diagnostics: diagnostics)
            case .failure(let error):
                result = ParsedFile(isUp: file.direction == .up, readError: error.diagnostic)
            }
            parsed.withLock { $0[index] = result }
        }
        let files = parsed.withLock { $0 }.compactMap { $0 }
        var result = fold(parsed: files.filter { $0.isUp && $0.readError == nil })
        for file in files where !file.isUp && file.readError == nil {
            result.diagnostics += file.diagnostics
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

    private static func fold(parsed files: [ParsedFile]) -> Result {
        var folder = Folder()
        for file in files {
            folder.diagnostics += file.diagnostics
            for statement in file.statements { folder.apply(statement) }
        }
        return Result(schema: folder.schema, diagnostics: folder.diagnostics)
    }

    /// Folds up files given in order (for tests and tools that hold the text already).
    public static func fold(_ files: [SourceFile]) -> Result {
        fold(parsed: files.map { file in
            let (statements, diagnostics) = Parser.parse(Lexer.lex(file))
            return ParsedFile(isUp: true, statements: statements, diagnostics: diagnostics)
        })
    }

    /// Folds SQL text as if it were one migration file called `path`.
    public static func fold(sql: String, path: String = "000001_test.up.sql") -> Result {
        fold([SourceFile(path: path, text: sql)])
    }
}
