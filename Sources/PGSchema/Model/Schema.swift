/// A schema-qualified name; `schema` is `public` unless the migrations said otherwise.
public struct QualifiedName: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var schema: String
    public var name: String

    public init(schema: String = "public", _ name: String) {
        self.schema = schema
        self.name = name
    }

    public var description: String { schema == "public" ? name : "\(schema).\(name)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.schema, lhs.name) < (rhs.schema, rhs.name) }
}

/// Where an object was created and where it last changed.
public struct Provenance: Sendable, Hashable, Codable {
    public var created: SourceLocation
    public var lastChanged: SourceLocation

    public init(created: SourceLocation) {
        self.created = created
        self.lastChanged = created
    }
}

/// The folded result of a module's up migrations.
public struct Schema: Sendable, Equatable, Codable {
    /// Tables in the order they were created.
    public var tables: [Table] = []
    public var enums: [EnumType] = []
    public var composites: [CompositeType] = []
    public var domains: [Domain] = []
    public var views: [View] = []
    /// Schemas created by the migrations (`public` always exists and is not listed).
    public var schemas: [String] = []
    public var extensions: [String] = []
    /// golang-migrate's own version table (`schema_migrations`, or the `x-migrations-table`
    /// name), as the migrations left it: it exists before the first migration runs, and a history
    /// may alter it. It is kept apart from ``tables``, so no model is generated for it.
    public var migrationsTable: Table?
    /// Sequences made by `CREATE SEQUENCE` (those of serial and identity columns are
    /// ``Column/sequence``): they take relation names, and one `OWNED BY` a column goes with it.
    public var sequences: [StandaloneSequence] = []

    public init() {}

    public func table(_ name: QualifiedName) -> Table? { tables.first { $0.name == name } }
    public func enumType(_ name: QualifiedName) -> EnumType? { enums.first { $0.name == name } }
    public func domain(_ name: QualifiedName) -> Domain? { domains.first { $0.name == name } }
    public func composite(_ name: QualifiedName) -> CompositeType? { composites.first { $0.name == name } }
}

/// A column's type as PostgreSQL spells it in `format_type` (`character varying(20)`,
/// `timestamp with time zone`, `numeric(14,4)`), plus array dimensions.
public struct ColumnType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The canonical name without modifiers: `integer`, `character varying`, `numeric`, or a
    /// user type's name.
    public var name: String
    /// The schema of a user-defined type (enum, domain, composite); `nil` for built-in types.
    public var schema: String?
    /// Length, precision and scale, as written: `[20]` for `varchar(20)`, `[14, 4]` for `numeric(14,4)`.
    public var modifiers: [Int]
    /// `0` for a scalar, `1` for `int[]`, `2` for `int[][]`.
    public var arrayDimensions: Int
    /// An interval's field restriction, lower case: `day to second` for `interval day to second(2)`.
    public var intervalFields: String?
    /// The words of an interval's field restriction (`interval day to second`, `'1' day`).
    public static let intervalFieldWords: Set<String> = ["year", "month", "day", "hour", "minute", "second", "to"]

    public init(name: String, schema: String? = nil, modifiers: [Int] = [], arrayDimensions: Int = 0, intervalFields: String? = nil) {
        self.name = name
        self.schema = schema
        self.modifiers = modifiers
        self.arrayDimensions = arrayDimensions
        self.intervalFields = intervalFields
    }

    /// The element type of an array type, or the type itself.
    public var element: ColumnType {
        var element = self
        element.arrayDimensions = 0
        return element
    }

    public var qualifiedName: QualifiedName? { schema.map { QualifiedName(schema: $0, name) } }

    /// `name`, or `"Name"` when it is not a plain lower-case identifier.
    static func quotedIfNeeded(_ name: String) -> String {
        let plain = name.utf8.first.map { !($0 >= 0x30 && $0 <= 0x39) } == true
            && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
        return plain ? name : "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// `format_type` style: `character varying(20)[]`, `timestamp(3) with time zone`,
    /// `interval day to second(2)`.
    public var description: String {
        var text = name
        if let intervalFields { text += " " + intervalFields }
        if let schema {
            // A user type is printed as format_type prints it: quoted where the name needs it.
            text = Self.quotedIfNeeded(name)
            if schema != "public" { text = "\(Self.quotedIfNeeded(schema)).\(text)" }
        }
        if !modifiers.isEmpty {
            let list = "(" + modifiers.map(String.init).joined(separator: ",") + ")"
            if let space = text.firstIndex(of: " "), name.hasPrefix("time") {
                // timestamp(3) with time zone
                text = String(text[..<space]) + list + String(text[space...])
            } else {
                text += list
            }
        }
        if arrayDimensions > 0 { text += "[]" }
        return text
    }
}

