import PGSchema

extension Analyzer {
    /// Whether a table's row is always there (so its system columns are not NULL): not on the
    /// nullable side of an outer join, as its NOT NULL columns still being NOT NULL shows (a
    /// table without one counts as maybe absent).
    func rowIsThere(_ entry: RangeEntry) -> Bool {
        guard let table = entry.table.flatMap({ index.table($0) }) else { return false }
        return entry.columns.contains { column in
            column.notNull && table.column(column.originColumn ?? column.name)?.isNotNull == true
        }
    }

    /// The system columns every table has, and their types.
    static let systemColumns: [String: String] = [
        "ctid": "tid", "xmin": "xid", "xmax": "xid", "cmin": "cid", "cmax": "cid", "tableoid": "oid",
    ]

    /// The operators that compare two rows field by field.
    static let rowComparisons: Set<String> = ["=", "<>", "!=", "<", ">", "<=", ">="]

    // MARK: - Expressions

    func expression(_ expr: Expr, _ scope: Scope) throws(Diagnostic) -> Typed {
        switch expr {
        case .column(let parts, let at):
            return try columnReference(parts, scope, at: at)
        case .star(_, let at):
            throw error("a * is only allowed in a select list or count(*)", at: at)
        case .parameter(let number, let at):
            guard let state = parameters[number] else { throw error("parameter $\(number) is unknown", at: at) }
            let notNull = !state.spec.isNullable
            if let type = state.type { return Typed(type, notNull: notNull, name: "?column?") }
            return Typed(SQLTypes.unknown, notNull: notNull, parameter: number, name: "?column?")
        case .integer(let digits, _):
            if Int32(digits) != nil { return Typed(SQLTypes.integer, notNull: true, name: "?column?") }
            if Int64(digits) != nil { return Typed(SQLTypes.bigint, notNull: true, name: "?column?") }
            return Typed(SQLTypes.numeric, notNull: true, name: "?column?")
        case .decimal:
            return Typed(SQLTypes.numeric, notNull: true, name: "?column?")
        case .string:
            return Typed(SQLTypes.unknown, notNull: true, name: "?column?")
        case .boolean:
            return Typed(SQLTypes.boolean, notNull: true, name: "bool")
        case .null:
            return Typed(SQLTypes.unknown, notNull: false, name: "?column?")
        case .defaultValue(let at):
            throw error("DEFAULT is only allowed in INSERT values and UPDATE SET", at: at)
        case .cast(let inner, let written, let at):
            let value = try expression(inner, scope)
            let type = try resolveWritten(written, at: at)
            settle(value, as: type)
            var result = Typed(type, notNull: value.notNull, name: value.name == "?column?" || value.name == nil ? castName(type) : value.name)
            if value.parameter != nil { result.name = castName(type) }
            return result
        case .typedString(let written, _, let at):
            let type = try resolveWritten(written, at: at)
            return Typed(type, notNull: true, name: castName(type))
        case .unary(let op, let operand, let at):
            let value = try expression(operand, scope)
            return try applyOperator(op, [value], at: at)
        case .binary(let op, .row(let lefts, _), .row(let rights, _), let at) where Self.rowComparisons.contains(op):
            // `(created_at, id) < ($1, $2)`: compared field by field, each pair as two values.
            guard lefts.count == rights.count else { throw error("unequal number of entries in row expressions", at: at) }
            var notNull = true
            for (left, right) in zip(lefts, rights) {
                let result = try applyOperator(op == "!=" ? "<>" : op, [try expression(left, scope), try expression(right, scope)], at: at)
                notNull = notNull && result.notNull
            }
            return Typed(SQLTypes.boolean, notNull: notNull, name: "?column?")
        case .binary(let op, .row(let lefts, _), .scalarQuery(let query, _), let at) where Self.rowComparisons.contains(op):
            // `(a, b) = (SELECT x, y …)`: each field against the subquery's column in its place;
            // NULL when the subquery returns no row.
            let columns = try analyzeQuery(query, parent: scope)
            guard columns.count == lefts.count else {
                throw error(columns.count > lefts.count ? "subquery has too many columns" : "subquery has too few columns", at: at)
            }
            var notNull = returnsExactlyOneRow(query)
            for (left, column) in zip(lefts, columns) {
                notNull = try applyOperator(op == "!=" ? "<>" : op, [try expression(left, scope), asSubqueryColumn(column)], at: at).notNull && notNull
            }
            return Typed(SQLTypes.boolean, notNull: notNull, name: "?column?")
        case .binary(let op, let left, let right, let at):
            let l = try expression(left, scope)
            let r = try expression(right, scope)
            return try applyOperator(op, [l, r], at: at)
        case .not(let operand, let at):
            let value = try expression(operand, scope)
            try requireBoolean(value, "NOT", at: at)
            return Typed(SQLTypes.boolean, notNull: value.notNull, name: "?column?")
        case .and(let left, let right, let at), .or(let left, let right, let at):
            let l = try expression(left, scope)
            let r = try expression(right, scope)
            try requireBoolean(l, "AND/OR", at: at)
            try requireBoolean(r, "AND/OR", at: at)
            return Typed(SQLTypes.boolean, notNull: l.notNull && r.notNull, name: "?column?")
        case .isTest(let operand, let test, _, let other, let at):
            let value = try expression(operand, scope)
            if test == "distinct", let other {
                let o = try expression(other, scope)
                _ = try applyOperator("=", [value, o], at: at)
            } else if test == "true" || test == "false" {
                try requireBoolean(value, "IS \(test.uppercased())", at: at)
            } else if value.parameter != nil {
                throw error("could not determine the type of a parameter tested with IS NULL", at: at, note: "cast it, for example $1::text IS NULL")
            }
            return Typed(SQLTypes.boolean, notNull: true, name: "?column?")
        case .between(let operand, let low, let high, _, let at):
            let value = try expression(operand, scope)
            let l = try expression(low, scope)
            let h = try expression(high, scope)
            let first = try applyOperator(">=", [value, l], at: at)
            let second = try applyOperator("<=", [value, h], at: at)
            return Typed(SQLTypes.boolean, notNull: first.notNull && second.notNull, name: "?column?")
        case .inList(let operand, let list, _, let at):
            // `(a, b) IN ((1, 2), ($1, $2))`: compared field by field, as PostgreSQL compares rows.
            if case .row(let fields, _) = operand {
                let rows = list.compactMap { item -> [Expr]? in
                    guard case .row(let items, _) = item, items.count == fields.count else { return nil }
                    return items
                }
                if rows.count == list.count {
                    // An OR of row equalities: each pair is compared with its own `=`.
                    var values: [Typed] = []
                    for field in fields { values.append(try expression(field, scope)) }
                    var notNull = true
                    for row in rows {
                        for (value, item) in zip(values, row) {
                            notNull = try applyOperator("=", [value, try expression(item, scope)], at: at).notNull && notNull
                        }
                    }
                    return Typed(SQLTypes.boolean, notNull: notNull, name: "?column?")
                }
            }
            let value = try expression(operand, scope)
            let items = try list.map { item throws(Diagnostic) in try expression(item, scope) }
            let all = [value] + items
            if let common = SQLTypes.commonType(all.map { base($0.type) }, isEnum: isEnum), !SQLTypes.isUnknown(common) {
                for item in all { settle(item, as: common) }
                return Typed(SQLTypes.boolean, notNull: all.allSatisfy(\.notNull), name: "?column?")
            }
            var notNull = value.notNull
            for item in items { notNull = try applyOperator("=", [value, item], at: at).notNull && notNull }
            return Typed(SQLTypes.boolean, notNull: notNull, name: "?column?")
        case .inQuery(let operand, let query, _, let at), .anyQuery(_, let operand, let query, _, let at):
            var op = "="
            if case .anyQuery(let written, _, _, _, _) = expr { op = written }
            // `(tenant_id, id) IN (SELECT tenant_id, id …)`: a row against the subquery's columns.
            if case .row(let items, _) = operand {
                let columns = try analyzeQuery(query, parent: scope)
                guard columns.count == items.count else {
                    throw error(columns.count > items.count ? "subquery has too many columns" : "subquery has too few columns", at: at)
                }
                for (item, column) in zip(items, columns) { _ = try applyOperator(op, [try expression(item, scope), column], at: at) }
                return Typed(SQLTypes.boolean, notNull: false, name: "?column?")
            }
            let value = try expression(operand, scope)
            let columns = try analyzeQuery(query, parent: scope)
            guard columns.count == 1 else { throw error(columns.count > 1 ? "subquery has too many columns" : "subquery has too few columns", at: at) }
            _ = try applyOperator(op, [value, columns[0]], at: at)
            return Typed(SQLTypes.boolean, notNull: false, name: "?column?")
        case .anyArray(let op, let operand, let arrayExpr, _, let at):
            let value = try expression(operand, scope)
            let array = try expression(arrayExpr, scope)
            var element = array
            element.parameter = nil
            if array.parameter == nil {
                guard array.type.arrayDimensions > 0 || SQLTypes.isUnknown(array.type) else {
                    throw error("op ANY/ALL (array) requires an array on the right side, not \(array.type)", at: arrayExpr.offset)
                }
                if !SQLTypes.isUnknown(array.type) { element.type = array.type.element }
            }
            let (entry, arguments) = try resolveOperator(op, [value, element], at: at)
            _ = entry
            if array.parameter != nil {
                var type = arguments[1]
                type.arrayDimensions = 1
                settle(array, as: type, hint: value.originColumn.map { $0 + "s" })
                if parameters[array.parameter!]?.spec.name == nil, let column = value.originColumn { parameters[array.parameter!]?.hint = column + "s" }
            }
            // An element may be NULL, and then `x = ANY(…)` without a match is NULL; only an
            // array the function binds (a Swift array of non-optional values) has none.
            var elementsNotNull = false
            if case .parameter = arrayExpr { elementsNotNull = true }
            if case .cast(.parameter, _, _) = arrayExpr { elementsNotNull = true }
            return Typed(SQLTypes.boolean, notNull: value.notNull && array.notNull && elementsNotNull, name: "?column?")
        case .call(let call):
            return try function(call, scope)
        case .caseWhen(let operand, let branches, let otherwise, let at):
            var subject: Typed?
            if let operand { subject = try expression(operand, scope) }
            var results: [Typed] = []
            for (condition, result) in branches {
                let test = try expression(condition, scope)
                if let subject {
                    _ = try applyOperator("=", [subject, test], at: condition.offset)
                } else {
                    try requireBoolean(test, "CASE/WHEN", at: condition.offset)
                }
                results.append(try expression(result, scope))
            }
            if let otherwise { results.append(try expression(otherwise, scope)) }
            guard let common = SQLTypes.commonType(results.map { base($0.type) }, isEnum: isEnum) else {
                throw error("CASE types \(results.map { $0.type.description }.joined(separator: " and ")) cannot be matched", at: at, note: "cast the results to one type")
            }
            for result in results { settle(result, as: common) }
            let type = SQLTypes.isUnknown(common) ? SQLTypes.text : keepModifiers(common, results)
            return Typed(type, notNull: otherwise != nil && results.allSatisfy(\.notNull), name: "case")
        case .scalarQuery(let query, let at):
            let columns = try analyzeQuery(query, parent: scope)
            guard columns.count == 1 else { throw error(columns.count > 1 ? "subquery must return only one column" : "subquery has too few columns", at: at) }
            var result = columns[0]
            result.notNull = result.notNull && returnsExactlyOneRow(query)
            result.parameter = nil
            result.originTable = nil
            result.originColumn = nil
            return result
        case .exists(let query, _):
            _ = try analyzeQuery(query, parent: scope)
            return Typed(SQLTypes.boolean, notNull: true, name: "exists")
        case .arrayQuery(let query, let at):
            let columns = try analyzeQuery(query, parent: scope)
            guard columns.count == 1 else { throw error("subquery must return only one column", at: at) }
            var type = SQLTypes.plain(columns[0].type)
            type.arrayDimensions += 1
            return Typed(type, notNull: true, name: "array")
        case .array(let items, let at):
            let typed = try items.map { item throws(Diagnostic) in try expression(item, scope) }
            guard !typed.isEmpty else {
                throw error("cannot determine type of empty array", at: at, note: "cast it, for example ARRAY[]::text[]")
            }
            guard let common = SQLTypes.commonType(typed.map { base($0.type) }, isEnum: isEnum) else {
                throw error("ARRAY types \(typed.map { $0.type.description }.joined(separator: " and ")) cannot be matched", at: at)
            }
            for item in typed { settle(item, as: common) }
            var type = SQLTypes.plain(SQLTypes.isUnknown(common) ? SQLTypes.text : common)
            type.arrayDimensions += 1
            return Typed(type, notNull: true, name: "array")
        case .row(let items, _):
            for item in items { _ = try expression(item, scope) }
            return Typed(SQLTypes.named("record"), notNull: true, name: "row")
        case .subscript(let base, let index, let upper, let isSlice, let at):
            let value = try expression(base, scope)
            let i = try expression(index, scope)
            if let upper { settle(try expression(upper, scope), as: SQLTypes.integer) }
            if value.type.name == "jsonb" && value.type.arrayDimensions == 0 {
                settle(i, as: SQLTypes.text)
                return Typed(SQLTypes.jsonb, notNull: false, name: value.name)
            }
            guard value.type.arrayDimensions > 0 else { throw error("cannot subscript type \(value.type) because it does not support subscripting", at: at) }
            settle(i, as: SQLTypes.integer)
            if isSlice { return Typed(SQLTypes.plain(value.type), notNull: false, name: value.name) }
            var element = value.type
            element.arrayDimensions -= 1
            return Typed(SQLTypes.plain(element), notNull: false, name: value.name)
        case .field(let base, let name, let at):
            let value = try expression(base, scope)
            guard let compositeName = value.type.qualifiedName, let composite = schema.composite(compositeName), value.type.arrayDimensions == 0,
                  let attribute = composite.attributes.first(where: { $0.name == name }) else {
                throw error("column \"\(name)\" not found in data type \(value.type)", at: at)
            }
            return Typed(attribute.type, notNull: false, name: name)
        case .atTimeZone(let value, let zone, let at):
            let v = try expression(value, scope)
            let z = try expression(zone, scope)
            settle(z, as: SQLTypes.text)
            let name: String
            switch base(v.type).name {
            case "timestamp with time zone": name = "timestamp without time zone"
            case "timestamp without time zone", "date": name = "timestamp with time zone"
            case "time without time zone", "time with time zone": name = "time with time zone"
            default:
                if v.parameter != nil { throw error("could not determine the type of a parameter before AT TIME ZONE", at: at, note: "cast it, for example $1::timestamptz") }
                throw error("AT TIME ZONE needs a timestamp or time, not \(v.type)", at: at)
            }
            return Typed(SQLTypes.named(name), notNull: v.notNull && z.notNull, name: "timezone")
        case .keywordValue(let word, _):
            let types: [String: String] = [
                "current_date": "date", "current_timestamp": "timestamp with time zone", "current_time": "time with time zone",
                "localtimestamp": "timestamp without time zone", "localtime": "time without time zone",
                "current_user": "name", "session_user": "name", "current_role": "name", "user": "name", "current_schema": "name", "current_catalog": "name",
            ]
            return Typed(SQLTypes.named(types[word] ?? "text"), notNull: word != "current_schema", name: word == "user" ? "current_user" : word)
        }
    }

