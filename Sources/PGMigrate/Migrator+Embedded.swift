import PGClient
import PGRecord
import PGSchema

extension Migrator {
    /// What messages call migrations embedded in the binary, where they name a folder otherwise.
    public static let embeddedSourceName = "this binary"

    /// A migrator for migrations embedded in the binary (`SaasMigrations.all`, generated beside
    /// the models) instead of a folder: the same lock, version table, history and checksums, so
    /// the `migrate` command and golang-migrate, run on the folder, see the same state.
    ///
    /// Errors name the files as `<fileName>` (`000003_add_index.up.sql:2:5: error: …`). This
    /// initializer waits for nothing, but the commands wait for the server on the calling
    /// thread: from async code use ``AsyncMigrator``.
    public convenience init(
        connection: PGConnection, migrations: [PGMigration], options: MigratorOptions = MigratorOptions(),
        log: @escaping @Sendable (MigrationEvent) -> Void = { _ in }
    ) throws(MigrateError) {
        var texts: [String: String] = [:]
        var listed: [Migration] = []
        for migration in migrations {
            var entry = Migration.listed(version: migration.version, up: nil, down: nil)
            for direction in MigrationDirection.allCases {
                guard let script = direction == .up ? migration.up : migration.down else { continue }
                let parsed = MigrationFile.parse(fileName: script.fileName)
                let file = MigrationFile.listed(
                    version: migration.version, name: migration.name, direction: direction,
                    fileExtension: parsed?.fileExtension ?? "sql", path: script.fileName
                )
                // PostgreSQL's text cannot hold NUL, and libpq would cut the statement there; the
                // generator never embeds one (it refuses such a file), a hand-made value might.
                if let offset = script.sql.utf8.firstIndex(of: 0) {
                    let before = script.sql[..<offset]
                    let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                    throw .source(MigrationSourceError(
                        path: script.fileName, line: line, column: before.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.unicodeScalars.count + 1 } ?? 1,
                        message: "migration contains a NUL byte (PostgreSQL cannot store it, and everything after it would be lost)"
                    ))
                }
                texts[file.path] = script.sql
                if direction == .up { entry.up = file } else { entry.down = file }
            }
            listed.append(entry)
        }
        let directory: MigrationDirectory
        do {
            directory = try MigrationDirectory(path: Self.embeddedSourceName, migrations: listed)
        } catch {
            throw .source(error)
        }
        self.init(connection: connection, directory: directory, texts: texts, options: options, log: log)
    }
}