public struct Table: Sendable, Equatable, Codable {
    public var name: QualifiedName
    public var columns: [Column] = []
    public var primaryKey: KeyConstraint?
    public var uniqueConstraints: [KeyConstraint] = []
    public var foreignKeys: [ForeignKey] = []
    public var checks: [CheckConstraint] = []
    /// `EXCLUDE` constraints, by name and the text of their elements.
    public var exclusions: [CheckConstraint] = []
    public var indexes: [Index] = []
    /// The partitioned table this table is a partition of. A partition has the parent's columns;
    /// rows are read and written through the parent, so no model is generated for it.
    public var partitionOf: QualifiedName?
    /// The tables this one inherits from (`INHERITS`): their column changes reach it.
    public var inherits: [QualifiedName] = []
    /// Its columns that came from a parent and were not declared by this table too: dropping
    /// the parent's column drops them.
    public var inheritedColumns: [String] = []
    public var comment: String?
    public var provenance: Provenance

    public init(name: QualifiedName, provenance: Provenance) {
        self.name = name
        self.provenance = provenance
    }

    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }
}

/// A sequence made by `CREATE SEQUENCE`, and the column that owns it, if any.
public struct StandaloneSequence: Sendable, Equatable, Codable {
    public var name: QualifiedName
    public var ownerTable: QualifiedName?
    public var ownerColumn: String?

    public init(name: QualifiedName) {
        self.name = name
    }
}

public struct Column: Sendable, Equatable, Codable {
    public enum Identity: String, Sendable, Codable {
        case always, byDefault = "by default"
    }

    public var name: String
    public var type: ColumnType
    /// Declared `NOT NULL`, part of the primary key, or of a `NOT NULL` domain type.
    public var isNotNull: Bool
    /// The `DEFAULT` expression as written (serial columns get PostgreSQL's `nextval(…)`).
    public var defaultExpression: String?
    public var identity: Identity?
    /// The expression of a `GENERATED ALWAYS AS (…) STORED` column.
    public var generatedExpression: String?
    public var collation: String?
    /// The sequence PostgreSQL made for a serial or identity column (`t_id_seq`), in the table's
    /// schema. Its name takes a place among the schema's relation names.
    public var sequence: String?
    public var comment: String?
    public var provenance: Provenance

    public init(name: String, type: ColumnType, provenance: Provenance) {
        self.name = name
        self.type = type
        self.isNotNull = false
        self.provenance = provenance
    }

    public var isNullable: Bool { !isNotNull }
    /// Whether an insert may leave the column out: it has a default, an identity or is generated.
    public var hasDatabaseValue: Bool { defaultExpression != nil || identity != nil || generatedExpression != nil }
}

/// A primary key or unique constraint.
public struct KeyConstraint: Sendable, Equatable, Codable {
    public var name: String
    public var columns: [String]
    /// Columns the constraint's index carries without constraining (`INCLUDE`), if any.
    public var include: [String]?
    public var location: SourceLocation

    public init(name: String, columns: [String], include: [String]? = nil, location: SourceLocation) {
        self.name = name
        self.columns = columns
        self.include = include
        self.location = location
    }
}

public struct ForeignKey: Sendable, Equatable, Codable {
    public var name: String
    public var columns: [String]
    public var referencedTable: QualifiedName
    public var referencedColumns: [String]
    /// `NO ACTION`, `RESTRICT`, `CASCADE`, `SET NULL` or `SET DEFAULT`.
    public var onDelete: String
    public var onUpdate: String
    /// The unique index of the referenced table that the foreign key depends on (a primary key,
    /// a unique constraint or a unique index, by name): the first one created whose columns are
    /// the referenced columns. Dropping it needs CASCADE, which drops the foreign key too.
    public var referencedIndex: String
    public var location: SourceLocation
}

public struct CheckConstraint: Sendable, Equatable, Codable {
    public var name: String
    public var expression: String
    public var location: SourceLocation
}