    /// `varchar(20)` stays `varchar(20)` when every branch has it.
    func keepModifiers(_ common: ColumnType, _ values: [Typed]) -> ColumnType {
        let typed = values.filter { !SQLTypes.isUnknown($0.type) }
        if let first = typed.first, typed.allSatisfy({ $0.type == first.type }), SQLTypes.same(first.type, common) { return first.type }
        return SQLTypes.plain(common)
    }

    func castName(_ type: ColumnType) -> String {
        if type.arrayDimensions > 0 { return "?column?" }
        if type.schema != nil { return type.name }
        let names: [String: String] = [
            "integer": "int4", "bigint": "int8", "smallint": "int2", "real": "float4", "double precision": "float8", "boolean": "bool",
            "character varying": "varchar", "character": "bpchar", "timestamp with time zone": "timestamptz", "timestamp without time zone": "timestamp",
            "time without time zone": "time", "time with time zone": "timetz",
        ]
        return names[type.name] ?? type.name
    }

    /// Exactly one row comes back: an aggregate query without GROUP BY, HAVING, LIMIT or a set operation.
    func returnsExactlyOneRow(_ query: QueryExpr) -> Bool {
        guard query.limit == nil, query.offset == nil, case .select(let core) = query.body, core.groupBy.isEmpty, core.having == nil,
              !core.items.isEmpty else { return false }
        return core.items.allSatisfy { item in
            if case .call(let call) = item.expression, call.over == nil, catalog.functions[call.name.last ?? ""]?.first?.isAggregate == true { return true }
            return false
        }
    }

