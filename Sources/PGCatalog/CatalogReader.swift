import Foundation

/// Anything that runs a query on PostgreSQL and returns its rows as text (`nil` for SQL NULL):
/// a PGClient connection in tests, libpq loaded at run time in `pg-codegen verify`.
public protocol CatalogSource {
    func rows(_ sql: String) throws -> [[String?]]
}

/// Reads PostgreSQL's catalog (`pg_catalog`) into a ``SchemaSnapshot``: every user schema except
/// the system ones, without golang-migrate's version table and without objects that belong to an
/// extension.
public struct CatalogReader {
    public let source: any CatalogSource
    /// The version table in `current_schema()` that the migrator keeps (`schema_migrations`, or
    /// the URL's `x-migrations-table`): never part of the schema.
    public let migrationsTable: String

    public init(source: any CatalogSource, migrationsTable: String = "schema_migrations") {
        self.source = source
        self.migrationsTable = migrationsTable
    }

    static let userNamespaces = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'"

    /// `relname`, schema-qualified unless public, as the model prints names.
    static func qualified(_ namespace: String, _ relation: String) -> String {
        "CASE WHEN \(namespace).nspname = 'public' THEN \(relation) ELSE \(namespace).nspname || '.' || \(relation) END"
    }

    /// A string constant for `text`.
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    var notVersionTable: String {
        // The migrator's own history table (`<table>_history`, beside golang-migrate's) is no part
        // of the migrations' schema either.
        "NOT (c.relname IN (\(Self.literal(migrationsTable)), \(Self.literal(migrationsTable + "_history"))) AND n.nspname = current_schema())"
    }

    var notFromExtension: String {
        "NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.objid = c.oid AND dep.classid = 'pg_class'::regclass AND dep.deptype = 'e')"
    }

    /// Column lists of a constraint or index, by attribute numbers.
    static func columns(_ array: String, _ relation: String) -> String {
        "(SELECT string_agg(quote_ident(a.attname), ',' ORDER BY k.ord) FROM unnest(\(array)) WITH ORDINALITY k(num, ord) JOIN pg_attribute a ON a.attrelid = \(relation) AND a.attnum = k.num)"
    }

    static func action(_ code: String) -> String {
        "CASE \(code) WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END"
    }

