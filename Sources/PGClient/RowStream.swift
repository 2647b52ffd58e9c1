import CLibPQ
import Foundation
import PGRecord
import Synchronization

/// Rows streamed with libpq's single-row mode: the connection's thread reads one row at a time
/// from the server and hands them over in batches through a small bounded channel, so memory
/// holds a few batches whatever the result's size. When the channel is full the thread waits,
/// and so does the server (TCP flow control).
enum RowStreaming {
    /// Rows per batch handed to the consumer.
    static let batchSize = 256
    /// Batches that may wait in the channel.
    static let channelCapacity = 4
    static let savepoint = "pg_stream"
}

/// The source behind ``PGRecord/PGRowBatches`` for PGClient's executors. It takes its connection
/// (`lease`) at the first ``next()``, and gives it back when the statement has ended on the server.
final class RowStreamSource: PGRowBatchSource {
    private let sql: String
    private let binds: [PGBind]
    private let lease: @Sendable () async throws -> ConnectionLease
    private let channel = RowChannel()
    private struct Running {
        var started = false
        var connection: PGConnection?
        var job: UInt64?
    }
    private let running = Mutex(Running())

    init(sql: String, binds: [PGBind], lease: @escaping @Sendable () async throws -> ConnectionLease) {
        self.sql = sql
        self.binds = binds
        self.lease = lease
    }

    deinit {
        // Left before the end: stop the statement. The job notices the consumer is gone at its
        // next row; a statement that is still computing is cancelled on the server.
        channel.abandon()
        let (connection, job) = running.withLock { ($0.connection, $0.job) }
        if let connection, let job {
            connection.thread.cancel(job) { connection.sendCancelRequest() }
        }
    }

    func next() async throws -> PGRows? {
        let start = running.withLock { running in
            defer { running.started = true }
            return !running.started
        }
        if start { try await begin() }
        return try await channel.next { [self] in
            running.withLock { ($0.connection, $0.job) }
        }
    }

    private func begin() async throws {
        try PGBind.check(binds)
        let lease = try await lease()
        let connection = lease.connection
        let (sql, binds, channel) = (sql, binds, channel)
        let id = connection.thread.submit({
            connection.streamRows(sql, binds, into: channel)
            lease.release()
        }, dropped: {
            channel.finish(CancellationError())
            lease.release()
        })
        running.withLock {
            $0.connection = connection
            $0.job = id
        }
    }
}

/// A bounded queue of batches between the connection's thread (which may wait) and an async
/// consumer (which suspends).
final class RowChannel: @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var batches: [PGRows] = []
    private var end: Result<Void, any Error>?
    private var waiting: CheckedContinuation<PGRows?, any Error>?
    private var abandoned = false

    /// Producer: hands over a batch; waits while the channel is full. `false` once the consumer is gone.
    func push(_ rows: PGRows) -> Bool {
        condition.lock()
        if abandoned {
            condition.unlock()
            return false
        }
        if let waiting {
            self.waiting = nil
            condition.unlock()
            waiting.resume(returning: rows)
            return true
        }
        batches.append(rows)
        while batches.count >= RowStreaming.channelCapacity, !abandoned { condition.wait() }
        let open = !abandoned
        condition.unlock()
        return open
    }

    /// Producer: the statement ended, with an error or not.
    func finish(_ error: (any Error)?) {
        condition.lock()
        if end == nil { end = error.map { .failure($0) } ?? .success(()) }
        let waiting = waiting
        self.waiting = nil
        condition.unlock()
        if let waiting { deliverEnd(to: waiting) }
    }

    /// Consumer: the next batch, `nil` at the end. Cancelling the task cancels the statement.
    func next(running: @escaping @Sendable () -> (PGConnection?, UInt64?)) async throws -> PGRows? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                condition.lock()
                if !batches.isEmpty {
                    let batch = batches.removeFirst()
                    condition.signal()
                    condition.unlock()
                    continuation.resume(returning: batch)
                } else if end != nil {
                    condition.unlock()
                    deliverEnd(to: continuation)
                } else if abandoned || Task.isCancelled {
                    condition.unlock()
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiting = continuation
                    condition.unlock()
                }
            }
        } onCancel: {
            abandon()
            let (connection, job) = running()
            if let connection, let job {
                connection.thread.cancel(job) { connection.sendCancelRequest() }
            }
        }
    }

    /// Consumer: gone. The producer's next push fails; batches waiting are freed.
    func abandon() {
        condition.lock()
        abandoned = true
        batches.removeAll()
        let waiting = waiting
        self.waiting = nil
        condition.broadcast()
        condition.unlock()
        waiting?.resume(throwing: CancellationError())
    }

    /// Resumes with the end: `nil`, or the error once (later calls get `nil`).
    private func deliverEnd(to continuation: CheckedContinuation<PGRows?, any Error>) {
        condition.lock()
        let end = end
        self.end = .success(())
        condition.unlock()
        switch end {
        case .failure(let error)?: continuation.resume(throwing: error)
        default: continuation.resume(returning: nil)
        }
    }
}

