import Foundation
import PGClient

/// Access to the throwaway PostgreSQL that `make test` starts (scripts/with-test-postgres.sh)
/// and announces in `TEST_DATABASE_URL`.
public enum TestPostgres {
    /// The server's maintenance database. Fails, rather than skips, when no server was started:
    /// a database test that silently does nothing proves nothing.
    public static func serverConfig() throws -> PGConfig {
        guard let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty else {
            throw TestSetupError("TEST_DATABASE_URL is not set: run the tests with `make test`, which starts a PostgreSQL for them")
        }
        return try PGConfig(url: url)
    }

    /// Creates a database of its own for one test, runs `body` with its settings, drops it.
    public static func withDatabase<T>(_ body: (PGConfig) throws -> T) throws -> T {
        let server = try serverConfig()
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        let admin = try PGConnection(config: server)
        try admin.execute("CREATE DATABASE \(name)")
        defer { _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        var config = server
        config.database = String(name)
        config.urlPath = "/\(name)"
        return try body(config)
    }

    /// ``withDatabase(_:)`` for a body that awaits.
    public static func withDatabaseAsync<T>(_ body: (PGConfig) async throws -> T) async throws -> T {
        let server = try serverConfig()
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        let admin = try PGConnection(config: server)
        try admin.execute("CREATE DATABASE \(name)")
        var config = server
        config.database = String(name)
        config.urlPath = "/\(name)"
        let result: Result<T, any Error>
        do { result = .success(try await body(config)) } catch { result = .failure(error) }
        // Dropped through the connection's own thread, awaited: `WITH (FORCE)` waits for the
        // database's backends to end, and a backend still sending to a reader in this process must
        // not wait on a task thread that the drop holds (on two cores that hung the test process).
        let drop: String = "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"
        let _: Int? = try? await admin.execute(drop, [])
        return try result.get()
    }

    /// The URL of a database on the test server, as a command line takes it.
    public static func url(_ config: PGConfig, options: String = "") -> String {
        var url = "postgresql://\(config.user ?? "postgres")@\(config.host ?? "127.0.0.1"):\(config.port ?? 5432)/\(config.database ?? "postgres")?sslmode=disable"
        if !options.isEmpty { url += "&" + options }
        return url
    }
}

public struct TestSetupError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A new temporary folder holding `files` (relative path → contents); removed by `remove()`.
public struct TemporaryFolder: Sendable {
    public let path: String

    public init(files: [String: String] = [:]) throws {
        path = NSTemporaryDirectory() + "pg-models-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, contents) in files { try write(name, contents) }
    }

    public func write(_ name: String, _ contents: String) throws {
        let file = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
    }

    public func subpath(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The repository's root folder, found from this source file's location.
public let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The saas migrations as shipped.
public var saasMigrationsPath: String { repositoryRoot + "/migrations/saas" }