    /// A window's PARTITION BY, ORDER BY and frame offsets. An offset of ROWS or GROUPS is a
    /// `bigint`; of RANGE, what the ordering column's `in_range` takes: an interval for dates and
    /// times, `double precision` for floats, the column's own type for integers and numeric. A
    /// window that names another (`OVER (w RANGE …)`) orders as that one does.
    func window(_ spec: WindowSpec, _ scope: Scope) throws(Diagnostic) {
        for expression in spec.partitionBy { _ = try self.expression(expression, scope) }
        var ordering: [Typed] = []
        for item in spec.orderBy { ordering.append(try expression(item.expression, scope)) }
        var named = spec.name
        var seen: Set<String> = []
        while ordering.isEmpty, let name = named, seen.insert(name).inserted, let base = scope.window(name) {
            for item in base.orderBy { ordering.append(try expression(item.expression, scope)) }
            named = base.name
        }
        for offset in spec.frameOffsets {
            let typed = try expression(offset, scope)
            if spec.frameMode == "range", let column = ordering.first {
                let type = SQLTypes.plain(column.type)
                let dated = ["date", "timestamp with time zone", "timestamp without time zone", "time without time zone", "time with time zone"]
                if type.arrayDimensions == 0, dated.contains(type.name) {
                    settle(typed, as: SQLTypes.interval)
                } else if type.arrayDimensions == 0, type.name == "real" || type.name == "double precision" {
                    settle(typed, as: SQLTypes.double)
                } else {
                    settle(typed, as: type)
                }
            } else {
                settle(typed, as: SQLTypes.bigint)
            }
        }
    }

