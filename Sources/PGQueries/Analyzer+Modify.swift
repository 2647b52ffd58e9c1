import PGSchema

extension Analyzer {
    /// The table an INSERT, UPDATE or DELETE writes, as a scope entry.
    func targetTable(_ name: NameParts, alias: String?, at: Int) throws(Diagnostic) -> (Table, RangeEntry) {
        let qualified = QualifiedName(schema: name.count > 1 ? name[name.count - 2] : "public", name.last!)
        guard let table = index.table(qualified) else {
            if index.views[qualified] != nil {
                throw error("cannot write to view \"\(qualified)\" in a typed query", at: at)
            }
            throw error("relation \"\(name.joined(separator: "."))\" does not exist", at: at)
        }
        var entry = try relation(name, parent: nil, at: at)
        if let alias { entry.alias = alias }
        return (table, entry)
    }

    func column(_ name: String, of table: Table, at: Int) throws(Diagnostic) -> Column {
        guard let column = table.column(name) else {
            throw error("column \"\(name)\" of relation \"\(table.name.name)\" does not exist", at: at)
        }
        return column
    }

    /// The value assigned to a column: a parameter takes the column's type (and its nullability).
    func assign(_ value: Expr, to column: Column, scope: Scope) throws(Diagnostic) {
        if case .defaultValue = value { return }
        let typed = try expression(value, scope)
        settleAssigned(typed, to: column)
        if typed.parameter == nil, !SQLTypes.isUnknown(typed.type), !assignable(typed.type, to: column.type) {
            throw error(
                "column \"\(column.name)\" is of type \(column.type) but expression is of type \(typed.type)", at: value.offset,
                note: "cast the expression, for example ::\(SQLTypes.plain(column.type))"
            )
        }
    }

    /// Assignment casts: implicit ones, and the numeric, string and date/time ones PostgreSQL allows in assignment.
    func assignable(_ from: ColumnType, to: ColumnType) -> Bool {
        let source = SQLTypes.plain(base(from))
        let target = SQLTypes.plain(base(to))
        if SQLTypes.castsImplicitly(source, to: target) { return true }
        guard source.arrayDimensions == target.arrayDimensions else { return false }
        let s = SQLTypes.category(source, isEnum: isEnum(source))
        let t = SQLTypes.category(target, isEnum: isEnum(target))
        if s == t && (s == .numeric || s == .string || s == .datetime) { return true }
        if t == .string && source.arrayDimensions == 0 { return true }
        if source.name == "json" && target.name == "jsonb" || source.name == "jsonb" && target.name == "json" { return true }
        return false
    }

    func returning(_ items: [SelectItem]?, scope: Scope) throws(Diagnostic) -> [Typed] {
        guard let items else { return [] }
        var columns: [Typed] = []
        for item in items {
            if case .star(let qualifier, let at) = item.expression {
                columns += try expandStar(qualifier, scope: scope, at: at)
                continue
            }
            var typed = try expression(item.expression, scope)
            if let alias = item.alias { typed.name = alias }
            if SQLTypes.isUnknown(typed.type), typed.parameter == nil { typed.type = SQLTypes.text }
            columns.append(typed)
        }
        return columns
    }

