import PGSchema

/// A schema as both sides can describe it: the model folded from migrations, and PostgreSQL's
/// catalog. Names are printed as the model prints them (`saas_clients`, `app.accounts`); types as
/// `format_type` prints them; expressions as each side wrote them (they are compared through
/// ``ExpressionNormalizer``).
public struct SchemaSnapshot: Sendable, Equatable {
    public var schemas: Set<String> = []
    public var extensions: Set<String> = []
    /// Keyed by table name.
    public var tables: [String: TableSnapshot] = [:]
    public var enums: [String: TypeSnapshot] = [:]
    public var domains: [String: TypeSnapshot] = [:]
    public var composites: [String: TypeSnapshot] = [:]
    public var views: [String: ViewSnapshot] = [:]

    public init() {}

    /// Every expression in the snapshot (defaults, generated columns, checks, index elements and
    /// predicates), labelled by where it is; index elements are given as they stand, with order.
    public var expressions: [(place: String, text: String, isIndexElement: Bool)] {
        var result: [(String, String, Bool)] = []
        for (name, table) in tables.sorted(by: { $0.key < $1.key }) {
            for column in table.columns {
                if let text = column.defaultExpression { result.append(("\(name).\(column.name) default", text, false)) }
                if let text = column.generatedExpression { result.append(("\(name).\(column.name) generated", text, false)) }
            }
            for (check, text) in table.checks.sorted(by: { $0.key < $1.key }) { result.append(("\(name) check \(check)", text, false)) }
            for (index, definition) in table.indexes.sorted(by: { $0.key < $1.key }) {
                for element in definition.elements { result.append(("\(name) index \(index)", element, true)) }
                if let text = definition.predicate { result.append(("\(name) index \(index) predicate", text, false)) }
            }
        }
        for (name, domain) in domains.sorted(by: { $0.key < $1.key }) {
            if let text = domain.attributes.first?.defaultExpression { result.append(("domain \(name) default", text, false)) }
            for (check, text) in domain.checks.sorted(by: { $0.key < $1.key }) { result.append(("domain \(name) check \(check)", text, false)) }
        }
        return result
    }
}

public struct TableSnapshot: Sendable, Equatable {
    /// In table order.
    public var columns: [ColumnSnapshot] = []
    public var primaryKey: KeySnapshot?
    public var uniqueConstraints: [String: KeySnapshot] = [:]
    public var foreignKeys: [String: ForeignKeySnapshot] = [:]
    /// Check constraints by name: their expressions.
    public var checks: [String: String] = [:]
    /// Exclusion constraints by name (compared by name only).
    public var exclusions: Set<String> = []
    public var indexes: [String: IndexSnapshot] = [:]
    public var comment: String?

    public init() {}

    public func column(_ name: String) -> ColumnSnapshot? { columns.first { $0.name == name } }
}

public struct ColumnSnapshot: Sendable, Equatable {
    public var name: String
    /// `format_type` spelling: `character varying(255)`, `integer[]`, `app.status`.
    public var type: String
    /// Declared array dimensions (`integer[][]` is 2; PostgreSQL prints both as `integer[]`).
    public var arrayDimensions: Int
    public var isNotNull: Bool
    public var defaultExpression: String?
    public var generatedExpression: String?
    /// `always` or `by default`.
    public var identity: String?
    /// A collation other than the type's own.
    public var collation: String?
    public var comment: String?

    public init(
        name: String, type: String, arrayDimensions: Int = 0, isNotNull: Bool = false, defaultExpression: String? = nil,
        generatedExpression: String? = nil, identity: String? = nil, collation: String? = nil, comment: String? = nil
    ) {
        self.name = name
        self.type = type
        self.arrayDimensions = arrayDimensions
        self.isNotNull = isNotNull
        self.defaultExpression = defaultExpression
        self.generatedExpression = generatedExpression
        self.identity = identity
        self.collation = collation
        self.comment = comment
    }

    /// `character varying(255) NOT NULL DEFAULT 'x'::character varying`, as a reader expects it.
    public var definition: String {
        var text = type
        if arrayDimensions > 1 { text += " (\(arrayDimensions) dimensions)" }
        if let collation { text += " COLLATE \(ExpressionNormalizer.quoted(collation))" }
        text += isNotNull ? " NOT NULL" : " NULL"
        if let defaultExpression { text += " DEFAULT \(defaultExpression)" }
        if let generatedExpression { text += " GENERATED ALWAYS AS (\(generatedExpression)) STORED" }
        if let identity { text += " GENERATED \(identity.uppercased()) AS IDENTITY" }
        return text
    }
}

public struct KeySnapshot: Sendable, Equatable {
    public var name: String
    public var columns: [String]

    public init(name: String, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}

public struct ForeignKeySnapshot: Sendable, Equatable {
    public var columns: [String]
    public var referencedTable: String
    public var referencedColumns: [String]
    public var onDelete: String
    public var onUpdate: String

    public init(columns: [String], referencedTable: String, referencedColumns: [String], onDelete: String, onUpdate: String) {
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
    }

