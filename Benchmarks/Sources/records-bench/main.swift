// records-bench DATABASE_URL MIGRATIONS_DIR [ROWS] [ROUNDS]: `make bench` runs it through
// scripts/bench-records.sh. Inserts ROWS (default 100,000) saas_clients rows with the generated
// insert-many helpers and fetches them all back into SaasClient values; in the same run it times
// psql's COPY FROM and COPY TO on the same rows and table (the floor) and the same fetch-and-decode
// through PostgresNIO. Each step runs ROUNDS times (default 3); the median is printed, with rows
// per second and the heap that fetching takes.
import CHeap
import Foundation
import Logging
import NIOPosix
import PGClient
import PGMigrate
import PGSchema
import PostgresNIO
import SaasModels

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: records-bench DATABASE_URL MIGRATIONS_DIR [ROWS] [ROUNDS]")
    exit(2)
}
let url = arguments[1]
let migrations = arguments[2]
let count = arguments.count > 3 ? Int(arguments[3]) ?? 100_000 : 100_000
let rounds = arguments.count > 4 ? Int(arguments[4]) ?? 3 : 3
let config = try PGConfig(url: url)

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// This process's CPU seconds so far (user and system, all threads). The helpers' client-side work
/// is steadier in CPU time than in wall-clock time, which also counts the server and a busy machine.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func psql(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["PSQL"] ?? "/usr/bin/psql")
    process.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", url] + arguments
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw PGConfigError("psql \(arguments.joined(separator: " ")) failed") }
}

func makeDrafts() -> [SaasClient.Draft] {
    (0..<count).map { index in
        SaasClient.Draft(
            name: "Toko \(index)", slug: "toko-\(index)", email: "owner\(index)@example.com", phone: index % 3 == 0 ? nil : "+62812\(index)",
            businessCategory: "retail", address: "Jl. Merdeka \(index), Jakarta", subscriptionPlan: .starter,
            whatsappNumber: "+62857\(String(format: "%08d", index))", settings: ["greeting": "Halo!", "n": .integer(Int64(index))]
        )
    }
}

let db = try PGConnection(config: config)
try Migrator(connection: db, directory: MigrationDirectory(path: migrations), options: MigratorOptions(lockDatabaseName: config.urlPath)).up()
let drafts = makeDrafts()

/// An executor that sends nothing and returns no rows: what the client's work alone is timed on.
struct SendsNothing: PGExecutor {
    final class NoRows: PGResultStorage {
        var rowCount: Int { 0 }
        var columnCount: Int { 0 }
        func columnName(_ column: Int) -> String { "" }
        func columnType(_ column: Int) -> UInt32 { 0 }
        func value(row: Int, column: Int) -> UnsafeRawBufferPointer? { nil }
    }

    func query(_ sql: String, _ binds: [PGBind]) async throws -> PGRows { PGRows(storage: NoRows()) }
    func execute(_ sql: String, _ binds: [PGBind]) async throws -> Int { 0 }
}

// RECORDS_BENCH_PROFILE=fetch|insert|decode|build repeats one step (5 times) for a profiler and
// prints nothing; decode and build are the client's work alone (see below).
if let step = ProcessInfo.processInfo.environment["RECORDS_BENCH_PROFILE"] {
    let result = try db.query(SaasClient.SQL.selectAll.sql, [])
    for _ in 0..<5 {
        if step == "decode" {
            var decoded: [SaasClient] = []
            for row in result { decoded.append(try SaasClient(row: row)) }
        } else if step == "build" {
            _ = try await SaasClient.insertMany(drafts, on: SendsNothing())
        } else if step == "insert" {
            try db.execute("TRUNCATE saas_clients CASCADE")
            _ = try await SaasClient.insertMany(drafts, on: db)
        } else {
            _ = try await SaasClient.fetchAll(on: db)
        }
    }
    exit(0)
}