    func requireBoolean(_ value: Typed, _ context: String, at: Int) throws(Diagnostic) {
        settle(value, as: SQLTypes.boolean)
        if value.parameter == nil, base(value.type).name != "boolean" || value.type.arrayDimensions > 0, !SQLTypes.isUnknown(value.type) {
            throw error("argument of \(context) must be type boolean, not type \(value.type)", at: at)
        }
    }

    func resolveWritten(_ written: WrittenType, at: Int) throws(Diagnostic) -> ColumnType {
        var type = written.type
        guard !written.isBuiltin else { return type }
        let schemaName = written.writtenSchema ?? "public"
        let name = QualifiedName(schema: schemaName, type.name)
        if index.enums.contains(name) || index.domain(name) != nil || schema.composite(name) != nil || index.table(name) != nil {
            type.schema = schemaName
            return type
        }
        if written.writtenSchema == nil || written.writtenSchema == "pg_catalog" {
            let known: Set<String> = ["regconfig", "regclass", "regtype", "jsonpath", "tsquery", "tsvector", "record", "oid", "inet", "cidr", "money", "xml", "citext", "int4range", "tstzrange", "daterange", "numrange", "int8range"]
            if known.contains(type.name) {
                return type
            }
        }
        throw error("type \"\(written.writtenSchema.map { "\($0)." } ?? "")\(type.name)\" does not exist", at: at)
    }

