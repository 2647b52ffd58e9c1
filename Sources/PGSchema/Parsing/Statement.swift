/// A name as written in a statement, with where it was written.
public struct NameRef: Sendable, Equatable {
    public var schema: String?
    public var name: String
    public var location: SourceLocation
    /// Written after `ONLY` (`ALTER TABLE ONLY t`, `CREATE INDEX … ON ONLY t`): the statement does
    /// not reach the table's partitions.
    public var only = false

    public init(schema: String?, name: String, location: SourceLocation, only: Bool = false) {
        self.schema = schema
        self.name = name
        self.location = location
        self.only = only
    }

    public func qualified(defaultSchema: String = "public") -> QualifiedName {
        QualifiedName(schema: schema ?? defaultSchema, name)
    }
}

/// A type as written: a built-in type already in canonical form, or a name to look up.
public struct TypeRef: Sendable, Equatable {
    public var type: ColumnType
    /// For a name that is not a built-in type: the schema as written, if any.
    public var writtenSchema: String?
    public var isBuiltin: Bool
    /// `serial`, `bigserial`, `smallserial`: an integer with a sequence default and NOT NULL.
    public var isSerial: Bool
    public var location: SourceLocation
}

public struct ColumnDefinition: Sendable, Equatable {
    public var name: String
    public var nameLocation: SourceLocation
    public var type: TypeRef
    public var constraints: [ColumnConstraint]
}

public enum ColumnConstraint: Sendable, Equatable {
    case notNull
    case null
    case defaultValue(String)
    /// With the index's INCLUDE columns, DEFERRABLE and INITIALLY DEFERRED (and for UNIQUE, NULLS
    /// NOT DISTINCT), which keep PostgreSQL from merging it with another key on the same column.
    case primaryKey(name: String?, include: [String] = [], deferrable: Bool = false, initiallyDeferred: Bool = false)
    case unique(name: String?, include: [String] = [], deferrable: Bool = false, initiallyDeferred: Bool = false, nullsNotDistinct: Bool = false)
    case references(name: String?, table: NameRef, columns: [String], onDelete: String, onUpdate: String)
    case check(name: String?, expression: String)
    case generated(expression: String)
    /// `sequenceName` from `(SEQUENCE NAME s …)`, when given.
    case identity(Column.Identity, sequenceName: String?)
    case collate(String)
}

public struct TableConstraint: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case primaryKey(columns: [String])
        case unique(columns: [String])
        case foreignKey(columns: [String], table: NameRef, referencedColumns: [String], onDelete: String, onUpdate: String)
        case check(expression: String)
        case exclude(elements: String)
    }

    public var name: String?
    public var kind: Kind
    public var location: SourceLocation
    /// Where each of the constrained columns, then each referenced column, is written.
    public var columnLocations: [String: SourceLocation] = [:]
    public var referencedColumnLocations: [String: SourceLocation] = [:]
    /// A primary key's or unique constraint's INCLUDE columns, DEFERRABLE, INITIALLY DEFERRED and
    /// NULLS NOT DISTINCT: they name the index, and two constraints differing in them are not merged.
    public var include: [String] = []
    public var isDeferrable = false
    public var isInitiallyDeferred = false
    public var nullsNotDistinct = false
}

public enum TableElement: Sendable, Equatable {
    case column(ColumnDefinition)
    case constraint(TableConstraint)
    /// `LIKE source [INCLUDING …]`: the source's columns, and what the options ask for.
    case like(NameRef, including: Set<String>)
    /// `INHERITS (parent)`: the parent's columns first, its checks too.
    case inherits(NameRef)

    /// What `INCLUDING ALL` includes.
    public static let likeOptions: Set<String> = ["comments", "compression", "constraints", "defaults", "generated", "identity", "indexes", "statistics", "storage"]
}

public enum AlterTableAction: Sendable, Equatable {
    case addColumn(ColumnDefinition, ifNotExists: Bool)
    case dropColumn(String, ifExists: Bool, cascade: Bool, location: SourceLocation)
    case renameColumn(String, to: String, location: SourceLocation)
    /// `collation` from `COLLATE`; without it the column takes the new type's default collation.
    case alterColumnType(String, TypeRef, collation: String?, location: SourceLocation)
    case setNotNull(String, location: SourceLocation)
    case dropNotNull(String, location: SourceLocation)
    case setDefault(String, expression: String, location: SourceLocation)
    case dropDefault(String, location: SourceLocation)
    /// `sequenceName` from `(SEQUENCE NAME s …)`, when given.
    case addIdentity(String, Column.Identity, sequenceName: String?, location: SourceLocation)
    case setIdentityKind(String, Column.Identity, location: SourceLocation)
    case dropIdentity(String, ifExists: Bool, location: SourceLocation)
    case dropExpression(String, location: SourceLocation)
    case addConstraint(TableConstraint)
    case dropConstraint(String, ifExists: Bool, cascade: Bool, location: SourceLocation)
    case renameTable(to: String)
    /// `{PRIMARY KEY | UNIQUE} USING INDEX`: an existing unique index becomes a constraint.
    case addConstraintUsingIndex(name: String?, primaryKey: Bool, index: String, location: SourceLocation)
    case attachPartition(NameRef)
    case detachPartition(NameRef)
    /// `INHERIT parent` / `NO INHERIT parent`.
    case inherit(NameRef)
    case noInherit(NameRef)
    case renameConstraint(String, to: String, location: SourceLocation)
    case setSchema(String)
    /// Understood, and does not change the shape (owner, triggers, row level security, storage).
    case ignored
}