// Inserting, each round into the emptied table with its indexes and trigger: the helper that only
// counts, psql's COPY FROM of the same rows (as CSV, written once, not timed), and the helper that
// returns the rows as stored and decodes them (more work than COPY does).
let csvPath = NSTemporaryDirectory() + "records-bench-\(getpid()).csv"
let insertedColumns = "name, slug, email, phone, business_category, address, subscription_plan, whatsapp_number, settings"
defer { try? FileManager.default.removeItem(atPath: csvPath) }
var insertTimes: [Double] = []
var copyFromTimes: [Double] = []
var insertReturningTimes: [Double] = []
var insertCPU: [Double] = []
for round in 0..<rounds {
    try db.execute("TRUNCATE saas_clients CASCADE")
    var inserted = 0
    let cpuBefore = cpuSeconds()
    insertTimes.append(try await seconds { inserted = try await SaasClient.insertMany(drafts, on: db) })
    insertCPU.append(cpuSeconds() - cpuBefore)
    precondition(inserted == count)
    if round == 0 { try psql(["-c", "\\copy (SELECT \(insertedColumns) FROM saas_clients) TO '\(csvPath)' CSV"]) }

    try db.execute("TRUNCATE saas_clients CASCADE")
    copyFromTimes.append(try seconds { try psql(["-c", "\\copy saas_clients (\(insertedColumns)) FROM '\(csvPath)' CSV"]) })

    try db.execute("TRUNCATE saas_clients CASCADE")
    var stored: [SaasClient] = []
    insertReturningTimes.append(try await seconds { stored = try await SaasClient.insert(drafts, on: db) })
    precondition(stored.count == count && stored.map(\.slug) == drafts.map(\.slug))
}

// Fetching every row: the helper, PostgresNIO into the same structs, and psql's COPY TO /dev/null.
let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
let logger = Logger(label: "records-bench")
let nio = try await PostgresConnection.connect(
    on: eventLoops.next(),
    configuration: .init(
        host: config.host ?? "127.0.0.1", port: config.port ?? 5432, username: config.user ?? "postgres",
        password: config.password, database: config.database, tls: .disable
    ),
    id: 1, logger: logger
).get()
var fetchTimes: [Double] = []
var nioTimes: [Double] = []
var copyToTimes: [Double] = []
var fetchCPU: [Double] = []
for _ in 0..<rounds {
    var fetched: [SaasClient] = []
    let cpuBefore = cpuSeconds()
    fetchTimes.append(try await seconds { fetched = try await SaasClient.fetchAll(on: db) })
    fetchCPU.append(cpuSeconds() - cpuBefore)
    var nioRows: [SaasClient] = []
    nioTimes.append(try await seconds { nioRows = try await fetchWithPostgresNIO(nio, logger: logger) })
    precondition(fetched.count == count && Set(nioRows.map(\.id)) == Set(fetched.map(\.id)), "PostgresNIO and the helper read different rows")
    copyToTimes.append(try seconds { try psql(["-c", "COPY (SELECT * FROM saas_clients) TO STDOUT"]) })
}
try await nio.close().get()
try await eventLoops.shutdownGracefully()

// The heap (malloc's bytes in use) while fetching: its peak comes when the whole libpq result and
// all the decoded rows are held at once. In a function, so that the result is freed on return.
func heapBytes() -> Double { Double(cheap_heap_in_use()) }
func fetchMeasuringHeap() throws -> (rows: [SaasClient], peak: Double) {
    let rows = try db.query(SaasClient.SQL.selectAll.sql, [])
    var decoded: [SaasClient] = []
    decoded.reserveCapacity(rows.count)
    for row in rows { decoded.append(try SaasClient(row: row)) }
    return withExtendedLifetime(rows) { (decoded, heapBytes()) }
}
let heapBefore = heapBytes()
let (measured, heapPeak) = try fetchMeasuringHeap()
let heapAfter = heapBytes()
precondition(measured.count == count)
// What the decoded values hold: each struct inline, plus the strings, JSON and data it owns.
let decodedBytes = heapAfter - heapBefore
let inlineBytes = Double(MemoryLayout<SaasClient>.stride * count)

// The client's work alone, without the server: decoding the rows of one result already read
// (libpq's, from the real server) and building the insert's statement and binds for an executor
// that sends nothing. The best of 10 runs: the least disturbed by a busy machine, so that a
// change in PGRecord or the generated code shows even when the timings above are noisy.
let result = try db.query(SaasClient.SQL.selectAll.sql, [])
var decodeOnly: [Double] = []
var buildOnly: [Double] = []
for _ in 0..<10 {
    var decoded: [SaasClient] = []
    decoded.reserveCapacity(result.count)
    decodeOnly.append(try seconds { for row in result { decoded.append(try SaasClient(row: row)) } })
    precondition(decoded.count == count)
    buildOnly.append(try await seconds { _ = try await SaasClient.insertMany(drafts, on: SendsNothing()) })
}