    // MARK: - Column references

    func columnReference(_ parts: NameParts, _ scope: Scope, at: Int) throws(Diagnostic) -> Typed {
        if parts.count == 1 {
            let name = parts[0]
            var current: Scope? = scope
            while let level = current {
                let matches = level.nodes.flatMap { $0.lookup(name) }
                if matches.count > 1 { throw error("column reference \"\(name)\" is ambiguous", at: at, note: "qualify it with its table's name or alias") }
                if let column = matches.first { return typed(column) }
                current = level.parent
            }
            // A system column of the one table in scope (`RETURNING (xmax = 0) AS inserted`).
            if let type = Self.systemColumns[name] {
                var current: Scope? = scope
                while let level = current {
                    let tables = level.nodes.flatMap(\.leaves).filter { $0.table != nil }
                    if tables.count > 1 { throw error("column reference \"\(name)\" is ambiguous", at: at, note: "qualify it with its table's name or alias") }
                    if tables.count == 1 { return Typed(SQLTypes.named(type), notNull: rowIsThere(tables[0]), name: name) }
                    current = level.parent
                }
            }
            // A whole row, by the name of its table.
            if let entry = findEntry([name], in: scope) {
                return Typed(SQLTypes.named("record"), notNull: true, name: entry.alias)
            }
            if let alias = scope.outputAliases[name] { return alias }
            throw error("column \"\(name)\" does not exist", at: at)
        }
        let qualifier = Array(parts.dropLast())
        let name = parts.last!
        guard let entry = findEntry(qualifier, in: scope) else {
            throw error("missing FROM-clause entry for table \"\(qualifier.joined(separator: "."))\"", at: at)
        }
        let matches = entry.columns.filter { $0.name == name }
        guard let column = matches.first else {
            if entry.table != nil, let type = Self.systemColumns[name] { return Typed(SQLTypes.named(type), notNull: rowIsThere(entry), name: name) }
            throw error("column \(qualifier.last!).\(name) does not exist", at: at)
        }
        if matches.count > 1 { throw error("column reference \"\(parts.joined(separator: "."))\" is ambiguous", at: at) }
        return typed(column)
    }

    // MARK: - Operators and functions

    func applyOperator(_ op: String, _ operands: [Typed], at: Int) throws(Diagnostic) -> Typed {
        let (entry, arguments) = try resolveOperator(op, operands, at: at)
        return finish(entry, operands: operands, arguments: arguments, name: "?column?", at: at)
    }

