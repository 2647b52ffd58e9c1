import Foundation

import PGSchema

/// Puts a SQL expression into one canonical spelling, so that an expression as a migration wrote it
/// and the same expression as PostgreSQL prints it back (`pg_get_expr`, `pg_get_constraintdef`,
/// `pg_get_indexdef`) compare equal, and two different expressions do not.
///
/// What PostgreSQL changes when it stores and prints an expression, and how both sides are brought
/// together:
/// - **Parentheses.** PostgreSQL parenthesises every operator (`((a >= 0) AND (b > a))`). Both sides
///   are parsed with PostgreSQL's operator precedence and printed fully parenthesised, so
///   `a >= 0 AND b > a` and the stored form agree, while `(a OR b) AND c` and `a OR (b AND c)` do not.
/// - **Casts.** PostgreSQL adds the casts it applied (`'x'::text`, `'active'::status`,
///   `(slug)::text`, `'{}'::text[]`, `'t_id_seq'::regclass`, `(0)::double precision`). Every cast,
///   `x::type` and `CAST(x AS type)`, and every typed literal (`interval '1 day'`) is dropped on both
///   sides: the column's or operator's type decides the cast anyway. A migration that casts to a
///   *different* type than the database does is therefore not reported — the one precision given up.
/// - **Constants.** Numbers and strings are one kind of constant (`-1` is stored as `'-1'::integer`,
///   `'5'` for an integer column as `5`); string escapes are decoded (`E'\''` equals `''''`); and a
///   constant is compared by its value where its text shows it (numbers, JSON, arrays, intervals,
///   dates and times): see ``LiteralCanonicalizer``.
/// - **Words.** Keywords and unquoted names are case-insensitive (`COALESCE`, `TRUE`); quoted names
///   keep their case. `!=` is `<>`; `LIKE`/`ILIKE` are the operators `~~`/`~~*` (negated `!~~`/`!~~*`).
/// - **Rewritten forms.** `x IN ('a', 'b')` is stored as `x = ANY (ARRAY['a', 'b'])`, `x IN ('a')` as
///   `x = 'a'`, `x IN (1, y)` as `x = 1 OR x = y` (and `NOT IN` likewise with `<>`); `x BETWEEN a AND
///   b` as `x >= a AND x <= b` (`SYMMETRIC` as both ranges); `IS NOT DISTINCT FROM` as `NOT (… IS
///   DISTINCT FROM …)`; a `CASE` without `ELSE` gets `ELSE NULL`. They are rewritten the same way here.
/// - **Not rewritten.** `now()` and `CURRENT_TIMESTAMP` stay different: PostgreSQL keeps them apart
///   too (`pg_get_expr` prints `now()` for one and `CURRENT_TIMESTAMP` for the other).
///
/// An expression outside the subset parsed here (sub-queries, `POSITION(… IN …)`, `SIMILAR TO`,
/// window functions, …) has no canonical form: ``canonical(_:)`` returns `nil`, and the comparison
/// falls back to what can be compared exactly (that an expression is present on both sides).
public enum ExpressionNormalizer {
    /// The canonical spelling, or `nil` when the expression is outside the subset understood here.
    public static func canonical(_ expression: String) -> String? {
        guard let tokens = tokens(expression) else { return nil }
        var parser = ExpressionParser(tokens: tokens)
        guard let result = try? parser.parseExpression(), parser.atEnd else { return nil }
        return result
    }

    /// Whether two expressions mean the same by the rules above. When either has no canonical
    /// form, they are taken to be the same: only the presence of an expression can be compared.
    public static func equivalent(_ a: String, _ b: String) -> Bool {
        guard let left = canonical(a), let right = canonical(b) else { return true }
        return left == right
    }

