import Foundation

/// Reads the statements of a lexed file into ``Statement`` values.
///
/// Statements that shape tables and types are parsed; statements that cannot change a shape
/// (functions, triggers, grants, data) are recognised and skipped; anything else is an error
/// diagnostic at the statement, never silently dropped.
public enum Parser {
    public static func parse(_ file: LexedFile) -> (statements: [LocatedStatement], diagnostics: [Diagnostic]) {
        // A lexing error (an unterminated string) makes the rest of the file meaningless.
        if file.diagnostics.contains(where: { $0.severity == .error }) { return ([], file.diagnostics) }
        var statements: [LocatedStatement] = []
        var diagnostics = file.diagnostics
        for tokens in file.statements { parse(tokens, in: file.source, into: &statements, diagnostics: &diagnostics) }
        return finish(statements, diagnostics, annotations: file.annotations, source: file.source)
    }

    /// Lexes and parses a file a statement at a time, so that memory holds the statements read
    /// and one statement's tokens, never the whole file's tokens. The same result as
    /// `parse(Lexer.lex(source))`.
    public static func parse(_ source: SourceFile) -> (statements: [LocatedStatement], diagnostics: [Diagnostic]) {
        var lexer = Lexer(source: source, bytes: source.bytes)
        var statements: [LocatedStatement] = []
        var diagnostics: [Diagnostic] = []
        while let tokens = lexer.nextStatement() {
            // After a lexing error nothing more is parsed: the file's statements will be dropped.
            guard !lexer.diagnostics.contains(where: { $0.severity == .error }) else { continue }
            parse(tokens, in: source, into: &statements, diagnostics: &diagnostics)
        }
        if lexer.diagnostics.contains(where: { $0.severity == .error }) { return ([], lexer.diagnostics) }
        return finish(statements, lexer.diagnostics + diagnostics, annotations: lexer.annotations, source: source)
    }

    private static func parse(_ tokens: StatementTokens, in source: SourceFile, into statements: inout [LocatedStatement], diagnostics: inout [Diagnostic]) {
        var cursor = Cursor(tokens, source: source)
        let location = source.location(of: tokens.start)
        do {
            statements.append(LocatedStatement(statement: try cursor.statement(), location: location))
        } catch {
            var error = error
            let names = Self.objectNames(tokens.tokens)
            if !names.isEmpty {
                let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
                let unchecked = "later references to \(list) are not checked until this statement is fixed"
                error.note = error.note.map { $0 + "; " + unchecked } ?? unchecked
                statements.append(LocatedStatement(statement: .failed(names: names), location: location))
            }
            diagnostics.append(error)
        }
    }

    private static func finish(
        _ statements: [LocatedStatement], _ diagnostics: [Diagnostic], annotations: [Range<Int>], source: SourceFile
    ) -> (statements: [LocatedStatement], diagnostics: [Diagnostic]) {
        guard !annotations.isEmpty else { return (statements, diagnostics) }
        // An annotated file describes its DO blocks and routine calls itself.
        var statements = statements.map { located in
            var located = located
            switch located.statement {
            case .doBlock: located.statement = .skipped("DO block described by an annotation")
            case .calls: located.statement = .skipped("call described by an annotation")
            default: break
            }
            return located
        }
        var diagnostics = diagnostics
        // Annotations are lexed where they stand (the rest blanked), so locations are the file's,
        // and take their place among the file's statements.
        var masked = [UInt8](repeating: 0x20, count: source.bytes.count)
        for (offset, byte) in source.bytes.enumerated() where byte == 0x0A { masked[offset] = byte }
        for range in annotations { masked.replaceSubrange(range, with: source.bytes[range]) }
        let annotated = parse(Lexer.lex(SourceFile(path: source.path, bytes: masked)))
        diagnostics += annotated.diagnostics
        statements = (statements + annotated.statements).sorted {
            ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        }
        return (statements, diagnostics)
    }
}

extension Parser {
    /// The object a statement creates or changes (`CREATE TABLE x`, `ALTER TABLE IF EXISTS ONLY x`,
    /// `CREATE TYPE s.x`), read from its first words even when the rest does not parse.
    static func objectNames(_ tokens: [Token]) -> [String] {
        var index = 0
        func skip(_ words: Set<String>) { while index < tokens.count, tokens[index].kind == .word, words.contains(tokens[index].value) { index += 1 } }
        guard let first = tokens.first, first.isWord("create") || first.isWord("alter") else { return [] }
        index = 1
        skip(["or", "replace", "temp", "temporary", "unlogged", "global", "local", "materialized", "recursive", "unique"])
        guard index < tokens.count, tokens[index].kind == .word,
              ["table", "type", "domain", "view", "index"].contains(tokens[index].value) else { return [] }
        index += 1
        skip(["if", "not", "exists", "only", "concurrently"])
        guard index < tokens.count, tokens[index].isIdentifier, !tokens[index].isWord("on") else { return [] }
        var name = tokens[index].value
        if index + 2 < tokens.count, tokens[index + 1].isSymbol("."), tokens[index + 2].isIdentifier { name = tokens[index + 2].value }
        return [name]
    }
}

/// Words that end a column's DEFAULT, CHECK or GENERATED expression at depth 0.
private let columnConstraintWords: Set<String> = [
    "not", "null", "constraint", "primary", "unique", "check", "references", "default", "generated", "collate",
    "deferrable", "initially",
]

