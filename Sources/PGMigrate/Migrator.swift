import Foundation
import PGClient
import PGRecord
import PGSchema

/// The version a database is at: what its version table records.
public struct DatabaseVersion: Sendable, Equatable, CustomStringConvertible {
    /// The version recorded.
    public var version: Int64
    /// Set while a no-transaction migration runs; left set when one fails.
    public var dirty: Bool

    public init(version: Int64, dirty: Bool) {
        self.version = version
        self.dirty = dirty
    }

    public var description: String { dirty ? "\(version) (dirty)" : "\(version)" }
}

/// What a migrator did, reported as it happens.
public enum MigrationEvent: Sendable {
    case applied(version: Int64, name: String, direction: MigrationDirection, duration: Duration)
    case noChange
    /// A file without `-- migrate:no-transaction` holds a statement that PostgreSQL refuses in a
    /// transaction block, so it runs outside one, following golang-migrate's dirty protocol.
    case outsideTransaction(version: Int64, name: String, statement: String)
    /// A file that ends its transaction itself (`COMMIT`) runs as golang-migrate runs files: sent
    /// whole, with the version marked dirty until it completes.
    case ownTransaction(version: Int64, name: String, statement: String)
    case dropped(objects: Int)
    case forced(version: Int64)
    /// Versions applied before the history table kept checksums (by golang-migrate, or an older
    /// version of this tool), now recorded with the checksums of their files as they are.
    case adopted(versions: [Int64])
    /// Versions at or below the current version that were never applied here: their files were
    /// added after later versions had run. golang-migrate never runs them either.
    case skipped(versions: [Int64])
    /// Files changed after they were applied, run over anyway (`-ignore-changed`).
    case ignoredChanges([ChangedFile])
    case notice(PGNotice)
}

/// Applies the migrations of one folder to one database, keeping golang-migrate's version table.
///
/// Each call takes the advisory lock golang-migrate takes for the same table (so several
/// replicas, or this tool and golang-migrate, never migrate at once), reads the version, does its
/// work and lets the lock go. Each migration file runs in one transaction with its version
/// update, so a failure leaves the database as it was. A file whose first line is
/// `-- migrate:no-transaction` runs statement by statement outside a transaction and follows
/// golang-migrate's dirty protocol instead.
public final class Migrator: Sendable {
    /// The connection the migrator works on.
    public let connection: PGConnection
    /// The module's migrations.
    public let directory: MigrationDirectory
    /// The version table and lock settings.
    public let options: MigratorOptions
    let log: @Sendable (MigrationEvent) -> Void
    /// The files' texts when they are not read from disk (migrations embedded in the binary),
    /// by ``MigrationFile/path``.
    let texts: [String: String]

    public init(
        connection: PGConnection, directory: MigrationDirectory, options: MigratorOptions,
        log: @escaping @Sendable (MigrationEvent) -> Void = { _ in }
    ) {
        self.connection = connection
        self.directory = directory
        self.options = options
        self.log = log
        self.texts = [:]
    }

    init(
        connection: PGConnection, directory: MigrationDirectory, texts: [String: String], options: MigratorOptions,
        log: @escaping @Sendable (MigrationEvent) -> Void
    ) {
        self.connection = connection
        self.directory = directory
        self.options = options
        self.log = log
        self.texts = texts
    }

    /// A file's text: embedded, or read from disk.
    func text(of file: MigrationFile) throws(MigrateError) -> String {
        if let text = texts[file.path] { return text }
        do {
            return try file.read()
        } catch {
            throw .source(error)
        }
    }

    // MARK: - Commands

    /// Applies all pending migrations, or the next `limit` of them.
    public func up(limit: Int? = nil) throws(MigrateError) {
        try locked { session throws(MigrateError) in
            let current = try session.checkedVersion()
            try self.guardHistory(session, current: current, checkChanged: true)
            let pending = try self.pending(after: current)
            let steps = limit.map { Array(pending.prefix($0)) } ?? pending
            try self.run(steps.map { ($0, .up, $0.version) }, in: session, from: current)
            if let limit, !steps.isEmpty, steps.count < limit { throw .shortLimit(requested: limit, short: limit - steps.count) }
        }
    }

