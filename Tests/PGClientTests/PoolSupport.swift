import Foundation
import PGClient
import PGRecord
import PGTestSupport
import Synchronization
import Testing

/// What the pool, transaction and streaming tests share: a connection of the test's own that
/// watches the server (`pg_stat_activity`), and a bounded wait for something to happen.
struct Watcher {
    let admin: PGConnection

    init(_ config: PGConfig) async throws {
        admin = try await PGConnection.connect(config: config)
    }

    /// Backends of the test's database running a statement whose text contains `marker`.
    func active(_ marker: String) async throws -> [Int32] {
        let rows = try await admin.query(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND strpos(query, $1) > 0",
            [marker.pgBind]
        )
        return try rows.map { row throws(PGDecodingError) in try row.decode(Int32.self, at: 0) }
    }

    /// Backends of the test's database, other than this one.
    func backends() async throws -> Int {
        let rows = try await admin.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'", [])
        return Int(try rows[0].decode(Int64.self, at: 0))
    }

    func terminate(_ pid: Int32) async throws {
        _ = try await admin.query("SELECT pg_terminate_backend($1)", [pid.pgBind])
    }
}

/// Waits until `condition` holds, checking every 20 ms, for at most `limit` (generous: this is a
/// bound on a hang, not a measure of speed). Fails the test when it never holds.
func eventually(
    _ what: String, limit: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("never happened: \(what)", sourceLocation: sourceLocation)
    throw TestTimeout(what: what)
}

struct TestTimeout: Error {
    let what: String
}

/// A one-shot signal between tasks.
final class Signal: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: Void.self)
    }

    func fire() {
        continuation.finish()
    }

    func wait() async {
        for await _ in stream {}
    }
}

extension Int32: PGRowDecodable {
    public init(row: PGRow) throws(PGDecodingError) {
        self = try row.decode(Int32.self, at: 0)
    }
}

/// A database of the test's own, like `TestPostgres.withDatabaseAsync`, but created and dropped
/// without holding a thread of the cooperative pool: these tests run many tasks that wait for the
/// server, and a thread blocked in `DROP DATABASE` would keep them from running.
func withTestDatabase<T>(_ body: (PGConfig) async throws -> T) async throws -> T {
    let server = try TestPostgres.serverConfig()
    let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
    let admin = try await PGConnection.connect(config: server)
    _ = try await admin.execute("CREATE DATABASE \(name)", [])
    var config = server
    config.database = String(name)
    config.urlPath = "/\(name)"
    let result: Result<T, any Error>
    do {
        result = .success(try await body(config))
    } catch {
        result = .failure(error)
    }
    _ = try? await admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", [])
    return try result.get()
}

/// A value shared by tasks.
final class Box<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) {
        mutex = Mutex(value)
    }

    var value: Value { mutex.withLock { $0 } }

    func update(_ change: (inout Value) -> Void) {
        mutex.withLock { change(&$0) }
    }
}
