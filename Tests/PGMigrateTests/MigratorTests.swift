import Foundation
import PGClient
import PGMigrate
import PGSchema
import PGTestSupport
import Testing

@Suite struct MigratorTests {
    @Test func upAllThenDownAllLeavesNothingBehind() throws {
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: saasMigrationsPath)
            #expect(try h.migrator.version() == nil)
            try h.migrator.up()
            #expect(h.takeEvents() == ["1/u", "2/u", "3/u", "4/u"])
            #expect(try h.migrator.version() == DatabaseVersion(version: 4, dirty: false))
            #expect(try h.tables() == [
                "saas_clients", "saas_conversations", "saas_credit_transactions", "saas_credits",
                "saas_knowledge_base", "saas_messages", "schema_migrations",
            ])
            try h.migrator.up()
            #expect(h.takeEvents() == ["no change"])

            try h.migrator.down()
            #expect(h.takeEvents() == ["4/d", "3/d", "2/d", "1/d"])
            #expect(try h.migrator.version() == nil)
            #expect(try h.tables() == ["schema_migrations"])
            #expect(try h.scalar("SELECT count(*) FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype = 'e'") == "0")
            #expect(try h.scalar("SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace") == "0")
            #expect(try h.scalar("SELECT count(*) FROM schema_migrations") == "0")
        }
    }

    @Test func saasUpDownUpLeavesTheSameCatalog() throws {
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: saasMigrationsPath)
            try h.migrator.up()
            let first = try h.catalogSnapshot()
            #expect(first.count > 150)
            #expect(first.contains("enum saas_knowledge_entry_type faq,product,service,policy"))
            try h.migrator.down()
            let emptied = try h.catalogSnapshot()
            #expect(emptied.allSatisfy { $0.contains("schema_migrations") })
            try h.migrator.up()
            #expect(try h.catalogSnapshot() == first)
            // And every down file undoes its up exactly: one step down and up again changes nothing.
            for _ in 1...4 {
                try h.migrator.down(limit: 1)
            }
            try h.migrator.up()
            #expect(try h.catalogSnapshot() == first)
        }
    }

    @Test func stepsUpAndDown() throws {
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: saasMigrationsPath)
            try h.migrator.up(limit: 2)
            #expect(try h.migrator.version()?.version == 2)
            try h.migrator.up(limit: 1)
            #expect(try h.migrator.version()?.version == 3)
            try h.migrator.down(limit: 2)
            #expect(try h.migrator.version()?.version == 1)
            #expect(h.takeEvents() == ["1/u", "2/u", "3/u", "3/d", "2/d"])
            // Asking for more steps than there are does what it can, then says so.
            #expect { try h.migrator.up(limit: 5) } throws: { "\($0)" == "error: limit 5 short by 2" }
            #expect(try h.migrator.version()?.version == 4)
            try h.migrator.up(limit: 1)
            #expect(h.takeEvents() == ["2/u", "3/u", "4/u", "no change"])
        }
    }

    @Test func gotoBothWays() throws {
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: saasMigrationsPath)
            try h.migrator.goto(3)
            #expect(try h.migrator.version()?.version == 3)
            try h.migrator.goto(1)
            #expect(try h.migrator.version()?.version == 1)
            try h.migrator.goto(1)
            try h.migrator.goto(4)
            #expect(h.takeEvents() == ["1/u", "2/u", "3/u", "3/d", "2/d", "no change", "2/u", "3/u", "4/u"])
            #expect { try h.migrator.goto(7) } throws: { "\($0)".contains("has no migration with version 7") }
        }
    }

    @Test func forceRecordsAVersionWithoutRunningAnything() throws {
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: saasMigrationsPath)
            try h.migrator.force(2)
            #expect(try h.migrator.version() == DatabaseVersion(version: 2, dirty: false))
            #expect(try h.tables() == ["schema_migrations"])
            try h.migrator.force(-1)
            #expect(try h.migrator.version() == nil)
            #expect(try h.scalar("SELECT count(*) FROM schema_migrations") == "0")
            // A version the folder does not know stops up and down with a clear message.
            try h.migrator.force(9)
            #expect { try h.migrator.up() } throws: { "\($0)".contains("the database is at version 9, but") }
        }
    }

    @Test func failedMigrationLeavesTheDatabaseAsItWas() throws {
        let folder = try migrationsFolder([
            ("one", "CREATE TABLE one (id int);", "DROP TABLE one;"),
            ("two", "CREATE TABLE two (id int);\nINSERT INTO two VALUES (1);\n\nALTER TABLE two\n    ADD COLUMN x nosuchtype;\n", "DROP TABLE two;"),
            ("three", "CREATE TABLE three (id int);", "DROP TABLE three;"),
        ])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            #expect {
                try h.migrator.up()
            } throws: { error in
                let text = "\(error)"
                return text.hasPrefix(folder.subpath("000002_two.up.sql") + ":5:18: error: migration failed: type \"nosuchtype\" does not exist (SQLSTATE 42704)")
                    && text.contains("unchanged at version 1")
            }
            #expect(try h.migrator.version() == DatabaseVersion(version: 1, dirty: false))
            #expect(try h.tables() == ["one", "schema_migrations"])
        }
    }

    @Test func errorsWithoutAServerPositionStillNameTheFile() throws {
        let folder = try migrationsFolder([("fk", "CREATE TABLE two (id int);\nALTER TABLE two ADD COLUMN x int REFERENCES nowhere (id);\n", nil)])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            #expect { try h.migrator.up() } throws: { error in
                "\(error)".hasPrefix(folder.subpath("000001_fk.up.sql") + ": error: migration failed: relation \"nowhere\" does not exist (SQLSTATE 42P01)")
                    && "\(error)".contains("unchanged, with no migration applied")
            }
            #expect(try h.tables() == ["schema_migrations"])
        }
    }

    @Test func serverPositionsBecomeLinesAndColumns() throws {
        let folder = try migrationsFolder([("bad", "-- a comment line\nCREATE TABLE ok (id int);\nSELECT é, nosuch FROM ok;\n", nil)])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            #expect { try h.migrator.up() } throws: { error in
                // Column counts characters, so the é before the error counts once.
                "\(error)".hasPrefix(folder.subpath("000001_bad.up.sql") + ":3:8: error: migration failed: column \"é\" does not exist")
            }
        }
    }

    @Test func noTransactionFileFollowsTheDirtyProtocol() throws {
        let folder = try migrationsFolder([
            ("table", "CREATE TABLE items (id int, name text);", "DROP TABLE items;"),
            ("index", "-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY items_name_idx ON items (name);\nCREATE INDEX CONCURRENTLY items_bad_idx ON items (nosuch);\n", "-- migrate:no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS items_name_idx;"),
        ])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            #expect { try h.migrator.up() } throws: { error in
                let text = "\(error)"
                // The server gives no position for this error; the failing statement's start is the location.
                return text.hasPrefix(folder.subpath("000002_index.up.sql") + ":3:1: error: migration failed: column \"nosuch\" does not exist")
                    && text.contains("marked dirty")
            }
            // The first statement ran outside a transaction and stays; the version is dirty.
            #expect(try h.migrator.version() == DatabaseVersion(version: 2, dirty: true))
            #expect(try h.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'items_name_idx'") == "1")
            #expect { try h.migrator.up() } throws: { "\($0)" == "Dirty database version 2. Fix and force version." }
            #expect { try h.migrator.down() } throws: { "\($0)" == "Dirty database version 2. Fix and force version." }

            // Fix by hand, then force the version it is really at, then go on.
            try folder.write("000002_index.up.sql", "-- migrate:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS items_name_idx ON items (name);\n")
            try h.migrator.force(1)
            let fixed = try Harness(config, path: folder.path)
            try fixed.migrator.up()
            #expect(try fixed.migrator.version() == DatabaseVersion(version: 2, dirty: false))
            try fixed.migrator.down(limit: 1)
            #expect(try fixed.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'items_name_idx'") == "0")
        }
    }

    @Test func missingDownFileStopsBeforeAnythingChanges() throws {
        let folder = try migrationsFolder([
            ("one", "CREATE TABLE one (id int);", nil),
            ("two", "CREATE TABLE two (id int);", "DROP TABLE two;"),
        ])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            try h.migrator.up()
            #expect { try h.migrator.down() } throws: { "\($0)".contains("has no down file for version 1") }
            #expect(try h.migrator.version()?.version == 2)
            #expect(try h.tables() == ["one", "schema_migrations", "two"])
        }
    }

    @Test func statementTimeoutAndCustomTableFromURLOptions() throws {
        let folder = try migrationsFolder([
            ("fast", "CREATE TABLE fast (id int);", "DROP TABLE fast;"),
            ("slow", "SELECT pg_sleep(5);", nil),
        ])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path, options: "x-migrations-table=saas_versions&x-statement-timeout=200")
            #expect { try h.migrator.up() } throws: { "\($0)".contains("canceling statement due to statement timeout") }
            #expect(try h.tables() == ["fast", "saas_versions"])
            #expect(try h.scalar("SELECT version FROM saas_versions") == "1")
        }
    }

    @Test func dropRemovesEverythingSoUpCanStartOver() throws {
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: saasMigrationsPath)
            try h.connection.execute("CREATE EXTENSION IF NOT EXISTS citext")
            try h.migrator.up()
            try h.migrator.drop()
            #expect(try h.tables() == [])
            #expect(try h.scalar("SELECT count(*) FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype IN ('e', 'c', 'd') AND typrelid = 0") == "0")
            // Objects that belong to an extension are left to it.
            #expect(try h.scalar("SELECT count(*) FROM pg_type WHERE typname = 'citext'") == "1")
            #expect(try h.migrator.version() == nil)
            try h.migrator.up()
            #expect(try h.migrator.version()?.version == 4)
        }
    }

    @Test func fileThatCommitsItselfStillRecordsItsVersion() throws {
        let folder = try migrationsFolder([("own_tx", "BEGIN;\nCREATE TABLE own (id int);\nCOMMIT;\n", "DROP TABLE own;")])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            try h.migrator.up()
            #expect(try h.migrator.version() == DatabaseVersion(version: 1, dirty: false))
            #expect(try h.tables() == ["own", "schema_migrations"])
        }
    }
}
