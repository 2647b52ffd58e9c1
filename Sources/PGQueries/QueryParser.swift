import PGSchema

/// Reads the tokens of one query into ``Statement``: `SELECT` (with `WITH [RECURSIVE]`, joins,
/// subqueries, set operations, `VALUES`), `INSERT … [ON CONFLICT] [RETURNING]`, `UPDATE … FROM`,
/// `DELETE … USING`, and PostgreSQL's expression grammar with its operator precedence.
struct QueryParser {
    let tokens: [Token]
    let source: SourceFile
    var index = 0

    init(tokens: [Token], source: SourceFile) {
        // Identifiers longer than 63 bytes are truncated, as PostgreSQL truncates them everywhere.
        self.tokens = tokens.contains { ($0.kind == .word || $0.kind == .quotedIdentifier) && $0.value.utf8.count > 63 }
            ? tokens.map { token in
                var token = token
                if token.kind == .word || token.kind == .quotedIdentifier { token.value = truncateIdentifier(token.value) }
                return token
            }
            : tokens
        self.source = source
    }

    /// Words that end an expression or a select item, so are never taken as an alias without `AS`.
    static let reserved: Set<String> = [
        "all", "and", "any", "array", "as", "asc", "between", "by", "case", "cross", "desc", "distinct", "do", "else", "end",
        "except", "false", "fetch", "filter", "for", "from", "full", "group", "having", "ilike", "in", "inner", "intersect",
        "into", "is", "isnull", "join", "lateral", "left", "like", "limit", "natural", "not", "notnull", "null", "nulls", "offset",
        "on", "or", "order", "over", "returning", "right", "select", "set", "similar", "some", "then", "true", "union", "using",
        "values", "when", "where", "window", "with", "within", "ordinality", "default", "conflict", "overlaps",
    ]

    // MARK: - Tokens

    var current: Token? { index < tokens.count ? tokens[index] : nil }
    func peek(_ offset: Int = 0) -> Token? { index + offset < tokens.count ? tokens[index + offset] : nil }
    func isWord(_ word: String, at offset: Int = 0) -> Bool { peek(offset)?.isWord(word) ?? false }
    func isSymbol(_ symbol: String, at offset: Int = 0) -> Bool { peek(offset)?.isSymbol(symbol) ?? false }
    var offset: Int { current?.start ?? (tokens.last?.end ?? 0) }

