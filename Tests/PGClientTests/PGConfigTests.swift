import Foundation
import PGClient
import PGTestSupport
import Testing

@Suite struct PGConfigTests {
    @Test func readsEveryPartOfAURL() throws {
        let config = try PGConfig(url: "postgresql://app%40corp:p%40ss%3Aw0rd%2F@db.example.com:6543/saas%20db?sslmode=require&application_name=api&x-migrations-table=saas_versions&x-statement-timeout=5000")
        #expect(config.user == "app@corp")
        #expect(config.password == "p@ss:w0rd/")
        #expect(config.host == "db.example.com")
        #expect(config.port == 6543)
        #expect(config.database == "saas db")
        #expect(config.sslMode == "require")
        #expect(config.parameters == ["application_name": "api"])
        #expect(config.toolOptions == ["x-migrations-table": "saas_versions", "x-statement-timeout": "5000"])
        #expect(config.urlPath == "/saas%20db")
    }

    @Test func acceptsBothSchemesIPv6AndSocketHosts() throws {
        #expect(try PGConfig(url: "postgres://u@[::1]:5432/d").host == "::1")
        let socket = try PGConfig(url: "postgresql:///saas?host=/var/run/postgresql")
        #expect(socket.host == "/var/run/postgresql")
        #expect(socket.database == "saas")
        #expect(socket.port == nil)
    }

    @Test(arguments: ["mysql://u:p@h/d", "localhost:5432/db", "postgres://u:p@h:notaport/d"])
    func rejectsWhatIsNotAPostgresURL(url: String) {
        #expect(throws: PGConfigError.self) { try PGConfig(url: url) }
    }

    @Test func neverShowsThePassword() throws {
        let secret = "s3cr3t-Value"
        let config = try PGConfig(url: "postgresql://app:\(secret)@localhost:5432/saas?sslmode=disable")
        #expect(!config.description.contains(secret))
        #expect(config.description == "postgresql://app:***@localhost:5432/saas?sslmode=disable")
        #expect(!"\(config)".contains(secret))
        // A URL that does not parse is not echoed either.
        #expect { try PGConfig(url: "postgresql://app:\(secret)#x@h:99999999/d") } throws: { !"\($0)".contains(secret) }
    }

    @Test func libpqParametersBoundTheConnectTime() throws {
        let parameters = try PGConfig(url: "postgresql://u@h/d").libpqParameters
        #expect(parameters.contains { $0.keyword == "connect_timeout" && $0.value == "10" })
        let custom = try PGConfig(url: "postgresql://u@h/d?connect_timeout=2").libpqParameters
        #expect(custom.filter { $0.keyword == "connect_timeout" }.map(\.value) == ["2"])
    }
}

@Suite struct DotEnvTests {
    @Test func parsesTheUsualForms() throws {
        let values = try DotEnv.parse("""
            # database
            DB_HOST=localhost
            export DB_PORT=5433
            DB_USER = "app user"
            DB_PASSWORD='p#ss word'
            DB_NAME=saas # trailing comment
            EMPTY=

            """)
        #expect(values == ["DB_HOST": "localhost", "DB_PORT": "5433", "DB_USER": "app user", "DB_PASSWORD": "p#ss word", "DB_NAME": "saas", "EMPTY": ""])
    }

    @Test func reportsTheLineOfABadEntry() {
        #expect { try DotEnv.parse("A=1\nnot an assignment\n", path: "/app/.env") } throws: {
            "\($0)".hasPrefix("/app/.env:2:1: error:")
        }
    }

    @Test func environmentThenDotEnvURLThenDotEnvParts() throws {
        let folder = try TemporaryFolder(files: [".env": "DB_HOST=db.internal\nDB_PORT=6000\nDB_USER=app\nDB_PASSWORD=pw\nDB_NAME=saas\nDB_SSLMODE=disable\n"])
        defer { folder.remove() }
        let fromParts = try #require(try PGConfig.fromEnvironment([:], dotEnvDirectory: folder.path))
        #expect(fromParts.config == PGConfig(host: "db.internal", port: 6000, user: "app", password: "pw", database: "saas", sslMode: "disable"))
        #expect(fromParts.source == .dotEnv(path: folder.subpath(".env")))

        try folder.write(".env", "DATABASE_URL=postgres://x@from-dotenv/one\nDB_HOST=ignored\n")
        #expect(try PGConfig.fromEnvironment([:], dotEnvDirectory: folder.path)?.config.host == "from-dotenv")

        let fromEnvironment = try PGConfig.fromEnvironment(["DATABASE_URL": "postgres://x@from-env/two"], dotEnvDirectory: folder.path)
        #expect(fromEnvironment?.config.host == "from-env")
        #expect(fromEnvironment?.source == .environment)
    }

    @Test func nothingConfiguredIsNil() throws {
        let folder = try TemporaryFolder(files: [".env": "OTHER=1\n"])
        defer { folder.remove() }
        #expect(try PGConfig.fromEnvironment([:], dotEnvDirectory: folder.path) == nil)
        let empty = try TemporaryFolder()
        defer { empty.remove() }
        #expect(try PGConfig.fromEnvironment([:], dotEnvDirectory: empty.path) == nil)
    }
}