    /// The canonical spelling of one index element (`lower(email) DESC NULLS LAST`, `tags
    /// jsonb_path_ops`), with PostgreSQL's defaults left out: `ASC`, `NULLS LAST` when ascending and
    /// `NULLS FIRST` when descending. `nil` when the expression part is not understood.
    public static func canonicalIndexElement(_ element: String) -> String? {
        guard let tokens = tokens(element) else { return nil }
        var parser = ExpressionParser(tokens: tokens)
        // The expression ends where the words that follow it (operator class, order) begin.
        guard let expression = try? parser.parseExpression() else { return nil }
        var words = parser.remainingTokens.map { token in
            token.kind == .quotedIdentifier ? quoted(token.value) : token.value
        }
        var descending = false
        var result: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "asc" {
                index += 1
            } else if word == "desc" {
                descending = true
                index += 1
            } else if word == "nulls", index + 1 < words.count {
                let first = words[index + 1] == "first"
                if first != descending { result.append("nulls \(first ? "first" : "last")") }
                index += 2
            } else {
                result.append(word)
                index += 1
            }
        }
        if descending { result.append("desc") }
        words = [expression] + result
        return words.joined(separator: " ")
    }

    /// Splits `a, lower(b), (c * 2) DESC` at the commas outside parentheses and brackets.
    public static func splitTopLevel(_ list: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        var quote: Character?
        for character in list {
            if let open = quote {
                current.append(character)
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"": quote = character
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            case "," where depth == 0:
                parts.append(current.trimmingWhitespace())
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        if !current.trimmingWhitespace().isEmpty { parts.append(current.trimmingWhitespace()) }
        return parts
    }

    static func tokens(_ text: String) -> [Token]? {
        let lexed = Lexer.lex(SourceFile(path: "", text: text))
        guard lexed.diagnostics.isEmpty, lexed.statements.count <= 1 else { return nil }
        return lexed.statements.first?.tokens.filter { !$0.isSymbol(";") } ?? []
    }

    /// An identifier as PostgreSQL prints it: bare when lower case and simple, else in double quotes.
    public static func quoted(_ identifier: String) -> String {
        let simple = identifier.first.map { $0 == "_" || ($0.isLetter && $0.isLowercase) } == true
            && identifier.allSatisfy { $0 == "_" || $0 == "$" || $0.isNumber || ($0.isLetter && $0.isLowercase) }
        return simple ? identifier : "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}

private struct NotUnderstood: Error {}

/// A precedence-climbing parser of PostgreSQL's expression grammar (the subset defaults, checks,
/// generated columns and index elements use) that prints as it parses.
private struct ExpressionParser {
    let tokens: [Token]
    var position = 0

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    var atEnd: Bool { position >= tokens.count }
    var remainingTokens: ArraySlice<Token> { tokens[min(position, tokens.count)...] }
    var current: Token? { position < tokens.count ? tokens[position] : nil }
    func peek(_ offset: Int) -> Token? { position + offset < tokens.count ? tokens[position + offset] : nil }

    func isWord(_ word: String) -> Bool { current?.isWord(word) == true }
    func isSymbol(_ symbol: String) -> Bool { current?.isSymbol(symbol) == true }

    mutating func expectSymbol(_ symbol: String) throws {
        guard isSymbol(symbol) else { throw NotUnderstood() }
        position += 1
    }

    mutating func expectWord(_ word: String) throws {
        guard isWord(word) else { throw NotUnderstood() }
        position += 1
    }

    mutating func parseExpression() throws -> String {
        try parseOr()
    }

    // MARK: - Boolean and comparison levels, loosest first

    mutating func parseOr() throws -> String {
        var left = try parseAnd()
        while isWord("or") {
            position += 1
            left = "(\(left) or \(try parseAnd()))"
        }
        return left
    }

    mutating func parseAnd() throws -> String {
        var left = try parseNot()
        while isWord("and") {
            position += 1
            left = "(\(left) and \(try parseNot()))"
        }
        return left
    }

    mutating func parseNot() throws -> String {
        if isWord("not") {
            position += 1
            return "(not \(try parseNot()))"
        }
        return try parseIs()
    }

    mutating func parseIs() throws -> String {
        var left = try parseComparison()
        while true {
            if isWord("isnull") || isWord("notnull") {
                left = "(\(left) is \(isWord("notnull") ? "not " : "")null)"
                position += 1
            } else if isWord("is") {
                position += 1
                var negated = ""
                if isWord("not") {
                    negated = "not "
                    position += 1
                }
                if isWord("distinct") {
                    position += 1
                    try expectWord("from")
                    // PostgreSQL stores `IS NOT DISTINCT FROM` as `NOT (… IS DISTINCT FROM …)`.
                    let distinct = "(\(left) is distinct from \(try parseComparison()))"
                    left = negated.isEmpty ? distinct : "(not \(distinct))"
                } else if let word = current, word.kind == .word, ["null", "true", "false", "unknown"].contains(word.value) {
                    position += 1
                    left = "(\(left) is \(negated)\(word.value))"
                } else {
                    throw NotUnderstood()
                }
            } else {
                return left
            }
        }
    }

    static let comparisonOperators: Set<String> = ["<", ">", "=", "<=", ">=", "<>", "!="]

    mutating func parseComparison() throws -> String {
        var left = try parseLikeInBetween()
        while let token = current, token.kind == .symbol, Self.comparisonOperators.contains(token.value) {
            position += 1
            let op = token.value == "!=" ? "<>" : token.value
            left = "(\(left) \(op) \(try parseQuantified()))"
        }
        return left
    }

    /// The right side of a comparison: `ANY (…)`, `ALL (…)`, `SOME (…)`, or an operand.
    mutating func parseQuantified() throws -> String {
        if let word = current, word.kind == .word, ["any", "all", "some"].contains(word.value), peek(1)?.isSymbol("(") == true {
            position += 2
            let inner = try parseOr()
            try expectSymbol(")")
            return "\(word.value == "some" ? "any" : word.value)(\(inner))"
        }
        return try parseLikeInBetween()
    }

    mutating func parseLikeInBetween() throws -> String {
        var left = try parseOtherOperator()
        while true {
            var negated = false
            if isWord("not"), let next = peek(1), next.kind == .word, ["like", "ilike", "in", "between"].contains(next.value) {
                negated = true
                position += 1
            }
            guard let word = current, word.kind == .word else { return left }
            switch word.value {
            case "like", "ilike":
                position += 1
                let op = (negated ? "!" : "") + (word.value == "like" ? "~~" : "~~*")
                left = "(\(left) \(op) \(try parseOtherOperator()))"
            case "in":
                position += 1
                try expectSymbol("(")
                if isWord("select") { throw NotUnderstood() }
                var items = [try parseOr()]
                while isSymbol(",") {
                    position += 1
                    items.append(try parseOr())
                }
                try expectSymbol(")")
                left = Self.inList(left, items, negated: negated)
            case "between":
                position += 1
                var symmetric = false
                if isWord("symmetric") || isWord("asymmetric") {
                    symmetric = isWord("symmetric")
                    position += 1
                }
                let low = try parseOtherOperator()
                try expectWord("and")
                let high = try parseOtherOperator()
                func range(_ low: String, _ high: String) -> String {
                    negated ? "((\(left) < \(low)) or (\(left) > \(high)))" : "((\(left) >= \(low)) and (\(left) <= \(high)))"
                }
                left = symmetric
                    ? "(\(range(low, high)) \(negated ? "and" : "or") \(range(high, low)))"
                    : range(low, high)
            default:
                if negated { position -= 1 }
                return left
            }
        }
    }

    /// `x IN (…)` as PostgreSQL stores it (transformAExprIn): the constants, when there are two or
    /// more, as `x = ANY (ARRAY[…])`; every other item (or every item, with fewer than two
    /// constants) as its own `x = item`, all joined by `OR`. `NOT IN` is the same with `<>`,
    /// `<> ALL` and `AND`.
    static func inList(_ left: String, _ items: [String], negated: Bool) -> String {
        let constants = items.filter { $0.hasPrefix("'") }
        var parts: [String] = []
        var rest = items
        if constants.count > 1 {
            let array = "array[\(constants.joined(separator: ", "))]"
            parts.append(negated ? "(\(left) <> all(\(array)))" : "(\(left) = any(\(array)))")
            rest = items.filter { !$0.hasPrefix("'") }
        }
        parts += rest.map { "(\(left) \(negated ? "<>" : "=") \($0))" }
        return parts.dropFirst().reduce(parts[0]) { "(\($0) \(negated ? "and" : "or") \($1))" }
    }

    static let arithmeticOperators: Set<String> = ["+", "-", "*", "/", "%", "^"]
    static let reservedSymbols: Set<String> = ["(", ")", "[", "]", ",", ";", ".", "::", ":="]

    /// Any operator that is not arithmetic or comparison (`||`, `~`, `@>`, `->>`, `&&`, …), binary.
    mutating func parseOtherOperator() throws -> String {
        var left = try parseAdditive()
        while let token = current, token.kind == .symbol, !Self.reservedSymbols.contains(token.value),
              !Self.comparisonOperators.contains(token.value), !Self.arithmeticOperators.contains(token.value) {
            position += 1
            left = "(\(left) \(token.value) \(try parseAdditive()))"
        }
        return left
    }

    mutating func parseAdditive() throws -> String {
        var left = try parseMultiplicative()
        while isSymbol("+") || isSymbol("-") {
            let op = current!.value
            position += 1
            left = "(\(left) \(op) \(try parseMultiplicative()))"
        }
        return left
    }

    mutating func parseMultiplicative() throws -> String {
        var left = try parsePower()
        while isSymbol("*") || isSymbol("/") || isSymbol("%") {
            let op = current!.value
            position += 1
            left = "(\(left) \(op) \(try parsePower()))"
        }
        return left
    }

    mutating func parsePower() throws -> String {
        var left = try parseCollate()
        while isSymbol("^") {
            position += 1
            left = "(\(left) ^ \(try parseCollate()))"
        }
        return left
    }

    mutating func parseCollate() throws -> String {
        var left = try parseUnary()
        while true {
            if isWord("collate") {
                position += 1
                left = "(\(left) collate \(try parseName()))"
            } else if isWord("at"), peek(1)?.isWord("time") == true, peek(2)?.isWord("zone") == true {
                position += 3
                left = "(\(left) at time zone \(try parseUnary()))"
            } else {
                return left
            }
        }
    }

    mutating func parseUnary() throws -> String {
        if isSymbol("-") || isSymbol("+") {
            let op = current!.value
            position += 1
            let operand = try parseUnary()
            if operand.hasPrefix("'"), let number = Self.numberValue(operand) {
                return op == "-" ? Self.constant(number.hasPrefix("-") ? String(number.dropFirst()) : "-" + number) : operand
            }
            return "(\(op) \(operand))"
        }
        return try parsePostfix()
    }

    /// The text of a constant that is a number, for folding a sign into it.
    static func numberValue(_ literal: String) -> String? {
        let inner = String(literal.dropFirst().dropLast())
        return LiteralCanonicalizer.number(inner)
    }

    /// A constant by its value: see ``LiteralCanonicalizer``.
    static func constant(_ value: String) -> String {
        literal(LiteralCanonicalizer.canonical(value))
    }

    static func literal(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Casts (dropped), subscripts and field selection.
    mutating func parsePostfix() throws -> String {
        var value = try parsePrimary()
        while true {
            if isSymbol("::") {
                position += 1
                let type = try skipTypeName()
                if type == "regclass", value.hasPrefix("'") { value = Self.relationLiteral(value) }
            } else if isSymbol("[") {
                position += 1
                var inner = try parseOr()
                if isSymbol(":") {
                    position += 1
                    inner += ":" + (try parseOr())
                }
                try expectSymbol("]")
                value += "[\(inner)]"
            } else if isSymbol("."), let next = peek(1), next.isIdentifier {
                position += 2
                value = "(\(value)).\(next.kind == .quotedIdentifier ? ExpressionNormalizer.quoted(next.value) : next.value)"
            } else {
                return value
            }
        }
    }

    static let typeContinuations: Set<String> = ["varying", "precision", "with", "without", "time", "zone"]

    /// A relation name given as text (`nextval('T_id_seq'::regclass)`) as PostgreSQL prints it back:
    /// case-folded unless quoted, quoted where needed, without `public.`.
    static func relationLiteral(_ literal: String) -> String {
        let text = String(literal.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        guard let tokens = ExpressionNormalizer.tokens(text), !tokens.isEmpty else { return literal }
        var parts: [String] = []
        for (index, token) in tokens.enumerated() {
            if index % 2 == 1 {
                guard token.isSymbol(".") else { return literal }
            } else {
                guard token.isIdentifier else { return literal }
                parts.append(ExpressionNormalizer.quoted(token.value))
            }
        }
        guard tokens.count % 2 == 1 else { return literal }
        if parts.count == 2, parts[0] == "public" { parts.removeFirst() }
        return Self.literal(parts.joined(separator: "."))
    }

    /// A type name after `::` or `AS`: words (possibly qualified), modifiers, array brackets.
    /// Returns the first word (`regclass`, `character`, …).
    @discardableResult
    mutating func skipTypeName() throws -> String {
        guard let first = current, first.isIdentifier else { throw NotUnderstood() }
        position += 1
        while true {
            if isSymbol("."), peek(1)?.isIdentifier == true {
                position += 2
            } else if let word = current, word.kind == .word, Self.typeContinuations.contains(word.value) {
                position += 1
            } else if isSymbol("(") {
                var depth = 0
                repeat {
                    if isSymbol("(") { depth += 1 }
                    if isSymbol(")") { depth -= 1 }
                    position += 1
                } while depth > 0 && !atEnd
            } else if isSymbol("["), peek(1)?.isSymbol("]") == true {
                position += 2
            } else if isSymbol("["), peek(1)?.kind == .number, peek(2)?.isSymbol("]") == true {
                position += 3
            } else if isWord("array") {
                position += 1
            } else {
                return first.value
            }
        }
    }

    mutating func parseName() throws -> String {
        guard let token = current, token.isIdentifier else { throw NotUnderstood() }
        position += 1
        var name = token.kind == .quotedIdentifier ? ExpressionNormalizer.quoted(token.value) : token.value
        while isSymbol("."), let next = peek(1), next.isIdentifier {
            position += 2
            name += "." + (next.kind == .quotedIdentifier ? ExpressionNormalizer.quoted(next.value) : next.value)
        }
        return name
    }

    static let notPrimaryWords: Set<String> = [
        "and", "or", "not", "is", "in", "like", "ilike", "between", "then", "else", "end", "when", "from",
        "asc", "desc", "nulls", "collate", "select", "where", "order", "group", "having", "as",
    ]

    mutating func parsePrimary() throws -> String {
        guard let token = current else { throw NotUnderstood() }
        switch token.kind {
        case .string, .number:
            position += 1
            return Self.constant(token.value)
        case .parameter:
            throw NotUnderstood()
        case .symbol:
            guard token.value == "(" else { throw NotUnderstood() }
            position += 1
            let inner = try parseOr()
            if isSymbol(",") {
                var items = [inner]
                while isSymbol(",") {
                    position += 1
                    items.append(try parseOr())
                }
                try expectSymbol(")")
                return "row(\(items.joined(separator: ", ")))"
            }
            try expectSymbol(")")
            return inner
        case .quotedIdentifier:
            return try parseNameOrCall()
        case .word:
            if Self.notPrimaryWords.contains(token.value) { throw NotUnderstood() }
            switch token.value {
            case "case": return try parseCase()
            case "cast":
                guard peek(1)?.isSymbol("(") == true else { break }
                position += 2
                let inner = try parseOr()
                try expectWord("as")
                try skipTypeName()
                try expectSymbol(")")
                return inner
            case "array":
                if peek(1)?.isSymbol("[") == true {
                    position += 2
                    return "array[\(try parseList(until: "]"))]"
                }
                if peek(1)?.isSymbol("(") == true { throw NotUnderstood() }
            case "extract" where peek(1)?.isSymbol("(") == true:
                position += 2
                guard let field = current, field.isIdentifier || field.kind == .string else { throw NotUnderstood() }
                position += 1
                try expectWord("from")
                let source = try parseOr()
                try expectSymbol(")")
                return "extract(\(field.value.lowercased()) from \(source))"
            case "exists", "substring", "position", "overlay", "trim":
                throw NotUnderstood()
            default:
                break
            }
            // A typed literal: `interval '1 day'`, `timestamp with time zone '…'`, `date '…'`.
            var lookahead = position + 1
            while lookahead < tokens.count, tokens[lookahead].kind == .word, Self.typeContinuations.contains(tokens[lookahead].value) {
                lookahead += 1
            }
            if lookahead < tokens.count, tokens[lookahead].kind == .string {
                position = lookahead + 1
                return Self.constant(tokens[lookahead].value)
            }
            return try parseNameOrCall()
        }
    }

    mutating func parseNameOrCall() throws -> String {
        let name = try parseName()
        if isSymbol("(") {
            position += 1
            if isSymbol("*"), peek(1)?.isSymbol(")") == true {
                position += 2
                return "\(name)(*)"
            }
            if isWord("distinct") || isWord("all") { throw NotUnderstood() }
            let arguments = isSymbol(")") ? "" : try parseList(until: ")")
            if !isSymbol(")") { throw NotUnderstood() }
            position += 1
            if isWord("over") || isWord("filter") || isWord("within") { throw NotUnderstood() }
            return "\(name)(\(arguments))"
        }
        return name
    }

    mutating func parseList(until close: String) throws -> String {
        var items: [String] = []
        if !isSymbol(close) {
            items.append(try parseOr())
            while isSymbol(",") {
                position += 1
                items.append(try parseOr())
            }
        }
        try expectSymbol(close)
        if close == ")" { position -= 1 }
        return items.joined(separator: ", ")
    }

    mutating func parseCase() throws -> String {
        position += 1
        var text = "case"
        if !isWord("when") { text += " " + (try parseOr()) }
        while isWord("when") {
            position += 1
            let condition = try parseOr()
            try expectWord("then")
            text += " when \(condition) then \(try parseOr())"
        }
        if isWord("else") {
            position += 1
            // PostgreSQL adds `ELSE NULL::type` to a CASE without ELSE.
            let otherwise = try parseOr()
            if otherwise != "null" { text += " else \(otherwise)" }
        }
        try expectWord("end")
        return text + " end"
    }
}
