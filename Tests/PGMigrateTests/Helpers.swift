import Foundation
import PGClient
import PGMigrate
import PGRecord
import PGSchema
import PGTestSupport
import Synchronization

/// A migrator on `config` for the folder at `path`, collecting the lines the command would print.
final class Harness: Sendable {
    let connection: PGConnection
    let migrator: Migrator
    let events = Box()

    final class Box: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
    }

    init(_ config: PGConfig, path: String, options: String = "") throws {
        var config = config
        for item in options.split(separator: "&") {
            let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
            config.toolOptions[pair[0]] = pair[1]
        }
        connection = try PGConnection(config: config)
        let events = events
        migrator = Migrator(
            connection: connection, directory: try MigrationDirectory(path: path),
            options: try MigratorOptions(config: config, lockTimeoutSeconds: 2)
        ) { event in
            switch event {
            case .applied(let version, _, let direction, _): events.append("\(version)/\(direction == .up ? "u" : "d")")
            case .noChange: events.append("no change")
            case .outsideTransaction(let version, _, let statement): events.append("\(version) outside a transaction: \(statement)")
            default: break
            }
        }
    }

    /// The events since the last call.
    func takeEvents() -> [String] {
        events.lines.withLock { events in
            defer { events = [] }
            return events
        }
    }

    func scalar(_ sql: String) throws -> String? {
        try connection.query(sql).first?[0]
    }

    /// The current schema's tables, without the migrator's history table (`<version table>_history`,
    /// which StatusAndChecksumTests checks).
    func tables() throws -> [String] {
        try connection.query("""
            SELECT table_name FROM information_schema.tables t
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
              AND NOT (table_name LIKE '%\\_history' AND EXISTS (
                SELECT 1 FROM information_schema.tables v WHERE v.table_schema = t.table_schema
                  AND v.table_name || '_history' = t.table_name))
            ORDER BY 1
            """).map { $0[0] ?? "" }
    }

    /// Everything the catalog says about the current schema's tables, types, constraints,
    /// indexes, triggers, functions and comments, as sorted lines: two equal snapshots mean the
    /// same schema.
    func catalogSnapshot() throws -> [String] {
        let queries = [
            """
            SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                   || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                   || CASE a.attgenerated WHEN 's' THEN ' generated' ELSE '' END
                   || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
                   || ' #' || a.attnum
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """,
            """
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
            """,
            "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()",
            """
            SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE t.typnamespace = current_schema()::regnamespace GROUP BY t.typname
            """,
            """
            SELECT 'trigger ' || tgrelid::regclass || ' ' || pg_get_triggerdef(oid)
            FROM pg_trigger WHERE NOT tgisinternal
            """,
            """
            SELECT 'function ' || p.proname || ' ' || md5(p.prosrc)
            FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
            """,
            """
            SELECT 'comment ' || c.relname || coalesce('.' || a.attname, '') || ' ' || d.description
            FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
            WHERE c.relnamespace = current_schema()::regnamespace
            """,
            """
            SELECT 'type comment ' || t.typname || ' ' || d.description
            FROM pg_description d JOIN pg_type t ON t.oid = d.objoid AND d.classoid = 'pg_type'::regclass
            WHERE t.typnamespace = current_schema()::regnamespace
            """,
        ]
        var lines: [String] = []
        for query in queries {
            lines += try connection.query(query).map { $0[0] ?? "" }
        }
        return lines.sorted()
    }
}

/// A folder of numbered migrations; each entry is (name, up SQL, down SQL or nil).
func migrationsFolder(_ migrations: [(String, String, String?)]) throws -> TemporaryFolder {
    var files: [String: String] = [:]
    for (index, (name, up, down)) in migrations.enumerated() {
        let prefix = String(format: "%06d_%@", index + 1, name)
        files["\(prefix).up.sql"] = up
        if let down { files["\(prefix).down.sql"] = down }
    }
    return try TemporaryFolder(files: files)
}

/// Three small migrations that also write a row to `applied_log` each time one runs, so a test can
/// count how often each was applied.
func loggingFolder(count: Int = 3) throws -> TemporaryFolder {
    var migrations: [(String, String, String?)] = [(
        "create_log",
        "CREATE TABLE applied_log (version int NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());\nINSERT INTO applied_log (version) VALUES (1);",
        "DROP TABLE applied_log;"
    )]
    for version in 2...max(2, count) where version <= count {
        migrations.append((
            "table_\(version)",
            "CREATE TABLE t\(version) (id int PRIMARY KEY);\nINSERT INTO applied_log (version) VALUES (\(version));",
            "DROP TABLE t\(version);"
        ))
    }
    return try migrationsFolder(migrations)
}
