import Foundation

/// What a `DO` block (PL/pgSQL) does to the schema, as far as the fold can follow it: the DDL
/// statements in its body, `IF [NOT] EXISTS (SELECT … FROM <catalog> WHERE …)` guards, and
/// `BEGIN … EXCEPTION … END` blocks that undo themselves on an error. Anything else that may
/// change a shape (dynamic `EXECUTE`, DDL in a loop) is `opaque`: the fold warns about it.
public indirect enum ProceduralStep: Sendable, Equatable {
    case statement(LocatedStatement)
    /// `IF … THEN … ELSIF … ELSE … END IF`: branches in order; a `nil` condition is `ELSE`.
    case conditional([ProceduralBranch])
    /// A block with an exception handler: PostgreSQL rolls the block back when it fails.
    case guarded([ProceduralStep])
    /// Something that may change the schema and that the fold cannot follow; the words say what.
    case opaque(String, SourceLocation)
}

public struct ProceduralBranch: Sendable, Equatable {
    /// `nil` for `ELSE`, `.unknown` for a condition the fold cannot evaluate.
    public var condition: CatalogCondition?
    public var steps: [ProceduralStep]
}

/// A test of the catalog that a guard makes: whether an object exists.
public enum CatalogCondition: Sendable, Equatable {
    case exists(CatalogObject, negated: Bool)
    case unknown(SourceLocation)
}

public enum CatalogObject: Sendable, Equatable {
    case type(String, schema: String?)
    case relation(String, schema: String?)
    case column(table: String, column: String, schema: String?)
    case constraint(String, table: String?)
    case schema(String)
    case `extension`(String)
    /// `pg_enum` filtered by `enumlabel` and `enumtypid = 'type'::regtype` (or a join on typname).
    case enumLabel(String, type: String?)
}

/// Reads a PL/pgSQL body (tokens lexed from the file itself, so locations are the file's).
struct ProceduralParser {
    let tokens: [Token]
    let source: SourceFile
    var index = 0

    init(body: LexedFile) {
        // Statement boundaries become explicit `;` tokens again.
        var all: [Token] = []
        for statement in body.statements {
            all += statement.tokens
            all.append(Token(kind: .symbol, value: ";", start: statement.end, end: statement.end))
        }
        tokens = all
        source = body.source
    }

    private var current: Token? { index < tokens.count ? tokens[index] : nil }
    private func isWord(_ word: String, at offset: Int = 0) -> Bool {
        index + offset < tokens.count && tokens[index + offset].isWord(word)
    }
    private func location(_ position: Int) -> SourceLocation {
        source.location(of: position < tokens.count ? tokens[position].start : (tokens.last?.end ?? 0))
    }

    /// The whole body: `[DECLARE …] BEGIN … END`, or bare statements.
    mutating func body() -> [ProceduralStep] {
        if isWord("declare") {
            while let token = current, !token.isWord("begin") { index += 1 }
        }
        if isWord("begin") { return block() }
        return statements(until: [])
    }

    /// `BEGIN statements [EXCEPTION handlers] END [;]`, the BEGIN at the cursor.
    private mutating func block() -> [ProceduralStep] {
        index += 1
        let steps = statements(until: ["exception", "end"])
        var guarded = false
        if isWord("exception") {
            guarded = true
            // Handlers: WHEN … THEN statements; their DDL would run only after an error.
            var depth = 0
            while let token = current {
                if token.isWord("begin") { depth += 1 }
                if token.isWord("end") {
                    if isWord("if", at: 1) || isWord("loop", at: 1) || isWord("case", at: 1) {
                        index += 2
                        continue
                    }
                    if depth == 0 { break }
                    depth -= 1
                }
                index += 1
            }
        }
        if isWord("end") { index += 1 }
        skipToStatementEnd()
        return guarded ? [.guarded(steps)] : steps
    }

    private mutating func statements(until stops: Set<String>) -> [ProceduralStep] {
        var steps: [ProceduralStep] = []
        while let token = current {
            if token.kind == .word, stops.contains(token.value) { break }
            if token.isSymbol(";") { index += 1; continue }
            steps += statement()
        }
        return steps
    }

