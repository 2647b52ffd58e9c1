import Foundation
import PGClient
import PGMigrate
import PGRecord
import PGSchema
import PGTestSupport
import Testing

/// The facts that let a team switch between this tool and golang-migrate in either direction.
@Suite struct GolangMigrateCompatibilityTests {
    @Test func continuesADatabaseThatGolangMigrateMigrated() throws {
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: saasMigrationsPath)
            // What golang-migrate's postgres driver leaves after `up 2`: its own DDL for the table,
            // TRUNCATE then INSERT for the version, and the two files' effects.
            for version in 1...2 {
                let file = try #require(h.migrator.directory.migration(version: Int64(version))?.up)
                try h.connection.execute(try file.read())
            }
            try h.connection.execute("""
                CREATE TABLE IF NOT EXISTS "public"."schema_migrations" (version bigint not null primary key, dirty boolean not null);
                BEGIN; TRUNCATE "public"."schema_migrations"; INSERT INTO "public"."schema_migrations" (version, dirty) VALUES (2, false); COMMIT;
                """)
            try h.migrator.up()
            #expect(h.takeEvents() == ["3/u", "4/u"])
            #expect(try h.migrator.version() == DatabaseVersion(version: 4, dirty: false))
        }
    }

    @Test func leavesTheVersionTableAsGolangMigrateReadsIt() throws {
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: saasMigrationsPath)
            try h.migrator.up(limit: 3)
            let columns = try h.connection.query("""
                SELECT column_name, data_type, is_nullable FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = 'schema_migrations' ORDER BY ordinal_position
                """).map { "\($0[0]!) \($0[1]!) \($0[2]!)" }
            #expect(columns == ["version bigint NO", "dirty boolean NO"])
            #expect(try h.scalar("""
                SELECT pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = 'public.schema_migrations'::regclass AND contype = 'p'
                """) == "PRIMARY KEY (version)")
            // golang-migrate reads `SELECT version, dirty FROM "public"."schema_migrations" LIMIT 1`.
            let rows = try h.connection.query(#"SELECT version, dirty FROM "public"."schema_migrations""#)
            #expect(rows.count == 1)
            #expect(rows.first?[0] == "3")
            #expect(rows.first?[1] == "f")
        }
    }

    @Test func readOnlyUserCanReadTheVersion() throws {
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: saasMigrationsPath)
            try h.migrator.up(limit: 2)
            let role = "reader_\(config.database!)"
            try h.connection.execute("""
                CREATE ROLE \(role) LOGIN; REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                GRANT SELECT ON schema_migrations TO \(role)
                """)
            var readOnly = config
            readOnly.user = role
            let reader = try Harness(readOnly, path: saasMigrationsPath)
            #expect(try reader.migrator.version() == DatabaseVersion(version: 2, dirty: false))
            // Without the table it would have to create it, which this user may not.
            try h.connection.execute("DROP TABLE schema_migrations")
            #expect { try reader.migrator.version() } throws: { "\($0)".contains("creating the version table") }
            try h.connection.execute("DROP OWNED BY \(role); DROP ROLE \(role)")
        }
    }

    @Test func refusesADatabaseThatGolangMigrateLeftDirty() throws {
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: saasMigrationsPath)
            try h.connection.execute("""
                CREATE TABLE "public"."schema_migrations" (version bigint not null primary key, dirty boolean not null);
                INSERT INTO "public"."schema_migrations" (version, dirty) VALUES (3, true);
                """)
            #expect { try h.migrator.up() } throws: { "\($0)" == "Dirty database version 3. Fix and force version." }
            #expect(try h.migrator.version() == DatabaseVersion(version: 3, dirty: true))
            try h.migrator.force(2)
            #expect(try h.migrator.version() == DatabaseVersion(version: 2, dirty: false))
        }
    }

    @Test func lockKeyIsGolangMigratesKey() throws {
        // The CRC-32 check value from the IEEE 802.3 / zlib specification.
        #expect(AdvisoryLock.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(AdvisoryLock.crc32([UInt8]()) == 0)
        // An independent computation with Python's zlib, when Python is there.
        let python = try? run("/usr/bin/env", ["python3", "-c", "import zlib; print((zlib.crc32(b'public\\x00schema_migrations\\x00/saas') * 1486364155) % 2**32)"])
        if let python, python.status == 0 {
            #expect(python.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == String(AdvisoryLock.key(database: "/saas", schema: "public", table: "schema_migrations")))
        }
    }

    @Test func waitsForWhoeverHoldsGolangMigratesLock() throws {
        let folder = try loggingFolder()
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            // Another migrator (golang-migrate, or this tool) holds the lock for this database.
            let other = try PGConnection(config: config)
            let key = AdvisoryLock.key(database: config.urlPath, schema: "public", table: "schema_migrations")
            try other.execute("SELECT pg_advisory_lock(\(key))")
            let h = try Harness(config, path: folder.path)
            #expect { try h.migrator.up() } throws: { "\($0)".contains("can't acquire database lock within 2 s") }
            #expect(try h.scalar("SELECT to_regclass('applied_log') IS NULL") == "t")
            try other.execute("SELECT pg_advisory_unlock(\(key))")
            try h.migrator.up()
            #expect(try h.migrator.version()?.version == 3)
        }
    }
}