extension PGConnection {
    /// Runs on the connection's thread: sends the statement, reads its rows one by one (single-row
    /// mode) and pushes them in batches into `channel`. When the consumer leaves, the rest is read
    /// and dropped (the cancel request sent by the consumer makes that short). Inside a
    /// transaction block the statement runs in a savepoint, so that a cancelled stream leaves the
    /// transaction usable.
    func streamRows(_ sql: String, _ binds: [PGBind], into channel: RowChannel) {
        if let index = sql.utf8.firstIndex(of: 0) {
            let offset = sql.unicodeScalars.distance(from: sql.unicodeScalars.startIndex, to: index)
            channel.finish(PGError(kind: .client, message: "the statement contains a NUL byte at character \(offset + 1), which PostgreSQL cannot take; nothing was sent", position: offset + 1, query: sql))
            return
        }
        let failure: PGError? = withHandle { pointer, roundTrips in
            guard let connection = pointer else {
                return PGError(kind: .connection, message: "the connection is closed", query: sql)
            }
            roundTrips += 1
            let inTransaction = PQtransactionStatus(connection) == PQTRANS_INTRANS
            if inTransaction, let error = Self.command("SAVEPOINT \(RowStreaming.savepoint)", on: connection) {
                return error
            }
            var failure = Self.readRows(sql, binds, on: connection, into: channel)
            if inTransaction {
                let ending = failure == nil && !channel.isAbandoned
                    ? "RELEASE SAVEPOINT \(RowStreaming.savepoint)"
                    : "ROLLBACK TO SAVEPOINT \(RowStreaming.savepoint); RELEASE SAVEPOINT \(RowStreaming.savepoint)"
                if let error = Self.command(ending, on: connection), failure == nil { failure = error }
            }
            return failure
        }
        channel.finish(channel.isAbandoned ? CancellationError() : failure)
    }

    private static func readRows(_ sql: String, _ binds: [PGBind], on connection: OpaquePointer, into channel: RowChannel) -> PGError? {
        let cValues: [UnsafeMutablePointer<CChar>?] = binds.map { bind in bind.text.map { strdup($0) } }
        defer { for pointer in cValues { free(pointer) } }
        let sent = cValues.map { $0.map { UnsafePointer($0) } }.withUnsafeBufferPointer { values in
            PQsendQueryParams(connection, sql, Int32(binds.count), nil, values.baseAddress, nil, nil, 0)
        }
        guard sent == 1 else {
            let lost = PQstatus(connection) != CONNECTION_OK
            return PGError(kind: lost ? .connection : .client, message: trimmed(String(cString: PQerrorMessage(connection))), query: sql)
        }
        PQsetSingleRowMode(connection)
        var pending: [OpaquePointer] = []
        pending.reserveCapacity(RowStreaming.batchSize)
        var columns: ColumnInfo?
        var failure: PGError?
        var open = true
        while let result = PQgetResult(connection) {
            switch PQresultStatus(result) {
            case PGRES_SINGLE_TUPLE where open:
                let info = columns ?? ColumnInfo(result)
                columns = info
                pending.append(result)
                if pending.count == RowStreaming.batchSize {
                    open = channel.push(PGRows(storage: LibPQRowBatch(pending, columns: info)))
                    pending.removeAll(keepingCapacity: true)
                }
            case PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                PQclear(result)
            default:
                if failure == nil {
                    failure = error(from: result, connection: connection, query: sql)
                    if PQstatus(connection) != CONNECTION_OK, failure?.sqlState == nil { failure?.kind = .connection }
                }
                PQclear(result)
            }
        }
        if !pending.isEmpty, let columns {
            if open, failure == nil {
                _ = channel.push(PGRows(storage: LibPQRowBatch(pending, columns: columns)))
            } else {
                for result in pending { PQclear(result) }
            }
        }
        if !open, failure?.sqlState == "57014" { return nil }  // our own cancel request
        return failure
    }

    /// Runs a statement without rows with `PQexec`; its error, if any.
    private static func command(_ sql: String, on connection: OpaquePointer) -> PGError? {
        guard let result = PQexec(connection, sql) else {
            return PGError(kind: .connection, message: trimmed(String(cString: PQerrorMessage(connection))), query: sql)
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK: return nil
        default: return error(from: result, connection: connection, query: sql)
        }
    }
}

extension RowChannel {
    var isAbandoned: Bool {
        condition.lock()
        defer { condition.unlock() }
        return abandoned
    }
}

/// The names and types of a result's columns, read once per stream.
struct ColumnInfo: Sendable {
    let names: [String]
    let types: [UInt32]

    init(_ result: OpaquePointer) {
        let count = PQnfields(result)
        names = (0..<count).map { String(cString: PQfname(result, $0)) }
        types = (0..<count).map { UInt32(PQftype(result, $0)) }
    }
}

/// A batch of single-row `PGresult`s, read in place by ``PGRow``.
final class LibPQRowBatch: PGResultStorage, @unchecked Sendable {
    // PGresults are never changed after libpq returns them.
    private let results: [OpaquePointer]
    private let columns: ColumnInfo

    init(_ results: [OpaquePointer], columns: ColumnInfo) {
        self.results = results
        self.columns = columns
    }

    deinit {
        for result in results { PQclear(result) }
    }

    var rowCount: Int { results.count }
    var columnCount: Int { columns.names.count }
    func columnName(_ column: Int) -> String { columns.names[column] }
    func columnType(_ column: Int) -> UInt32 { columns.types[column] }

    func value(row: Int, column: Int) -> UnsafeRawBufferPointer? {
        let result = results[row]
        let c = Int32(column)
        if PQgetisnull(result, 0, c) != 0 { return nil }
        return UnsafeRawBufferPointer(start: PQgetvalue(result, 0, c), count: Int(PQgetlength(result, 0, c)))
    }
}
