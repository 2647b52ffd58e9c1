import CLibPQ
import Foundation
import Logging
import PGRecord
import Synchronization

/// One connection to PostgreSQL through libpq.
///
/// A connection runs one statement at a time: every call takes the connection's lock, so two
/// threads that share it wait for each other instead of interleaving on the wire. Server notices
/// (`NOTICE: table "x" does not exist, skipping`) go to the `notices` handler, never to stderr.
public final class PGConnection: Sendable {
    private let state: Mutex<ConnectionHandle>
    private let noticeBox: NoticeBox
    /// libpq's handle for cancel requests (`PQgetCancel`), usable from any thread.
    private let cancelHandle: CancelHandle
    /// The thread that runs the async calls, started by the first one.
    private let threadBox: Mutex<ConnectionThread?>
    /// Held by a task that uses the connection through the async API, for one statement or for a
    /// whole ``withSession(isolation:_:)`` or transaction.
    let gate = AsyncGate()
    /// Where statements' times, slow statements and notices are logged (async API).
    public let logging: PGLogging

    /// Connects. Fails with a ``PGError`` of kind `.connection` whose message is libpq's (it never
    /// holds the password); an unreachable host fails after `connect_timeout` (10 s by default).
    ///
    /// This initializer waits for the server on the calling thread; in async code use
    /// ``connect(config:notices:logging:)``, which does not.
    public convenience init(config: PGConfig, notices: (@Sendable (PGNotice) -> Void)? = nil) throws(PGError) {
        self.init(pointer: try Self.open(config), notices: notices, thread: nil)
    }

    /// Connects on a thread of the connection's own, without holding a thread of the caller's.
    /// `logging` receives the connection's statements' times, slow statements and server notices.
    public static func connect(
        config: PGConfig, notices: (@Sendable (PGNotice) -> Void)? = nil, logging: PGLogging = .disabled
    ) async throws -> PGConnection {
        let thread = ConnectionThread(name: "pg-connection")
        let pointer: Result<ConnectionPointer, PGError> = await withCheckedContinuation { continuation in
            thread.submit({
                continuation.resume(returning: Result { () throws(PGError) in ConnectionPointer(try Self.open(config)) })
            }, dropped: {
                continuation.resume(returning: .failure(PGError(kind: .connection, message: "the connection's thread stopped")))
            })
        }
        let connection = PGConnection(pointer: try pointer.get().pointer, notices: notices, thread: thread, logging: logging)
        logging.logger.info("database connection opened", metadata: PGLogging.metadata(config))
        return connection
    }

