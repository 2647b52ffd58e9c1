import Foundation
import Logging
import PGRecord
import Synchronization

/// A pool of ``PGConnection``s, usable from any task: every generated helper runs on it.
///
/// Each statement borrows a connection for its duration; ``withSession(isolation:_:)`` and
/// ``withTransaction(_:isolation:_:)`` borrow one for theirs. No thread of Swift's cooperative pool
/// waits for the server: each connection has a thread of its own (see DESIGN.md).
///
/// - A connection that the server ended while it sat idle (`pg_terminate_backend`, a restart) is
///   noticed before it is handed out, without a round trip, and replaced. One that breaks during
///   a statement fails that statement only and is replaced. No statement is ever sent twice.
/// - A connection goes back to the pool only when it is idle: never inside a transaction.
/// - When every connection is in use, callers wait in line up to ``Configuration/acquireTimeout``
///   (then ``PGPoolError/acquireTimeout(_:)``); cancelling the task leaves the line.
public final class PGPool: PGExecutor, Sendable {
    public struct Configuration: Sendable {
        public var connection: PGConfig
        /// Connections kept open even when idle (opened in the background).
        public var minConnections: Int
        /// The most connections open at once.
        public var maxConnections: Int
        /// How long a caller waits for a connection when all are busy; `nil` waits as long as it takes.
        public var acquireTimeout: Duration?
        /// Connections above `minConnections` idle for this long are closed; `nil` keeps them.
        public var idleTimeout: Duration?
        /// `statement_timeout` of every connection: the server cancels a longer statement (57014).
        public var statementTimeout: Duration?
        /// How often idle connections are checked, closed when idle too long, and the pool
        /// brought back to `minConnections`.
        public var maintenanceInterval: Duration
        /// Server notices of every connection (`NOTICE`, `WARNING`).
        public var notices: (@Sendable (PGNotice) -> Void)?
        /// swift-log output: connections opened and lost, the pool exhausted, slow statements,
        /// notices (see ``PGLogging``). Nothing by default.
        public var logging: PGLogging

        public init(
            connection: PGConfig, minConnections: Int = 0, maxConnections: Int = 8,
            acquireTimeout: Duration? = .seconds(30), idleTimeout: Duration? = .seconds(300),
            statementTimeout: Duration? = nil, maintenanceInterval: Duration = .seconds(1),
            notices: (@Sendable (PGNotice) -> Void)? = nil, logging: PGLogging = .disabled
        ) {
            self.logging = logging
            self.connection = connection
            self.maxConnections = max(1, maxConnections)
            self.minConnections = min(max(0, minConnections), self.maxConnections)
            self.acquireTimeout = acquireTimeout
            self.idleTimeout = idleTimeout
            self.statementTimeout = statementTimeout
            self.maintenanceInterval = maintenanceInterval
            self.notices = notices
        }
    }

