import PGClient
import PGSchema

/// Everything that stops a migration run, with a message a person can act on.
///
/// Messages name the migration file (with line and column where the server pointed at one), the
/// server's message, detail and hint, and what state the database was left in. They never hold a
/// password or bind values.
public enum MigrateError: Error, Sendable, CustomStringConvertible {
    /// The migrations folder or a file in it cannot be used.
    case source(MigrationSourceError)
    /// The database is marked dirty: a no-transaction migration failed halfway, here or under
    /// golang-migrate. The words are golang-migrate's.
    case dirty(version: Int64)
    /// A migration file failed; `leftDirty` tells whether the database was left as it was.
    case migrationFailed(file: MigrationFile, line: Int?, column: Int?, error: PGError, leftDirty: Bool, previousVersion: Int64?)
    /// The database records a version that no file in the folder has.
    case unknownVersion(Int64, folder: String)
    /// A version that `goto` was asked for is not in the folder.
    case noSuchVersion(Int64, folder: String)
    /// A down file is needed but missing.
    /// Versions that a down run would pass and that have no down file; nothing was run.
    case missingDownFile(versions: [Int64], folder: String)
    /// `up N` or `down N` could do fewer than N steps; the ones it could do were done.
    case shortLimit(requested: Int, short: Int)
    /// The database has no version yet (`version` on a fresh database).
    case noMigration
    /// Another migrator held the lock for longer than the lock timeout.
    case lockTimeout(seconds: Int)
    /// A statement of the migrator's own failed (connecting, the version table, the lock).
    case database(PGError, doing: String)
    /// `create` refused.
    case create(String)
    /// The connection was lost while the server was committing a file (or its version): whether
    /// it was applied is unknown until the version is read again.
    case outcomeUnknown(file: MigrationFile, error: PGError, previousVersion: Int64?, target: Int64)
    /// A transactional file ended its transaction in a way the migrator could not foresee; the
    /// version is left dirty so that nothing runs on top of an unknown state.
    case transactionEndedByFile(file: MigrationFile, target: Int64, detail: String)
    /// A file that would be recorded as applied though it undoes its own work (`ROLLBACK`).
    case refusedFile(file: MigrationFile, line: Int, column: Int, message: String)
    /// Applied files were edited afterwards; `up` refuses until they are restored, accepted
    /// (`baseline -accept-changed`) or overridden (`-ignore-changed`).
    case changedFiles([ChangedFile])

    public var description: String {
        switch self {
        case .source(let error):
            return error.description
        case .dirty(let version):
            return "Dirty database version \(version). Fix and force version."
        case .migrationFailed(let file, let line, let column, let error, let leftDirty, let previousVersion):
            var location = file.path
            if let line { location += ":\(line):\(column ?? 1)" }
            var text = "\(location): error: migration failed: \(error.message)"
            if let sqlState = error.sqlState { text += " (SQLSTATE \(sqlState))" }
            if let detail = error.detail { text += "\nDETAIL: \(detail)" }
            if let hint = error.hint { text += "\nHINT: \(hint)" }
            if leftDirty {
                text += "\nThe file did not run in one transaction of the migrator's (it is marked `-- migrate:no-transaction`, holds a statement PostgreSQL runs only outside a transaction block, or ends its transaction itself), so part of it may have been applied: the database is now marked dirty at version \(file.direction == .up ? String(file.version) : "before \(file.version)"). Repair it by hand, then record the version it is really at with \(migrateCommand("force V", folder: file.folder))."
            } else {
                let state = previousVersion.map { "unchanged at version \($0)" } ?? "unchanged, with no migration applied"
                text += "\nNothing of this file was applied; the database is \(state)."
            }
            return text
        case .unknownVersion(let version, let folder):
            return "error: the database is at version \(version), but \(folder) has no migration with that version"
        case .noSuchVersion(let version, let folder):
            return "error: \(folder) has no migration with version \(version)"
        case .missingDownFile(let versions, let folder):
            let list = versions.map(String.init).joined(separator: ", ")
            return """
                error: \(folder) has no down file for version\(versions.count == 1 ? "" : "s") \(list), so \(versions.count == 1 ? "it" : "they") cannot be rolled back; nothing was run
                Write the missing NNNNNN_name.down.sql file\(versions.count == 1 ? "" : "s"), or roll back only to a later version with `goto`. \
                (golang-migrate would move the version past a missing down file without running anything; this tool refuses.)
                """
        case .shortLimit(let requested, let short):
            return "error: limit \(requested) short by \(short)"
        case .noMigration:
            return "error: no migration"
        case .lockTimeout(let seconds):
            return "error: timeout: can't acquire database lock within \(seconds) s (another migrator is running)"
        case .database(let error, let doing):
            return "error: \(doing): \(error.description)"
        case .create(let message):
            return "error: \(message)"
        case .outcomeUnknown(let file, let error, let previousVersion, let target):
            let before = previousVersion.map { "at version \($0)" } ?? "with no migration applied"
            return """
                \(file.path): error: the connection was lost while the server was committing this file: \(error.message)
                The outcome is unknown: the database is either still \(before), or at version \(target) with this file applied. \
                Run \(migrateCommand("version", folder: file.folder)) to see which before doing anything else.
                """
        case .transactionEndedByFile(let file, let target, let detail):
            return """
                \(file.path): error: the file ended the migration's transaction itself (\(detail)), so what it did cannot be told apart from what it undid: \
                the database is now marked dirty at version \(target). Check what the file left behind, then record the version it is really at with \(migrateCommand("force V", folder: file.folder)); \
                mark such a file `-- migrate:no-transaction`, or take the BEGIN/COMMIT out of it.
                """
        case .refusedFile(let file, let line, let column, let message):
            return "\(file.path):\(line):\(column): error: \(message); nothing was run"
        case .changedFiles(let files):
            return files.map(\.description).joined(separator: "\n") + """

                Nothing was run. A migration that has been applied is not edited: the databases that ran it keep the old version. \
                Restore the file\(files.count == 1 ? "" : "s") (git checkout), and put the change in a new migration; \
                if the edit changes nothing that ran (a comment), accept it with \(migrateCommand("baseline -accept-changed", folder: files.first?.file.folder ?? "<folder>")), \
                or run `up` anyway with -ignore-changed (`MigratorOptions.ignoreChanged` in code).
                """
        }
    }
}