    private static func open(_ config: PGConfig) throws(PGError) -> OpaquePointer {
        let parameters = config.libpqParameters
        var keywords: [UnsafePointer<CChar>?] = parameters.map { UnsafePointer(strdup($0.keyword)) }
        var values: [UnsafePointer<CChar>?] = parameters.map { UnsafePointer(strdup($0.value)) }
        keywords.append(nil)
        values.append(nil)
        defer {
            for pointer in keywords + values { free(UnsafeMutablePointer(mutating: pointer)) }
        }
        let connection = PQconnectdbParams(keywords, values, 0)
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            if let connection { PQfinish(connection) }
            // libpq's messages never hold the password. They are not searched for its text either:
            // a password such as `postgres` would be revealed by where `***` appears.
            throw PGError(kind: .connection, message: Self.trimmed(message))
        }
        return connection
    }

    private init(
        pointer connection: OpaquePointer, notices: (@Sendable (PGNotice) -> Void)?, thread: ConnectionThread?,
        logging: PGLogging = .disabled
    ) {
        self.logging = logging
        noticeBox = NoticeBox(handler: { notice in
            notices?(notice)
            logging.notice(notice)
        })
        PQsetNoticeReceiver(connection, { argument, result in
            guard let argument, let result else { return }
            let box = Unmanaged<NoticeBox>.fromOpaque(argument).takeUnretainedValue()
            box.handler?(PGNotice(
                severity: field(result, "V") ?? field(result, "S") ?? "NOTICE",
                sqlState: field(result, "C"),
                message: field(result, "M") ?? "",
                detail: field(result, "D"),
                hint: field(result, "H")
            ))
        }, Unmanaged.passUnretained(noticeBox).toOpaque())
        cancelHandle = CancelHandle(PQgetCancel(connection))
        state = Mutex(ConnectionHandle(pointer: connection))
        threadBox = Mutex(thread)
    }

    /// The connection's thread, started when first needed.
    var thread: ConnectionThread {
        threadBox.withLock { thread in
            if let thread { return thread }
            let started = ConnectionThread(name: "pg-connection")
            thread = started
            return started
        }
    }

    /// Asks the server to stop the statement running on this connection (`PQcancel`). Waits for
    /// the server's answer: call it from a thread that may wait.
    func sendCancelRequest() {
        cancelHandle.cancel()
    }

    /// Runs `body` with the libpq connection, under the connection's lock.
    func withHandle<T>(_ body: (OpaquePointer?, inout Int) -> T) -> T {
        state.withLock { handle in body(handle.pointer, &handle.roundTrips) }
    }

    deinit {
        close()
        threadBox.withLock { $0?.stop() }
    }

    /// Closes the connection; later calls fail with a `.connection` error.
    public func close() {
        state.withLock { handle in
            if let pointer = handle.pointer { PQfinish(pointer) }
            handle.pointer = nil
        }
    }

    /// How many statements this connection has sent to the server: a measure of round trips.
    public var roundTrips: Int { state.withLock { $0.roundTrips } }

    /// Runs one or more statements separated by `;` with the simple-query protocol (`PQexec`).
    ///
    /// Without an explicit `BEGIN`, the server runs them in one implicit transaction. Returns the
    /// rows of the last statement.
    @discardableResult
    public func execute(_ sql: String) throws(PGError) -> PGRows {
        try Self.refuseNUL(in: sql)
        return try run(sql) { connection in PQexec(connection, sql) }
    }

    /// libpq takes a statement as a C string: a NUL byte would end it there, and the rest would be
    /// dropped without a word. Such a statement is refused before anything is sent.
    private static func refuseNUL(in sql: String) throws(PGError) {
        guard let index = sql.utf8.firstIndex(of: 0) else { return }
        let offset = sql.unicodeScalars.distance(from: sql.unicodeScalars.startIndex, to: index)
        throw PGError(
            kind: .client,
            message: "the statement contains a NUL byte at character \(offset + 1), which PostgreSQL cannot take; nothing was sent",
            position: offset + 1, query: sql
        )
    }

    /// Runs one statement with `$1`, `$2`, … bound to `binds` (`PQexecParams`); values never
    /// become part of the SQL text.
    @discardableResult
    public func query(_ sql: String, _ binds: [PGBind] = []) throws(PGError) -> PGRows {
        try Self.refuseNUL(in: sql)
        for (index, bind) in binds.enumerated() {
            if let problem = bind.problem {
                throw PGError(kind: .client, message: "cannot bind parameter $\(index + 1): \(problem); nothing was sent", query: sql)
            }
        }
        var cValues: [UnsafePointer<CChar>?] = binds.map { bind in bind.text.map { UnsafePointer(strdup($0)) } }
        defer { for pointer in cValues { free(UnsafeMutablePointer(mutating: pointer)) } }
        let count = Int32(binds.count)
        return try run(sql) { connection in
            cValues.withUnsafeMutableBufferPointer { values in
                PQexecParams(connection, sql, count, nil, values.baseAddress, nil, nil, 0)
            }
        }
    }

    /// Runs one statement with binds and returns the number of rows it changed.
    @discardableResult
    public func update(_ sql: String, _ binds: [PGBind] = []) throws(PGError) -> Int {
        let rows = try query(sql, binds)
        return (rows.storage as? LibPQResult)?.affectedRows ?? 0
    }

    /// What PostgreSQL makes of a statement without running it (`PQprepare` of the unnamed
    /// statement, then `PQdescribePrepared`): the type OIDs it infers for `$1`, `$2`, … and the
    /// name and type OID of each result column.
    public func describe(_ sql: String) throws(PGError) -> PGStatementDescription {
        try Self.refuseNUL(in: sql)
        _ = try run(sql) { connection in PQprepare(connection, "", sql, 0, nil) }
        let rows = try run(sql) { connection in PQdescribePrepared(connection, "") }
        guard let result = rows.storage as? LibPQResult else { return PGStatementDescription(parameterTypes: [], columns: []) }
        return PGStatementDescription(
            parameterTypes: result.parameterTypes,
            columns: (0..<result.columnCount).map { (result.columnName($0), result.columnType($0)) }
        )
    }

    /// Whether the connection is inside a transaction block, and whether that transaction failed.
    public var transactionStatus: PGTransactionStatus {
        state.withLock { handle in
            guard let pointer = handle.pointer else { return .unknown }
            switch PQtransactionStatus(pointer) {
            case PQTRANS_IDLE: return .idle
            case PQTRANS_INTRANS: return .inTransaction
            case PQTRANS_INERROR: return .failedTransaction
            case PQTRANS_ACTIVE: return .active
            default: return .unknown
            }
        }
    }

    /// Whether the connection to the server is still up (libpq's `CONNECTION_OK`): after a failed
    /// `COMMIT`, `false` means the outcome of the commit is unknown.
    public var isConnected: Bool {
        state.withLock { handle in handle.pointer.map { PQstatus($0) == CONNECTION_OK } ?? false }
    }

    /// The server's version number, such as 150018 for 15.18.
    public var serverVersion: Int {
        state.withLock { handle in handle.pointer.map { Int(PQserverVersion($0)) } ?? 0 }
    }

    func run(_ sql: String, _ send: (OpaquePointer) -> OpaquePointer?) throws(PGError) -> PGRows {
        let outcome: Result<LibPQResult, PGError> = state.withLock { handle in
            guard let connection = handle.pointer else {
                return .failure(PGError(kind: .connection, message: "the connection is closed", query: sql))
            }
            handle.roundTrips += 1
            guard let result = send(connection) else {
                let message = Self.trimmed(String(cString: PQerrorMessage(connection)))
                return .failure(PGError(kind: PQstatus(connection) == CONNECTION_OK ? .client : .connection, message: message, query: sql))
            }
            switch PQresultStatus(result) {
            case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
                return .success(LibPQResult(result))
            default:
                let lost = PQstatus(connection) != CONNECTION_OK
                var error = Self.error(from: result, connection: connection, query: sql)
                if lost, error.sqlState == nil { error.kind = .connection }
                PQclear(result)
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let result): return PGRows(storage: result)
        case .failure(let error): throw error
        }
    }

    static func error(from result: OpaquePointer, connection: OpaquePointer, query: String) -> PGError {
        var message = field(result, "M")
        if message == nil {
            message = trimmed(String(cString: PQresultErrorMessage(result)))
            if message?.isEmpty ?? true { message = trimmed(String(cString: PQerrorMessage(connection))) }
        }
        var error = PGError(
            kind: field(result, "C") == nil ? .client : .server,
            sqlState: field(result, "C"),
            severity: field(result, "V") ?? field(result, "S"),
            message: message ?? "unknown error",
            detail: field(result, "D"),
            hint: field(result, "H"),
            position: field(result, "P").flatMap { Int($0) },
            query: query
        )
        error.schema = field(result, "s")
        error.table = field(result, "t")
        error.column = field(result, "c")
        error.constraint = field(result, "n")
        error.context = field(result, "W")
        error.routine = field(result, "R")
        return error
    }

    static func trimmed(_ message: String) -> String {
        var text = Substring(message)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}

