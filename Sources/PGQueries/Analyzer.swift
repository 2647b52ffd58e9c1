import PGSchema

/// Types the queries of a module against its folded schema: resolves every name with
/// PostgreSQL's scoping rules, infers result columns and parameters, and reports what cannot be
/// typed at its token.
final class Analyzer {
    let schema: Schema
    let index: SchemaIndex
    let catalog: Catalog
    let source: SourceFile
    /// Parameter states of the query being analysed.
    var parameters: [Int: ParameterState] = [:]
    /// View columns already typed, and views being typed (to stop a cycle).
    var viewColumns: [QualifiedName: [RangeColumn]]
    var viewsInProgress: Set<QualifiedName> = []
    /// While typing a view: the relations its text names as they were when it was created.
    var viewSources: [ViewSource] = []
    /// While typing a view created under another `search_path`: that path.
    var viewSearchPath: [String]?
    /// Set for the SELECT of an `INSERT … SELECT`: its unknown literals take the target columns'
    /// types instead of text (PostgreSQL does not resolve them there).
    var keepUnknownOutputs = false

    struct ParameterState {
        var spec: ParameterSpec
        var type: ColumnType?
        var hint: String?
        var nullableByColumn = false
    }

    init(schema: Schema, index: SchemaIndex? = nil, catalog: Catalog, source: SourceFile, viewColumns: [QualifiedName: [RangeColumn]] = [:]) {
        self.schema = schema
        self.index = index ?? SchemaIndex(schema)
        self.catalog = catalog
        self.source = source
        self.viewColumns = viewColumns
    }