    public let configuration: Configuration

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<PGConnection, any Error>
        var timer: Task<Void, Never>?
    }

    private struct State {
        /// Idle connections, the most recently used last (handed out first: the others age out).
        var idle: [(connection: PGConnection, since: ContinuousClock.Instant)] = []
        /// Connections open or being opened, in use or idle.
        var total = 0
        var waiters: [Waiter] = []
        var lastID: UInt64 = 0
        var closed = false
        var opened = 0
        var replaced = 0
    }

    private let state = Mutex(State())

    public init(configuration: Configuration) {
        self.configuration = configuration
        let interval = configuration.maintenanceInterval
        Task.detached { [weak self] in
            while true {
                do {
                    guard let pool = self, !pool.isClosed else { return }
                    await pool.maintain()
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    deinit {
        close()
    }

    public convenience init(config: PGConfig, maxConnections: Int = 8) {
        self.init(configuration: Configuration(connection: config, maxConnections: maxConnections))
    }

    /// What the pool holds now.
    public struct Statistics: Sendable, Equatable {
        /// Connections open or being opened.
        public var open: Int
        public var idle: Int
        /// Tasks waiting for a connection.
        public var waiting: Int
        /// Connections opened since the pool was made.
        public var opened: Int
        /// Connections found broken (or left in a transaction) and dropped.
        public var dropped: Int
    }

    public var statistics: Statistics {
        state.withLock { Statistics(open: $0.total, idle: $0.idle.count, waiting: $0.waiters.count, opened: $0.opened, dropped: $0.replaced) }
    }

    private var isClosed: Bool { state.withLock { $0.closed } }

    /// Closes the idle connections and those in use as they come back; waiting and later callers
    /// get ``PGPoolError/closed``.
    public func close() {
        let (idle, waiters) = state.withLock { state in
            state.closed = true
            defer {
                state.total -= state.idle.count
                state.idle = []
                state.waiters = []
            }
            return (state.idle.map(\.connection), state.waiters)
        }
        for waiter in waiters {
            waiter.timer?.cancel()
            waiter.continuation.resume(throwing: PGPoolError.closed)
        }
        for connection in idle { Self.closeInBackground(connection) }
    }

    // MARK: - PGExecutor

    public func query(_ sql: String, _ binds: [PGBind]) async throws -> PGRows {
        try await withLease { try await $0.session.query(sql, binds) }
    }

    public func execute(_ sql: String, _ binds: [PGBind]) async throws -> Int {
        try await withLease { try await $0.session.execute(sql, binds) }
    }

    public func withSession<T>(
        isolatedTo isolation: isolated (any Actor)?, _ body: (any PGExecutor) async throws -> T
    ) async throws -> T {
        let connection = try await acquire()
        defer { release(connection) }
        return try await body(connection.session)
    }

    public func streamBatches(_ sql: String, _ binds: [PGBind]) -> PGRowBatches {
        PGRowBatches { [self] in
            RowStreamSource(sql: sql, binds: binds) {
                let connection = try await self.acquire()
                return ConnectionLease(connection: connection) { self.release(connection) }
            }
        }
    }

    private func withLease<T>(_ body: (PGConnection) async throws -> T) async throws -> T {
        let connection = try await acquire()
        defer { release(connection) }
        return try await body(connection)
    }

    // MARK: - Borrowing and returning

    private enum Decision {
        case use(PGConnection)
        case open
        case wait(UInt64)
        case fail(any Error)
    }

    func acquire() async throws -> PGConnection {
        while true {
            try Task.checkCancellation()
            let decision = state.withLock { state -> Decision in
                if state.closed { return .fail(PGPoolError.closed) }
                if let (connection, _) = state.idle.popLast() { return .use(connection) }
                if state.total < configuration.maxConnections {
                    state.total += 1
                    return .open
                }
                state.lastID += 1
                if state.waiters.isEmpty {
                    configuration.logging.logger.notice("every database connection of the pool is in use; callers wait", metadata: [
                        "max_connections": "\(configuration.maxConnections)",
                    ])
                }
                return .wait(state.lastID)
            }
            switch decision {
            case .fail(let error):
                throw error
            case .use(let connection):
                if connection.isUsableAfterIdle() { return connection }
                lostWhileIdle()
                drop(connection)
            case .open:
                do {
                    return try await open()
                } catch {
                    state.withLock { $0.total -= 1 }
                    throw error
                }
            case .wait(let id):
                // Handed over by `release` (just used) or taken from the idle list: checked either way.
                let connection = try await wait(id)
                if connection.isUsableAfterIdle() { return connection }
                lostWhileIdle()
                drop(connection)
            }
        }
    }

    /// Gives a connection back: to the first waiting caller, else to the idle list. A broken
    /// connection, or one left inside a transaction, is closed instead and replaced if callers wait.
    func release(_ connection: PGConnection) {
        guard connection.isConnected, connection.transactionStatus == .idle else {
            configuration.logging.logger.warning(
                connection.isConnected ? "database connection left inside a transaction; closed" : "database connection lost; replacing it",
                metadata: PGLogging.metadata(configuration.connection)
            )
            drop(connection)
            return
        }
        let (waiter, closing) = state.withLock { state -> (Waiter?, Bool) in
            if state.closed {
                state.total -= 1
                return (nil, true)
            }
            if !state.waiters.isEmpty { return (state.waiters.removeFirst(), false) }
            state.idle.append((connection, .now))
            return (nil, false)
        }
        if closing { Self.closeInBackground(connection) }
        if let waiter {
            waiter.timer?.cancel()
            waiter.continuation.resume(returning: connection)
        }
    }

    /// Closes a connection that must not be used again; opens a replacement for a waiting caller.
    private func drop(_ connection: PGConnection) {
        let replace = state.withLock { state -> Bool in
            state.total -= 1
            state.replaced += 1
            guard !state.closed, !state.waiters.isEmpty, state.total < configuration.maxConnections else { return false }
            state.total += 1
            return true
        }
        Self.closeInBackground(connection)
        if replace { openForWaiter() }
    }

    private func openForWaiter() {
        Task {
            do {
                let connection = try await open()
                release(connection)
            } catch {
                // The server cannot be reached: the first caller in line gets the error rather
                // than a timeout, and the others keep waiting for a returned connection.
                let waiter = state.withLock { state -> Waiter? in
                    state.total -= 1
                    return state.waiters.isEmpty ? nil : state.waiters.removeFirst()
                }
                waiter?.timer?.cancel()
                waiter?.continuation.resume(throwing: error)
            }
        }
    }

    private func wait(_ id: UInt64) async throws -> PGConnection {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PGConnection, any Error>) in
                let outcome = state.withLock { state -> Decision? in
                    if state.closed { return .fail(PGPoolError.closed) }
                    if Task.isCancelled { return .fail(CancellationError()) }
                    // A connection may have come back since the decision to wait.
                    if let (connection, _) = state.idle.popLast() { return .use(connection) }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                switch outcome {
                case .fail(let error)?:
                    continuation.resume(throwing: error)
                case .use(let connection)?:
                    continuation.resume(returning: connection)
                default:
                    if let timeout = configuration.acquireTimeout {
                        let timer = Task { [weak self] in
                            guard (try? await Task.sleep(for: timeout)) != nil else { return }
                                            self?.configuration.logging.logger.warning("database pool exhausted: no connection came free in time", metadata: [
                                "timeout": "\(timeout)", "max_connections": "\(self?.configuration.maxConnections ?? 0)",
                                "waiting": "\(self?.statistics.waiting ?? 0)",
                            ])
                            self?.expire(id, with: PGPoolError.acquireTimeout(timeout))
                        }
                        let orphan = state.withLock { state -> Bool in
                            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return true }
                            state.waiters[index].timer = timer
                            return false
                        }
                        if orphan { timer.cancel() }
                    }
                }
            }
        } onCancel: {
            expire(id, with: CancellationError())
        }
    }

    private func lostWhileIdle() {
        configuration.logging.logger.warning("idle database connection lost (server restart or terminated); replacing it", metadata: PGLogging.metadata(configuration.connection))
    }

    private func expire(_ id: UInt64, with error: any Error) {
        let waiter = state.withLock { state -> Waiter? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index)
        }
        waiter?.timer?.cancel()
        waiter?.continuation.resume(throwing: error)
    }

    /// Opens a connection on its own thread and applies the pool's settings.
    private func open() async throws -> PGConnection {
        let connection: PGConnection
        do {
            connection = try await PGConnection.connect(config: configuration.connection, notices: configuration.notices, logging: configuration.logging)
        } catch {
            // libpq's connection messages never hold the password.
            configuration.logging.logger.error("could not open a database connection: \(error)", metadata: PGLogging.metadata(configuration.connection))
            throw error
        }
        if let timeout = configuration.statementTimeout {
            let milliseconds = max(1, timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
            do {
                _ = try await connection.session.execute("SET statement_timeout = \(milliseconds)", [])
            } catch {
                Self.closeInBackground(connection)
                throw error
            }
        }
        state.withLock { $0.opened += 1 }
        return connection
    }

    /// Checks idle connections, closes those idle too long above the minimum, and opens
    /// connections up to the minimum.
    private func maintain() async {
        let now = ContinuousClock.now
        let idleTimeout = configuration.idleTimeout
        let (candidates, missing) = state.withLock { state -> ([PGConnection], Int) in
            var checked: [PGConnection] = []
            var kept: [(connection: PGConnection, since: ContinuousClock.Instant)] = []
            var total = state.total
            // The oldest first: they are the ones to close.
            for entry in state.idle {
                if let idleTimeout, now - entry.since >= idleTimeout, total > configuration.minConnections {
                    checked.append(entry.connection)
                    total -= 1
                } else {
                    kept.append(entry)
                }
            }
            state.idle = kept
            state.total = total
            let missing = state.closed ? 0 : max(0, configuration.minConnections - state.total)
            state.total += missing
            return (checked, missing)
        }
        for connection in candidates { Self.closeInBackground(connection) }
        // Idle connections the server ended are dropped now rather than at the next acquire.
        let idle = state.withLock { state in state.idle.map(\.connection) }
        for connection in idle where !connection.isUsableAfterIdle() {
            lostWhileIdle()
            let removed = state.withLock { state -> Bool in
                guard let index = state.idle.firstIndex(where: { $0.connection === connection }) else { return false }
                state.idle.remove(at: index)
                state.total -= 1
                state.replaced += 1
                return true
            }
            if removed { Self.closeInBackground(connection) }
        }
        for _ in 0..<missing {
            do {
                release(try await open())
            } catch {
                state.withLock { $0.total -= 1 }
            }
        }
    }

    private static func closeInBackground(_ connection: PGConnection) {
        connection.thread.submit({ connection.close() }, dropped: {})
    }
}

public enum PGPoolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connection came free within the pool's `acquireTimeout`: all `maxConnections` are in use.
    case acquireTimeout(Duration)
    /// The pool was closed.
    case closed

    public var description: String {
        switch self {
        case .acquireTimeout(let timeout): "no database connection came free within \(timeout): every connection of the pool is in use"
        case .closed: "the connection pool is closed"
        }
    }
}