func line(_ name: String, _ times: [Double], _ comparison: String = "") -> String {
    let time = median(times)
    return name.padding(toLength: 46, withPad: " ", startingAt: 0) + String(format: "%7.3f s %9.0f rows/s", time, Double(count) / time)
        + (comparison.isEmpty ? "" : "   " + comparison)
}
let (insert, copyFrom, insertReturning) = (median(insertTimes), median(copyFromTimes), median(insertReturningTimes))
let (fetch, nioFetch, copyTo) = (median(fetchTimes), median(nioTimes), median(copyToTimes))
let mb = 1_048_576.0
print("\(count) saas_clients rows (25 columns), PostgreSQL on loopback, median of \(rounds) rounds")
print(line("insert: SaasClient.insertMany(drafts)", insertTimes, String(format: "%.2f× the floor", insert / copyFrom)))
print(line("insert: SaasClient.insert(drafts) → [rows]", insertReturningTimes, String(format: "%.2f× the floor", insertReturning / copyFrom)))
print(line("insert floor: psql \\copy FROM (CSV)", copyFromTimes))
print(line("fetch: SaasClient.fetchAll", fetchTimes, String(format: "%.2f× the floor, %.2f× PostgresNIO's time", fetch / copyTo, fetch / nioFetch)))
print(line("fetch: PostgresNIO 1.33.2, same structs", nioTimes, String(format: "%.2f× the floor", nioFetch / copyTo)))
print(line("fetch floor: psql COPY TO STDOUT", copyToTimes))
print(String(format: "client CPU (median): insertMany %.3f s, fetchAll %.3f s", median(insertCPU), median(fetchCPU)))
print(String(
    format: "client work alone (best of 10): decoding the rows %.3f s, building insertMany's statement %.3f s",
    decodeOnly.min()!, buildOnly.min()!
))
print(String(
    format: "memory: the decoded rows hold %.1f MB (%.1f MB inline, the rest their strings and JSON); fetching peaked at %.1f MB, %.2f× that",
    decodedBytes / mb, inlineBytes / mb, (heapPeak - heapBefore) / mb, (heapPeak - heapBefore) / decodedBytes
))

/// PostgresNIO's rows into SaasClient values, as a backend on it would write the decoding by hand.
/// A function of its own, so that it runs off the main actor (as the helper does). Enums come as
/// text; `settings` (jsonb) is read as text and parsed by the same JSON reader the helper uses.
func fetchWithPostgresNIO(_ nio: PostgresConnection, logger: Logger) async throws -> [SaasClient] {
    let columns = """
        id, name, slug, email, phone, business_category, address, timezone, subscription_plan::text, subscription_status::text, \
        trial_ends_at, subscription_started_at, subscription_ends_at, monthly_message_quota, whatsapp_number, \
        whatsapp_phone_number_id, whatsapp_business_account_id, whatsapp_access_token_encrypted, \
        whatsapp_webhook_verify_token, whatsapp_connected_at, settings, is_active, created_at, updated_at, deleted_at
        """
    var result: [SaasClient] = []
    let rows = try await nio.query(PostgresQuery(unsafeSQL: "SELECT \(columns) FROM saas_clients"), logger: logger)
    for try await row in rows {
        let r = row.makeRandomAccess()
        result.append(SaasClient(
            id: try r[0].decode(UUID.self), name: try r[1].decode(String.self), slug: try r[2].decode(String.self),
            email: try r[3].decode(String.self), phone: try r[4].decode(String?.self), businessCategory: try r[5].decode(String?.self),
            address: try r[6].decode(String?.self), timezone: try r[7].decode(String.self),
            subscriptionPlan: SaasSubscriptionPlan(rawValue: try r[8].decode(String.self))!,
            subscriptionStatus: SaasSubscriptionStatus(rawValue: try r[9].decode(String.self))!,
            trialEndsAt: try r[10].decode(Date?.self), subscriptionStartedAt: try r[11].decode(Date?.self), subscriptionEndsAt: try r[12].decode(Date?.self),
            monthlyMessageQuota: try r[13].decode(Int32.self), whatsappNumber: try r[14].decode(String?.self),
            whatsappPhoneNumberID: try r[15].decode(String?.self), whatsappBusinessAccountID: try r[16].decode(String?.self),
            whatsappAccessTokenEncrypted: try r[17].decode(Data?.self), whatsappWebhookVerifyToken: try r[18].decode(String?.self),
            whatsappConnectedAt: try r[19].decode(Date?.self), settings: try JSONValue(parsing: r[20].decode(String.self)), isActive: try r[21].decode(Bool.self),
            createdAt: try r[22].decode(Date.self), updatedAt: try r[23].decode(Date.self), deletedAt: try r[24].decode(Date?.self)
        ))
    }
    return result
}
