import PGSchema

// The parsed form of a query: only what the analyser needs to type it. Every node keeps the byte
// offset of its first token, so that an error points at the token.

/// A name as written: `a`, `t.a`, `s.t.a`; each part already folded (or kept, when quoted).
public typealias NameParts = [String]

/// A written type: the canonical `ColumnType`, and the schema written for a user type.
struct WrittenType: Sendable, Equatable {
    var type: ColumnType
    var writtenSchema: String?
    var isBuiltin: Bool
}

indirect enum Expr: Sendable {
    case column(NameParts, at: Int)
    /// `*` or `t.*` in a select list (or `count(*)`'s star, handled by the call).
    case star(qualifier: NameParts?, at: Int)
    /// `$n` after rewriting named parameters.
    case parameter(Int, at: Int)
    case integer(String, at: Int)
    case decimal(String, at: Int)
    case string(String, at: Int)
    case boolean(Bool, at: Int)
    case null(at: Int)
    case cast(Expr, WrittenType, at: Int)
    /// `interval '1 day'`, `date '2024-01-01'`.
    case typedString(WrittenType, String, at: Int)
    case unary(String, Expr, at: Int)
    case binary(String, Expr, Expr, at: Int)
    case not(Expr, at: Int)
    case and(Expr, Expr, at: Int)
    case or(Expr, Expr, at: Int)
    /// `IS [NOT] NULL`, `IS [NOT] TRUE/FALSE/UNKNOWN`, `IS [NOT] DISTINCT FROM x`.
    case isTest(Expr, String, negated: Bool, other: Expr?, at: Int)
    case between(Expr, Expr, Expr, negated: Bool, at: Int)
    case inList(Expr, [Expr], negated: Bool, at: Int)
    case inQuery(Expr, QueryExpr, negated: Bool, at: Int)
    /// `x op ANY (array)` / `ALL`.
    case anyArray(String, Expr, Expr, all: Bool, at: Int)
    /// `x op ANY (SELECT …)`.
    case anyQuery(String, Expr, QueryExpr, all: Bool, at: Int)
    case call(Call)
    case caseWhen(operand: Expr?, [(Expr, Expr)], otherwise: Expr?, at: Int)
    case scalarQuery(QueryExpr, at: Int)
    case exists(QueryExpr, at: Int)
    case arrayQuery(QueryExpr, at: Int)
    case array([Expr], at: Int)
    case row([Expr], at: Int)
    case `subscript`(Expr, Expr, slice: Expr?, isSlice: Bool, at: Int)
    /// `(composite).field`
    case field(Expr, String, at: Int)
    case atTimeZone(Expr, Expr, at: Int)
    /// `CURRENT_DATE`, `CURRENT_TIMESTAMP`, …: a keyword with a fixed type.
    case keywordValue(String, at: Int)
    /// `DEFAULT` in INSERT values and UPDATE SET.
    case defaultValue(at: Int)

    var offset: Int {
        switch self {
        case .column(_, let at), .star(_, let at), .parameter(_, let at), .integer(_, let at), .decimal(_, let at),
             .string(_, let at), .boolean(_, let at), .null(let at), .cast(_, _, let at), .typedString(_, _, let at),
             .unary(_, _, let at), .binary(_, _, _, let at), .not(_, let at), .and(_, _, let at), .or(_, _, let at),
             .isTest(_, _, _, _, let at), .between(_, _, _, _, let at), .inList(_, _, _, let at), .inQuery(_, _, _, let at),
             .anyArray(_, _, _, _, let at), .anyQuery(_, _, _, _, let at), .caseWhen(_, _, _, let at), .scalarQuery(_, let at),
             .exists(_, let at), .arrayQuery(_, let at), .array(_, let at), .row(_, let at), .subscript(_, _, _, _, let at),
             .field(_, _, let at), .atTimeZone(_, _, let at), .keywordValue(_, let at), .defaultValue(let at):
            return at
        case .call(let call): return call.at
        }
    }
}

struct Call: Sendable {
    var name: NameParts
    var arguments: [Expr]
    /// Some argument was given by name (`days => 1`); the catalog matches by position only.
    var hasNamedArguments = false
    /// In FROM, a column definition list: `jsonb_to_recordset($1) AS x(sku text, qty int)`.
    var columnDefinitions: [(name: String, type: WrittenType, at: Int)]?
    var star = false
    var distinct = false
    var orderBy: [OrderItem] = []
    var filter: Expr?
    var over: WindowSpec?
    /// `WITHIN GROUP (ORDER BY …)`
    var withinGroup: [OrderItem] = []
    var at: Int
}

