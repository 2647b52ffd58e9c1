import Foundation
import Logging
import PGClient
import PGMigrate
import PGSchema
import PGPostgresNIO
import PostgresNIO
import Testing

/// The repository's root, for its migrations.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<5 { url.deleteLastPathComponent() }
    return url.path
}()

struct SetupError: Error, CustomStringConvertible {
    var description: String
}

/// The throwaway PostgreSQL that scripts/with-test-postgres.sh starts. Fails, never skips.
func serverConfig() throws -> PGConfig {
    guard let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty else {
        throw SetupError(description: "TEST_DATABASE_URL is not set: run these tests through scripts/with-test-postgres.sh (make test does)")
    }
    return try PGConfig(url: url)
}

/// Both drivers on one new database with `migrations` applied: libpq (the reference), a running
/// `PostgresClient`, and a `PostgresConnection`. The database is dropped afterwards.
struct Drivers: Sendable {
    let libpq: PGConnection
    let client: PostgresClient
    let connection: PostgresConnection
    let config: PGConfig
}

func withDrivers(migrations: String, _ body: (Drivers) async throws -> Void) async throws {
    let server = try serverConfig()
    let admin = try await PGConnection.connect(config: server)
    let name = "nio_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
    _ = try await admin.execute("CREATE DATABASE \(name)", [])
    var config = server
    config.database = String(name)
    config.urlPath = "/\(name)"
    let result: Result<Void, any Error>
    do {
        let libpq = try await PGConnection.connect(config: config)
        try Migrator(connection: libpq, directory: MigrationDirectory(path: migrations), options: MigratorOptions(lockDatabaseName: config.urlPath)).up()
        let nioConfig = PostgresConnection.Configuration(
            host: config.host ?? "127.0.0.1", port: config.port ?? 5432, username: config.user ?? "postgres",
            password: config.password, database: config.database, tls: .disable
        )
        let client = PostgresClient(configuration: PostgresClient.Configuration(
            host: nioConfig.host ?? "127.0.0.1", port: config.port ?? 5432, username: config.user ?? "postgres",
            password: config.password, database: config.database, tls: .disable
        ))
        let connection = try await PostgresConnection.connect(configuration: nioConfig, id: 1, logger: Logger(label: "test"))
        result = await Result {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                try await body(Drivers(libpq: libpq, client: client, connection: connection, config: config))
            }
        }
        try? await connection.close()
        libpq.close()
    } catch {
        result = .failure(error)
    }
    let _: Int? = try? await admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", [])
    admin.close()
    try result.get()
}

extension Result where Success == Void, Failure == any Error {
    init(_ body: () async throws -> Void) async {
        do {
            try await body()
            self = .success(())
        } catch {
            self = .failure(error)
        }
    }
}
