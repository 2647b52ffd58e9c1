import PGClient
import PGRecord
import PGSchema

/// A schema described as sorted lines of facts, the same way from two sources: PostgreSQL's
/// catalog after applying migrations, and the model folded from the same files. Equal lines mean
/// the folder understood the migrations as PostgreSQL did.
enum CatalogFacts {
    // MARK: - From the folded model

    static func facts(of schema: Schema) -> [String] {
        var lines: [String] = []
        for name in schema.schemas { lines.append("schema \(name)") }
        for name in schema.extensions where name != "plpgsql" { lines.append("extension \(name)") }
        for table in schema.tables {
            let t = table.name.description
            lines.append("table \(t)")
            for (index, column) in table.columns.enumerated() {
                lines.append(columnFact(t, index + 1, column))
            }
            if let key = table.primaryKey { lines.append("primary key \(t) \(key.name) (\(key.columns.joined(separator: ",")))") }
            for key in table.uniqueConstraints { lines.append("unique \(t) \(key.name) (\(key.columns.joined(separator: ",")))") }
            for key in table.foreignKeys {
                lines.append("foreign key \(t) \(key.name) (\(key.columns.joined(separator: ","))) -> \(key.referencedTable) (\(key.referencedColumns.joined(separator: ","))) on delete \(key.onDelete) on update \(key.onUpdate)")
            }
            for check in table.checks { lines.append("check \(t) \(check.name)") }
            for exclusion in table.exclusions { lines.append("exclude \(t) \(exclusion.name)") }
            for index in table.indexes {
                lines.append("index \(t) \(index.name) \(index.isUnique ? "unique " : "")\(index.method) keys \(index.elements.count) include \(index.include.count)\(index.predicate == nil ? "" : " partial")")
            }
            if let comment = table.comment { lines.append("comment on \(t): \(comment)") }
            for column in table.columns {
                if let comment = column.comment { lines.append("comment on \(t).\(column.name): \(comment)") }
            }
        }
        for enumType in schema.enums {
            lines.append("enum \(enumType.name) (\(enumType.labels.joined(separator: ",")))")
            if let comment = enumType.comment { lines.append("comment on type \(enumType.name): \(comment)") }
        }
        for composite in schema.composites {
            lines.append("composite \(composite.name) (\(composite.attributes.map { "\($0.name) \($0.type)" }.joined(separator: ", ")))")
            if let comment = composite.comment { lines.append("comment on type \(composite.name): \(comment)") }
        }
        for domain in schema.domains {
            lines.append("domain \(domain.name) \(domain.baseType)\(domain.isNotNull ? " not null" : "")\(domain.defaultExpression == nil ? "" : " default") checks (\(domain.checks.map(\.name).sorted().joined(separator: ",")))")
            if let comment = domain.comment { lines.append("comment on type \(domain.name): \(comment)") }
        }
        for view in schema.views {
            lines.append("\(view.isMaterialized ? "materialized view" : "view") \(view.name)")
            for index in view.indexes {
                lines.append("index \(view.name) \(index.name) \(index.isUnique ? "unique " : "")\(index.method) keys \(index.elements.count) include \(index.include.count)\(index.predicate == nil ? "" : " partial")")
            }
            if let comment = view.comment { lines.append("comment on \(view.name): \(comment)") }
            for (column, comment) in view.columnComments { lines.append("comment on \(view.name).\(column): \(comment)") }
        }
        return lines.sorted()
    }

    private static func columnFact(_ table: String, _ position: Int, _ column: Column) -> String {
        var text = "column \(table).\(column.name) #\(position) \(column.type)"
        if column.type.arrayDimensions > 0 { text += " dims \(column.type.arrayDimensions)" }
        if column.isNotNull { text += " not null" }
        if column.defaultExpression != nil { text += " default" }
        if column.generatedExpression != nil { text += " generated" }
        if let identity = column.identity { text += " identity \(identity == .always ? "always" : "by default")" }
        if let collation = column.collation { text += " collate \(collation)" }
        return text
    }

    // MARK: - From PostgreSQL's catalog

    /// `relname`, schema-qualified unless public, as the model prints names.
    private static let userNamespaces = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'"

    private static func qualified(_ namespace: String, _ relation: String) -> String {
        "CASE WHEN \(namespace).nspname = 'public' THEN \(relation) ELSE \(namespace).nspname || '.' || \(relation) END"
    }