    func resolveOperator(_ op: String, _ operands: [Typed], at: Int) throws(Diagnostic) -> (Catalog.Entry, [ColumnType]) {
        if let resolved = cachedResolve("op " + op, operands.map { base($0.type) }, candidates: { catalog.operators[op] ?? [] }) {
            for (operand, type) in zip(operands, resolved.arguments) {
                settle(operand, as: type, hint: operands.first { $0.parameter == nil }?.originColumn)
            }
            return (resolved.entry, resolved.arguments)
        }
        let types = operands.map { SQLTypes.isUnknown($0.type) ? "unknown" : $0.type.description }
        let text = operands.count == 2 ? "\(types[0]) \(op) \(types[1])" : "\(op) \(types[0])"
        if operands.contains(where: { $0.parameter != nil }) {
            throw error("could not determine the type of the parameter in \(text)", at: at, note: "cast the parameter, for example $1::text")
        }
        throw error("operator does not exist: \(text)", at: at, note: "cast an operand so the types match, for example ::text or ::numeric")
    }

    func function(_ call: Call, _ scope: Scope) throws(Diagnostic) -> Typed {
        let name = call.name.last ?? ""
        if call.name.count > 1, call.name[0] != "pg_catalog" {
            throw error("function \(call.name.joined(separator: ".")) is not in the catalog", at: call.at, note: "add it to the queries' catalog.json")
        }
        var operands: [Typed] = []
        if call.star {
            guard name == "count" else { throw error("\(name)(*) is not allowed; only count(*)", at: call.at) }
        } else {
            for argument in call.arguments { operands.append(try expression(argument, scope)) }
        }
        if let filter = call.filter { try booleanCondition(filter, scope, clause: "FILTER") }
        for item in call.orderBy + call.withinGroup { _ = try expression(item.expression, scope) }
        // grouping(a, b) with GROUPING SETS, ROLLUP or CUBE: a bit mask of the columns a row aggregates over.
        if name == "grouping", call.name.count == 1 || call.name[0] == "pg_catalog", !call.arguments.isEmpty, call.over == nil {
            return Typed(SQLTypes.integer, notNull: true, name: "grouping")
        }
        if let over = call.over { try window(over, scope) }
        if call.star { return Typed(SQLTypes.bigint, notNull: true, name: "count") }
        if name == "nullif", operands.count == 2, call.over == nil {
            // NULLIF(a, b) is typed by the `=` it compares with: its left input type (varchar is compared as text).
            let (_, arguments) = try resolveOperator("=", operands, at: call.at)
            return Typed(arguments[0], notNull: false, name: "nullif")
        }
        var candidates = catalog.functions[name] ?? []
        if !call.withinGroup.isEmpty {
            // percentile_cont(0.5) WITHIN GROUP (ORDER BY x): the ordered value decides percentile_disc's type.
            let ordered = try call.withinGroup.map { item throws(Diagnostic) in try expression(item.expression, scope) }
            if name == "percentile_disc" || name == "mode", let first = ordered.first {
                for operand in operands { settle(operand, as: SQLTypes.double) }
                return Typed(SQLTypes.plain(first.type), notNull: false, name: name)
            }
        }
        if call.over == nil { candidates.removeAll { $0.isWindow } }
        guard !candidates.isEmpty else {
            throw error("function \(name) is not in the catalog", at: call.at, note: "add it to catalog.json beside the queries, as \"\(name)(argument types) -> result type\"")
        }
        let resolvedCandidates = candidates
        guard let resolved = cachedResolve("fn \(name) \(call.over == nil)", operands.map { base($0.type) }, candidates: { resolvedCandidates }) else {
            let types = operands.map { SQLTypes.isUnknown($0.type) ? "unknown" : $0.type.description }.joined(separator: ", ")
            if operands.contains(where: { $0.parameter != nil }) {
                throw error("could not determine the type of a parameter of \(name)(\(types))", at: call.at, note: "cast the parameter, for example $1::text")
            }
            if call.hasNamedArguments {
                throw error("function \(name)(\(types)) does not exist: arguments given by name are matched by position here", at: call.at,
                            note: "pass every argument in order, for example make_interval(0, 0, 0, $1::int) for make_interval(days => $1::int)")
            }
            throw error("function \(name)(\(types)) does not exist", at: call.at, note: "cast the arguments to the types it takes, for example ::text")
        }
        for (operand, type) in zip(operands, resolved.arguments) { settle(operand, as: type) }
        var result = finish(resolved.entry, operands: operands, arguments: resolved.arguments, name: name, at: call.at)
        // In a group (GROUP BY, no FILTER): an array of its values, or an aggregate of values
        // that are never NULL, is not NULL.
        if resolved.entry.isAggregate, call.over == nil, call.filter == nil, scope.groupsHaveRows, call.name.count == 1 || call.name[0] == "pg_catalog" {
            if Self.groupArrays.contains(name) { result.notNull = true }
            if Self.groupValues.contains(name), let first = operands.first, first.notNull { result.notNull = true }
        }
        // Over an empty frame (`ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING` on the last row) these are NULL.
        if name == "first_value" || name == "last_value", call.over?.mayHaveFrame == true { result.notNull = false }
        if name == "btrim" || name == "ltrim" || name == "rtrim" { result.name = name }
        return result
    }

