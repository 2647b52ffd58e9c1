import Synchronization

/// How a transaction starts, and whether it is retried.
public struct PGTransactionOptions: Sendable, Equatable {
    /// `nil` keeps the session's default (`READ COMMITTED` unless configured otherwise).
    public var isolation: PGIsolationLevel?
    /// `READ ONLY`: the server refuses writes.
    public var readOnly: Bool
    /// `DEFERRABLE` (meaningful with `SERIALIZABLE READ ONLY`): waits for a snapshot that cannot fail.
    public var deferrable: Bool
    /// How many times the whole transaction (the closure included) may run when PostgreSQL aborts it
    /// with a serialization failure (SQLSTATE 40001) or a deadlock (40P01). 1, the default, never
    /// retries. The closure must then be safe to run again: its database work is rolled back
    /// between attempts, anything else it does is not.
    public var maxAttempts: Int

    public init(isolation: PGIsolationLevel? = nil, readOnly: Bool = false, deferrable: Bool = false, maxAttempts: Int = 1) {
        self.isolation = isolation
        self.readOnly = readOnly
        self.deferrable = deferrable
        self.maxAttempts = max(1, maxAttempts)
    }

    /// A `SERIALIZABLE` transaction, tried once.
    public static let serializable = PGTransactionOptions(isolation: .serializable)

    /// The statement that starts the transaction: `BEGIN ISOLATION LEVEL … READ ONLY …`.
    public var beginStatement: String {
        var sql = "BEGIN"
        if let isolation { sql += " ISOLATION LEVEL \(isolation.rawValue)" }
        if readOnly { sql += " READ ONLY" }
        if deferrable { sql += " DEFERRABLE" }
        return sql
    }
}

/// A transaction isolation level, as `BEGIN ISOLATION LEVEL` takes it.
public enum PGIsolationLevel: String, Sendable, Equatable, CaseIterable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

/// An error a driver reports with PostgreSQL's SQLSTATE: what ``PGExecutor/withTransaction(_:isolation:_:)``
/// looks at to decide on a retry. `PGClient.PGError` conforms.
public protocol PGSQLStateError: Error {
    var sqlState: String? { get }
}

/// Thrown by a transaction whose closure returned normally after one of its statements failed:
/// PostgreSQL has aborted such a transaction, and its `COMMIT` would silently roll back. The
/// transaction was rolled back; `cause` is the statement error the closure caught.
public struct PGTransactionAbortedError: PGSQLStateError, Sendable, CustomStringConvertible {
    /// The failed statement's error, as its `description` (no bind values).
    public var cause: String
    /// The failed statement's SQLSTATE: a 40001 or 40P01 here is retried like any other.
    public var sqlState: String?
    public var description: String {
        "the transaction was rolled back: a statement in it failed and the error was caught (\(cause))"
    }
}

// MARK: - Defaults of the protocol requirements

extension PGExecutor {
    public func withSession<T>(
        isolatedTo isolation: isolated (any Actor)?, _ body: (any PGExecutor) async throws -> T
    ) async throws -> T {
        try await body(self)
    }

    public func withTransaction<T>(
        options: PGTransactionOptions, isolatedTo isolation: isolated (any Actor)?,
        _ body: (any PGExecutor) async throws -> T
    ) async throws -> T {
        try await withSession(isolatedTo: isolation) { session in
            try await PGTransaction.run(options, on: session, isolatedTo: isolation, body)
        }
    }

    public func streamBatches(_ sql: String, _ binds: [PGBind]) -> PGRowBatches {
        PGRowBatches { OneBatch(executor: self, sql: sql, binds: binds) }
    }

