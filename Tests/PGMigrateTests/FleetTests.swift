import Foundation
import PGClient
import PGMigrate
import PGRecord
import PGTestSupport
import Testing

/// `migrate up -databases FILE`: fifty databases on the test server, one dirty, one unreachable.
@Suite struct FleetTests {
    @Test func listsReadURLsNamesAndComments() throws {
        let base = try PGConfig(url: "postgresql://app:secret@db.internal:5432/main?sslmode=disable")
        let list = Fleet.parse(list: """
            # tenants
            tenant_a
              postgresql://other@10.0.0.2:5433/tenant_b

            postgresql://bad url
            """, base: base)
        #expect(list.count == 3)
        #expect(list[0].config?.database == "tenant_a")
        #expect(list[0].config?.host == "db.internal")
        #expect(list[0].label == "postgresql://app:***@db.internal:5432/tenant_a?sslmode=disable")
        #expect(list[1].config?.port == 5433)
        #expect(list[2].config == nil)
        #expect(list[2].problem == "line 5 is not a database URL")
        #expect(!list.map(\.label).joined().contains("secret"))
        let noServer = Fleet.parse(list: "tenant_a", base: nil)
        #expect(noServer[0].problem?.contains("no server is configured") == true)
    }

    @Test func fiftyDatabasesOneDirtyOneUnreachable() throws {
        let server = try TestPostgres.serverConfig()
        let admin = try PGConnection(config: server)
        let prefix = "fleet_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(8)
        let names = (1...49).map { String(format: "%@_%02d", String(prefix), $0) }
        defer {
            for name in names { _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        }
        for name in names { try admin.execute("CREATE DATABASE \(name)") }
        func config(_ name: String) -> PGConfig {
            var config = server
            config.database = name
            config.urlPath = "/\(name)"
            return config
        }
        // One is dirty (a no-transaction file failed there under golang-migrate) …
        let dirty = try PGConnection(config: config(names[9]))
        try dirty.execute("CREATE TABLE schema_migrations (version bigint not null primary key, dirty boolean not null); INSERT INTO schema_migrations VALUES (2, true)")
        // … and one is already current.
        _ = try migrate(["-path", saasMigrationsPath, "-database", TestPostgres.url(config(names[20])), "up"])

        // Half the list as URLs, half as names on the -database server; one entry nobody listens on.
        var lines = ["# the tenants"]
        for (index, name) in names.enumerated() {
            lines.append(index.isMultiple(of: 2) ? name : TestPostgres.url(config(name)))
        }
        lines.insert("postgresql://postgres@127.0.0.1:1/unreachable?sslmode=disable&connect_timeout=2", at: 30)
        let folder = try TemporaryFolder(files: ["tenants.txt": lines.joined(separator: "\n") + "\n"])
        defer { folder.remove() }

        let first = try migrate([
            "-path", saasMigrationsPath, "-database", TestPostgres.url(server), "-databases", folder.subpath("tenants.txt"),
            "-parallel", "8", "up",
        ])
        #expect(first.status == 1)
        #expect(first.stdout.contains("50 databases: 47 migrated, 1 already current, 2 failed"), "\(first.all)")
        #expect(first.stdout.contains("/\(names[9])?sslmode=disable: FAILED: Dirty database version 2. Fix and force version."))
        #expect(first.stdout.contains("127.0.0.1:1/unreachable?sslmode=disable&connect_timeout=2: FAILED: cannot connect"))
        #expect(first.stdout.contains("/\(names[20])?sslmode=disable: already current (4)"))
        #expect(first.stdout.contains("/\(names[0])?sslmode=disable: migrated none → 4 (4 files)"))
        // Every other database is migrated, with its history, whatever failed beside it.
        for (index, name) in names.enumerated() where index != 9 {
            let db = try PGConnection(config: config(name))
            #expect(try db.query("SELECT version::text || dirty::text FROM schema_migrations").first?[0] == "4false", "\(name)")
            #expect(try db.query("SELECT count(*) FROM schema_migrations_history WHERE direction = 'up'").first?[0] == "4", "\(name)")
        }
        // The dirty one was not touched.
        #expect(try dirty.query("SELECT version::text || dirty::text FROM schema_migrations").first?[0] == "2true")
        #expect(try dirty.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").first?[0] == "1")

        // status over the same list says where each stands.
        let status = try migrate([
            "-path", saasMigrationsPath, "-database", TestPostgres.url(server), "-databases", folder.subpath("tenants.txt"), "status",
        ])
        #expect(status.status == 1)
        #expect(status.stdout.contains("50 databases: 48 current, 1 with pending migrations, 1 dirty or with changed or missing files, 1 unreadable"), "\(status.all)")
        #expect(status.stdout.contains("/\(names[9])?sslmode=disable: at 2 (dirty), 2 pending"))

        // Repaired, a rerun of the same command finishes the job.
        try dirty.execute("DELETE FROM schema_migrations")
        let second = try migrate([
            "-path", saasMigrationsPath, "-database", TestPostgres.url(server), "-databases", folder.subpath("tenants.txt"), "up",
        ])
        #expect(second.stdout.contains("50 databases: 1 migrated, 48 already current, 1 failed"), "\(second.all)")
        #expect(second.stdout.contains("/\(names[9])?sslmode=disable: migrated none → 4 (4 files)"))
    }

    @Test func databasesFromAQueryAndTheOldEntryPoint() throws {
        let server = try TestPostgres.serverConfig()
        let admin = try PGConnection(config: server)
        let prefix = "fleetq_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(8)
        let names = (1...3).map { "\(prefix)_\($0)" }
        defer { for name in names { _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") } }
        for name in names { try admin.execute("CREATE DATABASE \(name)") }
        let query = "SELECT datname FROM pg_database WHERE datname LIKE '\(prefix)%' ORDER BY 1"
        let result = try migrate(
            ["-module=saas", "-cmd=up", "-databases-query", query, "-parallel", "2"],
            in: repositoryRoot, environment: ["DATABASE_URL": TestPostgres.url(server)]
        )
        #expect(result.status == 0, "\(result.all)")
        #expect(result.stdout.hasSuffix("3 databases: 3 migrated, 0 already current, 0 failed\n"))
        let other = try migrate(["-module=saas", "-databases-query", query, "version"], in: repositoryRoot, environment: ["DATABASE_URL": TestPostgres.url(server)])
        #expect(other.status != 0)
        #expect(other.stderr.contains("-databases and -databases-query work with up and status only"))
    }
}