    public var definition: String {
        "(\(columns.joined(separator: ", "))) REFERENCES \(referencedTable) (\(referencedColumns.joined(separator: ", "))) ON DELETE \(onDelete) ON UPDATE \(onUpdate)"
    }
}

public struct IndexSnapshot: Sendable, Equatable {
    public var isUnique: Bool
    public var method: String
    /// Each element as written: a column, or an expression, with any operator class and order.
    public var elements: [String]
    public var include: [String]
    public var predicate: String?

    public init(isUnique: Bool, method: String, elements: [String], include: [String], predicate: String?) {
        self.isUnique = isUnique
        self.method = method
        self.elements = elements
        self.include = include
        self.predicate = predicate
    }

    public var definition: String {
        var text = (isUnique ? "UNIQUE " : "") + "\(method) (\(elements.joined(separator: ", ")))"
        if !include.isEmpty { text += " INCLUDE (\(include.joined(separator: ", ")))" }
        if let predicate { text += " WHERE \(predicate)" }
        return text
    }
}

/// An enum (labels), a domain (base type, attributes unused) or a composite type (attributes).
public struct TypeSnapshot: Sendable, Equatable {
    /// An enum's labels in order.
    public var labels: [String] = []
    /// A composite type's attributes in order, and a domain's base type as one nameless attribute.
    public var attributes: [ColumnSnapshot] = []
    /// A domain's check constraints by name.
    public var checks: [String: String] = [:]
    public var comment: String?

    public init() {}
}

public struct ViewSnapshot: Sendable, Equatable {
    public var isMaterialized: Bool
    public var comment: String?
    /// A materialized view's indexes by name.
    public var indexes: [String: IndexSnapshot] = [:]
    /// Comments on the view's columns, by column name.
    public var columnComments: [String: String] = [:]

    public init(isMaterialized: Bool, comment: String? = nil) {
        self.isMaterialized = isMaterialized
        self.comment = comment
    }
}

// MARK: - From the folded model

extension SchemaSnapshot {
    /// What the folded model says.
    public init(model schema: Schema) {
        self.init()
        schemas = Set(schema.schemas)
        extensions = Set(schema.extensions.filter { $0 != "plpgsql" })
        for table in schema.tables {
            var snapshot = TableSnapshot()
            snapshot.columns = table.columns.map(Self.column)
            snapshot.primaryKey = table.primaryKey.map { KeySnapshot(name: $0.name, columns: $0.columns) }
            for key in table.uniqueConstraints { snapshot.uniqueConstraints[key.name] = KeySnapshot(name: key.name, columns: key.columns) }
            for key in table.foreignKeys {
                snapshot.foreignKeys[key.name] = ForeignKeySnapshot(
                    columns: key.columns, referencedTable: key.referencedTable.description,
                    referencedColumns: key.referencedColumns, onDelete: key.onDelete, onUpdate: key.onUpdate
                )
            }
            for check in table.checks { snapshot.checks[check.name] = check.expression }
            snapshot.exclusions = Set(table.exclusions.map(\.name))
            for index in table.indexes {
                snapshot.indexes[index.name] = IndexSnapshot(
                    isUnique: index.isUnique, method: index.method, elements: index.elements, include: index.include, predicate: index.predicate
                )
            }
            snapshot.comment = table.comment
            tables[table.name.description] = snapshot
        }
        for enumType in schema.enums {
            var snapshot = TypeSnapshot()
            snapshot.labels = enumType.labels
            snapshot.comment = enumType.comment
            enums[enumType.name.description] = snapshot
        }
        for composite in schema.composites {
            var snapshot = TypeSnapshot()
            snapshot.attributes = composite.attributes.map(Self.column)
            snapshot.comment = composite.comment
            composites[composite.name.description] = snapshot
        }
        for domain in schema.domains {
            var snapshot = TypeSnapshot()
            var base = ColumnSnapshot(name: "", type: domain.baseType.description, isNotNull: domain.isNotNull, defaultExpression: domain.defaultExpression)
            base.arrayDimensions = domain.baseType.arrayDimensions
            snapshot.attributes = [base]
            for check in domain.checks { snapshot.checks[check.name] = check.expression }
            snapshot.comment = domain.comment
            domains[domain.name.description] = snapshot
        }
        for view in schema.views {
            var snapshot = ViewSnapshot(isMaterialized: view.isMaterialized, comment: view.comment)
            for index in view.indexes {
                snapshot.indexes[index.name] = IndexSnapshot(
                    isUnique: index.isUnique, method: index.method, elements: index.elements, include: index.include, predicate: index.predicate
                )
            }
            snapshot.columnComments = view.columnComments
            views[view.name.description] = snapshot
        }
    }

    private static func column(_ column: Column) -> ColumnSnapshot {
        ColumnSnapshot(
            name: column.name, type: column.type.description, arrayDimensions: column.type.arrayDimensions,
            isNotNull: column.isNotNull, defaultExpression: column.defaultExpression, generatedExpression: column.generatedExpression,
            identity: column.identity?.rawValue, collation: column.collation, comment: column.comment
        )
    }
}
