import Foundation
import PGCatalog
import PGClient
import PGRecord
import PGSchema

/// The outcome of checking one migration's down file on a real database.
public struct DownFileCheck: Sendable, Equatable {
    /// The migration's version.
    public var version: Int64
    /// The migration's name (`create_app_todos`).
    public var name: String
    /// What differs between the catalog before the up file and after the down file; empty when
    /// the down file undid the up file exactly.
    public var differences: [String]
    /// The migration has no down file, so nothing was checked.
    public var noDownFile: Bool
}

/// The catalog through the migrator's connection.
struct ConnectionCatalogSource: CatalogSource {
    let connection: PGConnection

    func rows(_ sql: String) throws -> [[String?]] {
        try connection.query(sql).map { row in (0..<row.columnCount).map { row[$0] } }
    }
}

extension Migrator {
    /// `migrate verify`: for each migration in order, apply its up file, read the catalog, apply
    /// its down file, compare with the catalog before the up file (it must be identical), then
    /// apply the up file again. Stops at the first down file that does not undo its up file.
    ///
    /// Only for a throwaway database: it must have no migration applied (the command creates a
    /// database of its own for it).
    public func verifyDownFiles(progress: (DownFileCheck) -> Void = { _ in }) throws(MigrateError) -> [DownFileCheck] {
        if let current = try version(), current.version >= 0 {
            throw .database(PGError(kind: .client, message: "the database is at version \(current); verify runs every up and down file and needs a database with no migration applied"), doing: "verifying down files")
        }
        var checks: [DownFileCheck] = []
        for migration in directory.migrations where migration.up != nil {
            let before = try snapshot()
            try up(limit: 1)
            guard migration.down != nil else {
                let check = DownFileCheck(version: migration.version, name: migration.name, differences: [], noDownFile: true)
                checks.append(check)
                progress(check)
                continue
            }
            try down(limit: 1)
            let after = try snapshot()
            let differences = Self.differences(before: before, after: after)
            let check = DownFileCheck(version: migration.version, name: migration.name, differences: differences, noDownFile: false)
            checks.append(check)
            progress(check)
            if !differences.isEmpty { break }
            try up(limit: 1)
        }
        return checks
    }

    struct CatalogState {
        var schema: SchemaSnapshot
        /// Functions, triggers, sequences, policies and view definitions: what the schema
        /// snapshot leaves out, one line each.
        var extras: Set<String>
    }

    func snapshot() throws(MigrateError) -> CatalogState {
        let source = ConnectionCatalogSource(connection: connection)
        do {
            let schema = try CatalogReader(source: source, migrationsTable: options.migrationsTable).read()
            let user = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'"
            let queries = [
                """
                SELECT 'function ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || md5(pg_get_functiondef(p.oid))
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE \(user) AND p.prokind IN ('f', 'p')
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
                """,
                """
                SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND \(user)
                """,
                """
                SELECT 'sequence ' || n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'S' AND \(user)
                """,
                """
                SELECT 'view ' || n.nspname || '.' || c.relname || ': ' || pg_get_viewdef(c.oid) FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND \(user)
                """,
                """
                SELECT 'policy ' || schemaname || '.' || tablename || ' ' || policyname || ' ' || cmd || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '')
                FROM pg_policies
                """,
            ]
            var extras: Set<String> = []
            for query in queries {
                for row in try source.rows(query) { if let line = row.first ?? nil { extras.insert(line) } }
            }
            return CatalogState(schema: schema, extras: extras)
        } catch let error as PGError {
            throw .database(error, doing: "reading the catalog")
        } catch {
            throw .database(PGError(kind: .client, message: "\(error)"), doing: "reading the catalog")
        }
    }

    static func differences(before: CatalogState, after: CatalogState) -> [String] {
        var result = SchemaComparison.differences(model: before.schema, database: after.schema).map { difference in
            difference.description
                .replacingOccurrences(of: "missing from the database", with: "gone after the down file (it existed before the up file)")
                .replacingOccurrences(of: "only in the database", with: "left behind by the down file")
                .replacingOccurrences(of: "model says", with: "before up:")
                .replacingOccurrences(of: "database says", with: "after down:")
        }
        for line in before.extras.subtracting(after.extras).sorted() { result.append("\(line): gone after the down file (it existed before the up file)") }
        for line in after.extras.subtracting(before.extras).sorted() { result.append("\(line): left behind by the down file") }
        return result
    }
}
