import Foundation
import PGClient
import PGRecord
import PGSchema

/// One locked run of the migrator on its connection: the version table's location and the
/// statements that read and write it.
final class Session {
    let connection: PGConnection
    let options: MigratorOptions
    let schema: String
    let lockKey: UInt32
    /// `"schema"."table"`, quoted.
    let table: String
    /// Whether the history table exists, once known (it is never dropped during a session but by
    /// `drop`, which forgets it).
    var historyExistsKnown: Bool?

    init(connection: PGConnection, options: MigratorOptions) throws(MigrateError) {
        self.connection = connection
        self.options = options
        var setup = "SELECT current_schema(), current_database()"
        if let timeout = options.statementTimeoutMilliseconds {
            setup = "SET statement_timeout = \(timeout); " + setup
        }
        let rows = try Self.database("reading the current schema") { () throws(PGError) in try connection.execute(setup) }
        guard let schema = rows.first?[0] else {
            throw .database(PGError(kind: .client, message: "current_schema() is NULL: the search_path names no existing schema"), doing: "reading the current schema")
        }
        self.schema = schema
        table = quoteIdentifier(schema) + "." + quoteIdentifier(options.migrationsTable)
        // The database the connection is really on, not the URL's spelling of it (`/my%20db` and
        // `DB_NAME=my db` are one database, and must be one lock). golang-migrate's command line
        // passes the URL path, `/name`: the same text for a URL that spells the name plainly.
        let database = "/" + (rows.first?[1] ?? "")
        lockKey = AdvisoryLock.key(database: options.lockDatabaseName ?? database, schema: schema, table: options.migrationsTable)
    }

    @discardableResult
    static func database<T>(_ doing: String, _ body: () throws(PGError) -> T) throws(MigrateError) -> T {
        do {
            return try body()
        } catch {
            throw .database(error, doing: doing)
        }
    }

    // MARK: - The lock

    /// Waits for the advisory lock by polling `pg_try_advisory_lock` between short sleeps, each
    /// poll its own statement: a migrator that waits holds no transaction and no snapshot, so the
    /// one at work can run `CREATE INDEX CONCURRENTLY` (which waits for every older snapshot)
    /// without deadlocking with the ones that wait.
    func lock() throws(MigrateError) {
        let deadline = ContinuousClock.now + .seconds(options.lockTimeoutSeconds)
        var pause = 0.005
        while true {
            let taken: Bool
            do {
                taken = try connection.execute("SELECT pg_try_advisory_lock(\(lockKey))").first?[0] == "t"
            } catch {
                throw .database(error, doing: "taking the migration lock")
            }
            if taken { return }
            if ContinuousClock.now >= deadline { throw .lockTimeout(seconds: options.lockTimeoutSeconds) }
            // Up to a quarter second, with jitter so that waiting replicas do not poll in step.
            Thread.sleep(forTimeInterval: pause * Double.random(in: 0.5...1.5))
            pause = min(pause * 2, 0.25)
        }
    }

    func unlock() {
        if connection.transactionStatus != .idle { _ = try? connection.execute("ROLLBACK") }
        _ = try? connection.execute("SELECT pg_advisory_unlock(\(lockKey))")
    }

    // MARK: - The version table

    /// Creates the version table when it is missing, as golang-migrate does. It looks first, so a
    /// user without CREATE rights can still read the version of a migrated database.
    func ensureVersionTable() throws(MigrateError) {
        let rows = try Self.database("looking for the version table") { () throws(PGError) in
            try connection.query(
                "SELECT count(1) FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2",
                [schema.pgBind, options.migrationsTable.pgBind]
            )
        }
        let exists = rows.first?[0] ?? "0"
        guard exists == "0" else { return }
        try Self.database("creating the version table") { () throws(PGError) in
            try connection.execute("CREATE TABLE IF NOT EXISTS \(table) (version bigint not null primary key, dirty boolean not null)")
        }
    }

    func readVersion() throws(MigrateError) -> DatabaseVersion? {
        try Self.database("reading the version table") { () throws(PGError) -> DatabaseVersion? in
            let rows = try connection.execute("SELECT version, dirty FROM \(table) LIMIT 1")
            guard let row = rows.first else { return nil }
            do {
                return DatabaseVersion(version: try row.decode(Int64.self, at: 0), dirty: try row.decode(Bool.self, at: 1))
            } catch {
                throw PGError(kind: .client, message: "\(error)")
            }
        }
    }

    /// The version, refusing a dirty database with golang-migrate's words.
    func checkedVersion() throws(MigrateError) -> DatabaseVersion? {
        let version = try readVersion()
        if let version, version.dirty { throw .dirty(version: version.version) }
        return version
    }

