import AppModels
import Foundation
import Hummingbird
import PGClient
import PGMigrate

/// The example service: applies the app's migrations from the binary, then serves JSON routes for
/// clients, their knowledge base, conversations and credits on a pool of connections.
///
/// Configuration comes from the environment: `DATABASE_URL` (else a `.env` file, as for
/// `migrate`), `HOST` (default `127.0.0.1`) and `PORT` (default `8080`).
@main
struct Backend {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config: PGConfig
        do {
            guard let (found, _) = try PGConfig.fromEnvironment() else {
                fail("no database configured: set DATABASE_URL=postgresql://user:password@host:5432/db (or put it in .env)")
            }
            config = found
        } catch {
            fail("\(error)")
        }
        let host = environment["HOST"] ?? "127.0.0.1"
        guard let port = Int(environment["PORT"] ?? "8080") else { fail("PORT=\(environment["PORT"] ?? "") is not a port number") }

        let pool = PGPool(configuration: .init(
            connection: config, minConnections: 1, maxConnections: 8,
            acquireTimeout: .seconds(10), statementTimeout: .seconds(30)
        ))
        defer { pool.close() }

        // Migrations from the binary: replicas that start together apply each one once; a dirty
        // database stops start-up here, with golang-migrate's words.
        do {
            let version = try await AsyncMigrator(migrations: AppMigrations.all, on: pool).up()
            FileHandle.standardOutput.write(Data("database \(config) at version \(version.map { "\($0)" } ?? "none")\n".utf8))
        } catch {
            fail("\(error)")
        }

        let app = Application(
            router: buildRouter(pool: pool),
            configuration: .init(address: .hostname(host, port: port), serverName: "Backend")
        )
        try await app.runService()
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("Backend: \(message)\n".utf8))
        exit(1)
    }
}

/// Every route, behind the middleware that turns errors into JSON.
func buildRouter(pool: PGPool) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ErrorMiddleware())
    router.get("/health") { _, _ in Health(status: "ok") }
    ClientRoutes(pool: pool).add(to: router.group("clients"))
    ConversationRoutes(pool: pool).add(to: router)
    return router
}

struct Health: ResponseEncodable {
    var status: String
}