    /// Runs `body` with an executor that sends every statement over one connection, held (taken
    /// from the pool) until `body` returns: for session state such as `SET`, temporary tables or
    /// advisory locks. Use the executor `body` receives, never `self`, inside it.
    public func withSession<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: (any PGExecutor) async throws -> T
    ) async throws -> T {
        try await withSession(isolatedTo: isolation, body)
    }

    /// Runs `body` in a transaction on one connection, held for the duration.
    ///
    /// Commits when `body` returns; rolls back when it throws, when the task is cancelled, or
    /// when a statement in it failed (even if `body` caught the error: PostgreSQL has aborted the
    /// transaction, and ``PGTransactionAbortedError`` says so). Called on the executor a
    /// transaction gives `body`, it makes a savepoint: a nested call that throws undoes its own
    /// work only. `options` set the isolation level, read-only mode and retries (outermost call
    /// only). Every generated helper takes `tx` as it takes a connection or a pool.
    public func withTransaction<T>(
        _ options: PGTransactionOptions = PGTransactionOptions(), isolation: isolated (any Actor)? = #isolation,
        _ body: (any PGExecutor) async throws -> T
    ) async throws -> T {
        try await withTransaction(options: options, isolatedTo: isolation, body)
    }
}

/// The default of ``PGExecutor/streamBatches(_:_:)``: the whole result as one batch.
private final class OneBatch<Executor: PGExecutor>: PGRowBatchSource {
    let executor: Executor
    let sql: String
    let binds: [PGBind]
    private let done = Mutex(false)

    init(executor: Executor, sql: String, binds: [PGBind]) {
        self.executor = executor
        self.sql = sql
        self.binds = binds
    }

    func next() async throws -> PGRows? {
        let first = done.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return nil }
        return try await executor.query(sql, binds)
    }
}

// MARK: - The executor a transaction hands to its closure

/// The executor a transaction gives its closure: every statement goes over the transaction's
/// session; ``withTransaction(_:isolation:_:)`` on it makes a savepoint.
public struct PGTransaction: PGExecutor {
    /// The session (connection) the transaction runs on.
    public let session: any PGExecutor
    /// 1 for the transaction itself, 2 and more for savepoints.
    public let depth: Int
    private let state: TransactionState

    init(session: any PGExecutor, depth: Int) {
        self.session = session
        self.depth = depth
        self.state = TransactionState()
    }

    public func query(_ sql: String, _ binds: [PGBind]) async throws -> PGRows {
        do {
            return try await session.query(sql, binds)
        } catch {
            state.noteFailure(error)
            throw error
        }
    }

    public func execute(_ sql: String, _ binds: [PGBind]) async throws -> Int {
        do {
            return try await session.execute(sql, binds)
        } catch {
            state.noteFailure(error)
            throw error
        }
    }

    public func streamBatches(_ sql: String, _ binds: [PGBind]) -> PGRowBatches {
        let inner = session.streamBatches(sql, binds)
        let state = state
        return PGRowBatches { WatchedBatches(inner: inner.makeSource(), state: state) }
    }

    public func withSession<T>(
        isolatedTo isolation: isolated (any Actor)?, _ body: (any PGExecutor) async throws -> T
    ) async throws -> T {
        try await body(self)
    }

    /// A savepoint: `SAVEPOINT`, then `RELEASE` when `body` returns, `ROLLBACK TO` when it throws.
    /// `options` are ignored (a savepoint has no isolation level of its own; retries belong to
    /// the outermost transaction).
    public func withTransaction<T>(
        options: PGTransactionOptions, isolatedTo isolation: isolated (any Actor)?,
        _ body: (any PGExecutor) async throws -> T
    ) async throws -> T {
        try state.checkUsable()
        let name = "pg_savepoint_\(depth)"
        _ = try await execute("SAVEPOINT \(name)", [])
        let nested = PGTransaction(session: session, depth: depth + 1)
        let value: T
        do {
            value = try await body(nested)
        } catch {
            try await rollbackToSavepoint(name)
            throw error
        }
        if let cause = nested.state.failure {
            try await rollbackToSavepoint(name)
            throw PGTransactionAbortedError(cause: cause.text, sqlState: cause.sqlState)
        }
        if Task.isCancelled {
            try await rollbackToSavepoint(name)
            throw CancellationError()
        }
        try await shielded(session) { _ = try await $0.execute("RELEASE SAVEPOINT \(name)", []) }
        return value
    }