public enum AlterTypeAction: Sendable, Equatable {
    case addValue(String, ifNotExists: Bool, before: String?, after: String?)
    case renameValue(String, to: String)
    case renameTo(String)
    case setSchema(String)
    case addAttribute(ColumnDefinition)
    case dropAttribute(String, ifExists: Bool)
    case alterAttributeType(String, TypeRef, collation: String?, location: SourceLocation)
    case renameAttribute(String, to: String, location: SourceLocation)
    /// `ADD ATTRIBUTE …, DROP ATTRIBUTE …, ALTER ATTRIBUTE …` in one statement.
    indirect case attributes([AlterTypeAction])
    case ignored
}

public enum AlterDomainAction: Sendable, Equatable {
    case setNotNull, dropNotNull
    case setDefault(String), dropDefault
    case addCheck(name: String?, expression: String)
    case renameConstraint(String, to: String)
    case dropConstraint(String, ifExists: Bool)
    case renameTo(String)
    case ignored
}

public enum CommentTarget: Sendable, Equatable {
    case table(NameRef)
    case column(NameRef, column: String)
    case type(NameRef)
    case view(NameRef)
    case index(NameRef)
    case constraint(String, on: NameRef)
    case other
}

public enum DroppableKind: String, Sendable, Equatable {
    case table, view, materializedView = "materialized view", index, type, domain, schema, `extension`, sequence
}

/// One statement, classified: folded into the schema, skipped on purpose, or not understood.
public enum Statement: Sendable, Equatable {
    case createTable(NameRef, ifNotExists: Bool, elements: [TableElement])
    case alterTable(NameRef, ifExists: Bool, actions: [AlterTableAction])
    /// `CREATE TABLE … AS` / `SELECT … INTO`: the columns come from a query the fold does not type.
    case createTableAs(NameRef)
    /// `CREATE TABLE p PARTITION OF parent …`: the parent's columns, with constraints of its own.
    case createPartition(NameRef, of: NameRef, ifNotExists: Bool, constraints: [TableConstraint])
    case drop(DroppableKind, names: [NameRef], ifExists: Bool, cascade: Bool)
    case createEnum(NameRef, labels: [String])
    case createComposite(NameRef, attributes: [ColumnDefinition])
    case alterType(NameRef, AlterTypeAction)
    case createDomain(NameRef, base: TypeRef, constraints: [ColumnConstraint])
    case alterDomain(NameRef, AlterDomainAction)
    /// `elementLocations` holds where each element starts, for errors about a missing column.
    case createIndex(name: NameRef?, table: NameRef, unique: Bool, ifNotExists: Bool, method: String, elements: [String], elementLocations: [SourceLocation], include: [String], predicate: String?)
    case renameIndex(NameRef, to: String, ifExists: Bool)
    /// `ALTER SEQUENCE … RENAME TO`: the sequence of a serial or identity column changes name.
    case renameSequence(NameRef, to: String, ifExists: Bool)
    /// `CREATE SEQUENCE … [OWNED BY table.column]`.
    case createSequence(NameRef, ifNotExists: Bool, ownerTable: NameRef?, ownerColumn: String?)
    /// `ALTER SEQUENCE … OWNED BY table.column` (both nil for `OWNED BY NONE`).
    case sequenceOwner(NameRef, ifExists: Bool, table: NameRef?, column: String?)
    /// `columns`: the names of `CREATE VIEW v (a, b) AS …`, for the first columns of the query.
    case createView(NameRef, materialized: Bool, orReplace: Bool, columns: [String]?, query: String)
    case renameView(NameRef, to: String)
    /// `ALTER [MATERIALIZED] VIEW v RENAME [COLUMN] a TO b`, or `ALTER TABLE` naming a view.
    case renameViewColumn(NameRef, String, to: String, ifExists: Bool, location: SourceLocation)
    /// `ALTER SCHEMA old RENAME TO new`.
    case renameSchema(String, to: String, location: SourceLocation)
    case setViewSchema(NameRef, to: String)
    case comment(CommentTarget, text: String?)
    case createSchema(String, ifNotExists: Bool)
    case createExtension(String)
    /// A statement that did not parse (its error is reported), with the names of the objects it
    /// would have created or changed: later references to them are not checked, so that one
    /// mistake gives one error.
    case failed(names: [String])
    /// `DROP FUNCTION … CASCADE`: defaults, checks, generated columns and indexes that call a dropped
    /// function go with it.
    case dropRoutines([String], cascade: Bool)
    /// `CREATE FUNCTION` / `PROCEDURE`: not part of the model, but a routine whose body runs DDL
    /// makes a later call of it something the fold cannot see.
    case createRoutine(String, changesShape: Bool)
    /// A statement that changes no shape itself (data, CALL), with the functions it calls.
    case calls([String], kind: String)
    /// `SET [LOCAL] search_path …`, `RESET search_path` (the default, `public`), or
    /// `SELECT set_config('search_path', …, is_local)`: where unqualified names are created and found.
    case setSearchPath([String], local: Bool)
    /// `COMMIT`, `END`, `ROLLBACK`, `ABORT`: a `SET LOCAL` ends with its transaction.
    case endTransaction
    /// A `DO` block: what it does to the schema, as far as the fold can follow it.
    case doBlock([ProceduralStep], location: SourceLocation)
    /// A statement that never changes a table's or type's shape: functions, triggers, grants, data.
    case skipped(String)
}

/// A statement with the place it starts.
public struct LocatedStatement: Sendable, Equatable {
    public var statement: Statement
    public var location: SourceLocation
}