    private mutating func statement() -> [ProceduralStep] {
        let start = index
        guard let token = current else { return [] }
        // A label: <<name>>
        if token.isSymbol("<<") {
            while let t = current, !t.isSymbol(">>") { index += 1 }
            index += 1
            return []
        }
        switch token.kind == .word ? token.value : "" {
        case "begin", "declare":
            if token.isWord("declare") { while let t = current, !t.isWord("begin") { index += 1 } }
            return block()
        case "if":
            return [conditional()]
        case "execute":
            let end = statementEnd(from: index)
            defer { index = end }
            let expression = Array(tokens[(index + 1)..<end])
            if expression.count == 1, expression[0].kind == .string {
                // A constant: its statements are folded, located at the EXECUTE.
                let lexed = Lexer.lex(SourceFile(path: source.path, text: expression[0].value))
                var steps: [ProceduralStep] = []
                for statement in lexed.statements {
                    var cursor = Cursor(statement, source: lexed.source)
                    guard lexed.diagnostics.isEmpty, let parsed = try? cursor.statement() else {
                        return [.opaque("EXECUTE of a statement the fold does not understand", location(start))]
                    }
                    steps.append(.statement(LocatedStatement(statement: parsed, location: location(start))))
                }
                return steps
            }
            return Self.mayChangeShape(tokens[index..<end]) ? [.opaque("EXECUTE of dynamic SQL", location(start))] : []
        case "for", "foreach", "while", "loop":
            let end = loopEnd(from: index)
            defer { index = end }
            return Self.mayChangeShape(tokens[index..<end]) ? [.opaque("DDL inside a loop", location(start))] : []
        case "create", "alter", "drop", "comment":
            let end = statementEnd(from: index)
            defer { index = end }
            var cursor = Cursor(StatementTokens(tokens: Array(tokens[index..<end]), start: tokens[index].start, end: tokens[end - 1].end), source: source)
            do {
                return [.statement(LocatedStatement(statement: try cursor.statement(), location: location(start)))]
            } catch {
                return [.opaque("a statement the fold does not understand (\(error.message))", location(start))]
            }
        default:
            index = statementEnd(from: index)
            return []
        }
    }

    /// `IF cond THEN … [ELSIF cond THEN …] [ELSE …] END IF;`, the IF at the cursor.
    private mutating func conditional() -> ProceduralStep {
        var branches: [ProceduralBranch] = []
        index += 1
        while true {
            let conditionStart = index
            while let token = current, !token.isWord("then") { index += 1 }
            let condition = Self.condition(Array(tokens[conditionStart..<index]), at: location(conditionStart))
            index += 1
            branches.append(ProceduralBranch(condition: condition, steps: statements(until: ["elsif", "elseif", "else", "end"])))
            if isWord("elsif") || isWord("elseif") { index += 1; continue }
            if isWord("else") {
                index += 1
                branches.append(ProceduralBranch(condition: nil, steps: statements(until: ["end"])))
            }
            break
        }
        if isWord("end") { index += 1 }
        if isWord("if") { index += 1 }
        skipToStatementEnd()
        return .conditional(branches)
    }

    private mutating func skipToStatementEnd() {
        if let token = current, token.isSymbol(";") { index += 1 }
    }

    /// The index of the `;` that ends the statement starting at `start` (or the end).
    private func statementEnd(from start: Int) -> Int {
        var position = start
        while position < tokens.count, !tokens[position].isSymbol(";") { position += 1 }
        return position
    }

    /// The index after `END LOOP;` of the loop starting at `start`.
    private func loopEnd(from start: Int) -> Int {
        var position = start
        var depth = 0
        while position < tokens.count {
            if tokens[position].isWord("loop"), position == 0 || !tokens[position - 1].isWord("end") { depth += 1 }
            if tokens[position].isWord("end"), position + 1 < tokens.count, tokens[position + 1].isWord("loop") {
                depth -= 1
                if depth == 0 { return min(position + 3, tokens.count) }
            }
            position += 1
        }
        return tokens.count
    }

    /// Whether tokens, or the SQL in their string constants (`format('ALTER TABLE %I …')`), may
    /// change a table's or type's shape. DDL on triggers, functions, policies, rules, roles and
    /// grants does not; an EXECUTE whose text is nowhere to be seen may.
    static func mayChangeShape(_ tokens: ArraySlice<Token>) -> Bool {
        let harmless: Set<String> = [
            "trigger", "function", "procedure", "policy", "rule", "role", "user", "group", "aggregate", "operator", "cast",
            "publication", "subscription", "statistics", "event", "default", "sequence", "server", "text", "collation",
        ]
        let modifiers: Set<String> = [
            "or", "replace", "unique", "materialized", "if", "not", "exists", "temp", "temporary", "unlogged", "concurrently", "constraint",
        ]
        var sawStatementText = false
        var sawExecute = false
        func scan(_ tokens: [Token]) -> Bool {
            for (index, token) in tokens.enumerated() {
                if token.kind == .string {
                    let inner = Lexer.lex(SourceFile(path: "", text: token.value)).statements.flatMap(\.tokens)
                    if scan(inner) { return true }
                    continue
                }
                if token.isWord("execute") { sawExecute = true }
                guard token.isWord("create") || token.isWord("alter") || token.isWord("drop") || token.isWord("comment") else { continue }
                var next = index + 1
                while next < tokens.count, tokens[next].kind == .word, modifiers.contains(tokens[next].value) { next += 1 }
                guard next < tokens.count, tokens[next].kind == .word else { continue }
                // Only a statement's first word counts (`ON DELETE … DROP` is no statement).
                guard index == 0 || tokens[index - 1].isSymbol(";") || tokens[index - 1].kind == .string || tokens[index - 1].isWord("execute")
                    || tokens[index - 1].isWord("loop") || tokens[index - 1].isWord("then") || tokens[index - 1].isWord("begin") || tokens[index - 1].isWord("else")
                else { continue }
                sawStatementText = true
                if !harmless.contains(tokens[next].value) { return true }
            }
            return false
        }
        if scan(Array(tokens)) { return true }
        return sawExecute && !sawStatementText
    }