    private func rollbackToSavepoint(_ name: String) async throws {
        do {
            try await shielded(session) { session in
                _ = try await session.execute("ROLLBACK TO SAVEPOINT \(name)", [])
                _ = try await session.execute("RELEASE SAVEPOINT \(name)", [])
            }
        } catch {
            state.noteFailure(error)
            throw error
        }
    }

    /// The outermost transaction, with its retries.
    static func run<T>(
        _ options: PGTransactionOptions, on session: any PGExecutor, isolatedTo isolation: isolated (any Actor)?,
        _ body: (any PGExecutor) async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await once(options, on: session, isolatedTo: isolation, body)
            } catch let error as any PGSQLStateError where error.sqlState == "40001" || error.sqlState == "40P01" {
                guard attempt < options.maxAttempts, !Task.isCancelled else { throw error }
                attempt += 1
                // A short, growing, random pause, so that the transactions that conflicted do not
                // meet again at once.
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...5) * attempt))
            }
        }
    }

    private static func once<T>(
        _ options: PGTransactionOptions, on session: any PGExecutor, isolatedTo isolation: isolated (any Actor)?,
        _ body: (any PGExecutor) async throws -> T
    ) async throws -> T {
        try Task.checkCancellation()
        _ = try await session.execute(options.beginStatement, [])
        let tx = PGTransaction(session: session, depth: 1)
        let value: T
        do {
            value = try await body(tx)
        } catch {
            await rollback(session)
            throw error
        }
        if let cause = tx.state.failure {
            await rollback(session)
            throw PGTransactionAbortedError(cause: cause.text, sqlState: cause.sqlState)
        }
        if Task.isCancelled {
            await rollback(session)
            throw CancellationError()
        }
        do {
            try await shielded(session) { _ = try await $0.execute("COMMIT", []) }
        } catch {
            // A COMMIT that fails with a serialization failure has rolled back; one that fails
            // because the connection was lost has an unknown outcome, and the pool drops that
            // connection. Either way nothing is left open.
            await rollback(session)
            throw error
        }
        return value
    }

    /// `ROLLBACK`, also in a cancelled task; a failure here means the connection is gone, which the
    /// caller's own error already reports.
    private static func rollback(_ session: any PGExecutor) async {
        _ = try? await shielded(session) { _ = try await $0.execute("ROLLBACK", []) }
    }
}

/// Runs `work` in a task of its own, so that the caller's cancellation does not interrupt it: a
/// `ROLLBACK` or `COMMIT` must reach the server even when the caller was cancelled.
private func shielded(
    _ session: any PGExecutor, _ work: @escaping @Sendable (any PGExecutor) async throws -> Void
) async throws {
    try await Task { try await work(session) }.value
}

/// Whether a statement of a transaction (or savepoint) failed.
private final class TransactionState: Sendable {
    struct Failure: Sendable {
        var text: String
        var sqlState: String?
    }

    private let failed = Mutex<Failure?>(nil)

    var failure: Failure? { failed.withLock { $0 } }

    func noteFailure(_ error: any Error) {
        if error is PGBindError { return }  // refused before anything was sent
        let noted = Failure(text: "\(error)", sqlState: (error as? any PGSQLStateError)?.sqlState)
        failed.withLock { current in if current == nil { current = noted } }
    }

    func checkUsable() throws {
        if let failure { throw PGTransactionAbortedError(cause: failure.text, sqlState: failure.sqlState) }
    }
}

/// Batches of a statement inside a transaction: a failure is noted like any statement's.
private final class WatchedBatches: PGRowBatchSource {
    let inner: any PGRowBatchSource
    let state: TransactionState

    init(inner: any PGRowBatchSource, state: TransactionState) {
        self.inner = inner
        self.state = state
    }

    func next() async throws -> PGRows? {
        do {
            return try await inner.next()
        } catch {
            state.noteFailure(error)
            throw error
        }
    }
}