    mutating func accept(_ word: String) -> Bool {
        guard isWord(word) else { return false }
        index += 1
        return true
    }

    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        index += 1
        return true
    }

    mutating func expect(_ word: String) throws(Diagnostic) {
        guard accept(word) else { throw unexpected("expected \(word.uppercased())") }
    }

    mutating func expectSymbol(_ symbol: String) throws(Diagnostic) {
        guard acceptSymbol(symbol) else { throw unexpected("expected '\(symbol)'") }
    }

    func unexpected(_ message: String) -> Diagnostic {
        let found = current.map { "'\(source.text($0.start, $0.end))'" } ?? "the end of the query"
        return Diagnostic(.error, "\(message), found \(found)", at: source.location(of: offset))
    }

    mutating func identifier(_ what: String = "a name") throws(Diagnostic) -> String {
        guard let token = current, token.isIdentifier else { throw unexpected("expected \(what)") }
        index += 1
        return token.value
    }

    mutating func qualifiedName() throws(Diagnostic) -> NameParts {
        var parts = [try identifier()]
        while isSymbol("."), peek(1)?.isIdentifier == true {
            index += 1
            parts.append(try identifier())
        }
        return parts
    }

    // MARK: - Statements

    mutating func statement() throws(Diagnostic) -> Statement {
        let result = try statementBody()
        guard index >= tokens.count else { throw unexpected("expected the end of the query") }
        return result
    }

    mutating func statementBody() throws(Diagnostic) -> Statement {
        var with: WithClause?
        if isWord("with") { with = try withClause() }
        if isWord("insert") { return .insert(try insert(with: with)) }
        if isWord("update") { return .update(try update(with: with)) }
        if isWord("delete") { return .delete(try delete(with: with)) }
        var query = try queryExpr()
        if let with {
            guard query.with == nil else { throw unexpected("a second WITH") }
            query.with = with
        }
        return .query(query)
    }

    mutating func withClause() throws(Diagnostic) -> WithClause {
        try expect("with")
        let recursive = accept("recursive")
        var tables: [CommonTable] = []
        repeat {
            let at = offset
            let name = try identifier("a common table name")
            var columns: [String]?
            if isSymbol("(") { columns = try identifierList() }
            try expect("as")
            if accept("not") { try expect("materialized") } else { _ = accept("materialized") }
            try expectSymbol("(")
            let query = try statementBody()
            try expectSymbol(")")
            tables.append(CommonTable(name: name, columnNames: columns, query: query, at: at))
        } while acceptSymbol(",")
        return WithClause(recursive: recursive, tables: tables)
    }

    mutating func identifierList() throws(Diagnostic) -> [String] {
        try identifierListWithOffsets().map(\.0)
    }

    mutating func identifierListWithOffsets() throws(Diagnostic) -> [(String, Int)] {
        try expectSymbol("(")
        var names: [(String, Int)] = []
        repeat {
            let at = offset
            names.append((try identifier(), at))
        } while acceptSymbol(",")
        try expectSymbol(")")
        return names
    }

    mutating func insert(with: WithClause?) throws(Diagnostic) -> InsertStatement {
        let at = offset
        try expect("insert")
        try expect("into")
        let table = try qualifiedName()
        var alias: String?
        if accept("as") { alias = try identifier() }
        var columns: [(String, Int)]?
        if isSymbol("("), !isWord("select", at: 1), !isWord("values", at: 1), !isWord("with", at: 1) {
            columns = try identifierListWithOffsets()
        }
        if accept("overriding") {
            _ = accept("system") || accept("user")
            try expect("value")
        }
        var source: QueryExpr?
        if accept("default") {
            try expect("values")
        } else {
            source = try queryExpr()
        }
        var statement = InsertStatement(with: with, table: table, alias: alias, columns: columns, source: source, at: at)
        if accept("on") {
            try expect("conflict")
            if acceptSymbol("(") {
                repeat {
                    statement.conflictTarget.append(try expression())
                    if accept("collate") { _ = try qualifiedName() }
                } while acceptSymbol(",")
                try expectSymbol(")")
                if accept("where") { statement.conflictWhere = try expression() }
            } else if accept("on") {
                try expect("constraint")
                _ = try identifier()
            }
            try expect("do")
            if accept("nothing") {
                statement.conflictUpdate = nil
            } else {
                try expect("update")
                try expect("set")
                statement.conflictUpdate = try assignments()
                if accept("where") { statement.conflictUpdateWhere = try expression() }
            }
        }
        if accept("returning") { statement.returning = try selectItems() }
        return statement
    }

    mutating func assignments() throws(Diagnostic) -> [Assignment] {
        var result: [Assignment] = []
        repeat {
            if isSymbol("(") {
                let names = try identifierListWithOffsets()
                try expectSymbol("=")
                let at = offset
                let value = try expression()
                if case .scalarQuery = value {
                    for (position, name) in names.enumerated() { result.append(Assignment(column: name.0, at: name.1, value: value, position: position)) }
                    continue
                }
                guard case .row(let values, _) = value, values.count == names.count else {
                    throw Diagnostic(.error, "a multiple-column assignment needs a row of \(names.count) values", at: source.location(of: at))
                }
                for (name, value) in zip(names, values) { result.append(Assignment(column: name.0, at: name.1, value: value)) }
                continue
            }
            let at = offset
            let column = try identifier("a column name")
            if isSymbol(".") || isSymbol("[") { throw unexpected("assignments to a field or an element are not supported") }
            try expectSymbol("=")
            result.append(Assignment(column: column, at: at, value: try expression()))
        } while acceptSymbol(",")
        return result
    }

    mutating func update(with: WithClause?) throws(Diagnostic) -> UpdateStatement {
        let at = offset
        try expect("update")
        _ = accept("only")
        let table = try qualifiedName()
        let alias = try optionalAlias()
        try expect("set")
        let sets = try assignments()
        var from: [FromItem] = []
        if accept("from") { from = try fromList() }
        var whereClause: Expr?
        if accept("where") { whereClause = try expression() }
        var returning: [SelectItem]?
        if accept("returning") { returning = try selectItems() }
        return UpdateStatement(with: with, table: table, alias: alias, assignments: sets, from: from, whereClause: whereClause, returning: returning, at: at)
    }

    mutating func delete(with: WithClause?) throws(Diagnostic) -> DeleteStatement {
        let at = offset
        try expect("delete")
        try expect("from")
        _ = accept("only")
        let table = try qualifiedName()
        let alias = try optionalAlias()
        var using: [FromItem] = []
        if accept("using") { using = try fromList() }
        var whereClause: Expr?
        if accept("where") { whereClause = try expression() }
        var returning: [SelectItem]?
        if accept("returning") { returning = try selectItems() }
        return DeleteStatement(with: with, table: table, alias: alias, using: using, whereClause: whereClause, returning: returning, at: at)
    }

    mutating func optionalAlias() throws(Diagnostic) -> String? {
        if accept("as") { return try identifier("an alias") }
        if let token = current, token.kind == .quotedIdentifier || (token.kind == .word && !Self.reserved.contains(token.value)) {
            index += 1
            return token.value
        }
        return nil
    }

    // MARK: - Queries

    mutating func queryExpr() throws(Diagnostic) -> QueryExpr {
        let at = offset
        var with: WithClause?
        if isWord("with") { with = try withClause() }
        let body = try setOperations()
        var query = QueryExpr(with: with, body: body, at: at)
        if accept("order") {
            try expect("by")
            query.orderBy = try orderItems()
        }
        while true {
            if accept("limit") {
                if accept("all") { continue }
                query.limit = try expression()
            } else if accept("offset") {
                query.offset = try expression()
                _ = accept("rows") || accept("row")
            } else if accept("fetch") {
                _ = accept("first") || accept("next")
                if !isWord("row") && !isWord("rows") { query.limit = try primary() }
                _ = accept("rows") || accept("row")
                if accept("with") { try expect("ties") } else { try expect("only") }
            } else if accept("for") {
                // Row locks change nothing about the types.
                while let token = current, token.kind == .word, ["update", "share", "no", "key", "of", "nowait", "skip", "locked"].contains(token.value) {
                    index += 1
                    if token.value == "of" { _ = try qualifiedName(); while acceptSymbol(",") { _ = try qualifiedName() } }
                }
            } else {
                break
            }
        }
        return query
    }

    mutating func orderItems() throws(Diagnostic) -> [OrderItem] {
        var items: [OrderItem] = []
        repeat {
            let expression = try expression()
            _ = accept("asc") || accept("desc")
            if accept("using") { index += 1 }
            if accept("nulls") { _ = accept("first") || accept("last") }
            items.append(OrderItem(expression: expression))
        } while acceptSymbol(",")
        return items
    }

    /// UNION and EXCEPT bind looser than INTERSECT, all left to right.
    mutating func setOperations() throws(Diagnostic) -> QueryBody {
        var left = try intersections()
        while let token = current, token.isWord("union") || token.isWord("except") {
            index += 1
            let all = accept("all")
            if !all { _ = accept("distinct") }
            let right = try intersections()
            left = .setOperation(token.value, all: all, left, right, at: token.start)
        }
        return left
    }

    mutating func intersections() throws(Diagnostic) -> QueryBody {
        var left = try simpleQuery()
        while let token = current, token.isWord("intersect") {
            index += 1
            let all = accept("all")
            if !all { _ = accept("distinct") }
            let right = try simpleQuery()
            left = .setOperation("intersect", all: all, left, right, at: token.start)
        }
        return left
    }

    mutating func simpleQuery() throws(Diagnostic) -> QueryBody {
        if acceptSymbol("(") {
            let inner = try queryExpr()
            try expectSymbol(")")
            return .nested(inner)
        }
        if isWord("values") {
            let at = offset
            index += 1
            var rows: [[Expr]] = []
            repeat {
                try expectSymbol("(")
                var row: [Expr] = []
                repeat { row.append(try expression()) } while acceptSymbol(",")
                try expectSymbol(")")
                rows.append(row)
            } while acceptSymbol(",")
            return .values(rows, at: at)
        }
        if isWord("table") {
            let at = offset
            index += 1
            let name = try qualifiedName()
            var core = SelectCore(at: at)
            core.items = [SelectItem(expression: .star(qualifier: nil, at: at))]
            core.from = [.relation(name, alias: nil, columnAliases: nil, at: at)]
            return .select(core)
        }
        return .select(try selectCore())
    }

    mutating func selectCore() throws(Diagnostic) -> SelectCore {
        var core = SelectCore(at: offset)
        try expect("select")
        if accept("distinct") {
            core.distinct = true
            if accept("on") {
                try expectSymbol("(")
                repeat { core.distinctOn.append(try expression()) } while acceptSymbol(",")
                try expectSymbol(")")
            }
        } else {
            _ = accept("all")
        }
        if !isWord("from") { core.items = try selectItems() }
        if accept("from") { core.from = try fromList() }
        if accept("where") { core.whereClause = try expression() }
        if accept("group") {
            try expect("by")
            _ = accept("all") || accept("distinct")
            repeat { try groupingElement(into: &core, inSets: false) } while acceptSymbol(",")
        }
        if accept("having") { core.having = try expression() }
        if accept("window") {
            repeat {
                let name = try identifier()
                try expect("as")
                core.windows.append((name, try windowSpec()))
            } while acceptSymbol(",")
        }
        return core
    }

    mutating func selectItems() throws(Diagnostic) -> [SelectItem] {
        var items: [SelectItem] = []
        repeat {
            if isSymbol("*") {
                items.append(SelectItem(expression: .star(qualifier: nil, at: offset)))
                index += 1
                continue
            }
            let expression = try expression()
            var alias: String?
            if accept("as") {
                alias = try identifier("a column alias")
            } else if let token = current, token.kind == .quotedIdentifier || (token.kind == .word && !Self.reserved.contains(token.value)) {
                index += 1
                alias = token.value
            }
            items.append(SelectItem(expression: expression, alias: alias))
        } while acceptSymbol(",")
        return items
    }

    mutating func fromList() throws(Diagnostic) -> [FromItem] {
        var items: [FromItem] = []
        repeat { items.append(try joinedItem()) } while acceptSymbol(",")
        return items
    }

    mutating func joinedItem() throws(Diagnostic) -> FromItem {
        var left = try fromPrimary()
        while true {
            let at = offset
            var kind: JoinKind
            var natural = false
            if accept("natural") { natural = true }
            if accept("cross") {
                try expect("join")
                let right = try fromPrimary()
                left = .join(left, .cross, right, .none, at: at)
                continue
            } else if accept("join") {
                kind = .inner
            } else if accept("inner") {
                try expect("join")
                kind = .inner
            } else if accept("left") {
                _ = accept("outer")
                try expect("join")
                kind = .left
            } else if accept("right") {
                _ = accept("outer")
                try expect("join")
                kind = .right
            } else if accept("full") {
                _ = accept("outer")
                try expect("join")
                kind = .full
            } else {
                if natural { throw unexpected("expected JOIN") }
                return left
            }
            let right = try fromPrimary()
            var condition = JoinCondition.none
            if natural {
                condition = .natural
            } else if accept("on") {
                condition = .on(try expression())
            } else if accept("using") {
                condition = .using(try identifierListWithOffsets())
            } else {
                throw unexpected("expected ON or USING after the joined table")
            }
            left = .join(left, kind, right, condition, at: at)
        }
    }

    mutating func aliasAndColumns() throws(Diagnostic) -> (String?, [String]?) {
        let alias = try optionalAlias()
        var columns: [String]?
        if alias != nil, isSymbol("(") { columns = try identifierList() }
        return (alias, columns)
    }

    mutating func fromPrimary() throws(Diagnostic) -> FromItem {
        let at = offset
        let lateral = accept("lateral")
        if isSymbol("(") {
            if isWord("select", at: 1) || isWord("with", at: 1) || isWord("values", at: 1) || isSymbol("(", at: 1) && isQueryAhead(from: index + 1) {
                index += 1
                let query = try queryExpr()
                try expectSymbol(")")
                let (alias, columns) = try aliasAndColumns()
                guard let alias else { throw Diagnostic(.error, "subquery in FROM must have an alias", at: source.location(of: at)) }
                return .subquery(query, alias: alias, columnAliases: columns, lateral: lateral, at: at)
            }
            index += 1
            let inner = try joinedItem()
            try expectSymbol(")")
            return inner
        }
        _ = accept("only")
        let name = try qualifiedName()
        if isSymbol("(") {
            var call = try callArguments(name: name, at: at)
            let ordinality = accept("with") ? (try { () throws(Diagnostic) in try expect("ordinality"); return true }()) : false
            // `AS x(sku text, qty int)`: a column definition list, for functions returning records
            // (also without an alias: `AS (sku text, qty int)`).
            let alias = isWord("as") && isSymbol("(", at: 1) ? nil : try optionalAlias()
            if alias == nil { _ = accept("as") }
            if isSymbol("("), peek(1)?.isIdentifier == true, !isSymbol(",", at: 2), !isSymbol(")", at: 2) {
                index += 1
                var definitions: [(name: String, type: WrittenType, at: Int)] = []
                repeat {
                    let columnAt = offset
                    let column = try identifier("a column name")
                    definitions.append((column, try typeName(), columnAt))
                } while acceptSymbol(",")
                try expectSymbol(")")
                call.columnDefinitions = definitions
                return .function(call, alias: alias, columnAliases: nil, lateral: lateral, withOrdinality: ordinality, at: at)
            }
            let columns = alias != nil && isSymbol("(") ? try identifierList() : nil
            return .function(call, alias: alias, columnAliases: columns, lateral: lateral, withOrdinality: ordinality, at: at)
        }
        let (alias, columns) = try aliasAndColumns()
        return .relation(name, alias: alias, columnAliases: columns, at: at)
    }

    func isQueryAhead(from position: Int) -> Bool {
        var position = position
        while position < tokens.count, tokens[position].isSymbol("(") { position += 1 }
        return position < tokens.count && (tokens[position].isWord("select") || tokens[position].isWord("with") || tokens[position].isWord("values"))
    }

    // MARK: - Expressions, by PostgreSQL's precedence

    mutating func expression() throws(Diagnostic) -> Expr { try orExpression() }

    mutating func orExpression() throws(Diagnostic) -> Expr {
        var left = try andExpression()
        while let token = current, token.isWord("or") {
            index += 1
            left = .or(left, try andExpression(), at: token.start)
        }
        return left
    }

    mutating func andExpression() throws(Diagnostic) -> Expr {
        var left = try notExpression()
        while let token = current, token.isWord("and") {
            index += 1
            left = .and(left, try notExpression(), at: token.start)
        }
        return left
    }

    mutating func notExpression() throws(Diagnostic) -> Expr {
        if let token = current, token.isWord("not") {
            index += 1
            return .not(try notExpression(), at: token.start)
        }
        return try isExpression()
    }

    mutating func isExpression() throws(Diagnostic) -> Expr {
        var left = try comparison()
        while let token = current {
            if token.isWord("isnull") || token.isWord("notnull") {
                index += 1
                left = .isTest(left, "null", negated: token.value == "notnull", other: nil, at: left.offset)
                continue
            }
            guard token.isWord("is") else { break }
            index += 1
            let negated = accept("not")
            if accept("null") {
                left = .isTest(left, "null", negated: negated, other: nil, at: left.offset)
            } else if accept("true") {
                left = .isTest(left, "true", negated: negated, other: nil, at: left.offset)
            } else if accept("false") {
                left = .isTest(left, "false", negated: negated, other: nil, at: left.offset)
            } else if accept("unknown") {
                left = .isTest(left, "null", negated: negated, other: nil, at: left.offset)
            } else if accept("distinct") {
                try expect("from")
                left = .isTest(left, "distinct", negated: negated, other: try comparison(), at: left.offset)
            } else {
                throw unexpected("expected NULL, TRUE, FALSE or DISTINCT FROM after IS")
            }
        }
        return left
    }

    static let comparisonOperators: Set<String> = ["=", "<>", "!=", "<", ">", "<=", ">="]

    mutating func comparison() throws(Diagnostic) -> Expr {
        let left = try patternExpression()
        if let token = current, token.kind == .symbol, Self.comparisonOperators.contains(token.value) {
            index += 1
            let op = token.value == "!=" ? "<>" : token.value
            if let quantified = try quantified(op: op, left: left, at: token.start) { return quantified }
            return .binary(op, left, try patternExpression(), at: token.start)
        }
        return left
    }

    /// `op ANY (…)`, `op SOME (…)`, `op ALL (…)`.
    mutating func quantified(op: String, left: Expr, at: Int) throws(Diagnostic) -> Expr? {
        guard let word = current, word.isWord("any") || word.isWord("some") || word.isWord("all"), isSymbol("(", at: 1) else { return nil }
        index += 2
        let all = word.value == "all"
        if isWord("select") || isWord("with") || isWord("values") {
            let query = try queryExpr()
            try expectSymbol(")")
            return .anyQuery(op, left, query, all: all, at: at)
        }
        let array = try expression()
        try expectSymbol(")")
        return .anyArray(op, left, array, all: all, at: at)
    }

    mutating func patternExpression() throws(Diagnostic) -> Expr {
        let left = try otherOperators()
        // `(start, end) OVERLAPS (start, end)`: PostgreSQL's function `overlaps` of the four.
        if let token = current, token.isWord("overlaps") {
            index += 1
            let right = try otherOperators()
            guard case .row(let first, _) = left, case .row(let second, _) = right, first.count == 2, second.count == 2 else {
                throw Diagnostic(.error, "OVERLAPS takes two pairs: (start, end) OVERLAPS (start, end)", at: source.location(of: token.start))
            }
            return .call(Call(name: ["overlaps"], arguments: first + second, at: token.start))
        }
        let start = index
        let negated = accept("not")
        guard let token = current else {
            index = start
            return left
        }
        if token.isWord("between") {
            index += 1
            _ = accept("symmetric")
            let low = try otherOperators()
            try expect("and")
            let high = try otherOperators()
            return .between(left, low, high, negated: negated, at: token.start)
        }
        if token.isWord("in") {
            index += 1
            try expectSymbol("(")
            if isWord("select") || isWord("with") || isWord("values") {
                let query = try queryExpr()
                try expectSymbol(")")
                return .inQuery(left, query, negated: negated, at: token.start)
            }
            var list: [Expr] = []
            repeat { list.append(try expression()) } while acceptSymbol(",")
            try expectSymbol(")")
            return .inList(left, list, negated: negated, at: token.start)
        }
        if token.isWord("like") || token.isWord("ilike") {
            index += 1
            let op = (token.value == "like" ? "~~" : "~~*")
            if let quantified = try quantified(op: negated ? "!" + op : op, left: left, at: token.start) { return quantified }
            let result = Expr.binary(negated ? "!" + op : op, left, try otherOperators(), at: token.start)
            if accept("escape") { _ = try otherOperators() }
            return result
        }
        if token.isWord("similar") {
            index += 1
            try expect("to")
            let pattern = try otherOperators()
            return .binary(negated ? "!~" : "~", left, pattern, at: token.start)
        }
        index = start
        return left
    }

    static let arithmetic: Set<String> = ["+", "-", "*", "/", "%", "^"]

    /// Any operator that is not arithmetic nor a comparison: `||`, `->`, `->>`, `@>`, `~`, `@@`, …
    mutating func otherOperators() throws(Diagnostic) -> Expr {
        var left = try additive()
        while let token = current, token.kind == .symbol, Self.isOtherOperator(token.value) {
            index += 1
            left = .binary(token.value, left, try additive(), at: token.start)
        }
        return left
    }

    static func isOtherOperator(_ value: String) -> Bool {
        guard !value.isEmpty, !comparisonOperators.contains(value), !arithmetic.contains(value) else { return false }
        return value.utf8.allSatisfy { "+-*/<>=~!@#%^&|`?".utf8.contains($0) }
    }

    mutating func additive() throws(Diagnostic) -> Expr {
        var left = try multiplicative()
        while let token = current, token.isSymbol("+") || token.isSymbol("-") {
            index += 1
            left = .binary(token.value, left, try multiplicative(), at: token.start)
        }
        return left
    }

    mutating func multiplicative() throws(Diagnostic) -> Expr {
        var left = try power()
        while let token = current, token.isSymbol("*") || token.isSymbol("/") || token.isSymbol("%") {
            index += 1
            left = .binary(token.value, left, try power(), at: token.start)
        }
        return left
    }

    mutating func power() throws(Diagnostic) -> Expr {
        var left = try atTimeZone()
        while let token = current, token.isSymbol("^") {
            index += 1
            left = .binary("^", left, try atTimeZone(), at: token.start)
        }
        return left
    }

    mutating func atTimeZone() throws(Diagnostic) -> Expr {
        var left = try unary()
        while let token = current, token.isWord("at"), isWord("time", at: 1), isWord("zone", at: 2) {
            index += 3
            left = .atTimeZone(left, try unary(), at: token.start)
        }
        if accept("collate") { _ = try qualifiedName() }
        return left
    }

    mutating func unary() throws(Diagnostic) -> Expr {
        if let token = current, token.isSymbol("-") || token.isSymbol("+") {
            index += 1
            let operand = try unary()
            if token.value == "-", case .integer(let digits, _) = operand { return .integer("-" + digits, at: token.start) }
            if token.value == "-", case .decimal(let digits, _) = operand { return .decimal("-" + digits, at: token.start) }
            return .unary(token.value, operand, at: token.start)
        }
        if let token = current, token.kind == .symbol, Self.isOtherOperator(token.value), token.value != "*" {
            index += 1
            return .unary(token.value, try unary(), at: token.start)
        }
        return try postfix()
    }

    mutating func postfix() throws(Diagnostic) -> Expr {
        var value = try primary()
        while let token = current {
            if token.isSymbol("::") {
                index += 1
                value = .cast(value, try typeName(), at: token.start)
            } else if token.isSymbol("[") {
                index += 1
                var lower: Expr?
                if !isSymbol(":") { lower = try expression() }
                if acceptSymbol(":") {
                    var upper: Expr?
                    if !isSymbol("]") { upper = try expression() }
                    try expectSymbol("]")
                    value = .subscript(value, lower ?? .null(at: token.start), slice: upper, isSlice: true, at: token.start)
                } else {
                    try expectSymbol("]")
                    value = .subscript(value, lower ?? .null(at: token.start), slice: nil, isSlice: false, at: token.start)
                }
            } else if token.isSymbol("."), peek(1)?.isIdentifier == true {
                index += 1
                value = .field(value, try identifier(), at: token.start)
            } else {
                break
            }
        }
        return value
    }

    mutating func typeName() throws(Diagnostic) -> WrittenType {
        var position = index
        let result = try TypeNameReader.read(tokens, at: &position, source: source)
        index = position
        return WrittenType(type: result.type, writtenSchema: result.writtenSchema, isBuiltin: result.isBuiltin)
    }

    static let typedStringTypes: Set<String> = ["interval", "date", "timestamp", "timestamptz", "time", "uuid", "jsonb", "json", "numeric", "text", "bigint", "integer", "int", "boolean", "inet"]

    mutating func primary() throws(Diagnostic) -> Expr {
        guard let token = current else { throw unexpected("expected an expression") }
        let at = token.start
        switch token.kind {
        case .number:
            index += 1
            let isDecimal = token.value.contains(".") || token.value.contains("e") || token.value.contains("E")
            return isDecimal ? .decimal(token.value, at: at) : .integer(token.value, at: at)
        case .string:
            index += 1
            return .string(token.value, at: at)
        case .parameter:
            index += 1
            return .parameter(Int(token.value.dropFirst()) ?? 0, at: at)
        case .symbol:
            if token.isSymbol("(") {
                index += 1
                if isWord("select") || isWord("with") || isWord("values") {
                    let query = try queryExpr()
                    try expectSymbol(")")
                    return .scalarQuery(query, at: at)
                }
                let first = try expression()
                if acceptSymbol(",") {
                    var items = [first]
                    repeat { items.append(try expression()) } while acceptSymbol(",")
                    try expectSymbol(")")
                    return .row(items, at: at)
                }
                try expectSymbol(")")
                return first
            }
            throw unexpected("expected an expression")
        case .word, .quotedIdentifier:
            break
        }
        if token.kind == .word {
            switch token.value {
            case "null": index += 1; return .null(at: at)
            case "true": index += 1; return .boolean(true, at: at)
            case "false": index += 1; return .boolean(false, at: at)
            case "default": index += 1; return .defaultValue(at: at)
            case "case": return try caseExpression()
            case "exists":
                index += 1
                try expectSymbol("(")
                let query = try queryExpr()
                try expectSymbol(")")
                return .exists(query, at: at)
            case "array":
                index += 1
                if acceptSymbol("(") {
                    let query = try queryExpr()
                    try expectSymbol(")")
                    return .arrayQuery(query, at: at)
                }
                return try arrayLiteral(at: at)
            case "row" where isSymbol("(", at: 1):
                index += 2
                var items: [Expr] = []
                if !isSymbol(")") { repeat { items.append(try expression()) } while acceptSymbol(",") }
                try expectSymbol(")")
                return .row(items, at: at)
            case "cast" where isSymbol("(", at: 1):
                index += 2
                let value = try expression()
                try expect("as")
                let type = try typeName()
                try expectSymbol(")")
                return .cast(value, type, at: at)
            case "current_date", "current_timestamp", "current_time", "localtimestamp", "localtime", "current_user", "session_user", "current_role", "user", "current_schema", "current_catalog":
                if !isSymbol("(", at: 1) || token.value == "current_schema" {
                    index += 1
                    if token.value == "current_schema", acceptSymbol("(") { try expectSymbol(")") }
                    if ["current_timestamp", "current_time", "localtimestamp", "localtime"].contains(token.value), acceptSymbol("(") {
                        index += 1
                        try expectSymbol(")")
                    }
                    return .keywordValue(token.value, at: at)
                }
            case "extract" where isSymbol("(", at: 1):
                index += 2
                guard let field = current, field.kind == .word || field.kind == .string else { throw unexpected("expected a field name") }
                index += 1
                try expect("from")
                let value = try expression()
                try expectSymbol(")")
                return .call(Call(name: ["extract"], arguments: [.string(field.value, at: field.start), value], at: at))
            case "position" where isSymbol("(", at: 1):
                index += 2
                let needle = try otherOperators()
                try expect("in")
                let haystack = try expression()
                try expectSymbol(")")
                return .call(Call(name: ["position"], arguments: [haystack, needle], at: at))
            case "substring" where isSymbol("(", at: 1):
                index += 2
                var arguments = [try expression()]
                if accept("from") { arguments.append(try expression()) }
                if accept("for") { arguments.append(try expression()) }
                while acceptSymbol(",") { arguments.append(try expression()) }
                try expectSymbol(")")
                return .call(Call(name: ["substring"], arguments: arguments, at: at))
            case "trim" where isSymbol("(", at: 1):
                index += 2
                _ = accept("both") || accept("leading") || accept("trailing")
                var arguments: [Expr] = []
                if !isWord("from") { arguments.append(try expression()) }
                if accept("from") { arguments.insert(try expression(), at: 0) }
                try expectSymbol(")")
                return .call(Call(name: ["btrim"], arguments: arguments, at: at))
            case "interval", "date", "timestamp", "timestamptz", "time", "uuid", "jsonb", "json", "numeric", "text", "bigint", "integer", "int", "boolean", "inet":
                if peek(1)?.kind == .string || (token.value == "timestamp" || token.value == "time") && isWord("with", at: 1) {
                    let type = try typeName()
                    guard let literal = current, literal.kind == .string else { throw unexpected("expected a string") }
                    index += 1
                    // `interval '1' day`, `interval '1-2' year to month`, `interval '1.5' second(3)`.
                    if token.value == "interval" {
                        let fields = ColumnType.intervalFieldWords
                        while let word = current, word.kind == .word, fields.contains(word.value) { index += 1 }
                        if isSymbol("("), index > 0, tokens[index - 1].isWord("second") {
                            index += 1
                            while let inner = current, !inner.isSymbol(")") { index += 1 }
                            try expectSymbol(")")
                        }
                    }
                    return .typedString(type, literal.value, at: at)
                }
            default:
                break
            }
        }
        let name = try qualifiedNameOrStar()
        if case .star(let qualifier, let starAt) = name { return .star(qualifier: qualifier, at: starAt) }
        guard case .column(let parts, _) = name else { return name }
        if isSymbol("(") { return .call(try callArguments(name: parts, at: at)) }
        return .column(parts, at: at)
    }

    /// `a`, `a.b`, `a.b.c`, or `a.*`.
    mutating func qualifiedNameOrStar() throws(Diagnostic) -> Expr {
        let at = offset
        var parts = [try identifier("an expression")]
        while isSymbol(".") {
            if isSymbol("*", at: 1) {
                index += 2
                return .star(qualifier: parts, at: at)
            }
            guard peek(1)?.isIdentifier == true else { break }
            index += 1
            parts.append(try identifier())
        }
        return .column(parts, at: at)
    }

    mutating func arrayLiteral(at: Int) throws(Diagnostic) -> Expr {
        try expectSymbol("[")
        var items: [Expr] = []
        if !isSymbol("]") {
            repeat {
                if isSymbol("[") { items.append(try arrayLiteral(at: offset)) } else { items.append(try expression()) }
            } while acceptSymbol(",")
        }
        try expectSymbol("]")
        return .array(items, at: at)
    }

    mutating func caseExpression() throws(Diagnostic) -> Expr {
        let at = offset
        try expect("case")
        var operand: Expr?
        if !isWord("when") { operand = try expression() }
        var branches: [(Expr, Expr)] = []
        while accept("when") {
            let condition = try expression()
            try expect("then")
            branches.append((condition, try expression()))
        }
        guard !branches.isEmpty else { throw unexpected("expected WHEN") }
        var otherwise: Expr?
        if accept("else") { otherwise = try expression() }
        try expect("end")
        return .caseWhen(operand: operand, branches, otherwise: otherwise, at: at)
    }

    mutating func callArguments(name: NameParts, at: Int) throws(Diagnostic) -> Call {
        try expectSymbol("(")
        var call = Call(name: name, arguments: [], at: at)
        if acceptSymbol("*") {
            call.star = true
        } else if !isSymbol(")") {
            if accept("distinct") { call.distinct = true } else { _ = accept("all") }
            repeat {
                // Named arguments (`name => value`, `name := value`) keep only the value: they
                // are matched by position.
                if peek()?.isIdentifier == true, isSymbol("=>", at: 1) || isSymbol(":=", at: 1) {
                    index += 2
                    call.hasNamedArguments = true
                }
                call.arguments.append(try expression())
            } while acceptSymbol(",")
            if accept("order") {
                try expect("by")
                call.orderBy = try orderItems()
            }
        }
        try expectSymbol(")")
        if accept("within") {
            try expect("group")
            try expectSymbol("(")
            try expect("order")
            try expect("by")
            call.withinGroup = try orderItems()
            try expectSymbol(")")
        }
        if accept("filter") {
            try expectSymbol("(")
            try expect("where")
            call.filter = try expression()
            try expectSymbol(")")
        }
        if accept("over") {
            if let token = current, token.isIdentifier, !isSymbol("(") {
                index += 1
                call.over = WindowSpec(name: token.value, mayHaveFrame: true)
            } else {
                call.over = try windowSpec()
            }
        }
        return call
    }

    /// One GROUP BY element: an expression, `()`, `ROLLUP (…)`, `CUBE (…)` or `GROUPING SETS (…)`
    /// (whose elements may be parenthesised lists or any of these again).
    mutating func groupingElement(into core: inout SelectCore, inSets: Bool) throws(Diagnostic) {
        func add(_ expression: Expr, set: Bool) {
            core.groupBy.append(expression)
            if set { core.groupingSets.append(expression) }
        }
        if isWord("grouping"), isWord("sets", at: 1) {
            index += 2
            try expectSymbol("(")
            repeat { try groupingElement(into: &core, inSets: true) } while acceptSymbol(",")
            try expectSymbol(")")
        } else if (isWord("rollup") || isWord("cube")), isSymbol("(", at: 1) {
            index += 2
            repeat {
                // An element may be a parenthesised list of columns that roll up together.
                if isSymbol("("), let list = try? peekList() {
                    index = list.end
                    for expression in list.expressions { add(expression, set: true) }
                } else {
                    add(try expression(), set: true)
                }
            } while acceptSymbol(",")
            try expectSymbol(")")
        } else if isSymbol("("), isSymbol(")", at: 1) {
            index += 2
        } else if inSets, isSymbol("("), let list = try? peekList() {
            index = list.end
            for expression in list.expressions { add(expression, set: true) }
        } else {
            add(try expression(), set: inSets)
        }
    }

    /// A parenthesised list of two or more expressions at the current token, `(a, b)`, without
    /// moving; a single parenthesised expression is left to `expression()`.
    mutating func peekList() throws(Diagnostic) -> (expressions: [Expr], end: Int) {
        let start = index
        defer { index = start }
        try expectSymbol("(")
        var expressions = [try expression()]
        guard acceptSymbol(",") else { throw unexpected("expected ','") }
        repeat { expressions.append(try expression()) } while acceptSymbol(",")
        try expectSymbol(")")
        return (expressions, index)
    }

    /// `UNBOUNDED PRECEDING`, `CURRENT ROW` or `offset PRECEDING|FOLLOWING`: the offset, if any.
    mutating func frameBound() throws(Diagnostic) -> Expr? {
        if accept("current") {
            try expect("row")
            return nil
        }
        let offset: Expr? = accept("unbounded") ? nil : try additive()
        guard accept("preceding") || accept("following") else { throw unexpected("expected PRECEDING or FOLLOWING") }
        return offset
    }

    mutating func windowSpec() throws(Diagnostic) -> WindowSpec {
        try expectSymbol("(")
        var spec = WindowSpec()
        if let token = current, token.isIdentifier, !["partition", "order", "rows", "range", "groups"].contains(token.value) {
            index += 1
            spec.name = token.value
        }
        if accept("partition") {
            try expect("by")
            repeat { spec.partitionBy.append(try expression()) } while acceptSymbol(",")
        }
        if accept("order") {
            try expect("by")
            spec.orderBy = try orderItems()
        }
        // A frame clause: its offsets are expressions (`$1 PRECEDING`); EXCLUDE … is skipped to
        // the closing parenthesis.
        spec.mayHaveFrame = !isSymbol(")")
        if let mode = current, mode.isWord("rows") || mode.isWord("range") || mode.isWord("groups") {
            index += 1
            spec.frameMode = mode.value
            if accept("between") {
                if let offset = try frameBound() { spec.frameOffsets.append(offset) }
                try expect("and")
            }
            if let offset = try frameBound() { spec.frameOffsets.append(offset) }
        }
        var depth = 0
        while let token = current {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") {
                if depth == 0 { break }
                depth -= 1
            }
            index += 1
        }
        try expectSymbol(")")
        return spec
    }
}
