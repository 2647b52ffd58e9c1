import PGClient

/// How a ``Migrator`` keeps its state, read from the database URL's `x-` options as golang-migrate
/// reads them.
public struct MigratorOptions: Sendable, Equatable {
    /// The version table, in `current_schema()`: `x-migrations-table`, default `schema_migrations`.
    public var migrationsTable: String
    /// The longest a single statement may run, in milliseconds: `x-statement-timeout`; no limit when `nil`.
    public var statementTimeoutMilliseconds: Int?
    /// How long to wait for another migrator's lock before giving up (golang-migrate's `-lock-timeout`).
    public var lockTimeoutSeconds: Int
    /// The database part of the advisory lock key. `nil` (the default) takes `/` followed by the
    /// name of the database the connection is on (`current_database()`): what golang-migrate's
    /// command line uses for a URL that spells the name plainly, and one key however the name is
    /// spelled. Set it only to match another tool's key.
    public var lockDatabaseName: String?
    /// Run `up` even though an applied file changed after it was applied (`-ignore-changed`).
    public var ignoreChanged = false

    public init(
        migrationsTable: String = "schema_migrations", statementTimeoutMilliseconds: Int? = nil,
        lockTimeoutSeconds: Int = 15, lockDatabaseName: String? = nil
    ) {
        self.migrationsTable = migrationsTable
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
        self.lockTimeoutSeconds = lockTimeoutSeconds
        self.lockDatabaseName = lockDatabaseName
    }

    /// Reads `x-migrations-table` and `x-statement-timeout` from the configuration's URL options.
    public init(config: PGConfig, lockTimeoutSeconds: Int = 15) throws(PGConfigError) {
        var timeout: Int?
        if let text = config.toolOptions["x-statement-timeout"], !text.isEmpty {
            guard let value = Int(text), value >= 0 else {
                throw PGConfigError("x-statement-timeout=\(text) is not a number of milliseconds")
            }
            timeout = value == 0 ? nil : value
        }
        let table = config.toolOptions["x-migrations-table"].flatMap { $0.isEmpty ? nil : $0 }
        self.init(
            migrationsTable: table ?? "schema_migrations", statementTimeoutMilliseconds: timeout,
            lockTimeoutSeconds: lockTimeoutSeconds
        )
    }
}