extension Cursor {
    mutating func statement() throws(Diagnostic) -> Statement {
        guard let first = current else { return .skipped("empty") }
        guard first.kind == .word else { throw unexpected("expected a statement") }
        switch first.value {
        case "create": return try create()
        case "alter": return try alter()
        case "drop": return try drop()
        case "comment": return try comment()
        case "select", "insert", "update", "delete", "with", "merge", "copy", "values", "truncate":
            if let path = setConfigSearchPath() { return path }
            return .calls(functionsCalled(), kind: "data")
        case "grant", "revoke": return .skipped("privileges")
        case "set", "reset":
            if let path = searchPathSetting() { return path }
            return .skipped("session")
        case "commit", "end", "rollback", "abort":
            // ROLLBACK TO SAVEPOINT ends no transaction.
            if isWord("to", at: 1) || isWord("to", at: 2) { return .skipped("session") }
            return .endTransaction
        case "begin", "start", "savepoint", "release":
            return .skipped("session")
        case "do": return try doBlock()
        case "call": return .calls(functionsCalled(), kind: "procedural code")
        case "analyze", "analyse", "vacuum", "cluster", "reindex", "refresh", "lock", "notify", "listen",
             "unlisten", "discard", "checkpoint", "load", "security", "import", "prepare", "execute", "deallocate",
             "explain", "show", "fetch", "move", "close", "declare":
            return .skipped("maintenance")
        default:
            throw Diagnostic(.error, "statement \(first.value.uppercased()) is not understood", at: location)
        }
    }

    /// `(SEQUENCE NAME s START WITH 1 …)` after AS IDENTITY: the name, if given; the rest skipped.
    private mutating func identitySequenceName() throws(Diagnostic) -> String? {
        guard acceptSymbol("(") else { return nil }
        var name: String?
        while let token = current, !token.isSymbol(")") {
            if accept("sequence", "name") {
                name = try qualifiedName("a sequence name").name
            } else {
                index += 1
            }
        }
        try expectSymbol(")")
        return name
    }

    /// `SET [SESSION | LOCAL] search_path {TO | =} a, "B", 'c'` or `RESET search_path`.
    private mutating func searchPathSetting() -> Statement? {
        if isWord("reset") { return isWord("search_path", at: 1) ? .setSearchPath(["public"], local: false) : nil }
        index += 1
        let local = accept("local")
        _ = accept("session")
        guard accept("search_path"), accept("to") || acceptSymbol("=") else { return nil }
        if accept("default") { return .setSearchPath(["public"], local: local) }
        var schemas: [String] = []
        while let token = current {
            if token.kind == .string {
                schemas += Self.schemaList(token.value)
            } else if token.isIdentifier {
                schemas.append(token.value)
            }
            index += 1
        }
        return .setSearchPath(schemas, local: local)
    }

    /// `SELECT pg_catalog.set_config('search_path', 'a, b', is_local)`, as pg_dump writes it.
    private func setConfigSearchPath() -> Statement? {
        guard let call = tokens.firstIndex(where: { $0.isWord("set_config") }), call + 6 < tokens.count,
              tokens[call + 1].isSymbol("("), tokens[call + 2].kind == .string, tokens[call + 2].value.lowercased() == "search_path",
              tokens[call + 4].kind == .string else { return nil }
        return .setSearchPath(Self.schemaList(tokens[call + 4].value), local: tokens[call + 6].isWord("true"))
    }

    /// `a, "B", $user` as a list of schema names (`$user` left out: a role's own schema).
    static func schemaList(_ text: String) -> [String] {
        text.split(separator: ",").compactMap { part in
            let name = part.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains("$user") else { return nil }
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { return String(name.dropFirst().dropLast()) }
            return name.lowercased()
        }
    }