    static func isDDLWord(_ token: Token) -> Bool {
        token.isWord("create") || token.isWord("alter") || token.isWord("drop") || token.isWord("execute") || token.isWord("comment")
    }

    /// `[NOT] EXISTS (SELECT … FROM catalog WHERE column = 'value' [AND …])` as a catalog test.
    static func condition(_ tokens: [Token], at location: SourceLocation) -> CatalogCondition {
        // to_regclass('schema.name') IS [NOT] NULL, to_regtype(…), to_regnamespace(…)
        if tokens.count >= 6, tokens[0].kind == .word, ["to_regclass", "to_regtype", "to_regnamespace"].contains(tokens[0].value),
           tokens[1].isSymbol("("), tokens[2].kind == .string, tokens[3].isSymbol(")"), tokens[4].isWord("is"), tokens.last?.isWord("null") == true {
            let negated = !(tokens.count == 7 && tokens[5].isWord("not"))
            let parts = tokens[2].value.split(separator: ".").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            let name = parts.last ?? ""
            let schemaName = parts.count > 1 ? parts[0] : nil
            switch tokens[0].value {
            case "to_regclass": return .exists(.relation(name, schema: schemaName), negated: negated)
            case "to_regtype": return .exists(.type(name, schema: schemaName), negated: negated)
            default: return .exists(.schema(name), negated: negated)
            }
        }
        var rest = tokens[...]
        var negated = false
        if rest.first?.isWord("not") == true { negated = true; rest = rest.dropFirst() }
        guard rest.first?.isWord("exists") == true else { return .unknown(location) }
        rest = rest.dropFirst()
        // The catalog: the last name after FROM.
        guard let from = rest.firstIndex(where: { $0.isWord("from") }) else { return .unknown(location) }
        var catalog = ""
        var position = from + 1
        while position < rest.endIndex, rest[position].isIdentifier {
            catalog = rest[position].value
            guard position + 2 < rest.endIndex, rest[position + 1].isSymbol(".") else { break }
            position += 2
        }
        // column = 'value' pairs (either way round), with or without a table alias.
        var values: [String: String] = [:]
        for position in rest.indices where rest[position].isSymbol("=") {
            guard position > rest.startIndex, position + 1 < rest.endIndex else { continue }
            let left = rest[position - 1]
            let right = rest[position + 1]
            if left.isIdentifier, right.kind == .string { values[left.value] = right.value }
            if right.isIdentifier, left.kind == .string, position + 2 >= rest.endIndex || !rest[position + 2].isSymbol(".") { values[right.value] = left.value }
            if right.isIdentifier, left.kind == .string, position + 2 < rest.endIndex, rest[position + 2].isSymbol("."), position + 3 < rest.endIndex {
                values[rest[position + 3].value] = left.value
            }
        }
        // A catalog query with no schema filter sees every schema ("*"); to_regclass above follows
        // the search path (nil).
        let schema = values["nspname"] ?? values["table_schema"] ?? values["schemaname"] ?? values["typnamespace"] ?? "*"
        let object: CatalogObject?
        switch catalog {
        case "pg_type":
            object = values["typname"].map { .type($0, schema: schema) }
        case "pg_class", "pg_tables", "pg_views", "pg_matviews", "pg_indexes", "tables", "views", "sequences":
            object = (values["relname"] ?? values["tablename"] ?? values["table_name"] ?? values["viewname"] ?? values["matviewname"] ?? values["indexname"] ?? values["sequence_name"])
                .map { .relation($0, schema: schema) }
        case "columns", "pg_attribute":
            // pg_attribute is usually filtered by `attrelid = 'schema.table'::regclass`.
            let relation = values["attrelid"].map { $0.split(separator: ".").map(String.init) }
            if let table = values["table_name"] ?? values["relname"] ?? relation?.last, let column = values["column_name"] ?? values["attname"] {
                // A regclass names its schema, or follows the search path (nil).
                let fromRelation: String? = relation.map { $0.count == 2 ? $0[0] : nil } ?? "*"
                object = .column(table: table, column: column, schema: schema != "*" ? schema : fromRelation)
            } else {
                object = nil
            }
        case "pg_constraint", "table_constraints":
            object = (values["conname"] ?? values["constraint_name"]).map { .constraint($0, table: values["table_name"] ?? values["relname"]) }
        case "pg_namespace", "schemata":
            object = (values["nspname"] ?? values["schema_name"]).map { .schema($0) }
        case "pg_extension":
            object = values["extname"].map { .extension($0) }
        case "pg_enum":
            let type = (values["enumtypid"] ?? values["typname"]).map { $0.split(separator: ".").last.map(String.init) ?? $0 }
            object = values["enumlabel"].map { .enumLabel($0, type: type) }
        default:
            object = nil
        }
        guard let object else { return .unknown(location) }
        return .exists(object, negated: negated)
    }
}
