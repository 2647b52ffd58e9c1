import Foundation
import PGClient
import PGRecord
import PGTestSupport
import Testing

@Suite struct RowStreamTests {
    @Test func streamsEveryRowInOrder() async throws {
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(connection: config, maxConnections: 1, statementTimeout: .seconds(120)))
            defer { pool.close() }
            var count = 0
            var expected: Int64 = 1
            for try await value in try PGQuery<Int64>("SELECT g::int8 FROM generate_series(1, $1::int) g").stream([Int32(10_000).pgBind], on: pool) {
                #expect(value == expected)
                expected += 1
                count += 1
            }
            #expect(count == 10_000)
            // The connection went back to the pool.
            #expect(pool.statistics.idle == 1)
            var none = 0
            for try await _ in try PGQuery<Int64>("SELECT 1::int8 WHERE false").stream(on: pool) { none += 1 }
            #expect(none == 0)
        }
    }

    @Test func leavingTheLoopEarlyStopsTheQueryOnTheServer() async throws {
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(connection: config, maxConnections: 1, statementTimeout: .seconds(120)))
            defer { pool.close() }
            let watcher = try await Watcher(config)
            // The set-returning function in the select list makes rows as they are sent (in FROM it
            // would store them all first), and slowly: a server far ahead of its reader would sit in
            // a socket write, where it cannot take part in other tests' DROP DATABASE (which waits
            // for every backend). Without the cancel, reading the rest would take weeks; the pool's
            // statement timeout only bounds a failing test.
            let endless = PGQuery<Int64>("SELECT g FROM (SELECT generate_series(1::int8, 10000000000) AS g) AS s WHERE pg_sleep(0.0002) IS NOT NULL /* endless */")
            var seen: [Int64] = []
            for try await value in try endless.stream(on: pool) {
                seen.append(value)
                if value == 1000 { break }
            }
            #expect(seen == Array(1...1000))
            try await eventually("the query stopped") { try await watcher.active("endless").isEmpty }
            #expect(try await pool.query("SELECT 6", [])[0].decode(Int32.self, at: 0) == 6)
            #expect(pool.statistics.dropped == 0)
        }
    }

    @Test func leavingEarlyInsideATransactionKeepsTheTransaction() async throws {
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(connection: config, maxConnections: 1, statementTimeout: .seconds(120)))
            defer { pool.close() }
            let watcher = try await Watcher(config)
            _ = try await pool.execute("CREATE TABLE t (x int)", [])
            try await pool.withTransaction { tx in
                _ = try await tx.execute("INSERT INTO t VALUES (1)", [])
                for try await value in try PGQuery<Int64>("SELECT g FROM (SELECT generate_series(1::int8, 10000000000) AS g) AS s WHERE pg_sleep(0.0002) IS NOT NULL /* endless in tx */").stream(on: tx) {
                    if value == 3 { break }
                }
                try await eventually("the query stopped") { try await watcher.active("endless in tx").isEmpty }
                _ = try await tx.execute("INSERT INTO t VALUES (2)", [])
            }
            #expect(try await pool.query("SELECT string_agg(x::text, ',' ORDER BY x) FROM t", [])[0][0] == "1,2")
        }
    }

    @Test func anErrorMidwayReachesTheLoop() async throws {
        try await withTestDatabase { config in
            let db = try await PGConnection.connect(config: config)
            var seen = 0
            await #expect {
                for try await _ in try PGQuery<Int64>("SELECT 1000 / (g - 600) FROM generate_series(1, 1000) g").stream(on: db) { seen += 1 }
            } throws: { error in
                (error as? PGError)?.sqlState == "22012"
            }
            #expect(seen < 600)
            #expect(try await db.query("SELECT 1", [])[0][0] == "1")
            #expect(db.transactionStatus == .idle)
        }
    }

    @Test func cancellingTheConsumingTaskStopsTheQuery() async throws {
        try await withTestDatabase { config in
            let pool = PGPool(configuration: .init(connection: config, maxConnections: 1, statementTimeout: .seconds(120)))
            defer { pool.close() }
            let watcher = try await Watcher(config)
            let started = Signal()
            let consumer = Task {
                var count = 0
                for try await _ in try PGQuery<Int64>("SELECT g FROM (SELECT generate_series(1::int8, 10000000000) AS g) AS s WHERE pg_sleep(0.0002) IS NOT NULL /* consumer */").stream(on: pool) {
                    count += 1
                    if count == 10 { started.fire() }
                    try await Task.sleep(for: .milliseconds(1))
                }
                return count
            }
            await started.wait()
            consumer.cancel()
            await #expect(throws: CancellationError.self) { _ = try await consumer.value }
            try await eventually("the query stopped") { try await watcher.active("consumer").isEmpty }
            #expect(try await pool.query("SELECT 8", [])[0].decode(Int32.self, at: 0) == 8)
        }
    }

    @Test func rowsOfAllColumnsDecodeAsFromFetchAll() async throws {
        try await withTestDatabase { config in
            let db = try await PGConnection.connect(config: config)
            let sql = "SELECT g, 'name ' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE g * 1.5 END FROM generate_series(1, 700) g"
            let all = try await db.query(sql, [])
            var index = 0
            for try await batch in db.streamBatches(sql, []) {
                #expect(batch.columnNames == all.columnNames)
                for row in batch {
                    for column in 0..<3 { #expect(row[column] == all[index][column]) }
                    index += 1
                }
            }
            #expect(index == 700)
        }
    }
}
