/// One migration of a module as data: what the generator embeds in a models target
/// (`SaasMigrations.all`), so that a server applies its migrations at start-up with no SQL files
/// beside the binary (`PGMigrate`'s `AsyncMigrator(migrations:on:)`).
///
/// The texts are the files' bytes exactly as they were when the models were generated; their
/// checksums are those of the files, so the `migrate` command, run on the folder later, sees the
/// same migrations as applied.
public struct PGMigration: Sendable, Hashable {
    /// The up or the down file of a migration.
    public struct Script: Sendable, Hashable {
        /// The file's name, `000001_create_saas_clients.up.sql`: what error messages point at.
        public var fileName: String
        /// Whether the migrator runs it outside a transaction: its first line is
        /// `-- migrate:no-transaction`, it holds a statement PostgreSQL refuses in a transaction
        /// block (`CREATE INDEX CONCURRENTLY`), or it ends its transaction itself. Such a file
        /// follows golang-migrate's dirty protocol. Derived from ``sql`` by the same rule the
        /// migrator applies; for reading.
        public var runsOutsideTransaction: Bool
        /// The file's text.
        public var sql: String

        public init(fileName: String, runsOutsideTransaction: Bool, sql: String) {
            self.fileName = fileName
            self.runsOutsideTransaction = runsOutsideTransaction
            self.sql = sql
        }
    }

    /// The numeric version (`1` for `000001_…`).
    public var version: Int64
    /// The part of the file name between the version and the direction (`create_saas_clients`).
    public var name: String
    public var up: Script?
    /// `nil` when the migration has no down file (it cannot be rolled back from the binary).
    public var down: Script?

    public init(version: Int64, name: String, up: Script?, down: Script?) {
        self.version = version
        self.name = name
        self.up = up
        self.down = down
    }
}
