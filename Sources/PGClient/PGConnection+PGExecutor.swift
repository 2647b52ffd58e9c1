import CLibPQ
import Foundation
import Synchronization
import PGRecord

/// A connection runs generated queries without holding a thread of Swift's cooperative pool:
/// every call runs on the connection's own thread while the calling task is suspended.
///
/// Tasks that share one connection take turns: a statement, a ``withSession(isolation:_:)`` or a
/// transaction has the connection to itself until it ends. For statements in parallel, use a
/// ``PGPool``.
extension PGConnection: PGExecutor {
    public func query(_ sql: String, _ binds: [PGBind]) async throws -> PGRows {
        try await gate.holding { try await session.query(sql, binds) }
    }

    public func execute(_ sql: String, _ binds: [PGBind]) async throws -> Int {
        try await gate.holding { try await session.execute(sql, binds) }
    }

    public func withSession<T>(
        isolatedTo isolation: isolated (any Actor)?, _ body: (any PGExecutor) async throws -> T
    ) async throws -> T {
        try await gate.acquire()
        defer { gate.release() }
        return try await body(session)
    }

    public func streamBatches(_ sql: String, _ binds: [PGBind]) -> PGRowBatches {
        PGRowBatches { [self] in
            RowStreamSource(sql: sql, binds: binds) {
                try await self.gate.acquire()
                return ConnectionLease(connection: self) { self.gate.release() }
            }
        }
    }

    /// The connection as an executor that does not wait for its turn: what a session or a
    /// pool's lease hands out, to the one task that holds the connection.
    var session: Session { Session(connection: self) }

    struct Session: PGExecutor {
        let connection: PGConnection

        func query(_ sql: String, _ binds: [PGBind]) async throws -> PGRows {
            try await connection.logging.timed(sql) {
                try await connection.perform { connection throws(PGError) in try connection.query(sql, binds) }
            }
        }

        func execute(_ sql: String, _ binds: [PGBind]) async throws -> Int {
            try await connection.logging.timed(sql) {
                try await connection.perform { connection throws(PGError) in try connection.update(sql, binds) }
            }
        }

        func streamBatches(_ sql: String, _ binds: [PGBind]) -> PGRowBatches {
            let connection = connection
            return PGRowBatches {
                RowStreamSource(sql: sql, binds: binds) { ConnectionLease(connection: connection) {} }
            }
        }
    }

    /// Runs `work` on the connection's thread and waits for it without holding a thread.
    ///
    /// Cancelling the task drops the work if it has not started, and asks the server to cancel it
    /// (`PQcancel`) if it has; the statement then fails with SQLSTATE 57014, reported as a
    /// `CancellationError`.
    func perform<T: Sendable>(_ work: @escaping @Sendable (PGConnection) throws(PGError) -> T) async throws -> T {
        let ticket = JobTicket()
        let thread = thread
        let result: Result<T, PGError> = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let id = thread.submit({
                    continuation.resume(returning: Result { () throws(PGError) in try work(self) })
                }, dropped: {
                    continuation.resume(throwing: CancellationError())
                })
                if !ticket.assign(id) { thread.cancel(id) { self.sendCancelRequest() } }
            }
        } onCancel: {
            if let id = ticket.cancel() { thread.cancel(id) { self.sendCancelRequest() } }
        }
        switch result {
        case .success(let value):
            return value
        case .failure(let error):
            if error.sqlState == "57014", Task.isCancelled { throw CancellationError() }
            throw error
        }
    }

    /// Whether a connection that has been idle is still usable, without a round trip.
    ///
    /// An idle connection receives nothing (this package never `LISTEN`s) unless the server is
    /// ending it: `pg_terminate_backend` and a shutdown send a `FATAL` error, then close the
    /// socket, and the close may come a moment after the message. So a socket with anything to
    /// read, or closed, means the connection is not used again.
    func isUsableAfterIdle() -> Bool {
        withHandle { pointer, _ in
            guard let pointer, PQstatus(pointer) == CONNECTION_OK, PQtransactionStatus(pointer) == PQTRANS_IDLE else { return false }
            let socket = PQsocket(pointer)
            guard socket >= 0 else { return false }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            return poll(&descriptor, 1, 0) == 0
        }
    }
}

/// A connection held by one task, and how to give it back.
struct ConnectionLease: Sendable {
    let connection: PGConnection
    let release: @Sendable () -> Void
}

/// A lock for tasks: ``acquire()`` suspends (never blocks a thread) until the holder releases it.
/// Waiters are served in order; a cancelled waiter leaves the line.
final class AsyncGate: Sendable {
    private struct State {
        var held = false
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
        var lastID: UInt64 = 0
    }

    private let state = Mutex(State())

    func acquire() async throws {
        let free = state.withLock { state in
            if state.held { return false }
            state.held = true
            return true
        }
        if free { return }
        let id = state.withLock { state in
            state.lastID += 1
            return state.lastID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Bool? = state.withLock { state in
                    if !state.held {
                        state.held = true
                        return true
                    }
                    if Task.isCancelled { return false }
                    state.waiters.append((id, continuation))
                    return nil
                }
                switch outcome {
                case true?: continuation.resume()
                case false?: continuation.resume(throwing: CancellationError())
                case nil: break
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index).continuation
            }
            waiter?.resume(throwing: CancellationError())
        }
    }

    func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            if state.waiters.isEmpty {
                state.held = false
                return nil
            }
            return state.waiters.removeFirst().continuation
        }
        next?.resume()
    }

    func holding<T>(_ body: () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await body()
    }
}
