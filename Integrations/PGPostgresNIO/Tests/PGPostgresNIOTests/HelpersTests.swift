import Foundation
import NIOFixtureModels
import PGClient
import PGPostgresNIO
import PGRecord
import PostgresNIO
import SaasModels
import Synchronization
import Testing

/// The generated helpers, unchanged, on PostgresNIO's client and connection: every mapped type
/// in both directions (written by one driver, read by the other), transactions, and errors.
@Suite struct HelpersTests {
    static let fixtures = repositoryRoot + "/Tests/Fixtures/models"
    static let saas = repositoryRoot + "/migrations/saas"
    static let tricky = "it's \"quoted\" \\ back\\slash; -- not a comment $1 \n new line \t tab ünïcødé 😀 中文"

    func sample(label: String = "plain") -> EveryType.Draft {
        EveryType.Draft(small: 1, flag: true, label: label, quantity: 1)
    }

    /// The awkward values of the main package's TypeMatrixTests.
    func extremeDraft() -> EveryType.Draft {
        let tricky = Self.tricky
        return EveryType.Draft(
            small: .min, smallSerial: .max, normal: .max / 2, big: .min, bigSerial: .max, single: -Float.greatestFiniteMagnitude,
            doubleValue: Double.leastNonzeroMagnitude, amount: Decimal(string: "12345678901234567890.1234567891"), flag: false,
            label: tricky, code: "", fixed: "a\"b", nameValue: "n;ame", uid: UUID(), raw: Data((0...255).map(UInt8.init)),
            at: Date(microsecondsSince1970: -2_208_988_800_000_001), localAt: Date(microsecondsSince1970: 4_102_444_800_123_456),
            day: PGDate(year: 1, month: 1, day: 1), atTime: PGTime(hour: 24, minute: 0, second: 0),
            span: PGInterval(months: -14, days: 45, microseconds: -3_600_000_001), doc: Document(title: tricky, pages: 0),
            data: ["nested": ["deep": [1, -2.5, nil, true, "x\"y\\z", ["k": []]]], "big": .integer(.max)],
            tags: ["", "a,b", "{braces}", "NULL", "\"", "\\", tricky], grid: [[1, -2], [3, .max]],
            uids: [UUID(), nil, UUID()], ip: "192.168.0.1", net: "10.0.0.0/8", mac: "08:00:2b:01:02:03",
            search: "'a':1 'b':2", cash: "$1,234.56", x: "<a href=\"x\">&amp;</a>",
            status: ._2ndTry, statuses: [.done3, .default, .inProgress], quantity: .max, note: tricky,
            home: Address(street: "Jl. \"Sudirman\", 1", city: nil, zip: "10220", default: "(x,y)")
        )
    }

    func drafts() -> [EveryType.Draft] {
        let empty = EveryType.Draft(
            small: 1, flag: true, label: "", day: PGDate(year: -43, month: 3, day: 15), tags: [], grid: [], uids: [nil], quantity: 1
        )
        let special = EveryType.Draft(small: 1, single: .nan, doubleValue: -.infinity, amount: .nan, flag: true, label: "special", quantity: 1)
        return [extremeDraft(), empty, special, sample()]
    }