    /// The statements that record a version: the one row replaced, in the caller's transaction.
    /// Version -1 is an empty table, unless it is dirty.
    ///
    /// golang-migrate writes `TRUNCATE` then `INSERT`; the table ends up the same with `DELETE`, which
    /// takes no ACCESS EXCLUSIVE lock (a concurrent `version` is not blocked) and creates no new
    /// relation files: 1.5 to 2 ms less per migration on a durable server (`make bench`).
    func versionStatements(_ version: Int64, dirty: Bool) -> String {
        var sql = "DELETE FROM \(table);"
        if version >= 0 || dirty {
            sql += " INSERT INTO \(table) (version, dirty) VALUES (\(version), \(dirty));"
        }
        return sql
    }

    func setVersion(_ version: Int64, dirty: Bool) throws(MigrateError) {
        try Self.database("writing the version table") { () throws(PGError) in
            try connection.execute("BEGIN; " + versionStatements(version, dirty: dirty) + " COMMIT")
        }
    }

    // MARK: - Applying files

    /// `BEGIN`, the file and its version update, `COMMIT`: two round trips; on failure a
    /// `ROLLBACK` leaves the database exactly as before.
    ///
    /// The file must not end the transaction itself (``Migrator`` sends such files through
    /// ``applyWholeFile(_:text:target:previous:record:)``); should libpq report that it did anyway, the
    /// version is marked dirty rather than recorded as cleanly applied.
    func applyInTransaction(_ file: MigrationFile, text: String, target: Int64, previous: Int64?, record: () -> String = { "" }) throws(MigrateError) {
        let prefix = "BEGIN;\n"
        do {
            try connection.execute(prefix + text)
        } catch {
            // The file holds no COMMIT of its own (Migrator sends those elsewhere), so whatever
            // failed, even the connection, nothing of it was committed.
            if connection.transactionStatus != .idle { _ = try? connection.execute("ROLLBACK") }
            let position = error.position.map { $0 - prefix.unicodeScalars.count }
            throw failure(file, text: text, error: error, position: position, offset: 0, dirty: false, previous: previous)
        }
        guard connection.transactionStatus == .inTransaction else {
            try setVersion(target, dirty: true)
            throw .transactionEndedByFile(file: file, target: target, detail: "the transaction was no longer open when the file finished")
        }
        do {
            try connection.execute(versionStatements(target, dirty: false) + " " + record() + " COMMIT")
        } catch {
            if !connection.isConnected {
                throw .outcomeUnknown(file: file, error: error, previousVersion: previous, target: target)
            }
            if connection.transactionStatus != .idle { _ = try? connection.execute("ROLLBACK") }
            throw failure(file, text: text, error: error, position: nil, offset: 0, dirty: false, previous: previous)
        }
    }

    /// golang-migrate's protocol: mark dirty, run each statement on its own (so that
    /// `CREATE INDEX CONCURRENTLY` works), clear dirty. A failure leaves the version dirty.
    func applyOutsideTransaction(
        _ file: MigrationFile, text: String, statements: [SQLStatement], target: Int64, previous: Int64?,
        record: () -> String = { "" }
    ) throws(MigrateError) {
        try setVersion(target, dirty: true)
        for (index, statement) in statements.enumerated() {
            do {
                try connection.execute(statement.text)
            } catch {
                if connection.transactionStatus != .idle { _ = try? connection.execute("ROLLBACK") }
                let nothingRan = index == 0 && refusedUnparsed(error, sent: statement.text, previous: previous)
                // Without a server position, the statement that failed is the best location there is.
                throw failure(file, text: text, error: error, position: error.position ?? 1, offset: statement.characterOffset, dirty: !nothingRan, previous: previous)
            }
        }
        if connection.transactionStatus != .idle {
            // A statement of the file opened a transaction and left it open: nothing of it is kept.
            _ = try? connection.execute("ROLLBACK")
            throw .transactionEndedByFile(file: file, target: target, detail: "it left a transaction open, which was rolled back")
        }
        try markClean(target, record: record)
    }

    /// A file that manages its own transactions (`BEGIN; … COMMIT;`) runs as golang-migrate runs
    /// every file: marked dirty, sent as one query, then marked clean.
    func applyWholeFile(_ file: MigrationFile, text: String, target: Int64, previous: Int64?, record: () -> String = { "" }) throws(MigrateError) {
        try setVersion(target, dirty: true)
        do {
            try connection.execute(text)
        } catch {
            if connection.transactionStatus != .idle { _ = try? connection.execute("ROLLBACK") }
            let nothingRan = refusedUnparsed(error, sent: text, previous: previous)
            throw failure(file, text: text, error: error, position: error.position, offset: 0, dirty: !nothingRan, previous: previous)
        }
        if connection.transactionStatus != .idle {
            _ = try? connection.execute("ROLLBACK")
            throw .transactionEndedByFile(file: file, target: target, detail: "it left a transaction open, which was rolled back")
        }
        try markClean(target, record: record)
    }