    /// Aggregates that give an array of a group's values, NULL ones included.
    static let groupArrays: Set<String> = ["array_agg", "jsonb_agg", "json_agg"]
    /// Aggregates NULL over a group only when all its values are (not `stddev` and its kin, NULL
    /// over one row).
    static let groupValues: Set<String> = ["sum", "min", "max", "avg", "string_agg", "bool_and", "bool_or", "every", "bit_and", "bit_or"]

    /// The result of a resolved operator or function, its nullability from the entry's rule.
    func finish(_ entry: Catalog.Entry, operands: [Typed], arguments: [ColumnType], name: String, at: Int) -> Typed {
        let type = resultType(entry, operands: operands, arguments: arguments)
        let notNull: Bool
        switch entry.nulls {
        case .never: notNull = true
        case .always: notNull = false
        case .strict: notNull = operands.allSatisfy(\.notNull)
        case .unlessAny: notNull = operands.contains(where: \.notNull)
        }
        var result = Typed(type, notNull: notNull, name: name)
        // coalesce(varchar(20), varchar(20)) keeps the modifier.
        if entry.result.name == "anycompatible", operands.count > 0 {
            result.type = keepModifiers(type, operands)
        }
        return result
    }

    func resultType(_ entry: Catalog.Entry, operands: [Typed], arguments: [ColumnType]) -> ColumnType {
        let declared = entry.result
        guard declared.name.hasPrefix("any") else { return declared }
        // The element type the polymorphic arguments bound.
        var element: ColumnType?
        for (index, argument) in entry.arguments.enumerated() where index < arguments.count || entry.variadic {
            guard argument.name.hasPrefix("any"), argument.name != "any" else { continue }
            let actual = arguments[min(index, arguments.count - 1)]
            element = argument.name.isPolymorphicArray ? actual.element : actual
            if argument.name == "anycompatible" || argument.name == "anycompatiblearray" { break }
        }
        if entry.variadic, let last = entry.arguments.last, last.name == "anycompatible" {
            element = arguments.first
        }
        var result = SQLTypes.plain(element ?? SQLTypes.text)
        if declared.name.isPolymorphicArray { result.arrayDimensions += 1 }
        result.arrayDimensions += declared.arrayDimensions
        return result
    }

    /// ``resolve(_:_:)``, remembered for the run by name and argument types.
    func cachedResolve(_ name: String, _ types: [ColumnType], candidates: () -> [Catalog.Entry]) -> (entry: Catalog.Entry, arguments: [ColumnType])? {
        let key = SchemaIndex.ResolutionKey(name: name, types: types)
        if let known = index.resolutions[key] { return known }
        let result = resolve(candidates(), types)
        index.resolutions[key] = .some(result)
        return result
    }

