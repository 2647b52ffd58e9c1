import PGSchema

/// A result column of a query, typed and with its nullability.
public struct QueryColumn: Sendable, Equatable, Codable {
    /// The name PostgreSQL gives the column (its alias, the column's or function's name, or `?column?`).
    public var name: String
    public var type: ColumnType
    public var isNotNull: Bool
    /// The table column it is a plain reference to, if any.
    public var originTable: QualifiedName?
    public var originColumn: String?

    /// Whether `columns` are exactly `tableColumns` of `table`, in order, under their own names,
    /// a NOT NULL column never NULL: rows a model of those columns reads.
    public static func areRow(_ columns: [QueryColumn], of table: QualifiedName, columns tableColumns: [Column]) -> Bool {
        guard columns.count == tableColumns.count else { return false }
        return zip(columns, tableColumns).allSatisfy { column, tableColumn in
            column.originTable == table && column.originColumn == tableColumn.name && column.name == tableColumn.name
                && (column.isNotNull || !tableColumn.isNotNull)
        }
    }
}

/// A parameter of a query with its type as inferred from where it is used.
public struct QueryParameter: Sendable, Equatable, Codable {
    /// `1` for `$1`.
    public var number: Int
    /// The name written (`@since`) or the column it meets (`$1` compared with `client_id`).
    public var name: String
    public var type: ColumnType
    /// `sqlc.narg`, or assigned to a nullable column: the function takes an optional.
    public var isNullable: Bool
    /// `sqlc.slice`: the function takes an array, bound as one array parameter.
    public var isSlice: Bool
}

/// One analysed query of a query file.
public struct AnalyzedQuery: Sendable, Equatable, Codable {
    public var name: String
    public var command: QueryCommand
    /// The comment lines above the annotation.
    public var doc: [String]
    /// The SQL PostgreSQL runs: named parameters rewritten to `$n`.
    public var sql: String
    public var location: SourceLocation
    public var parameters: [QueryParameter]
    public var columns: [QueryColumn]
    /// The table whose whole row the query returns, column for column (`SELECT c.* FROM saas_clients c`).
    public var rowTable: QualifiedName?
}

/// A view (or materialized view) with its columns typed by analysing its query as the migrations
/// last wrote it.
public struct AnalyzedView: Sendable, Equatable {
    public var name: QualifiedName
    public var isMaterialized: Bool
    public var columns: [QueryColumn]
    /// Where the view was created and last replaced.
    public var provenance: Provenance
    public var comment: String?
    public var columnComments: [String: String]
    /// The view reads one table, without joins, grouping or set operations: a key of that table
    /// is a key of the view.
    public var readsOneTable: Bool
}