public struct Index: Sendable, Equatable, Codable {
    public var name: String
    public var isUnique: Bool
    /// `btree`, `gin`, `gist`, …
    public var method: String
    /// Each a column name or a parenthesised expression, with any opclass, order and nulls order.
    public var elements: [String]
    public var include: [String]
    public var predicate: String?
    public var location: SourceLocation
}

extension Index {
    /// The column an index element names, when it is a plain column (with any operator class,
    /// order, nulls order or collation after it); `nil` for an expression.
    public static func column(of element: String) -> String? {
        let lexed = Lexer.lex(SourceFile(path: "", text: element))
        guard let tokens = lexed.statements.first?.tokens, let first = tokens.first, first.isIdentifier else { return nil }
        if tokens.count > 1, tokens[1].kind == .symbol { return nil }
        return truncateIdentifier(first.value)
    }

    /// The column each element names, `nil` for an expression: `lower(email)` → `nil`,
    /// `created_at DESC` → `created_at`.
    public var columns: [String?] { elements.map(Index.column(of:)) }
}

public struct EnumType: Sendable, Equatable, Codable {
    public var name: QualifiedName
    public var labels: [String]
    public var comment: String?
    public var provenance: Provenance
}

public struct CompositeType: Sendable, Equatable, Codable {
    public var name: QualifiedName
    public var attributes: [Column]
    public var comment: String?
    public var provenance: Provenance
}

public struct Domain: Sendable, Equatable, Codable {
    public var name: QualifiedName
    public var baseType: ColumnType
    public var isNotNull: Bool
    public var defaultExpression: String?
    public var checks: [CheckConstraint]
    public var comment: String?
    public var provenance: Provenance
}

public struct View: Sendable, Equatable, Codable {
    public var name: QualifiedName
    public var isMaterialized: Bool
    /// The query after `AS`, as written.
    public var query: String
    /// The names `CREATE VIEW v (a, b) AS …` gives the query's first columns, in order.
    public var columnNames: [String]?
    /// The `search_path` the view was created under, when not the default: its text's unqualified
    /// names were looked for along it.
    public var searchPath: [String]?
    /// The tables and views the query reads, as PostgreSQL recorded them when the view was
    /// created: they follow renames, and dropping one with CASCADE drops the view.
    public var dependencies: [QualifiedName] = []
    /// The relations the view reads that were renamed, or whose columns changed, after it was
    /// created, each as the view's text names it and as it is now. PostgreSQL binds a view to the
    /// columns it read, not to their names: after `RENAME COLUMN` the view reads the column under
    /// its new name, and a column added later is not part of its `*`. Empty while nothing changed.
    public var sources: [ViewSource] = []
    /// `ALTER VIEW … RENAME COLUMN`s since the view was created or replaced, in order: each column
    /// as it was named (`written`) and its new name (`current`).
    public var columnRenames: [ViewSource.Column] = []
    /// Indexes of a materialized view.
    public var indexes: [Index] = []
    /// `COMMENT ON COLUMN` texts of the view's columns, by column name.
    public var columnComments: [String: String] = [:]
    public var comment: String?
    public var provenance: Provenance
}

/// A table or view that a view reads, as the view's text names it and as it is now (`View.sources`).
public struct ViewSource: Sendable, Equatable, Codable {
    /// A column of a table as the view's text names it and as the table names it now.
    public struct Column: Sendable, Equatable, Codable {
        public var written: String
        public var current: String
        public init(written: String, current: String) {
            self.written = written
            self.current = current
        }
    }

    /// The name in the view's text.
    public var written: QualifiedName
    /// The name now.
    public var current: QualifiedName
    /// A table's columns that existed when the view was created, in order; `nil` for a view,
    /// whose columns change only by name (`renamedColumns`) or at the end (`replaced`).
    public var columns: [Column]?
    /// A view's columns renamed since, in order (as in `View.columnRenames`): the reading view
    /// still names them as they were.
    public var renamedColumns: [Column] = []
    /// A view replaced since (`CREATE OR REPLACE VIEW`): its definition when the reading view
    /// was created, at most one. A replacement can only add columns at the end, and the reading
    /// view keeps reading the columns that definition had.
    public var replaced: [View] = []

    public init(written: QualifiedName, current: QualifiedName, columns: [Column]?) {
        self.written = written
        self.current = current
        self.columns = columns
    }
}
