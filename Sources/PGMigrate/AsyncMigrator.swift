import Foundation
import PGClient
import PGRecord
import PGSchema

/// Applies a module's embedded migrations from async code: what a server runs at start-up.
///
/// ```swift
/// let pool = PGPool(config: config)
/// try await AsyncMigrator(migrations: SaasMigrations.all, on: pool).up()
/// ```
///
/// Each command opens a connection of its own with the pool's settings, runs a ``Migrator`` on a
/// thread of its own (no thread of Swift's cooperative pool waits for the server or for the
/// lock), and closes the connection. Not one of the pool's connections: the migrator holds a
/// session-level advisory lock and may set `statement_timeout`, neither of which may leak into a
/// connection that then serves requests.
///
/// The semantics are the `migrate` command's: golang-migrate's advisory lock, so replicas that
/// start together apply each migration once while the others wait for the lock (up to
/// ``MigratorOptions/lockTimeoutSeconds``) and then find nothing left to do; golang-migrate's
/// `schema_migrations` and the tool's checksum history; a dirty database is refused with
/// golang-migrate's words (`Dirty database version 3. Fix and force version.`), so a server does
/// not start on a half-migrated schema.
///
/// The migrator type is not called `Migrator(migrations:on:)`: ``Migrator`` is the synchronous
/// migrator of one connection that the command line uses, and its commands cannot be `async`.
public struct AsyncMigrator: Sendable {
    public let migrations: [PGMigration]
    public let config: PGConfig
    /// `nil`: read from the URL's options (`x-migrations-table`, `x-statement-timeout`).
    public let options: MigratorOptions?
    let notices: (@Sendable (PGNotice) -> Void)?
    let log: @Sendable (MigrationEvent) -> Void

    /// A migrator for the database of `pool`.
    public init(
        migrations: [PGMigration], on pool: PGPool, options: MigratorOptions? = nil,
        log: @escaping @Sendable (MigrationEvent) -> Void = { _ in }
    ) {
        self.init(migrations: migrations, config: pool.configuration.connection, options: options, notices: pool.configuration.notices, log: log)
    }

    /// A migrator for the database of `config`.
    public init(
        migrations: [PGMigration], config: PGConfig, options: MigratorOptions? = nil,
        notices: (@Sendable (PGNotice) -> Void)? = nil, log: @escaping @Sendable (MigrationEvent) -> Void = { _ in }
    ) {
        self.migrations = migrations
        self.config = config
        self.options = options
        self.notices = notices
        self.log = log
    }

    // MARK: - Commands

    /// Applies all pending migrations, or the next `limit` of them. Returns the version the
    /// database is at afterwards.
    @discardableResult
    public func up(limit: Int? = nil) async throws(MigrateError) -> DatabaseVersion? {
        try await run { migrator throws(MigrateError) in
            try migrator.up(limit: limit)
            return try migrator.version()
        }
    }

    /// Rolls back all applied migrations, or the last `limit` of them.
    public func down(limit: Int? = nil) async throws(MigrateError) {
        try await run { migrator throws(MigrateError) in try migrator.down(limit: limit) }
    }

    /// Migrates up or down until the database is at `version`.
    public func goto(_ version: Int64) async throws(MigrateError) {
        try await run { migrator throws(MigrateError) in try migrator.goto(version) }
    }

    /// The version the database is at; `nil` when no migration has been applied.
    public func version() async throws(MigrateError) -> DatabaseVersion? {
        try await run { migrator throws(MigrateError) in try migrator.version() }
    }

    /// Every migration with its state; reads only.
    public func status() async throws(MigrateError) -> StatusReport {
        try await run { migrator throws(MigrateError) in try migrator.status() }
    }

    // MARK: - Running

    /// Connects, runs `body` on a ``Migrator`` and disconnects, all on a thread of its own.
    func run<T: Sendable>(_ body: @escaping @Sendable (Migrator) throws(MigrateError) -> T) async throws(MigrateError) -> T {
        let migrations = migrations
        let config = config
        let options = options
        let notices = notices
        let log = log
        let result: Result<T, MigrateError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                // As PGClient does for its connection threads (a SIGCHLD that Foundation's `Process`
                // waits for would be lost here).
                blockAsynchronousSignals()
                continuation.resume(returning: Result { () throws(MigrateError) -> T in
                    let settings: MigratorOptions
                    if let options {
                        settings = options
                    } else {
                        do {
                            settings = try MigratorOptions(config: config)
                        } catch {
                            throw .database(PGError(kind: .client, message: "\(error)"), doing: "reading the database URL's options")
                        }
                    }
                    let connection: PGConnection
                    do throws(PGError) {
                        connection = try PGConnection(config: config, notices: notices)
                    } catch {
                        throw .database(error, doing: "connecting to migrate")
                    }
                    defer { connection.close() }
                    let migrator = try Migrator(connection: connection, migrations: migrations, options: settings, log: log)
                    return try body(migrator)
                })
            }
            thread.name = "pg-migrate"
            thread.start()
        }
        return try result.get()
    }
}
