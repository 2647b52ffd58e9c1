import PGSchema

/// PostgreSQL's rule for grouped queries: outside aggregates, the select list, HAVING and ORDER BY
/// may use only what GROUP BY names, or any column of a table whose primary key it names. The
/// check errs on the side of silence: an expression it cannot compare turns it off.
extension Analyzer {
    func checkGrouping(_ core: SelectCore, scope: Scope, orderBy: [OrderItem]) throws(Diagnostic) {
        let aggregates = core.items.contains { containsAggregate($0.expression) }
            || (core.having.map(containsAggregate) ?? false)
            || orderBy.contains { containsAggregate($0.expression) }
        guard !core.groupBy.isEmpty || core.having != nil || aggregates else { return }
        var expressions: Set<String> = []
        var columns: Set<String> = []
        for item in core.groupBy {
            var expression = item
            if case .integer(let digits, _) = item, let position = Int(digits), position >= 1, position <= core.items.count {
                expression = core.items[position - 1].expression
            } else if case .column(let parts, _) = item, parts.count == 1, columnKeys(parts, scope) == nil,
                      let aliased = core.items.first(where: { $0.alias == parts[0] }) {
                expression = aliased.expression
            }
            if case .star = expression { return }
            guard let print = fingerprint(expression, scope) else { return }
            expressions.insert(print)
            if case .column(let parts, _) = expression, let keys = columnKeys(parts, scope) { columns.formUnion(keys) }
        }
        // Tables whose primary key is grouped: every column of theirs is.
        var dependent: Set<String> = []
        for leaf in scope.nodes.flatMap(\.leaves) {
            guard let name = leaf.table, let key = index.table(name)?.primaryKey?.columns, !key.isEmpty else { continue }
            if key.allSatisfy({ columns.contains("\(leaf.alias).\($0)") }) { dependent.insert(leaf.alias) }
        }
        let outputNames = Set(core.items.compactMap(\.alias))
        func check(_ expression: Expr) throws(Diagnostic) {
            if let print = fingerprint(expression, scope), expressions.contains(print) { return }
            switch expression {
            case .column(let parts, let at):
                guard let keys = columnKeys(parts, scope) else { return }
                if keys.contains(where: { columns.contains($0) || dependent.contains(String($0.prefix { $0 != "." })) }) { return }
                let shown = keys.count == 1 ? keys.first! : parts.joined(separator: ".")
                throw error(
                    "column \"\(shown)\" must appear in the GROUP BY clause or be used in an aggregate function", at: at,
                    note: "add it to GROUP BY, or wrap it in an aggregate such as max(…)"
                )
            case .call(let call) where call.over == nil && isAggregate(call):
                return
            case .star:
                return
            default:
                for child in children(expression) { try check(child) }
            }
        }
        for item in core.items { try check(item.expression) }
        if let having = core.having { try check(having) }
        for item in orderBy {
            if case .integer = item.expression { continue }
            if case .column(let parts, _) = item.expression, parts.count == 1, outputNames.contains(parts[0]) { continue }
            try check(item.expression)
        }
    }

    func isAggregate(_ call: Call) -> Bool {
        call.star || !call.withinGroup.isEmpty || catalog.functions[call.name.last ?? ""]?.first?.isAggregate == true
    }

    func containsAggregate(_ expression: Expr) -> Bool {
        if case .call(let call) = expression, call.over == nil, isAggregate(call) { return true }
        return children(expression).contains(where: containsAggregate)
    }

    /// `alias.column` for each FROM item at this level the reference may mean (a USING column: both
    /// sides); `nil` for a reference to an outer query, an output alias or nothing known.
    func columnKeys(_ parts: NameParts, _ scope: Scope) -> Set<String>? {
        let leaves = scope.nodes.flatMap(\.leaves)
        let name = parts.last!
        if parts.count == 1 {
            let matches = leaves.filter { $0.columns.contains { $0.name == name } }
            return matches.isEmpty ? nil : Set(matches.map { "\($0.alias).\(name)" })
        }
        guard let leaf = leaves.first(where: { $0.alias == parts[parts.count - 2] }), leaf.columns.contains(where: { $0.name == name }) else { return nil }
        return ["\(leaf.alias).\(name)"]
    }