    /// Written through each driver, read through every driver: the same rows, bit for bit.
    @Test func everyMappedTypeRoundTripsBetweenTheDrivers() async throws {
        try await withDrivers(migrations: Self.fixtures) { d in
            let writers: [(String, any PGExecutor)] = [("libpq", d.libpq), ("PostgresClient", d.client), ("PostgresConnection", d.connection)]
            for (writer, db) in writers {
                for draft in drafts() {
                    let stored = try await EveryType.insert(draft, on: db)
                    #expect(stored.label == draft.label && (draft.tags == nil || stored.tags == draft.tags) && stored.home == draft.home, "written through \(writer)")
                    var copies: [EveryType] = []
                    for (_, reader) in writers {
                        copies.append(try #require(try await EveryType.find(id: stored.id, on: reader)))
                    }
                    for copy in copies {
                        // NaN is not equal to itself: compare those columns by their bits.
                        #expect(copy.single?.bitPattern == stored.single?.bitPattern && copy.doubleValue?.bitPattern == stored.doubleValue?.bitPattern)
                        #expect(copy.amount?.isNaN == stored.amount?.isNaN)
                        var copy = copy
                        var original = stored
                        copy.single = nil
                        copy.doubleValue = nil
                        original.single = nil
                        original.doubleValue = nil
                        if stored.amount?.isNaN == true {
                            copy.amount = nil
                            original.amount = nil
                        }
                        #expect(copy == original, "written through \(writer)")
                    }
                }
            }
            let extreme = try await EveryType.insert(extremeDraft(), on: d.client)
            #expect(extreme.small == .min && extreme.big == .min && extreme.bigSerial == .max)
            #expect(extreme.single == -Float.greatestFiniteMagnitude && extreme.doubleValue == Double.leastNonzeroMagnitude)
            #expect(extreme.amount == Decimal(string: "12345678901234567890.1234567891"))
            #expect(extreme.label == Self.tricky && extreme.note == Self.tricky)
            #expect(extreme.raw == Data((0...255).map(UInt8.init)))
            #expect(extreme.at.microsecondsSince1970 == -2_208_988_800_000_001)
            #expect(extreme.localAt?.microsecondsSince1970 == 4_102_444_800_123_456)
            #expect(extreme.atTime == PGTime(hour: 24, minute: 0, second: 0))
            #expect(extreme.span == PGInterval(months: -14, days: 45, microseconds: -3_600_000_001))
            #expect(extreme.grid == [[1, -2], [3, .max]] && extreme.statuses == [.done3, .default, .inProgress])
            #expect(extreme.doubled == Int64(Int32.max / 2) * 2)

            // The whole table read at once: the same rows through every driver, and the same
            // text bytes for every column (the timestamps in UTC on both sides).
            _ = try await d.libpq.execute("SET TimeZone = 'UTC'", [])
            let all = try await EveryType.fetchAll(on: d.libpq)
            #expect(all.count == 13)
            #expect(try await EveryType.fetchAll(on: d.client).count == all.count)
            let columns = EveryType.columnNames.map { $0 == "home" ? "to_jsonb(home) AS home" : "\"\($0)\"" }.joined(separator: ", ")
            let sql = "SELECT \(columns) FROM every_types ORDER BY id"
            let reference = try await d.libpq.query(sql, [])
            for db in [d.client as any PGExecutor, d.connection] {
                let rows = try await db.query(sql, [])
                #expect(rows.count == reference.count && rows.columnNames == reference.columnNames)
                for row in 0..<reference.count {
                    for column in 0..<reference.storage.columnCount {
                        let mine = rows.storage.value(row: row, column: column).map { Array($0) }
                        let theirs = reference.storage.value(row: row, column: column).map { Array($0) }
                        #expect(mine == theirs, "row \(row) \(reference.columnNames[column])")
                    }
                }
            }
        }
    }

    @Test func insertManyUpdateCountAndErrorsThroughPostgresNIO() async throws {
        try await withDrivers(migrations: Self.fixtures) { d in
            let db = d.client
            #expect(try await EveryType.insertMany(drafts(), on: db) == 4)
            let many = try await EveryType.insert(drafts(), on: db)
            #expect(many.map(\.label) == drafts().map(\.label))
            #expect(try await EveryType.count(on: db) == 8)
            let attacks = ["'; DROP TABLE every_types; --", "$1", "\\'; SELECT 1; --", "}", "{\"a\"}"]
            for attack in attacks {
                let draft = EveryType.Draft(small: 1, flag: true, label: attack, tags: [attack, attack], quantity: 1)
                let stored = try await EveryType.insert(draft, on: d.connection)
                #expect(stored.label == attack && stored.tags == [attack, attack])
                let changed = try await EveryType.update(id: stored.id, set: [.label(attack + attack)], on: db)
                #expect(changed?.label == attack + attack)
            }
            // Errors keep their SQLSTATE; nothing of a failed statement is kept.
            let long = EveryType.Draft(small: 1, flag: true, label: "plain", code: "eleven char", quantity: 1)
            await #expect { try await EveryType.insertMany([sample(), long], on: db) } throws: { ($0 as? PSQLError)?.sqlState == "22001" }
            let negative = EveryType.Draft(small: 1, flag: true, label: "plain", quantity: -1)
            await #expect { try await EveryType.insert(negative, on: d.connection) } throws: { error in
                (error as? PSQLError)?.sqlState == "23514" && (error as? PSQLError)?.constraintName == "positive_int_check"
            }
            #expect(try await EveryType.count(on: db) == 8 + attacks.count)
            // A NUL byte is refused before anything is sent, as through libpq.
            await #expect(throws: PGBindError.self) { try await EveryType.insert(sample(label: "a\u{0}b"), on: db) }
            // An enum label the models do not know: a decoding error naming table, column, text.
            let stored = try await EveryType.insert(sample(), on: db)
            _ = try await db.execute("ALTER TYPE \"Order Status\" ADD VALUE 'archived'", [])
            _ = try await db.execute("UPDATE every_types SET status = 'archived' WHERE id = $1", [stored.id.pgBind])
            await #expect {
                try await EveryType.find(id: stored.id, on: db)
            } throws: { error in
                let error = error as? PGDecodingError
                return error?.table == "every_types" && error?.column == "status" && error?.text == "archived"
            }
        }
    }

    @Test func saasHelpersAndTransactionsOnPostgresClient() async throws {
        try await withDrivers(migrations: Self.saas) { d in
            let client = d.client
            let created = try await client.withTransaction { tx in
                let created = try await SaasClient.insert(.init(name: "Toko Maju", slug: "toko-maju", email: "owner@tokomaju.id"), on: tx)
                try await tx.withTransaction { savepoint in
                    _ = try await SaasClient.update(id: created.id, set: [.name("Toko Baru")], on: savepoint)
                }
                // A savepoint that throws undoes its own work only.
                try? await tx.withTransaction { savepoint in
                    _ = try await SaasClient.update(id: created.id, set: [.name("Lost")], on: savepoint)
                    throw CancellationError()
                }
                // Not committed yet: another connection does not see it.
                #expect(try await SaasClient.find(id: created.id, on: d.libpq) == nil)
                return created
            }
            #expect(try await SaasClient.find(id: created.id, on: client)?.name == "Toko Baru")
            #expect(try await SaasClient.find(id: created.id, on: d.connection) == SaasClient.find(id: created.id, on: d.libpq))

            // A unique violation: SQLSTATE and constraint name; the transaction rolled back.
            await #expect {
                try await client.withTransaction { tx in
                    _ = try await SaasClient.insert(.init(name: "Dua", slug: "dua", email: "dua@example.com"), on: tx)
                    _ = try await SaasClient.insert(.init(name: "Lagi", slug: "toko-maju", email: "lagi@example.com"), on: tx)
                }
            } throws: { error in
                (error as? PSQLError)?.sqlState == "23505" && (error as? PSQLError)?.constraintName == "saas_clients_slug_key"
            }
            #expect(try await SaasClient.find(slug: "dua", on: client) == nil)

            // A caught failure still rolls the transaction back.
            await #expect(throws: PGTransactionAbortedError.self) {
                try await d.connection.withTransaction { tx in
                    _ = try await SaasClient.insert(.init(name: "Tiga", slug: "tiga", email: "tiga@example.com"), on: tx)
                    _ = try? await SaasClient.insert(.init(name: "Lagi", slug: "toko-maju", email: "x@example.com"), on: tx)
                }
            }
            #expect(try await SaasClient.find(slug: "tiga", on: client) == nil)
            // Nothing is left in a transaction on the pool's connections.
            let open = try await d.libpq.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'", [])
            #expect(open[0][0] == "0")

            let drafts = (0..<500).map { SaasClient.Draft(name: "Toko \($0)", slug: "toko-\($0)", email: "o\($0)@example.com") }
            #expect(try await SaasClient.insertMany(drafts, on: client) == 500)
            var slugs = Set<String>()
            for try await row in try SaasClient.SQL.selectAll.stream(on: client) { slugs.insert(row.slug) }
            #expect(slugs.count == 501)

            // 32 tasks at once on the client's pool.
            let ids = try await SaasClient.fetchAll(on: d.libpq).map(\.id)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<32 {
                    group.addTask {
                        for id in ids[(task * 10)..<(task * 10 + 10)] {
                            let found = try await SaasClient.find(id: id, on: client)
                            #expect(found?.id == id)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    /// A transaction whose task is cancelled rolls back, and its connection goes back clean.
    @Test func aCancelledTransactionRollsBackOnPostgresClient() async throws {
        try await withDrivers(migrations: Self.saas) { d in
            let client = d.client
            let (inserted, signal) = AsyncStream.makeStream(of: Void.self)
            let task = Task {
                try await client.withTransaction { tx in
                    _ = try await SaasClient.insert(.init(name: "Batal", slug: "batal", email: "batal@example.com"), on: tx)
                    signal.yield()
                    try await Task.sleep(for: .seconds(60))
                }
            }
            for await _ in inserted { break }
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(try await SaasClient.find(slug: "batal", on: client) == nil)
            let open = try await d.libpq.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'", [])
            #expect(open[0][0] == "0")
            // The client goes on serving.
            #expect(try await SaasClient.insert(.init(name: "Jadi", slug: "jadi", email: "jadi@example.com"), on: client).slug == "jadi")
        }
    }

    /// A real serialization conflict (SQLSTATE 40001) retried on a PostgresClient.
    @Test func retriesASerializationFailureOnPostgresClient() async throws {
        try await withDrivers(migrations: Self.saas) { d in
            _ = try await d.client.execute("CREATE TABLE duty (doctor text, on_call bool)", [])
            _ = try await d.client.execute("INSERT INTO duty VALUES ('a', true), ('b', true)", [])
            let attempts = Mutex(0)
            try await d.client.withTransaction(.init(isolation: .serializable, maxAttempts: 3)) { tx in
                let attempt = attempts.withLock { count in
                    count += 1
                    return count
                }
                let onCall = try await tx.query("SELECT count(*) FROM duty WHERE on_call", [])[0].decode(Int64.self, at: 0)
                if attempt == 1 {
                    // The other doctor goes off call, on another connection, and commits in between.
                    try await d.libpq.withTransaction(.serializable) { other in
                        let count = try await other.query("SELECT count(*) FROM duty WHERE on_call", [])[0].decode(Int64.self, at: 0)
                        if count >= 2 { _ = try await other.execute("UPDATE duty SET on_call = false WHERE doctor = 'b'", []) }
                    }
                }
                if onCall >= 2 {
                    _ = try await tx.execute("UPDATE duty SET on_call = false WHERE doctor = 'a'", [])
                }
            }
            #expect(attempts.withLock { $0 } == 2)
            #expect(try await d.client.query("SELECT string_agg(doctor, ',') FROM duty WHERE on_call", [])[0][0] == "a")
        }
    }
}
