// Compiled when the package trait PostgresNIO is enabled (see Package.swift).
#if PostgresNIO
import Logging
import PGRecord
import PostgresNIO
import Synchronization

// PostgresNIO's client and connection as executors of the generated helpers:
//
//     let client = PostgresClient(configuration: ...)    // the one your app already has
//     let found = try await SaasClient.find(id: id, on: client)
//     try await client.withTransaction { tx in
//         try await SaasClient.update(id: id, set: [.isActive(false)], on: tx)
//     }
//
// Parameters go as libpq sends them: text, with no declared type, so the server reads each as it
// reads a libpq parameter. PostgresNIO always asks for rows in binary; each value is turned back
// into the text the server's output function writes (TextForm.swift), so the generated decoders
// read exactly what they read through libpq. Server errors are PostgresNIO's `PSQLError`, with
// their SQLSTATE (`error.sqlState`, also `PGSQLStateError` for transaction retries) and
// constraint name (`error.constraintName`).

/// Where the adapter logs (PostgresNIO's own statement logging at trace level goes here too). A
/// no-op by default; set it once at start-up, or use ``PostgresClient/executor(logger:)``.
public enum PGPostgresNIO {
    public static var logger: Logger {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }

    private static let current = Mutex(Logger(label: "pg-models.postgres-nio", factory: { _ in SwiftLogNoOpLogHandler() }))
}

extension PostgresConnection: PGExecutor {
    public func query(_ sql: String, _ binds: [PGBind]) async throws -> PGRows {
        try await run(sql, binds, logger: PGPostgresNIO.logger, forms: TypeForms.of(self)).rows
    }

    public func execute(_ sql: String, _ binds: [PGBind]) async throws -> Int {
        try await run(sql, binds, logger: PGPostgresNIO.logger, forms: TypeForms.of(self)).affected
    }

    /// Runs one statement and returns its rows in text form and the rows it affected.
    func run(_ sql: String, _ binds: [PGBind], logger: Logger, forms: TypeForms) async throws -> (rows: PGRows, affected: Int) {
        try PGBind.check(binds)
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            if let text = bind.text { bindings.append(TextBind(text)) } else { bindings.appendNull() }
        }
        let result: PostgresQueryResult = try await query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).get()
        let missing = forms.unknown(in: result.rows)
        if !missing.isEmpty {
            try await forms.lookUp(missing) { query in
                let found: PostgresQueryResult = try await self.query(query, logger: logger).get()
                return found.rows
            }
        }
        let storage = try TextResult(rows: result.rows, forms: forms)
        return (PGRows(storage: storage), result.metadata.rows ?? 0)
    }
}

extension PostgresClient: PGExecutor {
    public func query(_ sql: String, _ binds: [PGBind]) async throws -> PGRows {
        try await executor().query(sql, binds)
    }

    public func execute(_ sql: String, _ binds: [PGBind]) async throws -> Int {
        try await executor().execute(sql, binds)
    }

    /// One connection of the pool for `body` (`withConnection`): session state, and the
    /// transactions that PGRecord builds on it (`client.withTransaction { tx in … }`).
    public func withSession<T>(
        isolatedTo isolation: isolated (any Actor)?, _ body: (any PGExecutor) async throws -> T
    ) async throws -> T {
        try await executor().withSession(isolatedTo: isolation, body)
    }

    /// An executor over this client that logs to `logger` instead of ``PGPostgresNIO/logger``.
    public func executor(logger: Logger = PGPostgresNIO.logger) -> PostgresClientExecutor {
        PostgresClientExecutor(client: self, logger: logger)
    }
}

/// A `PostgresClient` with a logger of its own: every statement takes a connection from the
/// client's pool for its duration; a session or a transaction holds one until it ends.
public struct PostgresClientExecutor: PGExecutor {
    public let client: PostgresClient
    public let logger: Logger

    public func query(_ sql: String, _ binds: [PGBind]) async throws -> PGRows {
        let forms = TypeForms.of(client)
        return try await client.withConnection { try await $0.run(sql, binds, logger: logger, forms: forms) }.rows
    }

    public func execute(_ sql: String, _ binds: [PGBind]) async throws -> Int {
        let forms = TypeForms.of(client)
        return try await client.withConnection { try await $0.run(sql, binds, logger: logger, forms: forms) }.affected
    }

    public func withSession<T>(
        isolatedTo isolation: isolated (any Actor)?, _ body: (any PGExecutor) async throws -> T
    ) async throws -> T {
        let forms = TypeForms.of(client)
        return try await client.withConnection { connection in
            try await body(Session(connection: connection, logger: logger, forms: forms))
        }
    }

    /// One pooled connection, with the client's type table.
    struct Session: PGExecutor {
        let connection: PostgresConnection
        let logger: Logger
        let forms: TypeForms

        func query(_ sql: String, _ binds: [PGBind]) async throws -> PGRows {
            try await connection.run(sql, binds, logger: logger, forms: forms).rows
        }

        func execute(_ sql: String, _ binds: [PGBind]) async throws -> Int {
            try await connection.run(sql, binds, logger: logger, forms: forms).affected
        }
    }
}

extension PSQLError: PGSQLStateError {
    /// The server's SQLSTATE (`23505`, `40001`, …); `nil` for an error of the client or network.
    public var sqlState: String? { serverInfo?[.sqlState] }
    /// The constraint a violation names (`saas_clients_slug_key`), when the server gave one.
    public var constraintName: String? { serverInfo?[.constraintName] }
}
#endif