/// A statement as PostgreSQL describes it: parameter types and result columns, as type OIDs.
public struct PGStatementDescription: Sendable, Equatable {
    public var parameterTypes: [UInt32]
    public var columns: [(name: String, typeOID: UInt32)]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.parameterTypes == rhs.parameterTypes && lhs.columns.map(\.name) == rhs.columns.map(\.name) && lhs.columns.map(\.typeOID) == rhs.columns.map(\.typeOID)
    }
}

public enum PGTransactionStatus: Sendable, Equatable {
    case idle, inTransaction, failedTransaction, active, unknown
}

// Only ever touched inside the mutex.
private struct ConnectionHandle: ~Copyable, @unchecked Sendable {
    var pointer: OpaquePointer?
    var roundTrips = 0
}

private final class NoticeBox: Sendable {
    let handler: (@Sendable (PGNotice) -> Void)?

    init(handler: (@Sendable (PGNotice) -> Void)?) {
        self.handler = handler
    }
}

/// A `PGconn` handed from the thread that opened it to the connection that owns it.
private struct ConnectionPointer: @unchecked Sendable {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
}

/// `PGcancel`: `PQcancel` may be called from any thread while the connection works.
private final class CancelHandle: @unchecked Sendable {
    private let pointer: OpaquePointer?

    init(_ pointer: OpaquePointer?) {
        self.pointer = pointer
    }

    deinit {
        if let pointer { PQfreeCancel(pointer) }
    }

    func cancel() {
        guard let pointer else { return }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(pointer, &buffer, Int32(buffer.count))
    }
}

func field(_ result: OpaquePointer, _ code: Character) -> String? {
    guard let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
    return String(cString: value)
}

/// A `PGresult`, read in place by ``PGRow``; freed when the last row that refers to it goes.
final class LibPQResult: PGResultStorage, @unchecked Sendable {
    // A PGresult is never changed after libpq returns it, so reading it from several threads is safe.
    private let result: OpaquePointer
    let rowCount: Int
    let columnCount: Int
    private let names: [String]

    init(_ result: OpaquePointer) {
        self.result = result
        rowCount = Int(PQntuples(result))
        columnCount = Int(PQnfields(result))
        names = (0..<Int32(PQnfields(result))).map { String(cString: PQfname(result, $0)) }
    }

    deinit {
        PQclear(result)
    }

    var affectedRows: Int { Int(String(cString: PQcmdTuples(result))) ?? 0 }

    /// The parameter type OIDs of a described prepared statement.
    var parameterTypes: [UInt32] { (0..<PQnparams(result)).map { UInt32(PQparamtype(result, $0)) } }

    func columnName(_ column: Int) -> String { names[column] }

    func columnType(_ column: Int) -> UInt32 { UInt32(PQftype(result, Int32(column))) }

    func value(row: Int, column: Int) -> UnsafeRawBufferPointer? {
        let r = Int32(row)
        let c = Int32(column)
        if PQgetisnull(result, r, c) != 0 { return nil }
        return UnsafeRawBufferPointer(start: PQgetvalue(result, r, c), count: Int(PQgetlength(result, r, c)))
    }
}