    /// PostgreSQL's resolution of an overloaded operator or function (`func_select_candidate`,
    /// simplified): candidates that take the arguments by implicit casts, then the most exact
    /// matches, then preferred types where a cast is needed; unknowns prefer the other argument's
    /// type, then the string category. Returns the chosen entry and each argument's type.
    func resolve(_ candidates: [Catalog.Entry], _ types: [ColumnType]) -> (entry: Catalog.Entry, arguments: [ColumnType])? {
        struct Option { var entry: Catalog.Entry; var arguments: [ColumnType]; var exact: Int; var preferred: Int; var unknownMatchesOther: Int; var unknownString: Int }
        var options: [Option] = []
        let known = types.filter { !SQLTypes.isUnknown($0) }
        let allKnownSame = known.count > 0 && known.allSatisfy { SQLTypes.same($0, known[0]) } ? known[0] : nil
        for entry in candidates {
            var declared = entry.arguments
            if entry.variadic, let last = declared.last {
                guard types.count >= declared.count - 1 else { continue }
                declared = Array(declared.dropLast()) + Array(repeating: last, count: types.count - declared.count + 1)
            }
            guard declared.count == types.count else { continue }
            // Polymorphic binding.
            var element: ColumnType?
            var compatible: [ColumnType] = []
            var feasible = true
            for (d, actual) in zip(declared, types) where d.name.hasPrefix("any") && d.name != "any" && !SQLTypes.isUnknown(actual) {
                switch d.name {
                case "anyelement", "anynonarray", "anyenum":
                    if d.name == "anynonarray" && actual.arrayDimensions > 0 { feasible = false }
                    if d.name == "anyenum" && !isEnum(actual) { feasible = false }
                    if let bound = element, !SQLTypes.same(bound, actual) { feasible = false }
                    element = SQLTypes.plain(actual)
                case "anyarray":
                    guard actual.arrayDimensions > 0 else { feasible = false; break }
                    if let bound = element, !SQLTypes.same(bound, actual.element) { feasible = false }
                    element = SQLTypes.plain(actual.element)
                case "anycompatible":
                    compatible.append(actual)
                case "anycompatiblearray":
                    guard actual.arrayDimensions > 0 else { feasible = false; break }
                    compatible.append(actual.element)
                default: break
                }
            }
            if !compatible.isEmpty {
                guard let common = SQLTypes.commonType(compatible, isEnum: isEnum) else { continue }
                element = SQLTypes.plain(common)
            }
            guard feasible else { continue }
            var arguments: [ColumnType] = []
            var exact = 0
            var preferred = 0
            var unknownMatchesOther = 0
            var unknownString = 0
            for (d, actual) in zip(declared, types) {
                var target = d
                if d.name == "any" {
                    target = SQLTypes.isUnknown(actual) ? SQLTypes.text : actual
                } else if d.name.hasPrefix("any") {
                    let bound = element ?? (d.name.hasPrefix("anycompatible") ? SQLTypes.text : nil)
                    guard let bound else {
                        if SQLTypes.isUnknown(actual) { feasible = false }
                        arguments.append(actual)
                        continue
                    }
                    target = bound
                    if d.name.isPolymorphicArray { target.arrayDimensions += 1 }
                }
                if SQLTypes.isUnknown(actual) {
                    if let other = allKnownSame, SQLTypes.same(other, target) { unknownMatchesOther += 1 }
                    if SQLTypes.category(target, isEnum: isEnum(target)) == .string { unknownString += 1 }
                    arguments.append(target)
                    continue
                }
                let actualPlain = SQLTypes.plain(actual)
                if SQLTypes.same(actualPlain, target) || d.name.hasPrefix("any") && d.name != "anycompatible" {
                    exact += SQLTypes.same(actualPlain, target) ? 1 : 0
                } else if d.name.hasPrefix("anycompatible") && SQLTypes.castsImplicitly(actualPlain, to: target) {
                    if SQLTypes.isPreferred(target) { preferred += 1 }
                } else if SQLTypes.castsImplicitly(actualPlain, to: target) {
                    if SQLTypes.isPreferred(target) { preferred += 1 }
                } else {
                    feasible = false
                }
                arguments.append(target)
            }
            guard feasible else { continue }
            options.append(Option(entry: entry, arguments: arguments, exact: exact, preferred: preferred, unknownMatchesOther: unknownMatchesOther, unknownString: unknownString))
        }
        guard !options.isEmpty else { return nil }
        // Both sides the same type once an unknown is taken as the other's: that operator wins.
        if types.count == 2, let other = allKnownSame, types.contains(where: SQLTypes.isUnknown) {
            if let exact = options.first(where: { $0.arguments.allSatisfy { SQLTypes.same($0, other) } && $0.entry.arguments.allSatisfy { !$0.name.hasPrefix("any") } }) {
                return (exact.entry, exact.arguments)
            }
        }
        let bestExact = options.map(\.exact).max()!
        options = options.filter { $0.exact == bestExact }
        let bestPreferred = options.map(\.preferred).max()!
        options = options.filter { $0.preferred == bestPreferred }
        let bestOther = options.map(\.unknownMatchesOther).max()!
        options = options.filter { $0.unknownMatchesOther == bestOther }
        let bestString = options.map(\.unknownString).max()!
        options = options.filter { $0.unknownString == bestString }
        return (options[0].entry, options[0].arguments)
    }
}

extension String {
    /// `anyarray` and `anycompatiblearray` (not `anynonarray`).
    var isPolymorphicArray: Bool { self == "anyarray" || self == "anycompatiblearray" }
}
