import PGSchema

/// A column visible in a query: from a table, a view, a CTE, a subquery or a function.
struct RangeColumn: Sendable {
    var name: String
    var type: ColumnType
    var notNull: Bool
    var originTable: QualifiedName?
    var originColumn: String?
}

/// One item of a FROM clause with its name: a table, a view, a CTE, a subquery, a function.
struct RangeEntry: Sendable {
    var alias: String
    var columns: [RangeColumn]
    var table: QualifiedName?
}

/// A FROM item as the scoping rules see it: a named entry, or a join of two (whose `USING` and
/// `NATURAL` columns are merged and hide both sides' columns from unqualified names).
indirect enum RangeNode: Sendable {
    case leaf(RangeEntry)
    case join(RangeNode, RangeNode, merged: [RangeColumn])

    var leaves: [RangeEntry] {
        switch self {
        case .leaf(let entry): [entry]
        case .join(let left, let right, _): left.leaves + right.leaves
        }
    }

    /// The columns `*` expands to: merged columns first, then each side's others.
    var visibleColumns: [RangeColumn] {
        switch self {
        case .leaf(let entry): return entry.columns
        case .join(let left, let right, let merged):
            let names = Set(merged.map(\.name))
            return merged + left.visibleColumns.filter { !names.contains($0.name) } + right.visibleColumns.filter { !names.contains($0.name) }
        }
    }

    func lookup(_ name: String) -> [RangeColumn] {
        switch self {
        case .leaf(let entry): return entry.columns.filter { $0.name == name }
        case .join(let left, let right, let merged):
            if let column = merged.first(where: { $0.name == name }) { return [column] }
            return left.lookup(name) + right.lookup(name)
        }
    }

    /// The same node on the nullable side of an outer join.
    var nullable: RangeNode {
        switch self {
        case .leaf(var entry):
            for index in entry.columns.indices { entry.columns[index].notNull = false }
            return .leaf(entry)
        case .join(let left, let right, var merged):
            for index in merged.indices { merged[index].notNull = false }
            return .join(left.nullable, right.nullable, merged: merged)
        }
    }
}

/// The names one query level sees, and the level around it (for correlated subqueries).
final class Scope {
    var nodes: [RangeNode]
    let parent: Scope?
    var commonTables: [String: RangeEntry] = [:]
    /// Output column aliases, which ORDER BY and GROUP BY may name.
    var outputAliases: [String: Typed] = [:]
    /// GROUP BY without grouping sets: every group has a row, so an aggregate of this level over
    /// values that are never NULL is not NULL (with no GROUP BY, an empty input gives NULL).
    var groupsHaveRows = false
    /// The WINDOW clause's definitions, which `OVER w` and `OVER (w …)` name.
    var windows: [String: WindowSpec] = [:]

    init(nodes: [RangeNode] = [], parent: Scope?) {
        self.nodes = nodes
        self.parent = parent
    }

    func window(_ name: String) -> WindowSpec? { windows[name] }

    func commonTable(_ name: String) -> RangeEntry? {
        commonTables[name] ?? parent?.commonTable(name)
    }
}

/// The type of an expression while analysing.
struct Typed: Sendable {
    var type: ColumnType
    var notNull: Bool
    /// The parameter this expression is, while its type is still unknown.
    var parameter: Int?
    var originTable: QualifiedName?
    var originColumn: String?
    /// The name PostgreSQL would give it as a result column.
    var name: String?

    init(_ type: ColumnType, notNull: Bool, parameter: Int? = nil, name: String? = nil) {
        self.type = type
        self.notNull = notNull
        self.parameter = parameter
        self.name = name
    }
}
