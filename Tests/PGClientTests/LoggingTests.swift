import Foundation
import Logging
import PGClient
import PGRecord
import Synchronization
import Testing

/// The runtime's swift-log output, collected by a real log handler: what an operator sees, and
/// that no bound value ever reaches a log line.
@Suite struct LoggingTests {
    static let secret = "s3cr3t-\(UUID().uuidString)"

    @Test func operatorEventsAreLoggedAndBindValuesNever() async throws {
        let records = LogRecords()
        var logger = Logger(label: "test", factory: { _ in CollectingHandler(records: records) })
        logger.logLevel = .trace
        // Every statement counts as slow here, so every one is logged with its SQL.
        let logging = PGLogging(logger: logger, slowStatementThreshold: .zero)
        let secret = Self.secret
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(
                connection: config, maxConnections: 2, acquireTimeout: .milliseconds(300), logging: logging
            ))
            defer { pool.close() }
            _ = try await pool.execute("CREATE TABLE secrets (id serial PRIMARY KEY, value text UNIQUE, n int)", [])
            _ = try await pool.execute("INSERT INTO secrets (value) VALUES ($1)", [secret.pgBind])
            #expect(try await pool.query("SELECT value FROM secrets WHERE value = $1", [secret.pgBind])[0][0] == secret)
            // Failures whose server message or detail quote the value.
            await #expect(throws: PGError.self) { _ = try await pool.query("SELECT $1::int", [secret.pgBind]) }
            await #expect(throws: PGError.self) { _ = try await pool.execute("INSERT INTO secrets (value) VALUES ($1)", [secret.pgBind]) }
            try await pool.withTransaction { tx in
                _ = try await tx.execute("UPDATE secrets SET n = length($1) WHERE value = $1", [secret.pgBind])
            }
            // A server notice.
            _ = try await pool.execute("DO $$ BEGIN RAISE NOTICE 'cleanup done'; END $$", [])
            // The pool exhausted: both connections held, a third caller times out.
            try await pool.withSession { first in
                try await pool.withSession { second in
                    _ = try await first.query("SELECT 1", [])
                    _ = try await second.query("SELECT 1", [])
                    await #expect(throws: PGPoolError.self) { _ = try await pool.query("SELECT 1", []) }
                }
            }
            // A connection the server ends while idle.
            let pids = try await pool.withSession { a in
                try await pool.withSession { b in
                    [try await a.query("SELECT pg_backend_pid()", [])[0].decode(Int32.self, at: 0),
                     try await b.query("SELECT pg_backend_pid()", [])[0].decode(Int32.self, at: 0)]
                }
            }
            let admin = try await PGConnection.connect(config: config)
            for pid in pids { _ = try await admin.query("SELECT pg_terminate_backend($1)", [pid.pgBind]) }
            try await Task.sleep(for: .milliseconds(100))
            #expect(try await pool.query("SELECT 1", [])[0][0] == "1")
        }

        let lines = records.all
        func has(_ level: Logger.Level, _ text: String) -> Bool {
            lines.contains { $0.level == level && $0.message.contains(text) }
        }
        #expect(has(.info, "database connection opened"))
        #expect(lines.first { $0.message.contains("connection opened") }?.metadata["database"] != nil)
        #expect(has(.warning, "slow statement"))
        #expect(lines.contains { $0.message == "slow statement" && $0.metadata["sql"] == "INSERT INTO secrets (value) VALUES ($1)" })
        #expect(lines.contains { $0.level == .debug && $0.message == "statement" && $0.metadata["duration_ms"] != nil })
        #expect(lines.contains { $0.message == "statement failed" && $0.metadata["sqlstate"] == "22P02" })
        #expect(lines.contains { $0.message == "statement failed" && $0.metadata["sqlstate"] == "23505" && $0.metadata["constraint"] == "secrets_value_key" })
        #expect(has(.notice, "cleanup done"))
        #expect(has(.notice, "every database connection of the pool is in use"))
        #expect(has(.warning, "database pool exhausted"))
        #expect(has(.warning, "connection lost"))
        // The value was bound in seven statements, and three failures quote it: it is nowhere.
        #expect(lines.count > 20)
        for line in lines {
            #expect(!line.text.contains(secret), "a log line holds a bound value: \(line.message)")
        }
    }
}

/// The lines a ``CollectingHandler`` received.
final class LogRecords: Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
        /// Everything of the line, as a handler writing it out would.
        var text: String { message + " " + metadata.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
    }

    private let records = Mutex<[Record]>([])
    var all: [Record] { records.withLock { $0 } }

    func append(_ record: Record) { records.withLock { $0.append(record) } }
}

/// A real swift-log handler that keeps every line in memory.
struct CollectingHandler: LogHandler {
    let records: LogRecords
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        all.merge(event.metadata ?? [:]) { $1 }
        records.append(LogRecords.Record(
            level: event.level, message: "\(event.message)", metadata: all.mapValues { "\($0)" }
        ))
    }
}
