import Foundation

/// Runs statements: what generated query helpers need from a database connection.
///
/// `PGClient.PGConnection` implements it over libpq; an adapter over another driver (PostgresNIO)
/// can implement it too. Values travel in PostgreSQL's text format; the session is expected to
/// use the default `DateStyle` (ISO) and `IntervalStyle` (postgres); any `TimeZone` works, since
/// timestamps carry their offset.
public protocol PGExecutor: Sendable {
    /// Runs one statement with `$1`, `$2`, … bound to `binds` and returns its rows.
    func query(_ sql: String, _ binds: [PGBind]) async throws -> PGRows
    /// Runs one statement with binds and returns the number of rows it affected.
    func execute(_ sql: String, _ binds: [PGBind]) async throws -> Int

    /// Runs `body` with an executor whose statements all go over one database session (one
    /// connection), held for the duration. Call ``withSession(isolation:_:)``; implement this one. The
    /// default runs `body` on `self`, right for an executor that is one session already.
    func withSession<T>(
        isolatedTo isolation: isolated (any Actor)?, _ body: (any PGExecutor) async throws -> T
    ) async throws -> T

    /// Runs `body` in a transaction; see ``withTransaction(_:isolation:_:)``, which calls it. The default
    /// takes a session (``withSession(isolatedTo:_:)``) and sends `BEGIN`, `COMMIT`, `ROLLBACK`.
    func withTransaction<T>(
        options: PGTransactionOptions, isolatedTo isolation: isolated (any Actor)?,
        _ body: (any PGExecutor) async throws -> T
    ) async throws -> T

    /// The rows of one statement in batches, fetched as they are read; see
    /// ``PGQuery/stream(_:on:)``. The default runs ``query(_:_:)`` and yields one batch.
    func streamBatches(_ sql: String, _ binds: [PGBind]) -> PGRowBatches
}

/// A type that a result row decodes into: the generated table models.
public protocol PGRowDecodable: Sendable {
    init(row: PGRow) throws(PGDecodingError)
}

/// A statement that returns rows of `Row`, with its SQL for logging, testing and preparing.
public struct PGQuery<Row: PGRowDecodable>: Sendable, CustomStringConvertible {
    /// The statement's text, with `$1`, `$2`, … for its parameters.
    public let sql: String

    /// A statement with this text; its values are bound when it runs.
    public init(_ sql: String) {
        self.sql = sql
    }

    public var description: String { sql }

    /// Runs the query and decodes every row.
    public func fetchAll(_ binds: [PGBind] = [], on db: some PGExecutor) async throws -> [Row] {
        try PGBind.check(binds)
        let rows = try await db.query(sql, binds)
        var result: [Row] = []
        result.reserveCapacity(rows.count)
        for row in rows { result.append(try Row(row: row)) }
        return result
    }

    /// Runs the query and decodes the first row, if any.
    public func fetchOne(_ binds: [PGBind] = [], on db: some PGExecutor) async throws -> Row? {
        try PGBind.check(binds)
        let rows = try await db.query(sql, binds)
        return try rows.first.map { row throws(PGDecodingError) in try Row(row: row) }
    }
}

/// A statement that returns no rows that matter, with its SQL.
public struct PGStatement: Sendable, CustomStringConvertible {
    /// The statement's text, with `$1`, `$2`, … for its parameters.
    public let sql: String

    /// A statement with this text; its values are bound when it runs.
    public init(_ sql: String) {
        self.sql = sql
    }

    public var description: String { sql }

    /// Runs the statement; returns the number of rows it affected.
    @discardableResult
    public func execute(_ binds: [PGBind] = [], on db: some PGExecutor) async throws -> Int {
        try PGBind.check(binds)
        return try await db.execute(sql, binds)
    }
}

extension PGRow {
    /// Decodes a value, naming `table` in the error when it fails.
    // Inlined into each generated `init(row:)`. Marking it `@inline(never)` saved about 10% of a
    // 100-table release build, but decoding 100,000 rows took 15% longer (records-bench's "client
    // work alone"): issue 14 keeps the run-time speed.
    @inlinable
    public func decode<T: PGDecodable>(_ type: T.Type = T.self, at column: Int, table: String) throws(PGDecodingError) -> T {
        do {
            return try decode(type, at: column)
        } catch {
            var error = error
            error.table = table
            throw error
        }
    }

    /// Decodes a JSON value (a composite type selected as `to_jsonb(column)`) into a `Decodable` type.
    public func decodeJSON<T: Decodable>(_ type: T.Type = T.self, at column: Int, table: String) throws(PGDecodingError) -> T {
        guard let value = try decodeJSONIfPresent(type, at: column, table: table) else {
            throw PGDecodingError(table: table, column: storage.columnName(column), typeOID: storage.columnType(column), text: nil, reason: "unexpected NULL for non-optional \(T.self)")
        }
        return value
    }

    /// Decodes a JSON value into a `Decodable` type; `nil` for SQL `NULL`.
    public func decodeJSONIfPresent<T: Decodable>(_ type: T.Type = T.self, at column: Int, table: String) throws(PGDecodingError) -> T? {
        let result: Result<T, any Error>? = storage.value(row: index, column: column).map { bytes in
            Result { try PGJSON.decoder.decode(T.self, from: Data(bytes)) }
        }
        switch result {
        case nil: return nil
        case .success(let value): return value
        case .failure(let error):
            throw PGDecodingError(table: table, column: storage.columnName(column), typeOID: storage.columnType(column), text: self[column].map { String($0.prefix(200)) }, reason: "\(error)")
        }
    }
}