    /// Whether the server refused `sent` before running any of it, in which case the version
    /// marked dirty for it is put back as it was. PostgreSQL parses a whole simple query before it
    /// runs the first statement; but a syntax error can also come while running (a function body
    /// validated by `CREATE FUNCTION`, a `DO` block), after a `COMMIT` of the same text kept work,
    /// with the same SQLSTATE, routine and no context. So the text is parsed again, without running
    /// it (prepared, as the unnamed statement): only when the parser refuses it with the same error
    /// at the same place did nothing run. Otherwise the version stays dirty.
    private func refusedUnparsed(_ error: PGError, sent: String, previous: Int64?) -> Bool {
        guard error.kind == .server, error.sqlState == "42601", error.routine == "scanner_yyerror", error.context == nil,
              connection.isConnected, connection.transactionStatus == .idle else { return false }
        do {
            _ = try connection.describe(sent)
            return false
        } catch let parsed {
            guard parsed.sqlState == error.sqlState, parsed.routine == error.routine, parsed.message == error.message,
                  parsed.position == error.position, connection.transactionStatus == .idle else { return false }
        }
        do {
            try setVersion(previous ?? -1, dirty: false)
            return true
        } catch {
            return false
        }
    }

    private func failure(
        _ file: MigrationFile, text: String, error: PGError, position: Int?, offset: Int, dirty: Bool, previous: Int64?
    ) -> MigrateError {
        var line: Int?
        var column: Int?
        if let position, position > 0 {
            (line, column) = lineAndColumn(in: text, characterOffset: offset + position - 1)
        }
        return .migrationFailed(file: file, line: line, column: column, error: error, leftDirty: dirty, previousVersion: previous)
    }

    /// Clears the dirty flag once a file ran completely. Should that fail (the connection lost
    /// during its COMMIT), the message says exactly what is known.
    private func markClean(_ target: Int64, record: () -> String) throws(MigrateError) {
        do {
            try connection.execute("BEGIN; " + versionStatements(target, dirty: false) + " " + record() + " COMMIT")
        } catch {
            throw .database(error, doing: "the file ran completely, but marking version \(target) clean failed, so it may still be marked dirty (check with `migrate -path <migrations folder> version`; if it says \(target) (dirty), run `migrate -path <migrations folder> force \(target)`)")
        }
    }

    // MARK: - Drop

    /// Drops the current schema's objects that no extension owns; returns how many.
    func dropAll() throws(MigrateError) -> Int {
        historyExistsKnown = nil
        let notFromExtension = """
            NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = o.oid AND d.deptype = 'e')
            """
        let list = """
            SELECT 'TABLE' AS kind, format('%I.%I', n.nspname, o.relname) AS name FROM pg_class o JOIN pg_namespace n ON n.oid = o.relnamespace
              WHERE n.nspname = current_schema() AND o.relkind IN ('r', 'p') AND \(notFromExtension)
            UNION ALL
            SELECT 'VIEW', format('%I.%I', n.nspname, o.relname) FROM pg_class o JOIN pg_namespace n ON n.oid = o.relnamespace
              WHERE n.nspname = current_schema() AND o.relkind = 'v' AND \(notFromExtension)
            UNION ALL
            SELECT 'MATERIALIZED VIEW', format('%I.%I', n.nspname, o.relname) FROM pg_class o JOIN pg_namespace n ON n.oid = o.relnamespace
              WHERE n.nspname = current_schema() AND o.relkind = 'm' AND \(notFromExtension)
            UNION ALL
            SELECT 'SEQUENCE', format('%I.%I', n.nspname, o.relname) FROM pg_class o JOIN pg_namespace n ON n.oid = o.relnamespace
              WHERE n.nspname = current_schema() AND o.relkind = 'S' AND \(notFromExtension)
            UNION ALL
            SELECT CASE o.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, format('%I.%I', n.nspname, o.typname)
              FROM pg_type o JOIN pg_namespace n ON n.oid = o.typnamespace
              WHERE n.nspname = current_schema() AND (o.typtype IN ('e', 'd', 'r', 'm')
                OR (o.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = o.typrelid) = 'c')) AND \(notFromExtension)
            UNION ALL
            SELECT CASE o.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
                   format('%I.%I(%s)', n.nspname, o.proname, pg_get_function_identity_arguments(o.oid))
              FROM pg_proc o JOIN pg_namespace n ON n.oid = o.pronamespace
              WHERE n.nspname = current_schema() AND \(notFromExtension)
            """
        return try Self.database("dropping the schema's objects") { () throws(PGError) in
            let rows = try connection.query(list)
            var drops: [String] = []
            for row in rows {
                let kind = try? row.decode(String.self, at: 0)
                let name = try? row.decode(String.self, at: 1)
                if let kind, let name { drops.append("DROP \(kind) IF EXISTS \(name) CASCADE;") }
            }
            guard !drops.isEmpty else { return 0 }
            try connection.execute("BEGIN; " + drops.joined(separator: " ") + " COMMIT")
            return drops.count
        }
    }
}

/// Quotes an identifier the way PostgreSQL's `quote_ident` does when in doubt: always.
func quoteIdentifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