    func error(_ message: String, at offset: Int, note: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: source.location(of: offset), note: note)
    }

    // MARK: - A whole query

    func analyze(_ query: QuerySource) throws(Diagnostic) -> AnalyzedQuery {
        parameters = [:]
        for spec in query.parameters { parameters[spec.number] = ParameterState(spec: spec) }
        var parser = QueryParser(tokens: query.tokens, source: source)
        let statement = try parser.statement()
        let output = try analyzeStatement(statement, parent: nil)
        var columns: [QueryColumn] = []
        for typed in output {
            var type = typed.type
            if SQLTypes.isUnknown(type) { type = SQLTypes.text }
            if type.name == "record" && type.schema == nil {
                throw error("result column \"\(typed.name ?? "?column?")\" is a record, which has no Swift type", at: query.offset, note: "select its fields one by one, or turn it into JSON with to_jsonb(…)")
            }
            columns.append(QueryColumn(name: typed.name ?? "?column?", type: type, isNotNull: typed.notNull, originTable: typed.originTable, originColumn: typed.originColumn))
        }
        var result: [QueryParameter] = []
        for number in parameters.keys.sorted() {
            let state = parameters[number]!
            guard let type = state.type else {
                let name = state.spec.name.map { "@\($0)" } ?? "$\(number)"
                throw error(
                    "could not determine the type of parameter \(name)", at: state.spec.offset,
                    note: "cast it where it is used, for example \(name)::text or \(name)::integer"
                )
            }
            let name = state.spec.name ?? state.hint ?? "p\(number)"
            result.append(QueryParameter(
                number: number, name: name, type: type, isNullable: state.spec.isNullable || state.nullableByColumn, isSlice: state.spec.isSlice
            ))
        }
        if query.command == .one || query.command == .many, columns.isEmpty {
            throw error("a :\(query.command.rawValue) query must return rows", at: query.offset, note: "use :exec or :execrows, or add RETURNING")
        }
        return AnalyzedQuery(
            name: query.name, command: query.command, doc: query.doc, sql: query.sql, location: source.location(of: query.offset),
            parameters: result, columns: columns, rowTable: rowTable(columns)
        )
    }

    /// The table whose row the columns are, in table order, with its NOT NULL columns never NULL.
    func rowTable(_ columns: [QueryColumn]) -> QualifiedName? {
        guard let name = columns.first?.originTable, let table = index.table(name), table.partitionOf == nil else { return nil }
        return QueryColumn.areRow(columns, of: name, columns: table.columns) ? name : nil
    }

    // MARK: - Parameters

    /// Gives an untyped parameter the type its context asks for.
    func settle(_ typed: Typed, as type: ColumnType, hint: String? = nil) {
        guard let number = typed.parameter, parameters[number]?.type == nil else { return }
        var type = SQLTypes.plain(type)
        if parameters[number]?.spec.isSlice == true && type.arrayDimensions == 0 { type.arrayDimensions = 1 }
        guard !SQLTypes.isUnknown(type), !type.name.hasPrefix("any") || type.schema != nil else { return }
        parameters[number]?.type = type
        if parameters[number]?.hint == nil { parameters[number]?.hint = hint }
    }

    /// A column a sub-query selects, as the query around it meets it: a parameter still untyped
    /// there is text by then (PostgreSQL resolves a select list's unknowns to text).
    func asSubqueryColumn(_ typed: Typed) -> Typed {
        guard typed.parameter != nil, SQLTypes.isUnknown(typed.type) else { return typed }
        settle(typed, as: SQLTypes.text)
        var resolved = typed
        resolved.type = SQLTypes.text
        resolved.parameter = nil
        return resolved
    }

    func settleAssigned(_ typed: Typed, to column: Column) {
        guard let number = typed.parameter, parameters[number]?.type == nil else { return }
        settle(typed, as: column.type, hint: column.name)
        if column.isNullable && !isNotNullDomain(column.type) { parameters[number]?.nullableByColumn = true }
    }

    // MARK: - Statements

    func analyzeStatement(_ statement: Statement, parent: Scope?) throws(Diagnostic) -> [Typed] {
        switch statement {
        case .query(let query): return try analyzeQuery(query, parent: parent)
        case .insert(let insert): return try analyzeInsert(insert, parent: parent)
        case .update(let update): return try analyzeUpdate(update, parent: parent)
        case .delete(let delete): return try analyzeDelete(delete, parent: parent)
        }
    }

    /// A scope holding the WITH clause's tables, each typed in order (a recursive one from its
    /// first branch, then from the whole union).
    func withScope(_ with: WithClause?, parent: Scope?) throws(Diagnostic) -> Scope? {
        guard let with else { return parent }
        let scope = Scope(parent: parent)
        for table in with.tables {
            func entry(_ columns: [Typed]) throws(Diagnostic) -> RangeEntry {
                var range = columns.map { RangeColumn(name: $0.name ?? "?column?", type: SQLTypes.isUnknown($0.type) ? SQLTypes.text : $0.type, notNull: $0.notNull, originTable: $0.originTable, originColumn: $0.originColumn) }
                if let names = table.columnNames {
                    guard names.count <= range.count else {
                        throw error("WITH query \"\(table.name)\" has \(range.count) columns available but \(names.count) columns specified", at: table.at)
                    }
                    for (index, name) in names.enumerated() { range[index].name = name }
                }
                return RangeEntry(alias: table.name, columns: range, table: nil)
            }
            if with.recursive, case .query(let query) = table.query, case .setOperation(let op, _, let left, _, _) = query.body, op == "union" {
                let first = try analyzeBody(left, parent: scope, orderBy: [], keepUnknowns: false)
                scope.commonTables[table.name] = try entry(first)
                // Again until nothing more becomes nullable: a column can take a NULL from
                // another column of the previous level, one level at a time.
                var all = try analyzeQuery(query, parent: scope)
                for _ in 0...all.count {
                    scope.commonTables[table.name] = try entry(all)
                    let again = try analyzeQuery(query, parent: scope)
                    if again.map(\.notNull) == all.map(\.notNull) { break }
                    all = again
                }
                scope.commonTables[table.name] = try entry(all)
            } else {
                scope.commonTables[table.name] = try entry(try analyzeStatement(table.query, parent: scope))
            }
        }
        return scope
    }

    func analyzeQuery(_ query: QueryExpr, parent: Scope?) throws(Diagnostic) -> [Typed] {
        let scope = try withScope(query.with, parent: parent)
        let keepUnknowns = keepUnknownOutputs
        keepUnknownOutputs = false
        let columns = try analyzeBody(query.body, parent: scope, orderBy: query.orderBy, keepUnknowns: keepUnknowns)
        // OFFSET before LIMIT, as PostgreSQL types them: in `LIMIT $1 OFFSET ($2 - 1) * $1`, `$1`
        // is an integer from the multiplication before LIMIT sees it.
        if let offset = query.offset { settle(try expression(offset, Scope(parent: scope)), as: SQLTypes.bigint) }
        if let limit = query.limit { settle(try expression(limit, Scope(parent: scope)), as: SQLTypes.bigint) }
        return columns
    }

    /// `keepUnknowns`: a branch of a set operation or the SELECT of an INSERT, whose unknown
    /// literals are typed by what they meet, not made text.
    func analyzeBody(_ body: QueryBody, parent: Scope?, orderBy: [OrderItem], keepUnknowns: Bool = false) throws(Diagnostic) -> [Typed] {
        switch body {
        case .select(let core):
            return try analyzeSelect(core, parent: parent, orderBy: orderBy, keepUnknowns: keepUnknowns)
        case .nested(let query):
            let columns = try analyzeQuery(query, parent: parent)
            try orderByOutput(orderBy, columns: columns, parent: parent)
            return columns
        case .values(let rows, let at):
            let scope = Scope(parent: parent)
            let typed = try rows.map { row throws(Diagnostic) in try row.map { expression throws(Diagnostic) in try self.expression(expression, scope) } }
            guard let width = typed.first?.count, typed.allSatisfy({ $0.count == width }) else {
                throw error("VALUES lists must all be the same length", at: at)
            }
            var columns: [Typed] = []
            for index in 0..<width {
                let column = typed.map { $0[index] }
                guard let common = SQLTypes.commonType(column.map(\.type), isEnum: isEnum) else {
                    throw error("VALUES types \(column.map { $0.type.description }.joined(separator: " and ")) cannot be matched", at: rows[0][index].offset)
                }
                for value in column { settle(value, as: common) }
                var result = Typed(common, notNull: column.allSatisfy(\.notNull), name: "column\(index + 1)")
                result.parameter = nil
                columns.append(result)
            }
            try orderByOutput(orderBy, columns: columns, parent: parent)
            return columns
        case .setOperation(let op, _, let left, let right, let at):
            let leftColumns = try analyzeBody(left, parent: parent, orderBy: [], keepUnknowns: true)
            let rightColumns = try analyzeBody(right, parent: parent, orderBy: [], keepUnknowns: true)
            guard leftColumns.count == rightColumns.count else {
                throw error("each \(op.uppercased()) query must have the same number of columns", at: at)
            }
            var columns: [Typed] = []
            for (l, r) in zip(leftColumns, rightColumns) {
                guard let common = SQLTypes.commonType([l.type, r.type], isEnum: isEnum) else {
                    throw error("\(op.uppercased()) types \(l.type) and \(r.type) cannot be matched", at: at, note: "cast one side, for example ::\(SQLTypes.plain(l.type))")
                }
                settle(l, as: common)
                settle(r, as: common)
                let notNull = op == "intersect" ? (l.notNull || r.notNull) : op == "except" ? l.notNull : (l.notNull && r.notNull)
                let type = SQLTypes.isUnknown(common) ? (keepUnknowns ? SQLTypes.unknown : SQLTypes.text) : keepModifiers(common, [l, r])
                columns.append(Typed(type, notNull: notNull, name: l.name))
            }
            try orderByOutput(orderBy, columns: columns, parent: parent)
            return columns
        }
    }

    /// ORDER BY of a set operation or VALUES: output names and positions, or expressions over them.
    func orderByOutput(_ orderBy: [OrderItem], columns: [Typed], parent: Scope?) throws(Diagnostic) {
        guard !orderBy.isEmpty else { return }
        let entry = RangeEntry(alias: "", columns: columns.map { RangeColumn(name: $0.name ?? "?column?", type: $0.type, notNull: $0.notNull) }, table: nil)
        let scope = Scope(nodes: [.leaf(entry)], parent: parent)
        for item in orderBy {
            if case .integer = item.expression { continue }
            _ = try expression(item.expression, scope)
        }
    }

    func analyzeSelect(_ core: SelectCore, parent: Scope?, orderBy: [OrderItem], keepUnknowns: Bool) throws(Diagnostic) -> [Typed] {
        let scope = Scope(parent: parent)
        scope.groupsHaveRows = !core.groupBy.isEmpty && core.groupingSets.isEmpty
        for (name, spec) in core.windows where scope.windows[name] == nil { scope.windows[name] = spec }
        scope.nodes = try fromList(core.from, parent: parent)
        scope.nodes = narrow(scope.nodes, by: core.whereClause, scope: scope)
        // The subtotal rows of ROLLUP, CUBE and GROUPING SETS hold NULL in the columns they
        // aggregate over (after WHERE, so its narrowing does not hold for them).
        let whereScope = scope.nodes
        if !core.groupingSets.isEmpty {
            var keys: Set<String> = []
            func collect(_ expression: Expr) {
                if case .column(let parts, _) = expression, let found = columnKeys(parts, scope) { keys.formUnion(found) }
                for child in children(expression) { collect(child) }
            }
            for item in core.groupingSets {
                // An output position or an output column's name stands for its expression.
                if case .integer(let digits, _) = item, let position = Int(digits), position >= 1, position <= core.items.count {
                    collect(core.items[position - 1].expression)
                } else if case .column(let parts, _) = item, parts.count == 1, columnKeys(parts, scope) == nil,
                          let aliased = core.items.first(where: { $0.alias == parts[0] }) {
                    collect(aliased.expression)
                } else {
                    collect(item)
                }
            }
            scope.nodes = scope.nodes.map { $0.widened(keys) }
        }
        var columns: [Typed] = []
        for item in core.items {
            if case .star(let qualifier, let at) = item.expression {
                columns += try expandStar(qualifier, scope: scope, at: at)
                continue
            }
            var typed = try expression(item.expression, scope)
            if let alias = item.alias { typed.name = alias }
            if typed.name == nil { typed.name = "?column?" }
            columns.append(typed)
        }
        if let condition = core.whereClause {
            let grouped = scope.nodes
            scope.nodes = whereScope
            try booleanCondition(condition, scope, clause: "WHERE")
            scope.nodes = grouped
        }
        for expression in core.groupBy { try groupOrOrder(expression, scope: scope, columns: columns) }
        if let having = core.having { try booleanCondition(having, scope, clause: "HAVING") }
        for (_, spec) in core.windows { try window(spec, scope) }
        for expression in core.distinctOn { _ = try self.expression(expression, scope) }
        for item in orderBy { try groupOrOrder(item.expression, scope: scope, columns: columns) }
        try checkGrouping(core, scope: scope, orderBy: orderBy)
        // Unknown literals in the select list become text, as PostgreSQL resolves them.
        for index in columns.indices where !keepUnknowns && SQLTypes.isUnknown(columns[index].type) && columns[index].parameter == nil {
            columns[index].type = SQLTypes.text
        }
        return columns
    }

    /// A GROUP BY or ORDER BY item: an output position, an output name, or an expression.
    func groupOrOrder(_ expression: Expr, scope: Scope, columns: [Typed]) throws(Diagnostic) {
        if case .integer(let digits, let at) = expression {
            guard let position = Int(digits), position >= 1, position <= columns.count else {
                throw error("position \(digits) is not in the select list", at: at)
            }
            return
        }
        if case .column(let parts, _) = expression, parts.count == 1, columns.contains(where: { $0.name == parts[0] }) {
            if (try? self.expression(expression, scope)) == nil { return }
        }
        _ = try self.expression(expression, scope)
    }

    func booleanCondition(_ condition: Expr, _ scope: Scope, clause: String) throws(Diagnostic) {
        let typed = try expression(condition, scope)
        settle(typed, as: SQLTypes.boolean)
        if typed.parameter == nil, typed.type.name != "boolean", !SQLTypes.isUnknown(typed.type) {
            throw error("argument of \(clause) must be type boolean, not type \(typed.type)", at: condition.offset)
        }
    }

    func expandStar(_ qualifier: NameParts?, scope: Scope, at: Int) throws(Diagnostic) -> [Typed] {
        let columns: [RangeColumn]
        if let qualifier {
            guard let entry = findEntry(qualifier, in: scope) else {
                throw error("missing FROM-clause entry for table \"\(qualifier.joined(separator: "."))\"", at: at)
            }
            columns = entry.columns
        } else {
            guard !scope.nodes.isEmpty else { throw error("SELECT * with no tables specified is not valid", at: at) }
            columns = scope.nodes.flatMap(\.visibleColumns)
        }
        return columns.map(typed)
    }

    func typed(_ column: RangeColumn) -> Typed {
        var result = Typed(column.type, notNull: column.notNull, name: column.name)
        result.originTable = column.originTable
        result.originColumn = column.originColumn
        return result
    }

    /// The entry called `qualifier` (`t` or `schema.t`) in this scope or an outer one.
    func findEntry(_ qualifier: NameParts, in scope: Scope?) -> RangeEntry? {
        var current = scope
        while let level = current {
            let matches = level.nodes.flatMap(\.leaves).filter { entry in
                guard entry.alias == qualifier.last else { return false }
                if qualifier.count > 1 { return entry.table?.schema == qualifier[qualifier.count - 2] }
                return true
            }
            if let first = matches.first { return first }
            current = level.parent
        }
        return nil
    }

    // MARK: - FROM

    func fromList(_ items: [FromItem], parent: Scope?) throws(Diagnostic) -> [RangeNode] {
        var nodes: [RangeNode] = []
        for item in items {
            nodes.append(try fromItem(item, parent: parent, lateral: nodes))
        }
        var seen: [String: Int] = [:]
        for (leaf, at) in zip(nodes.flatMap(\.leaves), items.flatMap(Self.leafOffsets)) {
            if seen[leaf.alias] != nil, !leaf.alias.isEmpty {
                throw error("table name \"\(leaf.alias)\" specified more than once", at: at)
            }
            seen[leaf.alias] = at
        }
        return nodes
    }

    static func leafOffsets(_ item: FromItem) -> [Int] {
        switch item {
        case .relation(_, _, _, let at), .subquery(_, _, _, _, let at), .function(_, _, _, _, _, let at): [at]
        case .join(let left, _, let right, _, _): leafOffsets(left) + leafOffsets(right)
        }
    }

    /// One FROM item; `lateral` are the items before it, which a LATERAL item (and a function) may use.
    func fromItem(_ item: FromItem, parent: Scope?, lateral: [RangeNode]) throws(Diagnostic) -> RangeNode {
        switch item {
        case .relation(let name, let alias, let columnAliases, let at):
            var entry = try relation(name, parent: parent, at: at)
            if let alias { entry.alias = alias }
            try rename(&entry, columnAliases, at: at)
            return .leaf(entry)
        case .subquery(let query, let alias, let columnAliases, let isLateral, let at):
            let scope = isLateral ? Scope(nodes: lateral, parent: parent) : parent
            let columns = try analyzeQuery(query, parent: scope)
            var entry = RangeEntry(alias: alias, columns: columns.map { RangeColumn(name: $0.name ?? "?column?", type: SQLTypes.isUnknown($0.type) ? SQLTypes.text : $0.type, notNull: $0.notNull, originTable: $0.originTable, originColumn: $0.originColumn) }, table: nil)
            try rename(&entry, columnAliases, at: at)
            return .leaf(entry)
        case .function(let call, let alias, _, _, let ordinality, let at) where call.columnDefinitions != nil:
            // A function returning records, its columns defined where it is called.
            let scope = Scope(nodes: lateral, parent: parent)
            let typed = try function(call, scope)
            guard typed.type.name == "record" else {
                throw error("a column definition list is only allowed for functions returning \"record\"", at: at)
            }
            var columns: [RangeColumn] = []
            for definition in call.columnDefinitions ?? [] {
                columns.append(RangeColumn(name: definition.name, type: try resolveWritten(definition.type, at: definition.at), notNull: false))
            }
            if ordinality { columns.append(RangeColumn(name: "ordinality", type: SQLTypes.bigint, notNull: true)) }
            return .leaf(RangeEntry(alias: alias ?? call.name.last ?? "?column?", columns: columns, table: nil))
        case .function(let call, let alias, let columnAliases, _, let ordinality, _)
            where call.arguments.count == 1 && Self.eachFunctions[call.name.last ?? ""] != nil && (call.name.count == 1 || call.name[0] == "pg_catalog"):
            // jsonb_each(…) and its kin: a key and a value per member of an object.
            let name = call.name.last ?? ""
            let scope = Scope(nodes: lateral, parent: parent)
            let argument = try expression(call.arguments[0], scope)
            let json = name.hasPrefix("jsonb") ? SQLTypes.named("jsonb") : SQLTypes.named("json")
            settle(argument, as: json)
            var columns = [
                RangeColumn(name: "key", type: SQLTypes.text, notNull: true),
                // A JSON null member is `'null'` as json, NULL only as text.
                RangeColumn(name: "value", type: Self.eachFunctions[name]! ? SQLTypes.text : json, notNull: !Self.eachFunctions[name]!),
            ]
            if ordinality { columns.append(RangeColumn(name: "ordinality", type: SQLTypes.bigint, notNull: true)) }
            for (index, alias) in (columnAliases ?? []).prefix(columns.count).enumerated() { columns[index].name = alias }
            return .leaf(RangeEntry(alias: alias ?? name, columns: columns, table: nil))
        case .function(let call, let alias, let columnAliases, _, let ordinality, let at)
            where call.name.last == "unnest" && call.name.count <= 2 && call.arguments.count > 1:
            // `unnest($1::int[], $2::text[]) AS u(q, p)`: the arrays side by side, one column
            // each, NULL where one is shorter (the bulk-insert idiom).
            let scope = Scope(nodes: lateral, parent: parent)
            var columns: [RangeColumn] = []
            for (index, argument) in call.arguments.enumerated() {
                let typed = try expression(argument, scope)
                guard typed.type.arrayDimensions > 0 else {
                    throw error("function unnest(\(typed.type)) does not exist: each argument of unnest is an array", at: argument.offset,
                                note: SQLTypes.isUnknown(typed.type) ? "cast it, for example $1::int[]" : nil)
                }
                let name = columnAliases.flatMap { index < $0.count ? $0[index] : nil } ?? "unnest"
                columns.append(RangeColumn(name: name, type: typed.type.element, notNull: false))
            }
            if ordinality {
                let name = columnAliases.flatMap { columns.count < $0.count ? $0[columns.count] : nil } ?? "ordinality"
                columns.append(RangeColumn(name: name, type: SQLTypes.bigint, notNull: true))
            }
            if let columnAliases, columnAliases.count > columns.count {
                throw error("too many column aliases specified for function unnest", at: at)
            }
            return .leaf(RangeEntry(alias: alias ?? "unnest", columns: columns, table: nil))
        case .function(let call, let alias, let columnAliases, _, let ordinality, let at):
            let scope = Scope(nodes: lateral, parent: parent)
            let typed = try function(call, scope)
            let name = alias ?? call.name.last ?? "?column?"
            var columns = [RangeColumn(name: columnAliases?.first ?? alias ?? call.name.last ?? "?column?", type: typed.type, notNull: typed.notNull)]
            if ordinality { columns.append(RangeColumn(name: "ordinality", type: SQLTypes.bigint, notNull: true)) }
            if let columnAliases, columnAliases.count > 1 {
                guard columnAliases.count <= columns.count else { throw error("too many column aliases specified for function \(call.name.joined(separator: "."))", at: at) }
                for (index, alias) in columnAliases.enumerated() { columns[index].name = alias }
            }
            return .leaf(RangeEntry(alias: name, columns: columns, table: nil))
        case .join(let leftItem, let kind, let rightItem, let condition, let at):
            var left = try fromItem(leftItem, parent: parent, lateral: lateral)
            var right = try fromItem(rightItem, parent: parent, lateral: lateral + [left])
            if kind == .left || kind == .full { right = right.nullable }
            if kind == .right || kind == .full { left = left.nullable }
            var merged: [RangeColumn] = []
            var names: [(String, Int)] = []
            switch condition {
            case .using(let columns): names = columns
            case .natural:
                let rightNames = Set(right.visibleColumns.map(\.name))
                names = left.visibleColumns.map(\.name).filter { rightNames.contains($0) }.map { ($0, at) }
            case .on, .none: break
            }
            for (name, offset) in names {
                let l = left.lookup(name)
                let r = right.lookup(name)
                guard l.count == 1 else {
                    throw error(l.isEmpty ? "column \"\(name)\" specified in USING clause does not exist in left table" : "common column name \"\(name)\" appears more than once in left table", at: offset)
                }
                guard r.count == 1 else {
                    throw error(r.isEmpty ? "column \"\(name)\" specified in USING clause does not exist in right table" : "common column name \"\(name)\" appears more than once in right table", at: offset)
                }
                guard let common = SQLTypes.commonType([l[0].type, r[0].type], isEnum: isEnum) else {
                    throw error("JOIN/USING types \(l[0].type) for column \"\(name)\" and \(r[0].type) cannot be matched", at: offset)
                }
                var column = kind == .right ? r[0] : l[0]
                if !SQLTypes.same(common, column.type) { column.type = common }
                switch kind {
                case .inner, .cross: column.notNull = true // equal values are never NULL
                case .left: column.notNull = l[0].notNull
                case .right: column.notNull = r[0].notNull
                case .full: column.notNull = l[0].notNull || r[0].notNull
                }
                if kind == .full { column.originTable = nil; column.originColumn = nil }
                merged.append(column)
            }
            if case .on(let expression) = condition {
                let scope = Scope(nodes: lateral + [left, right], parent: parent)
                try booleanCondition(expression, scope, clause: "JOIN/ON")
            }
            return .join(left, right, merged: merged)
        }
    }

    /// The functions that give a row per member of a JSON object, and whether the value is text.
    static let eachFunctions: [String: Bool] = ["jsonb_each": false, "jsonb_each_text": true, "json_each": false, "json_each_text": true]

    func rename(_ entry: inout RangeEntry, _ aliases: [String]?, at: Int) throws(Diagnostic) {
        guard let aliases else { return }
        guard aliases.count <= entry.columns.count else {
            throw error("table \"\(entry.alias)\" has \(entry.columns.count) columns available but \(aliases.count) columns specified", at: at)
        }
        for (index, alias) in aliases.enumerated() { entry.columns[index].name = alias }
    }

    /// A table, view or CTE by name.
    func relation(_ name: NameParts, parent: Scope?, at: Int) throws(Diagnostic) -> RangeEntry {
        if name.count == 1, let common = parent?.commonTable(name[0]) { return common }
        var qualified = QualifiedName(schema: name.count > 1 ? name[name.count - 2] : "public", name.last!)
        if name.count == 1, let path = viewSearchPath {
            // A view's unqualified names were looked for along the path it was created under.
            let found = path.lazy.map { QualifiedName(schema: $0, name[0]) }.first { candidate in
                self.viewSources.contains { $0.written == candidate } || self.index.table(candidate) != nil || self.index.views[candidate] != nil
            }
            if let found { qualified = found }
        }
        // A view reads what it read when it was created, renamed since or with columns added since.
        let source = viewSources.first { $0.written == qualified }
        if let table = index.table(source?.current ?? qualified) {
            // A domain column is described by PostgreSQL as its base type; its NOT NULL stays.
            func described(_ column: Column, as name: String) -> RangeColumn {
                RangeColumn(name: name, type: base(column.type), notNull: column.isNotNull || isNotNullDomain(column.type), originTable: table.name, originColumn: column.name)
            }
            let columns = source?.columns.map { kept in
                kept.compactMap { kept in table.columns.first { $0.name == kept.current }.map { described($0, as: kept.written) } }
            } ?? table.columns.map { described($0, as: $0.name) }
            return RangeEntry(alias: qualified.name, columns: columns, table: table.name)
        }
        if let view = index.views[source?.current ?? qualified] {
            var columns = try columns(of: view, at: at).map { column in
                var column = column
                column.originTable = nil
                column.originColumn = nil
                return column
            }
            // A view replaced since with more columns is read as far as it was.
            if let replaced = source?.replaced.first, let count = (try? typedColumns(of: replaced))?.count, count < columns.count {
                columns.removeLast(columns.count - count)
            }
            // A view reading this one names its columns as they were before renames since.
            for rename in (source?.renamedColumns ?? []).reversed() {
                if let index = columns.firstIndex(where: { $0.name == rename.current }) { columns[index].name = rename.written }
            }
            return RangeEntry(alias: qualified.name, columns: columns, table: nil)
        }
        throw error("relation \"\(name.joined(separator: "."))\" does not exist", at: at)
    }

    /// A view's columns, typed by analysing its query as written in the migrations.
    func columns(of view: View, at: Int) throws(Diagnostic) -> [RangeColumn] {
        if let known = viewColumns[view.name] { return known }
        guard !viewsInProgress.contains(view.name) else { throw error("view \(view.name) refers to itself", at: at) }
        viewsInProgress.insert(view.name)
        defer { viewsInProgress.remove(view.name) }
        do throws(Diagnostic) {
            let columns = try typedColumns(of: view)
            viewColumns[view.name] = columns
            return columns
        } catch {
            throw self.error("view \(view.name) (\(view.provenance.lastChanged)) cannot be typed: \(error.message)", at: at)
        }
    }

    /// ``columns(of:at:)`` without its cache: also for a view's definition before it was replaced.
    func typedColumns(of view: View) throws(Diagnostic) -> [RangeColumn] {
        let viewSource = SourceFile(path: view.provenance.lastChanged.file, text: view.query)
        let lexed = Lexer.lex(viewSource)
        let inner = Analyzer(schema: schema, index: index, catalog: catalog, source: viewSource, viewColumns: viewColumns)
        inner.viewsInProgress = viewsInProgress
        inner.viewSources = view.sources
        inner.viewSearchPath = view.searchPath
        guard let tokens = lexed.statements.first?.tokens else { throw Diagnostic(.error, "empty view query", at: view.provenance.lastChanged) }
        var parser = QueryParser(tokens: tokens, source: viewSource)
        let output = try inner.analyzeStatement(try parser.statement(), parent: nil)
        var columns = output.map { RangeColumn(name: $0.name ?? "?column?", type: SQLTypes.isUnknown($0.type) ? SQLTypes.text : $0.type, notNull: $0.notNull, originTable: $0.originTable, originColumn: $0.originColumn) }
        // `CREATE VIEW v (a, b)` names the first columns.
        if let names = view.columnNames {
            guard names.count <= columns.count else { throw Diagnostic(.error, "CREATE VIEW specifies more column names than columns", at: view.provenance.lastChanged) }
            for (index, name) in names.enumerated() { columns[index].name = name }
        }
        // `ALTER VIEW … RENAME COLUMN`, in order.
        for rename in view.columnRenames {
            guard let index = columns.firstIndex(where: { $0.name == rename.written }) else {
                throw Diagnostic(.error, "column \"\(rename.written)\" of view \(view.name) does not exist to be renamed", at: view.provenance.lastChanged)
            }
            guard !columns.contains(where: { $0.name == rename.current }) else {
                throw Diagnostic(.error, "column \"\(rename.current)\" of view \(view.name) already exists (ALTER VIEW … RENAME COLUMN)", at: view.provenance.lastChanged)
            }
            columns[index].name = rename.current
        }
        viewColumns = inner.viewColumns
        return columns
    }

    func isEnum(_ type: ColumnType) -> Bool {
        guard type.arrayDimensions == 0, let name = type.qualifiedName else { return false }
        return index.enums.contains(name)
    }

    func isNotNullDomain(_ type: ColumnType) -> Bool {
        guard type.arrayDimensions == 0, let name = type.qualifiedName, let domain = index.domain(name) else { return false }
        return domain.isNotNull || isNotNullDomain(domain.baseType)
    }

    /// A domain's base type (PostgreSQL describes a domain column with its base type); others as they are.
    func base(_ type: ColumnType) -> ColumnType {
        guard let name = type.qualifiedName, let domain = index.domain(name) else { return type }
        var result = base(domain.baseType)
        result.arrayDimensions += type.arrayDimensions
        return result
    }
}

/// The schema's objects by name, looked up for every reference, and the overload resolutions
/// already made (the same operator meets the same types again and again).
final class SchemaIndex {
    let tables: [QualifiedName: Table]
    let views: [QualifiedName: View]
    let enums: Set<QualifiedName>
    let domains: [QualifiedName: Domain]

    init(_ schema: Schema) {
        tables = Dictionary(schema.tables.map { ($0.name, $0) }) { first, _ in first }
        views = Dictionary(schema.views.map { ($0.name, $0) }) { first, _ in first }
        enums = Set(schema.enums.map(\.name))
        domains = Dictionary(schema.domains.map { ($0.name, $0) }) { first, _ in first }
    }

    struct ResolutionKey: Hashable {
        var name: String
        var types: [ColumnType]
    }

    var resolutions: [ResolutionKey: (entry: Catalog.Entry, arguments: [ColumnType])?] = [:]

    func table(_ name: QualifiedName) -> Table? { tables[name] }
    func domain(_ name: QualifiedName) -> Domain? { domains[name] }
}