    func analyzeInsert(_ insert: InsertStatement, parent: Scope?) throws(Diagnostic) -> [Typed] {
        let outer = try withScope(insert.with, parent: parent)
        let (table, entry) = try targetTable(insert.table, alias: insert.alias, at: insert.at)
        let targets: [Column]
        if let columns = insert.columns {
            targets = try columns.map { name throws(Diagnostic) in try column(name.0, of: table, at: name.1) }
            var seen = Set<String>()
            for (name, at) in columns where !seen.insert(name).inserted {
                throw error("column \"\(name)\" specified more than once", at: at)
            }
        } else {
            targets = table.columns
        }
        if let source = insert.source {
            if case .values(let rows, _) = source.body, source.with == nil {
                let scope = Scope(parent: outer)
                for row in rows {
                    guard row.count <= targets.count else { throw error("INSERT has more expressions than target columns", at: row[targets.count].offset) }
                    if row.count < targets.count, insert.columns != nil { throw error("INSERT has more target columns than expressions", at: row.first?.offset ?? insert.at) }
                    for (value, column) in zip(row, targets) { try assign(value, to: column, scope: scope) }
                }
            } else {
                keepUnknownOutputs = true
                let columns = try analyzeQuery(source, parent: outer)
                keepUnknownOutputs = false
                guard columns.count <= targets.count else { throw error("INSERT has more expressions than target columns", at: source.at) }
                for (value, column) in zip(columns, targets) {
                    settleAssigned(value, to: column)
                    if value.parameter == nil, !SQLTypes.isUnknown(value.type), !assignable(value.type, to: column.type) {
                        throw error("column \"\(column.name)\" is of type \(column.type) but expression is of type \(value.type)", at: source.at, note: "cast the expression, for example ::\(SQLTypes.plain(column.type))")
                    }
                }
            }
        }
        let scope = Scope(nodes: [.leaf(entry)], parent: outer)
        for target in insert.conflictTarget {
            _ = try expression(target, scope)
        }
        if let condition = insert.conflictWhere { try booleanCondition(condition, scope, clause: "WHERE") }
        if let assignments = insert.conflictUpdate {
            var excluded = entry
            excluded.alias = "excluded"
            let conflictScope = Scope(nodes: [.leaf(entry), .leaf(excluded)], parent: outer)
            try assign(assignments, of: table, scope: conflictScope)
            if let condition = insert.conflictUpdateWhere { try booleanCondition(condition, conflictScope, clause: "WHERE") }
        }
        return try returning(insert.returning, scope: scope)
    }

    func analyzeUpdate(_ update: UpdateStatement, parent: Scope?) throws(Diagnostic) -> [Typed] {
        let outer = try withScope(update.with, parent: parent)
        let (table, entry) = try targetTable(update.table, alias: update.alias, at: update.at)
        let from = try fromList(update.from, parent: outer)
        let scope = Scope(nodes: [.leaf(entry)] + from, parent: outer)
        if let condition = update.whereClause { try booleanCondition(condition, scope, clause: "WHERE") }
        let columns = try returning(update.returning, scope: scope)
        try assign(update.assignments, of: table, scope: scope)
        return columns
    }

    /// SET's assignments; those from one `(SELECT …)` take its columns in order.
    func assign(_ assignments: [Assignment], of table: Table, scope: Scope) throws(Diagnostic) {
        var rowColumns: [Typed] = []
        for assignment in assignments {
            let target = try column(assignment.column, of: table, at: assignment.at)
            guard let position = assignment.position, case .scalarQuery(let query, let at) = assignment.value else {
                try assign(assignment.value, to: target, scope: scope)
                continue
            }
            if position == 0 {
                rowColumns = try analyzeQuery(query, parent: scope)
                let count = assignments.filter { $0.position != nil && $0.value.offset == at }.count
                guard rowColumns.count == count else {
                    throw error("number of columns does not match number of values", at: at)
                }
            }
            let typed = asSubqueryColumn(rowColumns[position])
            settleAssigned(typed, to: target)
            if typed.parameter == nil, !SQLTypes.isUnknown(typed.type), !assignable(typed.type, to: target.type) {
                throw error(
                    "column \"\(target.name)\" is of type \(target.type) but expression is of type \(typed.type)", at: at,
                    note: "cast the expression, for example ::\(SQLTypes.plain(target.type))"
                )
            }
        }
    }

    func analyzeDelete(_ delete: DeleteStatement, parent: Scope?) throws(Diagnostic) -> [Typed] {
        let outer = try withScope(delete.with, parent: parent)
        let (_, entry) = try targetTable(delete.table, alias: delete.alias, at: delete.at)
        let using = try fromList(delete.using, parent: outer)
        let scope = Scope(nodes: [.leaf(entry)] + using, parent: outer)
        if let condition = delete.whereClause { try booleanCondition(condition, scope, clause: "WHERE") }
        return try returning(delete.returning, scope: scope)
    }
}