    /// Rolls back all applied migrations, or the last `limit` of them.
    public func down(limit: Int? = nil) throws(MigrateError) {
        try locked { session throws(MigrateError) in
            let current = try session.checkedVersion()
            try self.guardHistory(session, current: current, checkChanged: false)
            let applied = try self.applied(upTo: current)
            let steps = limit.map { Array(applied.prefix($0)) } ?? applied
            try self.run(steps, in: session, from: current)
            if let limit, !steps.isEmpty, steps.count < limit { throw .shortLimit(requested: limit, short: limit - steps.count) }
        }
    }

    /// Migrates up or down until the database is at `version`, which must be in the folder.
    public func goto(_ version: Int64) throws(MigrateError) {
        guard directory.migration(version: version) != nil else {
            throw .noSuchVersion(version, folder: directory.path)
        }
        try locked { session throws(MigrateError) in
            let current = try session.checkedVersion()
            try self.guardHistory(session, current: current, checkChanged: (current?.version ?? -1) < version)
            if (current?.version ?? -1) < version {
                let steps = try self.pending(after: current).prefix { $0.version <= version }
                try self.run(steps.map { ($0, .up, $0.version) }, in: session, from: current)
            } else {
                let steps = try self.applied(upTo: current).prefix { $0.migration.version > version }
                try self.run(Array(steps), in: session, from: current)
            }
        }
    }

    /// Records `version` (or, for -1, no version) as clean without running anything: the way out
    /// of a dirty database once it has been repaired by hand.
    public func force(_ version: Int64) throws(MigrateError) {
        try locked { session throws(MigrateError) in
            try session.setVersion(version, dirty: false)
            self.log(.forced(version: version))
        }
    }

    /// The version the database is at; `nil` when no migration has been applied.
    public func version() throws(MigrateError) -> DatabaseVersion? {
        try locked { session throws(MigrateError) -> DatabaseVersion? in try session.readVersion() }
    }

    /// Drops every table of the current schema, the version table included, and also its views,
    /// sequences, types and functions (those that no extension owns), so that `up` can start
    /// over. golang-migrate drops the tables only, which leaves enum types behind that make the
    /// next `up` fail.
    public func drop() throws(MigrateError) {
        try locked { session throws(MigrateError) in
            let count = try session.dropAll()
            self.log(.dropped(objects: count))
        }
    }

    // MARK: - Planning

    private func pending(after current: DatabaseVersion?) throws(MigrateError) -> [Migration] {
        guard let current, current.version >= 0 else { return directory.migrations.filter { $0.up != nil } }
        guard directory.migration(version: current.version) != nil else {
            throw .unknownVersion(current.version, folder: directory.path)
        }
        return directory.migrations.filter { $0.version > current.version && $0.up != nil }
    }

    /// The applied migrations, newest first, each with the version the database is at after its
    /// down file ran (the previous version in the folder, or -1).
    private func applied(upTo current: DatabaseVersion?) throws(MigrateError) -> [(migration: Migration, direction: MigrationDirection, target: Int64)] {
        guard let current, current.version >= 0 else { return [] }
        guard directory.migration(version: current.version) != nil else {
            throw .unknownVersion(current.version, folder: directory.path)
        }
        let done = directory.migrations.filter { $0.version <= current.version }
        var steps: [(Migration, MigrationDirection, Int64)] = []
        for (index, migration) in done.enumerated().reversed() {
            let target = index > 0 ? done[index - 1].version : -1
            steps.append((migration, .down, target))
        }
        return steps
    }

    // MARK: - Running

