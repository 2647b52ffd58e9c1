import PGClient
import PGMigrate
import PGRecord
import PGSchema
import PGTestSupport
import Testing

/// Files that golang-migrate applies although they hold statements PostgreSQL refuses inside a
/// transaction block, and down runs that would pass versions without a down file.
@Suite struct TransactionBlockTests {
    @Test(arguments: [
        ("CREATE INDEX CONCURRENTLY i ON t (a);", "CREATE INDEX CONCURRENTLY"),
        ("create unique index concurrently if not exists i on t (a)", "CREATE INDEX CONCURRENTLY"),
        ("-- tidy up\nDROP INDEX CONCURRENTLY IF EXISTS i;", "DROP INDEX CONCURRENTLY"),
        ("REINDEX (VERBOSE) TABLE CONCURRENTLY t;", "REINDEX CONCURRENTLY"),
        ("VACUUM ANALYZE t;", "VACUUM"),
        ("ALTER SYSTEM SET work_mem = '8MB';", "ALTER SYSTEM"),
        ("CREATE DATABASE other;", "CREATE DATABASE"),
        ("DROP DATABASE other;", "DROP DATABASE"),
        ("REINDEX DATABASE app;", "REINDEX DATABASE"),
        ("ALTER TABLE p DETACH PARTITION p_2024 CONCURRENTLY;", "ALTER TABLE … DETACH PARTITION … CONCURRENTLY"),
        ("CREATE TABLESPACE fast LOCATION '/ssd';", "CREATE TABLESPACE"),
        ("DROP SUBSCRIPTION s;", "DROP SUBSCRIPTION"),
        ("CREATE TABLE t (id int);\nvacuum (analyze) t;", "VACUUM"),
    ])
    func detectsStatementsRefusedInATransaction(sql: String, statement: String) {
        #expect(TransactionBlock.firstRefusedStatement(in: sql) == statement)
    }

    @Test(arguments: [
        "CREATE INDEX i ON t (a);",
        "COMMENT ON TABLE t IS 'CREATE INDEX CONCURRENTLY is not run here';",
        "CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ VACUUM $$;",
        "-- VACUUM t;\nSELECT 1;",
        "REFRESH MATERIALIZED VIEW CONCURRENTLY v;",
        "ALTER TABLE p DETACH PARTITION p_2024;",
        "CREATE TABLE concurrently (id int);",
        "DROP TABLE database;",
    ])
    func leavesOtherStatementsInTheTransaction(sql: String) {
        #expect(TransactionBlock.firstRefusedStatement(in: sql) == nil)
    }

    @Test func aConcurrentIndexFileRunsOutsideATransactionWithoutTheMarker() throws {
        let folder = try migrationsFolder([
            ("table", "CREATE TABLE t (a int);", "DROP TABLE t;"),
            ("index", "CREATE INDEX CONCURRENTLY t_a_idx ON t (a);", "DROP INDEX CONCURRENTLY t_a_idx;"),
            ("vacuum", "VACUUM ANALYZE t;", "SELECT 1;"),
        ])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            try h.migrator.up()
            #expect(h.takeEvents() == [
                "1/u", "2 outside a transaction: CREATE INDEX CONCURRENTLY", "2/u", "3 outside a transaction: VACUUM", "3/u",
            ])
            #expect(try h.migrator.version().map { "\($0)" } == "3")
            #expect(try h.connection.query("SELECT indexname FROM pg_indexes WHERE tablename = 't'").map { $0[0] } == ["t_a_idx"])
            try h.migrator.down(limit: 2)
            #expect(try h.connection.query("SELECT indexname FROM pg_indexes WHERE tablename = 't'").isEmpty)
            #expect(try h.migrator.version().map { "\($0)" } == "1")
        }
    }

    @Test func downListsEveryVersionWithoutADownFileAndRunsNothing() throws {
        let folder = try migrationsFolder([
            ("one", "CREATE TABLE one (id int);", nil),
            ("two", "CREATE TABLE two (id int);", "DROP TABLE two;"),
            ("three", "CREATE TABLE three (id int);", nil),
        ])
        defer { folder.remove() }
        try TestPostgres.withDatabase { config in
            let h = try Harness(config, path: folder.path)
            try h.migrator.up()
            #expect { try h.migrator.down() } throws: { "\($0)".contains("has no down file for versions 3, 1, so they cannot be rolled back; nothing was run") }
            #expect(try h.migrator.version().map { "\($0)" } == "3")
            #expect(try h.tables() == ["one", "schema_migrations", "three", "two"])
        }
    }
}