    public func read() throws -> SchemaSnapshot {
        var snapshot = SchemaSnapshot()
        let namespaces = Self.userNamespaces
        for row in try source.rows("SELECT nspname FROM pg_namespace n WHERE \(namespaces) AND nspname <> 'public'") {
            snapshot.schemas.insert(row[0] ?? "")
        }
        for row in try source.rows("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'") {
            snapshot.extensions.insert(row[0] ?? "")
        }
        let relations = "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE \(namespaces) AND \(notVersionTable) AND \(notFromExtension)"
        for row in try source.rows("SELECT \(Self.qualified("n", "c.relname")), obj_description(c.oid, 'pg_class') \(relations) AND c.relkind IN ('r', 'p')") {
            var table = TableSnapshot()
            table.comment = row[1]
            snapshot.tables[row[0] ?? ""] = table
        }
        for row in try source.rows("SELECT \(Self.qualified("n", "c.relname")), c.relkind = 'm', obj_description(c.oid, 'pg_class') \(relations) AND c.relkind IN ('v', 'm')") {
            snapshot.views[row[0] ?? ""] = ViewSnapshot(isMaterialized: row[1] == "t", comment: row[2])
        }
        // Columns of tables and of composite types, in attribute order.
        for row in try source.rows("""
            SELECT \(Self.qualified("n", "c.relname")), c.relkind, a.attname, format_type(a.atttypid, a.atttypmod), a.attndims, a.attnotnull,
                CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,
                CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END,
                CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END,
                CASE WHEN a.attcollation <> ty.typcollation THEN (SELECT collname FROM pg_collation WHERE oid = a.attcollation) END,
                col_description(c.oid, a.attnum)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type ty ON ty.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE c.relkind IN ('r', 'p', 'c') AND \(namespaces) AND \(notVersionTable) AND \(notFromExtension)
              AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY 1, a.attnum
            """) {
            let column = ColumnSnapshot(
                name: row[2] ?? "", type: row[3] ?? "", arrayDimensions: Int(row[4] ?? "0") ?? 0, isNotNull: row[5] == "t",
                defaultExpression: row[6], generatedExpression: row[7], identity: row[8], collation: row[9], comment: row[10]
            )
            let name = row[0] ?? ""
            if row[1] == "c" {
                snapshot.composites[name, default: TypeSnapshot()].attributes.append(column)
            } else {
                snapshot.tables[name]?.columns.append(column)
            }
        }
        for row in try source.rows("""
            SELECT \(Self.qualified("n", "c.relname")), con.contype, con.conname, \(Self.columns("con.conkey", "con.conrelid")),
                \(Self.qualified("rn", "r.relname")), \(Self.columns("con.confkey", "con.confrelid")),
                \(Self.action("con.confdeltype")), \(Self.action("con.confupdtype")), pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class r ON r.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
            WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND \(namespaces) AND \(notVersionTable)
              -- A foreign key to a partitioned table has an internal row per referenced partition.
              AND NOT (con.conparentid <> 0 AND EXISTS (SELECT 1 FROM pg_constraint pc WHERE pc.oid = con.conparentid AND pc.conrelid = con.conrelid))
            """) {
            let table = row[0] ?? ""
            guard snapshot.tables[table] != nil else { continue }
            let name = row[2] ?? ""
            let columns = Self.identifiers(row[3])
            switch row[1] {
            case "p": snapshot.tables[table]?.primaryKey = KeySnapshot(name: name, columns: columns)
            case "u": snapshot.tables[table]?.uniqueConstraints[name] = KeySnapshot(name: name, columns: columns)
            case "f":
                snapshot.tables[table]?.foreignKeys[name] = ForeignKeySnapshot(
                    columns: columns, referencedTable: row[4] ?? "", referencedColumns: Self.identifiers(row[5]),
                    onDelete: row[6] ?? "", onUpdate: row[7] ?? ""
                )
            case "c": snapshot.tables[table]?.checks[name] = Self.checkExpression(row[8] ?? "")
            default: snapshot.tables[table]?.exclusions.insert(name)
            }
        }
        // Indexes that do not implement a constraint.
        for row in try source.rows("""
            SELECT \(Self.qualified("n", "c.relname")), i.relname, ix.indisunique, am.amname, pg_get_indexdef(ix.indexrelid),
                \(Self.columns("ARRAY(SELECT unnest(ix.indkey::int2[]) OFFSET ix.indnkeyatts)", "ix.indrelid")), pg_get_expr(ix.indpred, ix.indrelid)
            FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class c ON c.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = i.relam
            WHERE \(namespaces) AND \(notVersionTable)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid AND con.contype IN ('p', 'u', 'x'))
            """) {
            let table = row[0] ?? ""
            let index = IndexSnapshot(
                isUnique: row[2] == "t", method: row[3] ?? "", elements: Self.indexElements(row[4] ?? ""),
                include: Self.identifiers(row[5]), predicate: row[6]
            )
            if snapshot.tables[table] != nil {
                snapshot.tables[table]?.indexes[row[1] ?? ""] = index
            } else if snapshot.views[table] != nil {
                snapshot.views[table]?.indexes[row[1] ?? ""] = index
            }
        }
        for row in try source.rows("""
            SELECT \(Self.qualified("n", "c.relname")), a.attname, col_description(c.oid, a.attnum)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND a.attnum > 0 AND NOT a.attisdropped AND col_description(c.oid, a.attnum) IS NOT NULL
              AND \(namespaces) AND \(notFromExtension)
            """) {
            snapshot.views[row[0] ?? ""]?.columnComments[row[1] ?? ""] = row[2]
        }
        let types = "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE \(namespaces) AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.objid = t.oid AND dep.classid = 'pg_type'::regclass AND dep.deptype = 'e')"
        for row in try source.rows("""
            SELECT \(Self.qualified("n", "t.typname")), t.typtype, obj_description(t.oid, 'pg_type'),
                (SELECT string_agg(quote_literal(enumlabel), ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = t.oid),
                format_type(t.typbasetype, t.typtypmod), t.typndims, t.typnotnull, pg_get_expr(t.typdefaultbin, 0)
            \(types) AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
            """) {
            let name = row[0] ?? ""
            switch row[1] {
            case "e":
                var snapshot2 = TypeSnapshot()
                snapshot2.labels = Self.literals(row[3])
                snapshot2.comment = row[2]
                snapshot.enums[name] = snapshot2
            case "d":
                var domain = TypeSnapshot()
                domain.attributes = [ColumnSnapshot(
                    name: "", type: row[4] ?? "", arrayDimensions: Int(row[5] ?? "0") ?? 0, isNotNull: row[6] == "t", defaultExpression: row[7]
                )]
                domain.comment = row[2]
                snapshot.domains[name] = domain
            default:
                snapshot.composites[name, default: TypeSnapshot()].comment = row[2]
            }
        }
        for row in try source.rows("""
            SELECT \(Self.qualified("n", "t.typname")), con.conname, pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_type t ON t.oid = con.contypid JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE con.contype = 'c' AND \(namespaces)
            """) {
            snapshot.domains[row[0] ?? ""]?.checks[row[1] ?? ""] = Self.checkExpression(row[2] ?? "")
        }
        return snapshot
    }

    /// `CHECK ((a > 0)) NOT VALID` → `(a > 0)`.
    static func checkExpression(_ definition: String) -> String {
        var text = definition.trimmingWhitespace()
        if text.hasPrefix("CHECK ") { text = String(text.dropFirst(6)) }
        for suffix in [" NOT VALID", " NO INHERIT"] where text.hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count))
        }
        return text.trimmingWhitespace()
    }

    /// The elements of `CREATE INDEX … USING method (a, lower(b) DESC) INCLUDE (…) WHERE …`.
    static func indexElements(_ definition: String) -> [String] {
        guard let using = definition.range(of: " USING ") else { return [] }
        let rest = definition[using.upperBound...]
        guard let open = rest.firstIndex(of: "(") else { return [] }
        var depth = 0
        var quote: Character?
        var index = open
        while index < rest.endIndex {
            let character = rest[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                depth -= 1
                if depth == 0 { break }
            }
            index = rest.index(after: index)
        }
        return ExpressionNormalizer.splitTopLevel(String(rest[rest.index(after: open)..<index]))
    }

    /// `a,"Odd Name"` (from `quote_ident`, joined by commas) → `["a", "Odd Name"]`.
    static func identifiers(_ list: String?) -> [String] {
        guard let list, !list.isEmpty else { return [] }
        return ExpressionNormalizer.splitTopLevel(list).map { item in
            guard item.hasPrefix("\""), item.hasSuffix("\""), item.count >= 2 else { return item }
            return String(item.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        }
    }

    /// `'a','it''s'` (from `quote_literal`) → `["a", "it's"]`.
    static func literals(_ list: String?) -> [String] {
        guard let list, !list.isEmpty else { return [] }
        return ExpressionNormalizer.splitTopLevel(list).map { item in
            var text = item
            if text.hasPrefix("E'") { text.removeFirst() }
            return String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'").replacingOccurrences(of: "\\\\", with: "\\")
        }
    }
}