struct WindowSpec: Sendable {
    var name: String?
    var partitionBy: [Expr] = []
    var orderBy: [OrderItem] = []
    /// A frame clause (`ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING`), which can leave a row's frame
    /// empty; `OVER w` says nothing of `w`'s frame, so it counts as one.
    var mayHaveFrame = false
    /// The frame's mode (`rows`, `range`, `groups`) and its offsets (`$1` in `$1 PRECEDING`).
    var frameMode: String?
    var frameOffsets: [Expr] = []
}

struct OrderItem: Sendable {
    var expression: Expr
}

struct SelectItem: Sendable {
    var expression: Expr
    var alias: String?
}

/// A common table expression.
struct CommonTable: Sendable {
    var name: String
    var columnNames: [String]?
    var query: Statement
    var at: Int
}

struct WithClause: Sendable {
    var recursive: Bool
    var tables: [CommonTable]
}

indirect enum FromItem: Sendable {
    case relation(NameParts, alias: String?, columnAliases: [String]?, at: Int)
    case subquery(QueryExpr, alias: String, columnAliases: [String]?, lateral: Bool, at: Int)
    case function(Call, alias: String?, columnAliases: [String]?, lateral: Bool, withOrdinality: Bool, at: Int)
    case join(FromItem, JoinKind, FromItem, JoinCondition, at: Int)
}

enum JoinKind: Sendable { case inner, left, right, full, cross }

enum JoinCondition: Sendable {
    case on(Expr)
    case using([(String, Int)])
    case natural
    case none
}

struct SelectCore: Sendable {
    var distinct = false
    var distinctOn: [Expr] = []
    var items: [SelectItem] = []
    var from: [FromItem] = []
    var whereClause: Expr?
    var groupBy: [Expr] = []
    /// The items of `ROLLUP`, `CUBE` and `GROUPING SETS` (also in `groupBy`): rows that
    /// aggregate over them hold NULL there.
    var groupingSets: [Expr] = []
    var having: Expr?
    var windows: [(String, WindowSpec)] = []
    var at: Int
}

indirect enum QueryBody: Sendable {
    case select(SelectCore)
    case values([[Expr]], at: Int)
    case setOperation(String, all: Bool, QueryBody, QueryBody, at: Int)
    /// A parenthesised query with its own WITH, ORDER BY and LIMIT.
    case nested(QueryExpr)
}

/// A whole query: WITH, the body, ORDER BY, LIMIT, OFFSET.
struct QueryExpr: Sendable {
    var with: WithClause?
    var body: QueryBody
    var orderBy: [OrderItem] = []
    var limit: Expr?
    var offset: Expr?
    var at: Int
}

struct Assignment: Sendable {
    var column: String
    var at: Int
    var value: Expr
    /// `SET (a, b) = (SELECT x, y …)`: the column of the sub-query this column takes (`value`
    /// is the sub-query, the same for each of them).
    var position: Int?
}

struct InsertStatement: Sendable {
    var with: WithClause?
    var table: NameParts
    var alias: String?
    var columns: [(String, Int)]?
    /// `nil` for DEFAULT VALUES.
    var source: QueryExpr?
    var conflictTarget: [Expr] = []
    var conflictWhere: Expr?
    var conflictUpdate: [Assignment]?
    var conflictUpdateWhere: Expr?
    var returning: [SelectItem]?
    var at: Int
}

struct UpdateStatement: Sendable {
    var with: WithClause?
    var table: NameParts
    var alias: String?
    var assignments: [Assignment]
    var from: [FromItem]
    var whereClause: Expr?
    var returning: [SelectItem]?
    var at: Int
}

struct DeleteStatement: Sendable {
    var with: WithClause?
    var table: NameParts
    var alias: String?
    var using: [FromItem]
    var whereClause: Expr?
    var returning: [SelectItem]?
    var at: Int
}

indirect enum Statement: Sendable {
    case query(QueryExpr)
    case insert(InsertStatement)
    case update(UpdateStatement)
    case delete(DeleteStatement)
}