    /// The expressions directly inside one, subqueries left out (they are checked on their own).
    func children(_ expression: Expr) -> [Expr] {
        switch expression {
        case .column, .star, .parameter, .integer, .decimal, .string, .boolean, .null, .typedString, .keywordValue, .defaultValue,
             .scalarQuery, .exists, .arrayQuery:
            return []
        case .cast(let inner, _, _), .unary(_, let inner, _), .not(let inner, _), .field(let inner, _, _), .inQuery(let inner, _, _, _),
             .anyQuery(_, let inner, _, _, _):
            return [inner]
        case .binary(_, let l, let r, _), .and(let l, let r, _), .or(let l, let r, _), .anyArray(_, let l, let r, _, _), .atTimeZone(let l, let r, _):
            return [l, r]
        case .isTest(let inner, _, _, let other, _):
            return [inner] + (other.map { [$0] } ?? [])
        case .between(let a, let b, let c, _, _):
            return [a, b, c]
        case .inList(let inner, let list, _, _):
            return [inner] + list
        case .call(let call):
            return call.arguments + (call.filter.map { [$0] } ?? []) + call.orderBy.map(\.expression)
                + (call.over.map { $0.partitionBy + $0.orderBy.map(\.expression) } ?? [])
        case .caseWhen(let operand, let branches, let otherwise, _):
            return (operand.map { [$0] } ?? []) + branches.flatMap { [$0.0, $0.1] } + (otherwise.map { [$0] } ?? [])
        case .array(let items, _), .row(let items, _):
            return items
        case .subscript(let base, let index, let upper, _, _):
            return [base, index] + (upper.map { [$0] } ?? [])
        }
    }

    /// A text that two expressions share when they are the same expression (column references by
    /// what they resolve to); `nil` for one holding a subquery.
    func fingerprint(_ expression: Expr, _ scope: Scope) -> String? {
        let head: String
        switch expression {
        case .column(let parts, _):
            if let keys = columnKeys(parts, scope) { return "col(" + keys.sorted().joined(separator: "|") + ")" }
            return "outer(" + parts.joined(separator: ".") + ")"
        case .scalarQuery, .exists, .arrayQuery, .inQuery, .anyQuery: return nil
        case .star: head = "*"
        case .parameter(let n, _): head = "$\(n)"
        case .integer(let v, _), .decimal(let v, _): head = "n(\(v))"
        case .string(let v, _): head = "s(\(v.count):\(v))"
        case .boolean(let v, _): head = "b(\(v))"
        case .null: head = "null"
        case .typedString(let type, let v, _): head = "ts(\(type.type):\(v.count):\(v))"
        case .keywordValue(let word, _): head = "kw(\(word))"
        case .defaultValue: head = "default"
        case .cast(_, let type, _): head = "cast(\(type.type))"
        case .unary(let op, _, _): head = "u(\(op))"
        case .binary(let op, _, _, _): head = "op(\(op))"
        case .not: head = "not"
        case .and: head = "and"
        case .or: head = "or"
        case .isTest(_, let test, let negated, _, _): head = "is(\(test),\(negated))"
        case .between(_, _, _, let negated, _): head = "between(\(negated))"
        case .inList(_, _, let negated, _): head = "in(\(negated))"
        case .anyArray(let op, _, _, let all, _): head = "any(\(op),\(all))"
        case .call(let call):
            guard call.over == nil, call.orderBy.isEmpty, call.withinGroup.isEmpty else { return nil }
            head = "call(\(call.name.joined(separator: ".")),\(call.star),\(call.distinct),\(call.filter != nil))"
        case .caseWhen(let operand, _, let otherwise, _): head = "case(\(operand != nil),\(otherwise != nil))"
        case .array: head = "array"
        case .row: head = "row"
        case .subscript(_, _, let upper, let slice, _): head = "sub(\(upper != nil),\(slice))"
        case .field(_, let name, _): head = "field(\(name))"
        case .atTimeZone: head = "atz"
        }
        var parts: [String] = []
        for child in children(expression) {
            guard let print = fingerprint(child, scope) else { return nil }
            parts.append(print)
        }
        return head + "[" + parts.joined(separator: ",") + "]"
    }
}