    static func facts(of db: PGConnection) throws -> [String] {
        var lines: [String] = []
        func add(_ sql: String) throws {
            lines += try db.query(sql).map { $0[0] ?? "NULL" }
        }
        try add("SELECT 'schema ' || nspname FROM pg_namespace n WHERE \(userNamespaces) AND nspname <> 'public'")
        try add("SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'")
        let tables = """
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND \(userNamespaces) AND c.relname <> 'schema_migrations'
            """
        try add("SELECT 'table ' || \(qualified("n", "c.relname")) \(tables)")
        try add("""
            SELECT 'column ' || \(qualified("n", "c.relname")) || '.' || a.attname
                || ' #' || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum)
                || ' ' || format_type(a.atttypid, a.atttypmod)
                || CASE WHEN a.attndims > 0 THEN ' dims ' || a.attndims ELSE '' END
                || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                || CASE WHEN a.atthasdef AND a.attgenerated = '' THEN ' default' ELSE '' END
                || CASE WHEN a.attgenerated <> '' THEN ' generated' ELSE '' END
                || CASE a.attidentity WHEN 'a' THEN ' identity always' WHEN 'd' THEN ' identity by default' ELSE '' END
                || CASE WHEN a.attcollation <> ty.typcollation THEN ' collate ' || (SELECT collname FROM pg_collation WHERE oid = a.attcollation) ELSE '' END
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type ty ON ty.oid = a.atttypid
            WHERE c.relkind IN ('r', 'p') AND \(userNamespaces) AND c.relname <> 'schema_migrations' AND a.attnum > 0 AND NOT a.attisdropped
            """)
        func columns(_ array: String, _ relation: String) -> String {
            "(SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(\(array)) WITH ORDINALITY k(num, ord) JOIN pg_attribute a ON a.attrelid = \(relation) AND a.attnum = k.num)"
        }
        func action(_ code: String) -> String {
            "CASE \(code) WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END"
        }
        try add("""
            SELECT CASE con.contype
                WHEN 'p' THEN 'primary key ' || \(qualified("n", "c.relname")) || ' ' || con.conname || ' (' || \(columns("con.conkey", "con.conrelid")) || ')'
                WHEN 'u' THEN 'unique ' || \(qualified("n", "c.relname")) || ' ' || con.conname || ' (' || \(columns("con.conkey", "con.conrelid")) || ')'
                WHEN 'f' THEN 'foreign key ' || \(qualified("n", "c.relname")) || ' ' || con.conname || ' (' || \(columns("con.conkey", "con.conrelid")) || ') -> '
                    || \(qualified("rn", "r.relname")) || ' (' || \(columns("con.confkey", "con.confrelid")) || ') on delete '
                    || \(action("con.confdeltype")) || ' on update ' || \(action("con.confupdtype"))
                WHEN 'c' THEN 'check ' || \(qualified("n", "c.relname")) || ' ' || con.conname
                WHEN 'x' THEN 'exclude ' || \(qualified("n", "c.relname")) || ' ' || con.conname
            END
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class r ON r.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
            WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND \(userNamespaces) AND c.relname <> 'schema_migrations'
            """)
        try add("""
            SELECT 'index ' || \(qualified("n", "c.relname")) || ' ' || i.relname || ' '
                || CASE WHEN ix.indisunique THEN 'unique ' ELSE '' END || am.amname
                || ' keys ' || ix.indnkeyatts || ' include ' || (ix.indnatts - ix.indnkeyatts)
                || CASE WHEN ix.indpred IS NOT NULL THEN ' partial' ELSE '' END
            FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class c ON c.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = i.relam
            WHERE \(userNamespaces) AND c.relname <> 'schema_migrations'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid AND con.contype IN ('p', 'u', 'x'))
            """)
        let types = "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE \(userNamespaces) AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')"
        try add("""
            SELECT 'enum ' || \(qualified("n", "t.typname")) || ' (' || (SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = t.oid) || ')'
            \(types) AND t.typtype = 'e'
            """)
        try add("""
            SELECT 'composite ' || \(qualified("n", "t.typname")) || ' (' || coalesce((SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
                FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '') || ')'
            \(types) AND t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'
            """)
        try add("""
            SELECT 'domain ' || \(qualified("n", "t.typname")) || ' ' || format_type(t.typbasetype, t.typtypmod)
                || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END || CASE WHEN t.typdefault IS NOT NULL THEN ' default' ELSE '' END
                || ' checks (' || coalesce((SELECT string_agg(conname, ',' ORDER BY conname) FROM pg_constraint WHERE contypid = t.oid), '') || ')'
            \(types) AND t.typtype = 'd'
            """)
        try add("""
            SELECT CASE c.relkind WHEN 'm' THEN 'materialized view ' ELSE 'view ' END || \(qualified("n", "c.relname"))
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND \(userNamespaces)
            """)
        try add("""
            SELECT 'comment on ' || \(qualified("n", "c.relname")) || coalesce('.' || a.attname, '') || ': ' || d.description
            FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
            WHERE \(userNamespaces) AND c.relkind IN ('r', 'p', 'v', 'm', 'c') AND c.relname <> 'schema_migrations'
            """)
        try add("""
            SELECT 'comment on type ' || \(qualified("n", "t.typname")) || ': ' || d.description
            FROM pg_description d JOIN pg_type t ON t.oid = d.objoid AND d.classoid = 'pg_type'::regclass
            JOIN pg_namespace n ON n.oid = t.typnamespace WHERE \(userNamespaces)
            """)
        return lines.sorted()
    }

    /// The lines only one side has, marked `-` (model only) and `+` (PostgreSQL only).
    static func difference(model: [String], catalog: [String]) -> String {
        let modelSet = Set(model)
        let catalogSet = Set(catalog)
        let onlyModel = model.filter { !catalogSet.contains($0) }.map { "- folded model: \($0)" }
        let onlyCatalog = catalog.filter { !modelSet.contains($0) }.map { "+ PostgreSQL:   \($0)" }
        return (onlyModel + onlyCatalog).sorted { $0.dropFirst(16) < $1.dropFirst(16) }.joined(separator: "\n")
    }
}