    private func run(
        _ steps: [(migration: Migration, direction: MigrationDirection, target: Int64)],
        in session: Session, from current: DatabaseVersion?
    ) throws(MigrateError) {
        guard !steps.isEmpty else {
            log(.noChange)
            return
        }
        // Read every file first: a missing or unreadable file stops the run before anything changes.
        let missing = steps.filter { $0.migration.file($0.direction) == nil }.map(\.migration.version)
        guard missing.isEmpty else { throw .missingDownFile(versions: missing, folder: directory.path) }
        var scripts: [(file: MigrationFile, text: String, target: Int64)] = []
        for step in steps {
            guard let file = step.migration.file(step.direction) else { continue }
            scripts.append((file, try text(of: file), step.target))
        }
        // Lex every file first with the generator's lexer: a file it cannot read (an unterminated
        // comment or string) stops the run before anything changes, whichever way it would run.
        var plans: [Plan] = []
        for script in scripts {
            plans.append(try plan(script.file, text: script.text))
        }
        var version = current?.version
        for (script, plan) in zip(scripts, plans) {
            let start = ContinuousClock.now
            let file = script.file
            let record = { () -> String in
                session.historyInsert(
                    version: file.version, direction: file.direction.rawValue, name: file.name, text: script.text,
                    duration: ContinuousClock.now - start
                )
            }
            switch plan {
            case .inTransaction:
                try session.applyInTransaction(script.file, text: script.text, target: script.target, previous: version, record: record)
            case .outsideTransaction(let statements, let refused):
                if let refused {
                    log(.outsideTransaction(version: script.file.version, name: script.file.name, statement: refused))
                }
                try session.applyOutsideTransaction(script.file, text: script.text, statements: statements, target: script.target, previous: version, record: record)
            case .wholeFile(let statement):
                log(.ownTransaction(version: script.file.version, name: script.file.name, statement: statement))
                try session.applyWholeFile(script.file, text: script.text, target: script.target, previous: version, record: record)
            }
            version = script.target
            log(.applied(
                version: script.file.version, name: script.file.name, direction: script.file.direction,
                duration: ContinuousClock.now - start
            ))
        }
    }

    enum Plan {
        case inTransaction
        /// Statement by statement; `refused` names the statement that cannot run in a transaction
        /// block when the file has no `-- migrate:no-transaction` line.
        case outsideTransaction([SQLStatement], refused: String?)
        /// The file ends its transaction itself.
        case wholeFile(statement: String)
    }

    /// How a file must run, decided before anything runs. The file is read with the generator's
    /// lexer in one pass that keeps no tokens, so a file of any size costs about its own size.
    func plan(_ file: MigrationFile, text: String) throws(MigrateError) -> Plan {
        let split = SQLStatementSplitter.scan(text, path: file.path)
        if let error = split.diagnostics.first(where: { $0.severity == .error }) {
            throw .source(MigrationSourceError(path: file.path, line: error.location.line, column: error.location.column, message: error.message))
        }
        let noTransaction = Self.isNoTransaction(text)
        let refused = noTransaction ? nil : TransactionBlock.firstRefusedStatement(in: text)
        if noTransaction || refused != nil {
            return .outsideTransaction(split.statements, refused: refused)
        }
        var control: String?
        for statement in split.statements {
            guard let name = Self.transactionControl(statement.leadingWords) else { continue }
            if name == "ROLLBACK" || name == "ABORT" {
                throw .refusedFile(
                    file: file, line: statement.line, column: statement.column,
                    message: "the file rolls back its own transaction (\(name)): it would be recorded as applied though what it did is undone. Take the \(name) out, or mark the file `-- migrate:no-transaction`"
                )
            }
            control = control ?? name
        }
        return control.map { .wholeFile(statement: $0) } ?? .inTransaction
    }

    /// The transaction-control statement that a statement starting with `words` is (`COMMIT`,
    /// `BEGIN`, …), or `nil`.
    static func transactionControl(_ words: [String]) -> String? { MigrationTransaction.control(words) }

    /// A file opts out of the transaction when its first line is `-- migrate:no-transaction`.
    static func isNoTransaction(_ text: String) -> Bool { MigrationTransaction.isMarkedNoTransaction(text) }

    /// Takes the lock, runs `body`, lets the lock go (also when `body` throws).
    func locked<T>(_ body: (Session) throws(MigrateError) -> T) throws(MigrateError) -> T {
        let session = try Session(connection: connection, options: options)
        try session.lock()
        let result: Result<T, MigrateError>
        do {
            try session.ensureVersionTable()
            result = .success(try body(session))
        } catch {
            result = .failure(error)
        }
        session.unlock()
        return try result.get()
    }
}
