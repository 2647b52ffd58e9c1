// find-bench DATABASE_URL MIGRATIONS_DIR [SECONDS] [TASKS] [ROWS]: `make bench` runs it through
// scripts/bench-find.sh, which then runs pgbench against the same server.
//
// TASKS (default 64) concurrent tasks each look up random saas_clients rows by primary key for
// SECONDS (default 10), after a one-second warm-up, through:
//   1. PGPool with 8 connections and the generated `SaasClient.find(id:)`;
//   2. PostgresNIO's PostgresClient with 8 connections and hand-written decoding into SaasClient
//      (what a team on PostgresNIO writes without the models);
//   3. the same PostgresClient running the generated `SaasClient.find(id:)` (PGPostgresNIO).
// Prints lookups per second and the median and 99th-percentile latency of each.
import Foundation
import Logging
import PGClient
import PGMigrate
import PGSchema
import PGPostgresNIO
import PostgresNIO
import SaasModels

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: find-bench DATABASE_URL MIGRATIONS_DIR [SECONDS] [TASKS] [ROWS]")
    exit(2)
}
let config = try PGConfig(url: arguments[1])
let duration = arguments.count > 3 ? Double(arguments[3]) ?? 10 : 10
let tasks = arguments.count > 4 ? Int(arguments[4]) ?? 64 : 64
let rowCount = arguments.count > 5 ? Int(arguments[5]) ?? 10_000 : 10_000

// MARK: - Set-up: ROWS clients (slug toko-N, which pgbench's script looks up).

let setup = try PGConnection(config: config)
try Migrator(connection: setup, directory: MigrationDirectory(path: arguments[2]), options: MigratorOptions(lockDatabaseName: config.urlPath)).up()
if try setup.query("SELECT count(*) FROM saas_clients")[0].decode(Int64.self, at: 0) != rowCount {
    try setup.execute("TRUNCATE saas_clients CASCADE")
    try setup.update("""
        INSERT INTO saas_clients (name, slug, email, phone, business_category, address, subscription_plan, whatsapp_number, settings)
        SELECT 'Toko ' || g, 'toko-' || g, 'owner' || g || '@example.com',
               CASE WHEN g % 3 = 0 THEN NULL ELSE '+62812' || g END, 'retail', 'Jl. Merdeka ' || g || ', Jakarta',
               'starter', '+62857' || lpad(g::text, 8, '0'), jsonb_build_object('greeting', 'Halo!', 'n', g)
        FROM generate_series(1, $1::int) g
        """, [Int32(rowCount).pgBind])
    try setup.execute("VACUUM ANALYZE saas_clients")
}
let ids = try setup.query("SELECT id FROM saas_clients").map { try $0.decode(UUID.self, at: 0) }
setup.close()

// MARK: - The measure

struct Result {
    var lookups: Int
    var seconds: Double
    var latencies: [Double]  // milliseconds, sorted

    func percentile(_ p: Double) -> Double {
        latencies.isEmpty ? .nan : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
    }
}

/// TASKS tasks calling `lookup` with random ids: a warm-up second, then SECONDS measured.
func measure(_ lookup: @escaping @Sendable (UUID) async throws -> Void) async throws -> Result {
    let ids = ids
    func run(for seconds: Double, record: Bool) async throws -> Result {
        let start = ContinuousClock.now
        let end = start + .milliseconds(Int(seconds * 1000))
        let perTask = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<tasks {
                group.addTask {
                    var latencies: [Double] = []
                    latencies.reserveCapacity(record ? 100_000 : 0)
                    var generator = SystemRandomNumberGenerator()
                    while ContinuousClock.now < end {
                        let id = ids[Int.random(in: 0..<ids.count, using: &generator)]
                        let before = ContinuousClock.now
                        try await lookup(id)
                        let took = ContinuousClock.now - before
                        if record { latencies.append(Double(took.components.seconds) * 1000 + Double(took.components.attoseconds) / 1e15) }
                    }
                    return latencies
                }
            }
            var all: [[Double]] = []
            for try await latencies in group { all.append(latencies) }
            return all
        }
        let elapsed = ContinuousClock.now - start
        let latencies = perTask.flatMap { $0 }.sorted()
        return Result(lookups: latencies.count, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, latencies: latencies)
    }
    _ = try await run(for: 1, record: false)
    return try await run(for: duration, record: true)
}

func report(_ name: String, _ result: Result) {
    print(
        name.padding(toLength: 58, withPad: " ", startingAt: 0)
            + String(format: "%8.0f lookups/s   p50 %6.2f ms   p99 %6.2f ms", Double(result.lookups) / result.seconds, result.percentile(0.5), result.percentile(0.99))
    )
}

print("\(tasks) tasks, random saas_clients rows by primary key (\(ids.count) rows), \(Int(duration)) s each after a 1 s warm-up")

// 1. PGPool, the generated helper.
let pool = PGPool(configuration: .init(connection: config, minConnections: 8, maxConnections: 8))
let poolResult = try await measure { id in
    guard try await SaasClient.find(id: id, on: pool) != nil else { fatalError("row \(id) not found") }
}
pool.close()
report("PGPool (8 connections), SaasClient.find(id:)", poolResult)

// 2 and 3. PostgresNIO.
let logger = Logger(label: "find-bench")
var clientConfig = PostgresClient.Configuration(
    host: config.host ?? "127.0.0.1", port: config.port ?? 5432, username: config.user ?? "postgres",
    password: config.password, database: config.database, tls: .disable
)
clientConfig.options.minimumConnections = 8
clientConfig.options.maximumConnections = 8
let client = PostgresClient(configuration: clientConfig, backgroundLogger: logger)
let columns = SaasClient.columnNames.joined(separator: ", ")
try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { await client.run() }
    let handWritten = try await measure { id in
        guard try await findWithPostgresNIO(client, id: id, logger: logger) != nil else { fatalError("row \(id) not found") }
    }
    report("PostgresClient (8 connections), hand-written decoding", handWritten)
    let adapter = try await measure { id in
        guard try await SaasClient.find(id: id, on: client) != nil else { fatalError("row \(id) not found") }
    }
    report("PostgresClient (8 connections), SaasClient.find(id:)", adapter)
    group.cancelAll()
}

/// One row into a SaasClient, as a backend on PostgresNIO would write it by hand: enums read as
/// text, `settings` (jsonb) as text parsed by the same JSON reader the helper uses.
@Sendable func findWithPostgresNIO(_ client: PostgresClient, id: UUID, logger: Logger) async throws -> SaasClient? {
    let sql = """
        SELECT id, name, slug, email, phone, business_category, address, timezone, subscription_plan::text, subscription_status::text, \
        trial_ends_at, subscription_started_at, subscription_ends_at, monthly_message_quota, whatsapp_number, \
        whatsapp_phone_number_id, whatsapp_business_account_id, whatsapp_access_token_encrypted, \
        whatsapp_webhook_verify_token, whatsapp_connected_at, settings::text, is_active, created_at, updated_at, deleted_at \
        FROM saas_clients WHERE id = \(id)
        """ as PostgresQuery
    let rows = try await client.query(sql, logger: logger)
    for try await row in rows {
        let r = row.makeRandomAccess()
        return SaasClient(
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
        )
    }
    return nil
}
