import PGSchema

/// Rows that pass WHERE have no NULL in a column that a top-level condition requires: `x IS NOT
/// NULL`, or an operand of a comparison, LIKE, BETWEEN (the bounds too, unless NOT BETWEEN), IN
/// a list, IN a subquery or `= ANY` (all NULL when `x` is; `NOT IN (subquery)` and `op ALL` are
/// true over no rows, so they require nothing); `NOT (x IS NULL)`; every field of `(x, y) IS NOT
/// NULL` and of a row `=`, the first of a row `<` (`>`, `<=`, `>=`). Such
/// columns are NOT NULL in the result, even on the nullable side of an outer join; and since a row
/// of that side was then found, so are its table's NOT NULL columns (the join acts as an inner one).
extension Analyzer {
    func narrow(_ nodes: [RangeNode], by condition: Expr?, scope: Scope) -> [RangeNode] {
        guard let condition else { return nodes }
        var keys: Set<String> = []
        func conjuncts(_ expression: Expr) {
            switch expression {
            case .and(let left, let right, _):
                conjuncts(left)
                conjuncts(right)
            case .isTest(.row(let items, _), "null", true, _, _):
                // `(x, y) IS NOT NULL`: every field is.
                items.forEach(add)
            case .isTest(let operand, "null", true, _, _), .not(.isTest(let operand, "null", false, _, _), _):
                add(operand)
            case .binary(let op, .row(let lefts, _), .row(let rights, _), _) where lefts.count == rights.count:
                // Rows: `=` needs every pair; `<`, `>`, `<=`, `>=` stop at the first pair, NULL
                // when that one holds a NULL; `<>` can be true beside a NULL pair.
                if op == "=" {
                    (lefts + rights).forEach(add)
                } else if ["<", ">", "<=", ">="].contains(op), let left = lefts.first, let right = rights.first {
                    add(left)
                    add(right)
                }
            case .binary(let op, let left, let right, _) where ["=", "<>", "<", ">", "<=", ">=", "~~", "~~*", "!~~", "!~~*", "~", "~*"].contains(op):
                add(left)
                add(right)
            case .between(let operand, let low, let high, let negated, _):
                add(operand)
                // `x NOT BETWEEN a AND b` is `x < a OR x > b`: one bound may be NULL.
                if !negated {
                    add(low)
                    add(high)
                }
            case .inList(let operand, _, _, _), .inQuery(let operand, _, false, _), .anyArray(_, let operand, _, false, _),
                 .anyQuery(_, let operand, _, false, _):
                // Not `NOT IN (subquery)` or `op ALL (…)`: over no rows (an empty array, as
                // `NOT IN (sqlc.slice(…))` becomes) they are true, NULL or not.
                add(operand)
            default:
                break
            }
        }
        func add(_ operand: Expr) {
            guard case .column(let parts, _) = operand, let found = columnKeys(parts, scope), found.count == 1 else { return }
            keys.formUnion(found)
        }
        conjuncts(condition)
        guard !keys.isEmpty else { return nodes }
        return nodes.map {
            $0.narrowed(keys) { table, column in
                guard let column = self.index.table(table)?.column(column) else { return false }
                return column.isNotNull || self.isNotNullDomain(column.type)
            }
        }
    }
}

extension RangeNode {
    /// The node with the columns named `alias.column` in `keys` NOT NULL.
    /// `declaredNotNull` says whether a table's column is NOT NULL, for the columns of an entry
    /// one of whose columns a condition requires.
    func narrowed(_ keys: Set<String>, declaredNotNull: (QualifiedName, String) -> Bool) -> RangeNode {
        switch self {
        case .leaf(var entry):
            var found = false
            for index in entry.columns.indices where keys.contains("\(entry.alias).\(entry.columns[index].name)") {
                entry.columns[index].notNull = true
                found = true
            }
            if found, entry.table != nil {
                for index in entry.columns.indices {
                    if let table = entry.columns[index].originTable, let column = entry.columns[index].originColumn, declaredNotNull(table, column) {
                        entry.columns[index].notNull = true
                    }
                }
            }
            return .leaf(entry)
        case .join(let left, let right, let merged):
            return .join(left.narrowed(keys, declaredNotNull: declaredNotNull), right.narrowed(keys, declaredNotNull: declaredNotNull), merged: merged)
        }
    }

    /// The node with the columns named `alias.column` in `keys` nullable.
    func widened(_ keys: Set<String>) -> RangeNode {
        switch self {
        case .leaf(var entry):
            for index in entry.columns.indices where keys.contains("\(entry.alias).\(entry.columns[index].name)") {
                entry.columns[index].notNull = false
            }
            return .leaf(entry)
        case .join(let left, let right, var merged):
            // A USING column merged from widened ones is widened too.
            for index in merged.indices where keys.contains(where: { $0.hasSuffix(".\(merged[index].name)") }) {
                merged[index].notNull = false
            }
            return .join(left.widened(keys), right.widened(keys), merged: merged)
        }
    }
}