    /// The names of the functions a data statement calls (`SELECT create_partitions(…)`).
    private func functionsCalled() -> [String] {
        var names: [String] = []
        for position in tokens.indices.dropLast() where tokens[position].isIdentifier && tokens[position + 1].isSymbol("(") {
            let name = tokens[position].value
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    // MARK: - DO

    /// `DO [LANGUAGE l] $$body$$ [LANGUAGE l]`: a PL/pgSQL body is read for the DDL it runs.
    private mutating func doBlock() throws(Diagnostic) -> Statement {
        let location = self.location
        index += 1
        var language = "plpgsql"
        if accept("language") { language = try identifier("a language") }
        guard let body = current, body.kind == .string else { throw unexpected("expected the body of the DO block") }
        index += 1
        if accept("language") { language = try identifier("a language") }
        let raw = source.bytes[body.start..<body.end]
        let mentionsDDL = Lexer.lex(SourceFile(path: "", text: body.value)).statements.contains { $0.tokens.contains(where: ProceduralParser.isDDLWord) }
        guard language == "plpgsql", raw.first == UInt8(ascii: "$"), let tagEnd = raw.dropFirst().firstIndex(of: UInt8(ascii: "$")) else {
            return .doBlock(mentionsDDL ? [.opaque("a DO block the fold cannot read", location)] : [], location: location)
        }
        // Lex the body where it stands, everything else blanked, so that locations are the file's.
        let contentStart = tagEnd + 1
        let contentEnd = body.end - (tagEnd + 1 - body.start)
        var masked = source.bytes
        for offset in masked.indices where (offset < contentStart || offset >= contentEnd) && masked[offset] != 0x0A {
            masked[offset] = 0x20
        }
        let lexed = Lexer.lex(SourceFile(path: source.path, bytes: masked))
        guard lexed.diagnostics.isEmpty else {
            return .doBlock(mentionsDDL ? [.opaque("a DO block the fold cannot read", location)] : [], location: location)
        }
        var parser = ProceduralParser(body: lexed)
        return .doBlock(parser.body(), location: location)
    }

    // MARK: - CREATE

    private mutating func create() throws(Diagnostic) -> Statement {
        let statementLocation = location
        index += 1
        let orReplace = accept("or", "replace")
        var temporary = false
        while accept("global") || accept("local") || accept("temp") || accept("temporary") || accept("unlogged") {
            temporary = true
        }
        guard let word = current, word.kind == .word else { throw unexpected("expected what to create") }
        switch word.value {
        case "table":
            index += 1
            if temporary, tokens.contains(where: { $0.isWord("temp") || $0.isWord("temporary") }) {
                return .skipped("temporary table")
            }
            return try createTable()
        case "type":
            index += 1
            return try createType()
        case "domain":
            index += 1
            return try createDomain()
        case "unique", "index":
            return try createIndex()
        case "view", "recursive":
            _ = accept("recursive")
            index += 1
            return try createView(materialized: false, orReplace: orReplace)
        case "materialized":
            index += 1
            try expect("view")
            return try createView(materialized: true, orReplace: orReplace)
        case "schema":
            index += 1
            let ifNotExists = accept("if", "not", "exists")
            if isWord("authorization") {
                index += 1
                return .createSchema(try identifier("a schema name"), ifNotExists: ifNotExists)
            }
            return .createSchema(try identifier("a schema name"), ifNotExists: ifNotExists)
        case "extension":
            index += 1
            _ = accept("if", "not", "exists")
            return .createExtension(try identifier("an extension name"))
        case "sequence":
            index += 1
            let ifNotExists = accept("if", "not", "exists")
            let name = try qualifiedName("a sequence name")
            // OWNED BY may stand among other options.
            while !atEnd {
                if accept("owned", "by") {
                    guard let owner = try sequenceOwner() else { break }
                    return .createSequence(name, ifNotExists: ifNotExists, ownerTable: owner.table, ownerColumn: owner.column)
                }
                index += 1
            }
            return .createSequence(name, ifNotExists: ifNotExists, ownerTable: nil, ownerColumn: nil)
        case "function", "procedure":
            index += 1
            guard let name = try? qualifiedName("a function name") else { return .skipped(word.value) }
            // Its body: the string after AS, or a BEGIN ATOMIC … END body.
            let body = tokens[index...].filter { $0.kind == .string }.map(\.value).joined(separator: ";\n")
            let bodyTokens = Lexer.lex(SourceFile(path: "", text: body)).statements.flatMap { $0.tokens + [Token(kind: .symbol, value: ";", start: 0, end: 0)] }
            let atomic = tokens[index...].drop { !$0.isWord("atomic") }.dropFirst()
            let changesShape = ProceduralParser.mayChangeShape(ArraySlice(bodyTokens)) || ProceduralParser.mayChangeShape(ArraySlice(Array(atomic)))
            return .createRoutine(name.name, changesShape: changesShape)
        case "trigger", "constraint", "event", "rule", "policy", "aggregate", "operator",
             "cast", "role", "user", "group", "publication", "subscription", "collation", "conversion",
             "language", "trusted", "procedural", "statistics", "text", "transform", "server", "access", "default",
             "tablespace", "database":
            return .skipped(word.value)
        case "foreign":
            throw Diagnostic(.error, "CREATE FOREIGN TABLE is not supported", at: statementLocation)
        default:
            throw Diagnostic(.error, "CREATE \(word.value.uppercased()) is not understood", at: statementLocation)
        }
    }

    private mutating func createTable() throws(Diagnostic) -> Statement {
        let ifNotExists = accept("if", "not", "exists")
        let name = try qualifiedName("a table name")
        if accept("partition", "of") {
            // CREATE TABLE p PARTITION OF parent [(constraints)] {FOR VALUES … | DEFAULT} [PARTITION BY …]
            let parent = try qualifiedName("a table name")
            var constraints: [TableConstraint] = []
            if acceptSymbol("(") {
                repeat {
                    if isWord("constraint") || isWord("primary") || isWord("unique") || isWord("foreign") || isWord("check") || startsExclusion {
                        constraints.append(try tableConstraint())
                    } else {
                        throw Diagnostic(.error, "column options in CREATE TABLE … PARTITION OF are not supported", at: location)
                    }
                } while acceptSymbol(",")
                try expectSymbol(")")
            }
            return .createPartition(name, of: parent, ifNotExists: ifNotExists, constraints: constraints)
        }
        if isWord("as") || (isSymbol("(") && tokens[index...].contains { $0.isWord("as") } && isCreateTableAs()) {
            return .createTableAs(name)
        }
        if isWord("of") || isWord("partition") {
            throw Diagnostic(.error, "CREATE TABLE … \(current!.value.uppercased()) is not supported: declare the columns", at: location)
        }
        try expectSymbol("(")
        var elements: [TableElement] = []
        if !isSymbol(")") {
            repeat {
                elements.append(try tableElement())
            } while acceptSymbol(",")
        }
        guard acceptSymbol(")") else { throw unexpected("expected ',' or ')' after a column") }
        // PARTITION BY, WITH (…), TABLESPACE, ON COMMIT: none changes the columns.
        if accept("inherits") {
            // The parents' columns come first.
            elements = try identifierListOfNames().map { .inherits($0) } + elements
        }
        return .createTable(name, ifNotExists: ifNotExists, elements: elements)
    }

    /// `CREATE TABLE t (a, b) AS …`: a column name list followed by AS, not column definitions.
    private func isCreateTableAs() -> Bool {
        var position = index + 1
        while position < tokens.count, tokens[position].isIdentifier || tokens[position].isSymbol(",") { position += 1 }
        return position + 1 < tokens.count && tokens[position].isSymbol(")") && tokens[position + 1].isWord("as")
    }

    /// `(a, s.b)`: a parenthesised list of qualified names.
    private mutating func identifierListOfNames() throws(Diagnostic) -> [NameRef] {
        try expectSymbol("(")
        var names: [NameRef] = []
        repeat { names.append(try qualifiedName("a table name")) } while acceptSymbol(",")
        try expectSymbol(")")
        return names
    }

    private mutating func tableElement() throws(Diagnostic) -> TableElement {
        if isWord("constraint") || isWord("primary") || isWord("unique") || isWord("foreign") || isWord("check") || startsExclusion {
            return .constraint(try tableConstraint())
        }
        if accept("like") {
            let source = try qualifiedName("a table name")
            var options: Set<String> = []
            while isWord("including") || isWord("excluding") {
                let including = accept("including")
                if !including { index += 1 }
                let option = try identifier("a LIKE option")
                if including {
                    options.formUnion(option == "all" ? TableElement.likeOptions : [option])
                } else {
                    options.subtract(option == "all" ? TableElement.likeOptions : [option])
                }
            }
            return .like(source, including: options)
        }
        return .column(try columnDefinition())
    }

    mutating func columnDefinition() throws(Diagnostic) -> ColumnDefinition {
        let nameLocation = location
        let name = try identifier("a column name")
        let type = try typeRef()
        return ColumnDefinition(name: name, nameLocation: nameLocation, type: type, constraints: try columnConstraints())
    }

    /// `EXCLUDE (…)` or `EXCLUDE USING …` begins an exclusion constraint; `exclude` alone is a
    /// column's name (the word is not reserved).
    var startsExclusion: Bool { isWord("exclude") && (isSymbol("(", at: 1) || isWord("using", at: 1)) }

    mutating func columnConstraints() throws(Diagnostic) -> [ColumnConstraint] {
        var constraints: [ColumnConstraint] = []
        while let token = current, token.kind == .word {
            var name: String?
            if accept("constraint") { name = try identifier("a constraint name") }
            if accept("not", "null") {
                constraints.append(.notNull)
            } else if accept("null") {
                constraints.append(.null)
            } else if accept("default") {
                constraints.append(.defaultValue(try defaultExpression()))
            } else if accept("primary", "key") {
                let parameters = try indexParameters(inline: true)
                constraints.append(.primaryKey(
                    name: name, include: parameters.include, deferrable: parameters.deferrable, initiallyDeferred: parameters.initiallyDeferred
                ))
            } else if accept("unique") {
                let nullsNotDistinct = accept("nulls", "not", "distinct")
                _ = nullsNotDistinct || accept("nulls", "distinct")
                let parameters = try indexParameters(inline: true)
                constraints.append(.unique(
                    name: name, include: parameters.include, deferrable: parameters.deferrable, initiallyDeferred: parameters.initiallyDeferred,
                    nullsNotDistinct: nullsNotDistinct
                ))
            } else if accept("check") {
                constraints.append(.check(name: name, expression: try parenthesized()))
                _ = accept("no", "inherit")
            } else if accept("references") {
                let table = try qualifiedName("a table name")
                let columns = isSymbol("(") ? try identifierList() : []
                let actions = try referentialActions()
                constraints.append(.references(name: name, table: table, columns: columns, onDelete: actions.onDelete, onUpdate: actions.onUpdate))
            } else if accept("generated") {
                if accept("always", "as", "identity") {
                    constraints.append(.identity(.always, sequenceName: try identitySequenceName()))
                } else if accept("by", "default", "as", "identity") {
                    constraints.append(.identity(.byDefault, sequenceName: try identitySequenceName()))
                } else if accept("always", "as") {
                    constraints.append(.generated(expression: try parenthesized()))
                    _ = accept("stored") || accept("virtual")
                } else {
                    throw unexpected("expected ALWAYS AS (…) STORED or AS IDENTITY")
                }
            } else if accept("collate") {
                constraints.append(.collate(try qualifiedName("a collation").name))
            } else if accept("deferrable") || accept("not", "deferrable") || accept("initially", "deferred") || accept("initially", "immediate") {
                continue
            } else {
                if name != nil { throw unexpected("expected a constraint after CONSTRAINT name") }
                break
            }
        }
        return constraints
    }

    /// The expression after `DEFAULT` in a column or domain definition. It ends at the next
    /// constraint word, but `NULL` is both a constraint word and a constant, so a default that
    /// starts with it (`DEFAULT NULL`, `DEFAULT NULL::text`) keeps it.
    private mutating func defaultExpression() throws(Diagnostic) -> String {
        let start = index
        _ = accept("null")
        _ = expression(stopWords: columnConstraintWords)
        guard index > start else { throw unexpected("expected a default expression") }
        return source.text(tokens[start].start, tokens[index - 1].end)
    }

    /// `USING INDEX TABLESPACE t`, `WITH (…)`, `INCLUDE (…)`, deferrability: accepted, not modelled.
    /// Returns the INCLUDE columns, whether the constraint is DEFERRABLE (INITIALLY DEFERRED
    /// implies it) and whether INITIALLY DEFERRED. A column's own PRIMARY KEY or UNIQUE (`inline`)
    /// takes no INCLUDE in PostgreSQL's grammar, only a table constraint does.
    @discardableResult
    private mutating func indexParameters(inline: Bool = false) throws(Diagnostic) -> (include: [String], deferrable: Bool, initiallyDeferred: Bool) {
        var include: [String] = []
        var deferrable = false
        var initiallyDeferred = false
        while true {
            if inline, isWord("include") { throw unexpected("INCLUDE belongs to a table constraint (UNIQUE (a) INCLUDE (b)), not to a column's") }
            if accept("include") { include = try identifierList() }
            else if accept("with") { skipParenthesized() }
            else if accept("using", "index", "tablespace") { _ = try identifier() }
            else if accept("deferrable") { deferrable = true }
            else if accept("initially", "deferred") { initiallyDeferred = true }
            else if accept("not", "deferrable") || accept("initially", "immediate") {}
            else { return (include, deferrable || initiallyDeferred, initiallyDeferred) }
        }
    }

    private mutating func referentialActions() throws(Diagnostic) -> (onDelete: String, onUpdate: String) {
        var onDelete = "NO ACTION"
        var onUpdate = "NO ACTION"
        while true {
            if accept("match") {
                _ = try identifier()
            } else if accept("on", "delete") {
                onDelete = try referentialAction()
            } else if accept("on", "update") {
                onUpdate = try referentialAction()
            } else if accept("deferrable") || accept("not", "deferrable") || accept("initially", "deferred") || accept("initially", "immediate") || accept("not", "valid") {
            } else {
                return (onDelete, onUpdate)
            }
        }
    }

    private mutating func referentialAction() throws(Diagnostic) -> String {
        if accept("cascade") { return "CASCADE" }
        if accept("restrict") { return "RESTRICT" }
        if accept("no", "action") { return "NO ACTION" }
        if accept("set", "null") { skipParenthesized(); return "SET NULL" }
        if accept("set", "default") { skipParenthesized(); return "SET DEFAULT" }
        throw unexpected("expected CASCADE, RESTRICT, NO ACTION, SET NULL or SET DEFAULT")
    }

    mutating func tableConstraint() throws(Diagnostic) -> TableConstraint {
        let location = self.location
        var name: String?
        if accept("constraint") { name = try identifier("a constraint name") }
        let kind: TableConstraint.Kind
        var columnLocations: [String: SourceLocation] = [:]
        var referencedLocations: [String: SourceLocation] = [:]
        func located(_ list: [(name: String, location: SourceLocation)], into locations: inout [String: SourceLocation]) -> [String] {
            for item in list where locations[item.name] == nil { locations[item.name] = item.location }
            return list.map(\.name)
        }
        var parameters: (include: [String], deferrable: Bool, initiallyDeferred: Bool) = ([], false, false)
        var nullsNotDistinct = false
        if accept("primary", "key") {
            kind = .primaryKey(columns: located(try identifierListWithLocations(), into: &columnLocations))
            parameters = try indexParameters()
        } else if accept("unique") {
            nullsNotDistinct = accept("nulls", "not", "distinct")
            _ = nullsNotDistinct || accept("nulls", "distinct")
            kind = .unique(columns: located(try identifierListWithLocations(), into: &columnLocations))
            parameters = try indexParameters()
        } else if accept("foreign", "key") {
            let columns = located(try identifierListWithLocations(), into: &columnLocations)
            try expect("references")
            let table = try qualifiedName("a table name")
            let referenced = isSymbol("(") ? located(try identifierListWithLocations(), into: &referencedLocations) : []
            let actions = try referentialActions()
            kind = .foreignKey(columns: columns, table: table, referencedColumns: referenced, onDelete: actions.onDelete, onUpdate: actions.onUpdate)
        } else if accept("check") {
            kind = .check(expression: try parenthesized())
            _ = accept("no", "inherit")
            _ = accept("not", "valid")
        } else if accept("exclude") {
            let start = current?.start ?? 0
            _ = accept("using") ? try identifier() : ""
            guard isSymbol("(") else { throw unexpected("expected '(' and the elements of the exclusion constraint") }
            skipParenthesized()
            var end = tokens[index - 1].end
            parameters = try indexParameters()
            if accept("where") {
                skipParenthesized()
                end = tokens[index - 1].end
            }
            kind = .exclude(elements: source.text(start, end))
        } else {
            throw unexpected("expected PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK or EXCLUDE")
        }
        _ = accept("not", "valid")
        return TableConstraint(
            name: name, kind: kind, location: location, columnLocations: columnLocations, referencedColumnLocations: referencedLocations,
            include: parameters.include, isDeferrable: parameters.deferrable, isInitiallyDeferred: parameters.initiallyDeferred,
            nullsNotDistinct: nullsNotDistinct
        )
    }

    private mutating func createType() throws(Diagnostic) -> Statement {
        let name = try qualifiedName("a type name")
        guard accept("as") else {
            if atEnd { throw Diagnostic(.error, "a shell type (CREATE TYPE without AS) is not supported", at: name.location) }
            throw Diagnostic(.error, "CREATE TYPE with input and output functions is not supported", at: name.location)
        }
        if accept("enum") {
            try expectSymbol("(")
            var labels: [String] = []
            if !isSymbol(")") {
                repeat { labels.append(try stringLiteral("an enum label")) } while acceptSymbol(",")
            }
            try expectSymbol(")")
            return .createEnum(name, labels: labels)
        }
        if isSymbol("(") {
            index += 1
            var attributes: [ColumnDefinition] = []
            if !isSymbol(")") {
                repeat {
                    let nameLocation = self.location
                    let attribute = try identifier("an attribute name")
                    let type = try typeRef()
                    var constraints: [ColumnConstraint] = []
                    if accept("collate") { constraints.append(.collate(try qualifiedName().name)) }
                    attributes.append(ColumnDefinition(name: attribute, nameLocation: nameLocation, type: type, constraints: constraints))
                } while acceptSymbol(",")
            }
            try expectSymbol(")")
            return .createComposite(name, attributes: attributes)
        }
        throw Diagnostic(.error, "CREATE TYPE … AS \(current?.value.uppercased() ?? "") is not supported (enum and composite types are)", at: location)
    }

    private mutating func createDomain() throws(Diagnostic) -> Statement {
        let name = try qualifiedName("a domain name")
        _ = accept("as")
        let base = try typeRef()
        return .createDomain(name, base: base, constraints: try columnConstraints())
    }

    private mutating func createIndex() throws(Diagnostic) -> Statement {
        let unique = accept("unique")
        try expect("index")
        _ = accept("concurrently")
        let ifNotExists = accept("if", "not", "exists")
        var name: NameRef?
        if !isWord("on") { name = try qualifiedName("an index name") }
        try expect("on")
        let only = accept("only")
        var table = try qualifiedName("a table name")
        table.only = only
        var method = "btree"
        if accept("using") { method = try identifier("an index method") }
        try expectSymbol("(")
        var elements: [String] = []
        var elementLocations: [SourceLocation] = []
        repeat {
            elementLocations.append(location)
            guard let element = expression() else { throw unexpected("expected an index column or expression") }
            elements.append(element)
        } while acceptSymbol(",")
        try expectSymbol(")")
        var include: [String] = []
        var predicate: String?
        while !atEnd {
            if accept("include") { include = try identifierList() }
            else if accept("nulls", "not", "distinct") || accept("nulls", "distinct") {}
            else if accept("with") { skipParenthesized() }
            else if accept("tablespace") { _ = try identifier() }
            else if accept("where") { predicate = rest() }
            else { throw unexpected("expected INCLUDE, WITH, TABLESPACE or WHERE") }
        }
        return .createIndex(name: name, table: table, unique: unique, ifNotExists: ifNotExists, method: method, elements: elements, elementLocations: elementLocations, include: include, predicate: predicate)
    }

    private mutating func createView(materialized: Bool, orReplace: Bool) throws(Diagnostic) -> Statement {
        _ = accept("if", "not", "exists")
        let name = try qualifiedName("a view name")
        // The view's own names for its first columns.
        let columns = isSymbol("(") ? try identifierList() : nil
        if materialized, accept("using") { _ = try identifier() }
        if accept("with") { skipParenthesized() }
        if materialized, accept("tablespace") { _ = try identifier() }
        try expect("as")
        // `WITH [NO] DATA` ends a materialized view's statement and `WITH [CASCADED | LOCAL] CHECK
        // OPTION` a view's, after any white space or comment.
        var end = tokens.count
        let endings = [["with", "no", "data"], ["with", "data"], ["with", "check", "option"], ["with", "cascaded", "check", "option"], ["with", "local", "check", "option"]]
        if let ending = endings.first(where: { words in
            end - index > words.count && zip(tokens[(end - words.count)...], words).allSatisfy { $0.isWord($1) }
        }) {
            end -= ending.count
        }
        let query = index < end ? source.text(tokens[index].start, tokens[end - 1].end) : ""
        index = tokens.count
        return .createView(name, materialized: materialized, orReplace: orReplace, columns: columns, query: query)
    }

    // MARK: - ALTER

    private mutating func alter() throws(Diagnostic) -> Statement {
        let statementLocation = location
        index += 1
        guard let word = current, word.kind == .word else { throw unexpected("expected what to alter") }
        switch word.value {
        case "table":
            index += 1
            return try alterTable()
        case "type":
            index += 1
            return try alterType()
        case "domain":
            index += 1
            return try alterDomain()
        case "index":
            index += 1
            let ifExists = accept("if", "exists")
            let name = try qualifiedName("an index name")
            if accept("rename", "to") { return .renameIndex(name, to: try identifier("an index name"), ifExists: ifExists) }
            return .skipped("index storage")
        case "view", "materialized":
            if accept("materialized") {} else { index += 1 }
            _ = accept("view")
            let ifExists = accept("if", "exists")
            let name = try qualifiedName("a view name")
            if accept("rename", "to") { return .renameView(name, to: try identifier("a view name")) }
            if accept("rename") {
                _ = accept("column")
                let location = self.location
                let old = try identifier("a column name")
                try expect("to")
                return .renameViewColumn(name, old, to: try identifier("a column name"), ifExists: ifExists, location: location)
            }
            if accept("set", "schema") { return .setViewSchema(name, to: try identifier("a schema name")) }
            return .skipped("view options")
        case "sequence":
            index += 1
            let ifExists = accept("if", "exists")
            let name = try qualifiedName("a sequence name")
            if accept("rename", "to") { return .renameSequence(name, to: try identifier("a sequence name"), ifExists: ifExists) }
            // OWNED BY may stand among other options.
            while !atEnd {
                if accept("owned", "by") {
                    let owner = try sequenceOwner()
                    return .sequenceOwner(name, ifExists: ifExists, table: owner?.table, column: owner?.column)
                }
                index += 1
            }
            return .skipped("sequence options")
        case "schema":
            index += 1
            let nameLocation = location
            let name = try identifier("a schema name")
            guard accept("rename", "to") else { return .skipped("schema") }
            return .renameSchema(name, to: try identifier("a schema name"), location: nameLocation)
        case "function", "procedure", "routine", "role", "user", "group", "default", "extension",
             "trigger", "policy", "publication", "subscription", "database", "aggregate", "operator",
             "collation", "conversion", "language", "large", "server", "statistics", "system", "tablespace", "text",
             "event", "rule":
            return .skipped(word.value)
        default:
            throw Diagnostic(.error, "ALTER \(word.value.uppercased()) is not understood", at: statementLocation)
        }
    }

    private mutating func alterTable() throws(Diagnostic) -> Statement {
        let ifExists = accept("if", "exists")
        let only = accept("only")
        var name = try qualifiedName("a table name")
        name.only = only
        _ = acceptSymbol("*")
        var actions: [AlterTableAction] = []
        repeat {
            actions.append(try alterTableAction())
        } while acceptSymbol(",")
        if !atEnd { throw unexpected("expected ',' or the end of the ALTER TABLE statement") }
        return .alterTable(name, ifExists: ifExists, actions: actions)
    }

    private mutating func alterTableAction() throws(Diagnostic) -> AlterTableAction {
        let location = self.location
        if accept("add") {
            if let usingIndex = try constraintUsingIndex() { return usingIndex }
            if isWord("constraint") || isWord("primary") || isWord("unique") || isWord("foreign") || isWord("check") || startsExclusion {
                return .addConstraint(try tableConstraint())
            }
            _ = accept("column")
            let ifNotExists = accept("if", "not", "exists")
            return .addColumn(try columnDefinition(), ifNotExists: ifNotExists)
        }
        if accept("drop") {
            if accept("constraint") {
                let ifExists = accept("if", "exists")
                let nameLocation = self.location
                let name = try identifier("a constraint name")
                let cascade = accept("cascade")
                _ = cascade || accept("restrict")
                return .dropConstraint(name, ifExists: ifExists, cascade: cascade, location: nameLocation)
            }
            _ = accept("column")
            let ifExists = accept("if", "exists")
            let nameLocation = self.location
            let name = try identifier("a column name")
            let cascade = accept("cascade")
            _ = cascade || accept("restrict")
            return .dropColumn(name, ifExists: ifExists, cascade: cascade, location: nameLocation)
        }
        if accept("rename") {
            if accept("to") { return .renameTable(to: try identifier("a table name")) }
            if accept("constraint") {
                let old = try identifier("a constraint name")
                try expect("to")
                return .renameConstraint(old, to: try identifier("a constraint name"), location: location)
            }
            _ = accept("column")
            let old = try identifier("a column name")
            try expect("to")
            return .renameColumn(old, to: try identifier("a column name"), location: location)
        }
        if accept("attach", "partition") {
            let partition = try qualifiedName("a table name")
            _ = rest()
            return .attachPartition(partition)
        }
        if accept("detach", "partition") {
            let partition = try qualifiedName("a table name")
            _ = rest()
            return .detachPartition(partition)
        }
        if accept("alter", "constraint") {
            _ = expression()
            return .ignored
        }
        if accept("alter") {
            _ = accept("column")
            let column = try identifier("a column name")
            if accept("set", "data", "type") || accept("type") {
                let type = try typeRef()
                let collation = accept("collate") ? try qualifiedName("a collation").name : nil
                if accept("using") { _ = expression() }
                return .alterColumnType(column, type, collation: collation, location: location)
            }
            if accept("set", "not", "null") { return .setNotNull(column, location: location) }
            if accept("drop", "not", "null") { return .dropNotNull(column, location: location) }
            if accept("set", "default") {
                guard let expression = expression() else { throw unexpected("expected a default expression") }
                return .setDefault(column, expression: expression, location: location)
            }
            if accept("drop", "default") { return .dropDefault(column, location: location) }
            if accept("add", "generated") {
                let kind: Column.Identity = accept("always") ? .always : { _ = accept("by", "default"); return .byDefault }()
                try expect("as")
                try expect("identity")
                return .addIdentity(column, kind, sequenceName: try identitySequenceName(), location: location)
            }
            if accept("drop", "identity") {
                let ifExists = accept("if", "exists")
                return .dropIdentity(column, ifExists: ifExists, location: location)
            }
            if accept("drop", "expression") {
                _ = accept("if", "exists")
                return .dropExpression(column, location: location)
            }
            if accept("set", "statistics") || accept("set", "storage") || accept("set", "compression") || accept("set") || accept("reset") || accept("restart") {
                // SET (options), SET STATISTICS n, identity sequence options: no change of shape.
                if accept("generated") {
                    // SET GENERATED { ALWAYS | BY DEFAULT } [SET …]: the identity's kind changes.
                    let kind: Column.Identity = accept("always") ? .always : { _ = accept("by", "default"); return .byDefault }()
                    _ = rest()
                    return .setIdentityKind(column, kind, location: location)
                }
                _ = expression()
                return .ignored
            }
            throw unexpected("ALTER COLUMN action not understood")
        }
        if accept("set", "schema") { return .setSchema(try identifier("a schema name")) }
        if accept("inherit") { return .inherit(try qualifiedName("a table name")) }
        if accept("no", "inherit") { return .noInherit(try qualifiedName("a table name")) }
        if accept("owner", "to") || accept("enable") || accept("disable") || accept("force") || accept("no", "force")
            || accept("cluster", "on") || accept("set", "without") || accept("set", "tablespace") || accept("set", "logged")
            || accept("set", "unlogged") || accept("set", "access", "method") || accept("set") || accept("reset")
            || accept("replica", "identity") || accept("validate", "constraint") || accept("alter", "constraint")
            || accept("of") || accept("not", "of") {
            _ = expression()
            return .ignored
        }
        throw unexpected("ALTER TABLE action not understood")
    }

    /// `[CONSTRAINT name] {PRIMARY KEY | UNIQUE} USING INDEX index`, or nil (nothing consumed).
    private mutating func constraintUsingIndex() throws(Diagnostic) -> AlterTableAction? {
        let start = index
        let location = self.location
        var name: String?
        if accept("constraint") { name = try identifier("a constraint name") }
        let primary = accept("primary", "key")
        guard primary || accept("unique"), accept("using", "index") else {
            index = start
            return nil
        }
        let indexName = try identifier("an index name")
        while accept("deferrable") || accept("not", "deferrable") || accept("initially", "deferred") || accept("initially", "immediate") {}
        return .addConstraintUsingIndex(name: name, primaryKey: primary, index: indexName, location: location)
    }

    /// After OWNED BY: `NONE` (nil) or `[schema.]table.column`.
    private mutating func sequenceOwner() throws(Diagnostic) -> (table: NameRef, column: String)? {
        if accept("none") { return nil }
        var parts: [(String, SourceLocation)] = []
        repeat {
            let location = self.location
            parts.append((try identifier("a column"), location))
        } while acceptSymbol(".")
        guard parts.count >= 2 else { throw unexpected("expected table.column after OWNED BY") }
        let table = NameRef(schema: parts.count > 2 ? parts[parts.count - 3].0 : nil, name: parts[parts.count - 2].0, location: parts[parts.count - 2].1)
        return (table, parts[parts.count - 1].0)
    }

    private mutating func alterType() throws(Diagnostic) -> Statement {
        let name = try qualifiedName("a type name")
        if accept("add", "value") {
            let ifNotExists = accept("if", "not", "exists")
            let label = try stringLiteral("an enum label")
            if accept("before") { return .alterType(name, .addValue(label, ifNotExists: ifNotExists, before: try stringLiteral(), after: nil)) }
            if accept("after") { return .alterType(name, .addValue(label, ifNotExists: ifNotExists, before: nil, after: try stringLiteral())) }
            return .alterType(name, .addValue(label, ifNotExists: ifNotExists, before: nil, after: nil))
        }
        if accept("rename", "value") {
            let old = try stringLiteral("an enum label")
            try expect("to")
            return .alterType(name, .renameValue(old, to: try stringLiteral("an enum label")))
        }
        if accept("rename", "to") { return .alterType(name, .renameTo(try identifier("a type name"))) }
        if accept("set", "schema") { return .alterType(name, .setSchema(try identifier("a schema name"))) }
        if (isWord("add") || isWord("drop") || isWord("alter")) && isWord("attribute", at: 1) {
            var actions: [AlterTypeAction] = []
            repeat { actions.append(try attributeAction()) } while acceptSymbol(",")
            return .alterType(name, actions.count == 1 ? actions[0] : .attributes(actions))
        }
        if accept("rename", "attribute") {
            let location = self.location
            let old = try identifier("an attribute name")
            try expect("to")
            let new = try identifier("an attribute name")
            _ = accept("cascade") || accept("restrict")
            return .alterType(name, .renameAttribute(old, to: new, location: location))
        }
        if accept("owner", "to") {
            _ = rest()
            return .alterType(name, .ignored)
        }
        throw unexpected("ALTER TYPE action not understood")
    }

    /// `ADD ATTRIBUTE a type`, `DROP ATTRIBUTE [IF EXISTS] a`, `ALTER ATTRIBUTE a [SET DATA] TYPE t
    /// [COLLATE c]`, each `[CASCADE | RESTRICT]`.
    private mutating func attributeAction() throws(Diagnostic) -> AlterTypeAction {
        defer { _ = accept("cascade") || accept("restrict") }
        if accept("add", "attribute") { return .addAttribute(try columnDefinition()) }
        if accept("drop", "attribute") {
            let ifExists = accept("if", "exists")
            return .dropAttribute(try identifier("an attribute name"), ifExists: ifExists)
        }
        try expect("alter")
        try expect("attribute")
        let location = self.location
        let attribute = try identifier("an attribute name")
        _ = accept("set", "data")
        try expect("type")
        let type = try typeRef()
        let collation = accept("collate") ? try qualifiedName("a collation").name : nil
        return .alterAttributeType(attribute, type, collation: collation, location: location)
    }

    private mutating func alterDomain() throws(Diagnostic) -> Statement {
        let name = try qualifiedName("a domain name")
        if accept("set", "not", "null") { return .alterDomain(name, .setNotNull) }
        if accept("drop", "not", "null") { return .alterDomain(name, .dropNotNull) }
        if accept("set", "default") { return .alterDomain(name, .setDefault(rest())) }
        if accept("drop", "default") { return .alterDomain(name, .dropDefault) }
        if accept("add") {
            var constraintName: String?
            if accept("constraint") { constraintName = try identifier("a constraint name") }
            try expect("check")
            let expression = try parenthesized()
            _ = accept("not", "valid")
            return .alterDomain(name, .addCheck(name: constraintName, expression: expression))
        }
        if accept("drop", "constraint") {
            let ifExists = accept("if", "exists")
            let constraint = try identifier("a constraint name")
            _ = accept("cascade") || accept("restrict")
            return .alterDomain(name, .dropConstraint(constraint, ifExists: ifExists))
        }
        if accept("rename", "to") { return .alterDomain(name, .renameTo(try identifier("a domain name"))) }
        if accept("rename", "constraint") {
            let old = try identifier("a constraint name")
            try expect("to")
            return .alterDomain(name, .renameConstraint(old, to: try identifier("a constraint name")))
        }
        if accept("set", "schema") { return .alterType(name, .setSchema(try identifier("a schema name"))) }
        if accept("owner", "to") || accept("validate", "constraint") {
            _ = rest()
            return .alterDomain(name, .ignored)
        }
        throw unexpected("ALTER DOMAIN action not understood")
    }

    // MARK: - DROP and COMMENT

    private mutating func drop() throws(Diagnostic) -> Statement {
        let statementLocation = location
        index += 1
        let kind: DroppableKind
        if accept("table") { kind = .table }
        else if accept("view") { kind = .view }
        else if accept("materialized", "view") { kind = .materializedView }
        else if accept("index") { kind = .index; _ = accept("concurrently") }
        else if accept("type") { kind = .type }
        else if accept("domain") { kind = .domain }
        else if accept("schema") { kind = .schema }
        else if accept("extension") { kind = .extension }
        else if accept("sequence") { kind = .sequence }
        else if isWord("function") || isWord("procedure") || isWord("routine") {
            // DROP FUNCTION f(args) [, …] [CASCADE]: with CASCADE, what calls it in a table goes too.
            index += 1
            _ = accept("if", "exists")
            var names: [NameRef] = []
            repeat {
                names.append(try qualifiedName("a function name"))
                skipParenthesized()
            } while acceptSymbol(",")
            let cascade = accept("cascade")
            if !cascade { _ = accept("restrict") }
            if !atEnd { throw unexpected("expected CASCADE, RESTRICT or the end of the DROP statement") }
            return cascade ? .dropRoutines(names.map(\.name), cascade: true) : .skipped("drop function")
        }
        else if let word = current, word.kind == .word {
            let skippable: Set<String> = [
                "function", "procedure", "routine", "trigger", "rule", "policy", "role", "user", "group",
                "aggregate", "operator", "cast", "publication", "subscription", "owned", "event", "collation",
                "conversion", "language", "statistics", "text", "transform", "server", "access", "tablespace", "database",
            ]
            if skippable.contains(word.value) { return .skipped(word.value) }
            throw Diagnostic(.error, "DROP \(word.value.uppercased()) is not understood", at: statementLocation)
        } else {
            throw unexpected("expected what to drop")
        }
        let ifExists = accept("if", "exists")
        var names: [NameRef] = []
        repeat { names.append(try qualifiedName()) } while acceptSymbol(",")
        // One drop behaviour at most, then the end: PostgreSQL refuses anything after it
        // (`CASCADE CASCADE`, MySQL's `DROP INDEX i ON t`, a missing `;` before the next DROP).
        let cascade = accept("cascade")
        if !cascade { _ = accept("restrict") }
        if !atEnd { throw unexpected("expected CASCADE, RESTRICT or the end of the DROP statement") }
        return .drop(kind, names: names, ifExists: ifExists, cascade: cascade)
    }

    private mutating func comment() throws(Diagnostic) -> Statement {
        index += 1
        try expect("on")
        let target: CommentTarget
        if accept("table") || accept("foreign", "table") {
            target = .table(try qualifiedName("a table name"))
        } else if accept("column") {
            let location = self.location
            var parts = [try identifier("a column name")]
            while acceptSymbol(".") { parts.append(try identifier("a column name")) }
            guard parts.count >= 2 else { throw Diagnostic(.error, "COMMENT ON COLUMN needs table.column", at: location) }
            let column = parts.removeLast()
            let table = NameRef(schema: parts.count > 1 ? parts[parts.count - 2] : nil, name: parts[parts.count - 1], location: location)
            target = .column(table, column: column)
        } else if accept("type") || accept("domain") {
            target = .type(try qualifiedName("a type name"))
        } else if accept("view") || accept("materialized", "view") {
            target = .view(try qualifiedName("a view name"))
        } else if accept("index") {
            target = .index(try qualifiedName("an index name"))
        } else if accept("constraint") {
            let constraint = try identifier("a constraint name")
            try expect("on")
            _ = accept("domain")
            target = .constraint(constraint, on: try qualifiedName("a table name"))
        } else {
            // Functions, triggers, schemas, extensions …: no shape to attach the text to.
            while !atEnd, !isWord("is") { index += 1 }
            target = .other
        }
        try expect("is")
        if accept("null") { return .comment(target, text: nil) }
        var text = try stringLiteral("the comment text")
        while current?.kind == .string { text += try stringLiteral() }
        return .comment(target, text: text)
    }
}
