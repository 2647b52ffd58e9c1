import Foundation
import PGCatalog
import PGSchema

/// `migrate lint`: checks a module's migrations offline, knowing from the fold which tables exist
/// before each migration and which the same file creates.
///
/// A table created earlier in the same file is empty and invisible to every other connection
/// until the file commits, so locks and rewrites on it cost nothing: no rule fires for it. That is
/// what file-at-a-time linters cannot know.
public enum Linter {
    public struct Report: Sendable {
        public var findings: [LintFinding]
        /// Findings silenced by `-- migrate:lint-ignore` comments.
        public var suppressed: Int
        public var files: Int
        public var errors: Int { findings.filter { $0.severity == .error }.count }
        public var warnings: Int { findings.filter { $0.severity == .warning }.count }
    }

    public static func lint(path: String, options: LintOptions = LintOptions()) -> Report {
        do {
            return lint(try MigrationDirectory(path: path), options: options)
        } catch {
            let location = SourceLocation(file: error.path, line: error.line ?? 1, column: error.column ?? 1)
            return Report(findings: [LintFinding(rule: "unreadable-statement", severity: .error, message: error.message, location: location)], suppressed: 0, files: 0)
        }
    }

    public static func lint(_ directory: MigrationDirectory, options: LintOptions = LintOptions()) -> Report {
        var run = Run(options: options)
        for migration in directory.migrations {
            run.lint(migration)
        }
        run.findings.sort { ($0.location.file, $0.location.line, $0.location.column, $0.rule) < ($1.location.file, $1.location.line, $1.location.column, $1.rule) }
        return Report(findings: run.findings, suppressed: run.suppressed, files: run.files)
    }
}

/// One file's text, statements and suppression comments.
struct ParsedMigrationFile {
    var file: MigrationFile
    var source: SourceFile
    var text: String
    var statements: [(statement: LocatedStatement, tokens: StatementTokens?)]
    var diagnostics: [Diagnostic]
    /// `-- migrate:lint-ignore rule[, rule]` comments: byte offset and rules (`all` for every rule).
    var ignores: [(offset: Int, rules: Set<String>)]
    var noTransaction: Bool

    init(file: MigrationFile, text: String) {
        self.file = file
        self.text = text
        source = SourceFile(path: file.path, text: text)
        let parsed = StepFolder.parse(source)
        statements = parsed.statements
        diagnostics = parsed.diagnostics
        let tokenRanges = parsed.lexed.statements.flatMap { $0.tokens.map { $0.start..<$0.end } }
        ignores = Self.ignoreComments(source.bytes, outside: tokenRanges)
        noTransaction = Self.isNoTransaction(text)
    }

    static let marker = Array("migrate:lint-ignore".utf8)

    /// Finds `-- migrate:lint-ignore …` comments that are not inside a string or identifier.
    static func ignoreComments(_ bytes: [UInt8], outside tokens: [Range<Int>]) -> [(offset: Int, rules: Set<String>)] {
        var result: [(Int, Set<String>)] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == 0x2D, bytes[index + 1] == 0x2D else {
                index += 1
                continue
            }
            var cursor = index + 2
            while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
            let end = bytes[cursor...].firstIndex(of: 0x0A) ?? bytes.count
            if bytes[cursor..<end].starts(with: marker), !tokens.contains(where: { $0.contains(index) }) {
                let rest = String(decoding: bytes[(cursor + marker.count)..<end], as: UTF8.self)
                // Rules until a `--` or `:` that starts the reason: `-- migrate:lint-ignore a, b -- why`.
                let list = rest.components(separatedBy: "--").first ?? ""
                var rules = Set(list.split { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\r" }.map { String($0).lowercased() })
                if rules.isEmpty { rules = ["all"] }
                result.append((index, rules))
            }
            index = end
        }
        return result
    }

    /// Whether the first line is `-- migrate:no-transaction` (as the migrator reads it).
    static func isNoTransaction(_ text: String) -> Bool {
        var line = Substring(text.utf8.prefix { $0 != 0x0A && $0 != 0x0D })
        if line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
        line = line.drop { $0 == " " || $0 == "\t" }
        guard line.hasPrefix("--") else { return false }
        let rest = line.dropFirst(2).drop { $0 == " " || $0 == "\t" }
        return rest.lowercased().trimmingTrailingBlanks() == "migrate:no-transaction"
    }

    /// The rules silenced for the statement at `index`: comments after the previous statement's
    /// end and before this statement's end (above it, or inside it).
    func ignoredRules(forStatementAt index: Int) -> Set<String> {
        guard let tokens = statements[index].tokens else { return [] }
        var previousEnd = -1
        var position = index - 1
        while position >= 0 {
            if let earlier = statements[position].tokens {
                previousEnd = earlier.end
                break
            }
            position -= 1
        }
        var rules: Set<String> = []
        for ignore in ignores {
            // Above the statement or inside it, but not trailing the previous one on its last line;
            // or trailing this one on its last line.
            let inside = ignore.offset > previousEnd && ignore.offset < tokens.end && !(previousEnd >= 0 && sameLine(previousEnd, ignore.offset))
            let trailing = ignore.offset >= tokens.end && sameLine(tokens.end, ignore.offset)
            if inside || trailing { rules.formUnion(ignore.rules) }
        }
        return rules
    }

    /// Whether no line break lies between two byte offsets.
    func sameLine(_ start: Int, _ end: Int) -> Bool {
        !source.bytes[min(start, end)..<min(max(start, end), source.bytes.count)].contains(0x0A)
    }

    /// Rules silenced for the whole file: `-- migrate:lint-ignore-file rule`.
    var fileIgnores: Set<String> {
        var rules: Set<String> = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("--") else { continue }
            let body = trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces)
            guard body.hasPrefix("migrate:lint-ignore-file") else { continue }
            let list = body.dropFirst("migrate:lint-ignore-file".count).components(separatedBy: "--").first ?? ""
            let names = list.split { $0 == "," || $0 == " " || $0 == "\r" }.map { String($0).lowercased() }
            rules.formUnion(names.isEmpty ? ["all"] : names)
        }
        return rules
    }
}

/// The state of one lint run over a folder, in version order.
struct Run {
    let options: LintOptions
    var folder: StepFolder
    var findings: [LintFinding] = []
    var suppressed = 0
    var files = 0
    /// CHECK and foreign key constraints added NOT VALID and not validated since, by table.
    var notValidated: [QualifiedName: Set<String>] = [:]

    init(options: LintOptions) {
        self.options = options
        folder = StepFolder(migrationsTable: options.migrationsTable)
    }

    mutating func report(
        _ rule: String, _ message: String, fix: String?, at location: SourceLocation,
        in file: ParsedMigrationFile?, statement: Int?
    ) {
        guard !options.disabled.contains(rule) else { return }
        if let since = options.since, let file, file.file.version <= since { return }
        if let file {
            let ignored = file.fileIgnores.union(statement.map { file.ignoredRules(forStatementAt: $0) } ?? [])
            if ignored.contains(rule) || ignored.contains("all") {
                suppressed += 1
                return
            }
        }
        findings.append(LintFinding(rule: rule, severity: options.severity(rule), message: message, fix: fix, location: location))
    }

    mutating func lint(_ migration: Migration) {
        guard let up = migration.up, up.fileExtension == "sql" else { return }
        if options.since.map({ migration.version > $0 }) ?? true { files += 1 }
        let text: String
        do {
            text = try up.read()
        } catch {
            report("unreadable-statement", error.message, fix: nil, at: error.diagnostic.location, in: nil, statement: nil)
            return
        }
        let file = ParsedMigrationFile(file: up, text: text)
        // The fold before this file: kept whole only when something needs all of it (a down file
        // to compare, or statements that may change tables they do not name); otherwise just the
        // tables the file names, so that a long history costs what each file changes.
        let touched = Self.touchedTables(file)
        let downChecked = migration.down != nil && !options.disabled.contains("down-does-not-undo-up")
        let before: StepFolder? = downChecked || touched == nil ? folder : nil
        var touchedBefore: [QualifiedName: Table] = [:]
        for name in touched ?? [] {
            if let table = folder.schema.table(name) { touchedBefore[name] = table }
        }
        for diagnostic in file.diagnostics where diagnostic.severity == .error {
            report("unreadable-statement", diagnostic.message, fix: diagnostic.note, at: diagnostic.location, in: file, statement: nil)
        }
        let concurrentStatements = file.statements.indices.filter { index in
            file.statements[index].tokens?.tokens.contains { $0.isWord("concurrently") } == true
        }
        // The tables created in this file, followed through renames. Every other table holds old
        // data (a table renamed in this file still does; one dropped and created again does not).
        var fresh: Set<QualifiedName> = []
        for (index, item) in file.statements.enumerated() {
            let foldDiagnostics = folder.diagnostics.count
            // Names as the search path resolves them (`public` unless a migration set the path).
            let statement = folder.qualified(item.statement).statement
            check(statement, tokens: item.tokens?.tokens ?? [], fresh: fresh, file: file, index: index)
            let countBefore = folder.schema.tables.count
            let namesBefore = Self.mayChangeTablesOpaquely(statement) ? Set(folder.schema.tables.map(\.name)) : nil
            folder.apply(item.statement)
            Self.track(statement, fresh: &fresh, tables: folder.schema.tables, countBefore: countBefore, namesBefore: namesBefore)
            for diagnostic in folder.diagnostics[foldDiagnostics...] {
                if diagnostic.message.contains("cannot see") {
                    report(
                        "opaque-statement", diagnostic.message + ", and no lint rule can check it",
                        fix: "write the DDL as plain statements, or describe it with a `/* pg-codegen:assume … */` comment; silence with `-- migrate:lint-ignore opaque-statement` once reviewed",
                        at: diagnostic.location, in: file, statement: index
                    )
                } else if diagnostic.severity == .error {
                    report("unreadable-statement", diagnostic.message, fix: diagnostic.note, at: diagnostic.location, in: file, statement: index)
                }
            }
        }
        folder.endOfFile()
        // CONCURRENTLY needs to run outside a transaction block.
        if !concurrentStatements.isEmpty, !file.noTransaction {
            let hasOtherStatements = file.statements.count > concurrentStatements.count
            let hasBegin = file.statements.contains { $0.tokens?.tokens.first.map { $0.isWord("begin") || $0.isWord("start") } == true }
            if hasOtherStatements || hasBegin {
                for index in concurrentStatements {
                    report(
                        "concurrently-in-transaction",
                        hasBegin
                            ? "CONCURRENTLY cannot run inside the file's own BEGIN … COMMIT: PostgreSQL refuses it in a transaction block"
                            : "CONCURRENTLY cannot run in a transaction block; golang-migrate sends the file as one multi-statement query, which PostgreSQL runs as one implicit transaction, so the file fails there (this tool runs it statement by statement, outside a transaction, and a failure midway leaves the database dirty)",
                        fix: "put the CONCURRENTLY statement in a migration of its own whose first line is `-- migrate:no-transaction`",
                        at: file.statements[index].statement.location, in: file, statement: index
                    )
                }
            }
        }
        checkForeignKeyIndexes(before: before?.schema, touchedBefore: touchedBefore, after: folder.schema, touched: touched, file: file)
        checkDown(migration, upFile: file, before: before, afterUp: folder)
    }

    /// A DO block or a call may create tables the statement does not name.
    static func mayChangeTablesOpaquely(_ statement: Statement) -> Bool {
        switch statement {
        case .doBlock, .calls: true
        default: false
        }
    }

    /// Follows the tables created in the file through one statement.
    static func track(_ statement: Statement, fresh: inout Set<QualifiedName>, tables: [Table], countBefore: Int, namesBefore: Set<QualifiedName>?) {
        switch statement {
        case .createTable, .createTableAs, .createPartition:
            // The fold appends a new table.
            if tables.count == countBefore + 1, let last = tables.last { fresh.insert(last.name) }
        case .createView(let name, _, _, _, _):
            // A view (a materialized one can be indexed) created in the file is new as well.
            fresh.insert(name.qualified())
        case .drop(.table, let names, _, _), .drop(.materializedView, let names, _, _), .drop(.view, let names, _, _):
            for name in names { fresh.remove(name.qualified()) }
        case .alterTable(let nameRef, _, let actions):
            var name = nameRef.qualified()
            for action in actions {
                switch action {
                case .renameTable(let newName):
                    let moved = QualifiedName(schema: name.schema, newName)
                    if fresh.remove(name) != nil { fresh.insert(moved) }
                    name = moved
                case .setSchema(let schemaName):
                    let moved = QualifiedName(schema: schemaName, name.name)
                    if fresh.remove(name) != nil { fresh.insert(moved) }
                    name = moved
                default:
                    break
                }
            }
        default:
            if let namesBefore, tables.count != namesBefore.count || tables.contains(where: { !namesBefore.contains($0.name) }) {
                for table in tables where !namesBefore.contains(table.name) { fresh.insert(table.name) }
            }
        }
    }

    // MARK: - Statement rules

    mutating func check(_ statement: Statement, tokens: [Token], fresh: Set<QualifiedName>, file: ParsedMigrationFile, index: Int) {
        let location = file.statements[index].statement.location
        let schema = folder.schema
        switch statement {
        case .createIndex(_, let table, _, _, _, _, _, _, _):
            let name = table.qualified()
            guard !fresh.contains(name), !tokens.contains(where: { $0.isWord("concurrently") }) else { return }
            report(
                "create-index-not-concurrently",
                "CREATE INDEX on \(name), which exists before this migration, blocks writes to it (SHARE lock) until the index is built",
                fix: "CREATE INDEX CONCURRENTLY, in a migration of its own whose first line is `-- migrate:no-transaction`",
                at: location, in: file, statement: index
            )
        case .alterTable(let nameRef, _, let actions):
            let name = nameRef.qualified()
            guard !fresh.contains(name), let table = schema.table(name) else {
                // A table created in this file: only track constraint validity.
                trackValidity(actions, table: name, tokens: tokens, source: file.source)
                return
            }
            checkAlter(table, actions: actions, tokens: tokens, location: location, file: file, index: index)
            trackValidity(actions, table: name, tokens: tokens, source: file.source)
        case .drop(.index, let names, _, _):
            guard !tokens.contains(where: { $0.isWord("concurrently") }) else { return }
            for nameRef in names {
                let indexSchema = nameRef.schema ?? "public"
                guard let table = schema.tables.first(where: { table in
                    table.name.schema == indexSchema && table.indexes.contains { $0.name == nameRef.name }
                }), !fresh.contains(table.name) else { continue }
                report(
                    "drop-index-not-concurrently",
                    "DROP INDEX \(nameRef.name) takes an ACCESS EXCLUSIVE lock on \(table.name), which exists before this migration: it waits for every running query of the table and blocks all that come after",
                    fix: "DROP INDEX CONCURRENTLY, in a migration of its own whose first line is `-- migrate:no-transaction`",
                    at: nameRef.location, in: file, statement: index
                )
            }
        case .drop(.table, let names, _, _):
            for nameRef in names where !fresh.contains(nameRef.qualified()) && schema.table(nameRef.qualified()) != nil {
                report(
                    "breaking-drop-table",
                    "DROP TABLE \(nameRef.qualified()): the version of the application still running during a rolling deploy reads it (breaking change)",
                    fix: "deploy the application that no longer uses the table first, and drop it in a later migration; silence with `-- migrate:lint-ignore breaking-drop-table` once that is so",
                    at: nameRef.location, in: file, statement: index
                )
            }
        default:
            break
        }
    }

    mutating func trackValidity(_ actions: [AlterTableAction], table: QualifiedName, tokens: [Token], source: SourceFile) {
        for action in actions {
            if case .addConstraint(let constraint) = action, let name = constraint.name,
               Self.isNotValid(constraint, tokens: tokens, source: source) {
                notValidated[table, default: []].insert(name)
            }
        }
        // VALIDATE CONSTRAINT name (the parser passes it over: it changes no shape).
        for (offset, token) in tokens.enumerated() where token.isWord("validate") {
            if offset + 2 < tokens.count, tokens[offset + 1].isWord("constraint") {
                notValidated[table]?.remove(tokens[offset + 2].value)
            }
        }
    }

    /// Whether the ALTER TABLE action that adds `constraint` says NOT VALID: the words are looked
    /// for in that action only (actions are separated by commas outside parentheses).
    static func isNotValid(_ constraint: TableConstraint, tokens: [Token], source: SourceFile) -> Bool {
        var actions: [[Token]] = [[]]
        var depth = 0
        for token in tokens {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth -= 1 }
            if depth == 0, token.isSymbol(",") {
                actions.append([])
            } else {
                actions[actions.count - 1].append(token)
            }
        }
        guard actions.count > 1 else { return hasWords(tokens, "not", "valid") }
        let at = (constraint.location.line, constraint.location.column)
        // The last action that starts at or before the constraint.
        let action = actions.last { action in
            guard let first = action.first else { return false }
            let start = source.location(of: first.start)
            return (start.line, start.column) <= at
        } ?? tokens[...].map { $0 }
        return hasWords(action, "not", "valid")
    }

    static func hasWords(_ tokens: [Token], _ first: String, _ second: String) -> Bool {
        tokens.indices.dropLast().contains { tokens[$0].isWord(first) && tokens[$0 + 1].isWord(second) }
    }

    mutating func checkAlter(_ table: Table, actions: [AlterTableAction], tokens: [Token], location: SourceLocation, file: ParsedMigrationFile, index: Int) {
        let name = table.name
        for action in actions {
            switch action {
            case .addColumn(let column, _):
                checkAddColumn(column, table: name, file: file, index: index)
            case .addConstraint(let constraint):
                switch constraint.kind {
                case .foreignKey, .check:
                    guard !Self.isNotValid(constraint, tokens: tokens, source: file.source) else { continue }
                    let kind = if case .check = constraint.kind { "CHECK" } else { "FOREIGN KEY" }
                    report(
                        "constraint-not-valid",
                        "ADD \(constraint.name.map { "CONSTRAINT \($0) " } ?? "")\(kind) on \(name), which exists before this migration, reads every row while holding a lock that blocks writes\(kind == "FOREIGN KEY" ? " (on both tables)" : "")",
                        fix: "add it with NOT VALID (new rows are checked at once), then `ALTER TABLE \(name) VALIDATE CONSTRAINT \(constraint.name ?? "…")` in a later migration, which lets writes continue",
                        at: constraint.location, in: file, statement: index
                    )
                case .primaryKey, .unique:
                    let kind = if case .primaryKey = constraint.kind { "PRIMARY KEY" } else { "UNIQUE" }
                    report(
                        "add-constraint-builds-index",
                        "ADD \(kind) on \(name), which exists before this migration, builds a unique index while holding an ACCESS EXCLUSIVE lock (reads and writes wait)",
                        fix: "CREATE UNIQUE INDEX CONCURRENTLY first (in a `-- migrate:no-transaction` migration), then `ADD CONSTRAINT … USING INDEX`",
                        at: constraint.location, in: file, statement: index
                    )
                case .exclude:
                    break
                }
            case .alterColumnType(let columnName, let type, _, let at):
                guard let column = table.column(columnName) else { continue }
                let using = Self.usingRewrites(tokens, column: columnName)
                if !using, Self.isBinaryCompatible(from: column.type, to: type.type) { continue }
                report(
                    "alter-column-type-rewrites-table",
                    "ALTER COLUMN \(columnName) TYPE \(type.type) (from \(column.type)\(using ? ", with USING" : "")) rewrites \(name) and its indexes while holding an ACCESS EXCLUSIVE lock",
                    fix: "add a new column, backfill it in batches, switch the application, then drop the old column; widenings that need no rewrite: varchar(n) to varchar(m ≥ n) or text, numeric(p,s) to numeric(q ≥ p,s) or numeric",
                    at: at, in: file, statement: index
                )
            case .setNotNull(let columnName, let at):
                guard let column = table.column(columnName), !column.isNotNull else { continue }
                let pending = notValidated[name] ?? []
                let proven = table.checks.contains { check in
                    !pending.contains(check.name) && Self.isNotNullCheck(check.expression, column: columnName)
                }
                if proven { continue }
                report(
                    "set-not-null-scans-table",
                    "SET NOT NULL on \(name).\(columnName) reads every row while holding an ACCESS EXCLUSIVE lock",
                    fix: "first `ADD CONSTRAINT \(columnName)_not_null CHECK (\(columnName) IS NOT NULL) NOT VALID`, then VALIDATE CONSTRAINT in a later migration; SET NOT NULL after that skips the scan (PostgreSQL 12+), and the check can be dropped",
                    at: at, in: file, statement: index
                )
            case .dropColumn(let columnName, _, _, let at):
                guard table.column(columnName) != nil else { continue }
                report(
                    "breaking-drop-column",
                    "DROP COLUMN \(name).\(columnName): the version of the application still running during a rolling deploy reads it (breaking change)",
                    fix: "deploy the application that no longer reads the column first, and drop it in a later migration",
                    at: at, in: file, statement: index
                )
            case .renameColumn(let columnName, let newName, let at):
                guard table.column(columnName) != nil else { continue }
                report(
                    "breaking-rename-column",
                    "RENAME COLUMN \(name).\(columnName) TO \(newName): the version of the application still running during a rolling deploy reads \(columnName) (breaking change)",
                    fix: "add the new column, write both, backfill, switch reads, then drop the old one in a later release (or rename behind a view)",
                    at: at, in: file, statement: index
                )
            case .renameTable(let newName):
                report(
                    "breaking-rename-table",
                    "RENAME \(name) TO \(newName): the version of the application still running during a rolling deploy reads \(name) (breaking change)",
                    fix: "rename in a release after the application reads the new name, or leave a view with the old name behind for one release",
                    at: location, in: file, statement: index
                )
            default:
                break
            }
        }
    }

    /// Whether an `ALTER COLUMN … TYPE … USING expr` has an expression other than the column itself
    /// (or the column cast to a type): PostgreSQL then computes it for every row.
    static func usingRewrites(_ tokens: [Token], column: String) -> Bool {
        guard let start = tokens.firstIndex(where: { $0.isWord("using") }) else { return false }
        let expression = tokens[(start + 1)...].prefix { !$0.isSymbol(",") }
        guard let first = expression.first, first.isIdentifier, first.value == column else { return true }
        return expression.count > 1 && !expression.dropFirst().first!.isSymbol("::")
    }

    /// Functions whose value changes per row: a default that calls one is computed for every
    /// existing row when the column is added, which rewrites the table.
    static let volatileFunctions: Set<String> = [
        "random", "clock_timestamp", "timeofday", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc",
        "uuid_generate_v4", "nextval", "txid_current", "gen_random_bytes", "uuidv7", "uuidv4", "setseed",
    ]

    mutating func checkAddColumn(_ column: ColumnDefinition, table: QualifiedName, file: ParsedMigrationFile, index: Int) {
        var defaultExpression: String?
        var notNull = false
        var generated = false
        var identity = false
        for constraint in column.constraints {
            switch constraint {
            case .defaultValue(let expression): defaultExpression = expression
            case .notNull, .primaryKey: notNull = true
            case .generated: generated = true
            case .identity: identity = true
            default: break
            }
        }
        let at = column.nameLocation
        if column.type.isSerial || identity || generated {
            let what = column.type.isSerial ? "a serial column" : identity ? "an identity column" : "a stored generated column"
            report(
                "add-column-rewrites-table",
                "ADD COLUMN \(column.name) on \(table), which exists before this migration, adds \(what): every row is rewritten while an ACCESS EXCLUSIVE lock is held",
                fix: "add a plain nullable column, fill it in batches (and attach the sequence or trigger), then add the constraint",
                at: at, in: file, statement: index
            )
            return
        }
        if let expression = defaultExpression, let function = Self.volatileCall(in: expression) {
            report(
                "add-column-rewrites-table",
                "ADD COLUMN \(column.name) … DEFAULT \(expression) on \(table): \(function)() is volatile, so PostgreSQL computes it for every existing row and rewrites the table under an ACCESS EXCLUSIVE lock",
                fix: "add the column without the default (or with a constant one), backfill in batches, then SET DEFAULT",
                at: at, in: file, statement: index
            )
            return
        }
        if notNull, defaultExpression == nil || defaultExpression?.lowercased() == "null" {
            report(
                "add-column-not-null-without-default",
                "ADD COLUMN \(column.name) NOT NULL without a default on \(table), which exists before this migration: it fails as soon as the table has a row",
                fix: "give it a constant DEFAULT (PostgreSQL 11+ stores it without a rewrite), or add it nullable, backfill, then SET NOT NULL the safe way",
                at: at, in: file, statement: index
            )
        }
    }

    /// The first volatile function an expression calls, if any.
    static func volatileCall(in expression: String) -> String? {
        let lexed = Lexer.lex(SourceFile(path: "", text: expression))
        for statement in lexed.statements {
            let tokens = statement.tokens
            for (offset, token) in tokens.enumerated() where token.kind == .word && volatileFunctions.contains(token.value) {
                if offset + 1 < tokens.count, tokens[offset + 1].isSymbol("(") { return token.value }
            }
        }
        return nil
    }

    /// Whether PostgreSQL changes the type without rewriting the table (or its indexes).
    static func isBinaryCompatible(from old: ColumnType, to new: ColumnType) -> Bool {
        guard old.arrayDimensions == new.arrayDimensions else { return false }
        if old.name == new.name, old.schema == new.schema, old.modifiers == new.modifiers { return true }
        let textual: Set<String> = ["character varying", "text"]
        switch (old.name, new.name) {
        case ("character varying", "text"):
            return true
        case ("character varying", "character varying"):
            guard let newLength = new.modifiers.first else { return true }
            guard let oldLength = old.modifiers.first else { return false }
            return newLength >= oldLength
        case ("text", "character varying"):
            return new.modifiers.isEmpty
        case ("numeric", "numeric"):
            guard new.modifiers.count == 2 else { return new.modifiers.isEmpty }
            guard old.modifiers.count == 2 else { return false }
            return new.modifiers[1] == old.modifiers[1] && new.modifiers[0] >= old.modifiers[0]
        case ("bit varying", "bit varying"):
            guard let newLength = new.modifiers.first else { return true }
            guard let oldLength = old.modifiers.first else { return false }
            return newLength >= oldLength
        case ("cidr", "inet"):
            return true
        case ("timestamp without time zone", "timestamp without time zone"), ("timestamp with time zone", "timestamp with time zone"),
             ("time without time zone", "time without time zone"), ("interval", "interval"):
            // Raising the fractional precision (or removing it) needs no rewrite.
            guard let newPrecision = new.modifiers.first else { return true }
            guard let oldPrecision = old.modifiers.first else { return false }
            return newPrecision >= oldPrecision
        default:
            return textual.contains(old.name) && old.name == new.name && new.modifiers.isEmpty
        }
    }

    /// Whether a check's expression is `column IS NOT NULL` (with any parentheses and quoting).
    static func isNotNullCheck(_ expression: String, column: String) -> Bool {
        let lexed = Lexer.lex(SourceFile(path: "", text: expression))
        let words = (lexed.statements.first?.tokens ?? []).filter { !$0.isSymbol("(") && !$0.isSymbol(")") }
        return words.count == 4 && words[0].isIdentifier && words[0].value == column
            && words[1].isWord("is") && words[2].isWord("not") && words[3].isWord("null")
    }

    /// Whether a predicate is `a IS NOT NULL [AND b IS NOT NULL …]` over `columns`.
    static func onlyNotNull(_ predicate: String, columns: Set<String>) -> Bool {
        let lexed = Lexer.lex(SourceFile(path: "", text: predicate))
        let tokens = (lexed.statements.first?.tokens ?? []).filter { !$0.isSymbol("(") && !$0.isSymbol(")") }
        var parts: [[Token]] = [[]]
        for token in tokens {
            if token.isWord("and") { parts.append([]) } else { parts[parts.count - 1].append(token) }
        }
        return parts.allSatisfy { part in
            part.count == 4 && part[0].isIdentifier && columns.contains(part[0].value)
                && part[1].isWord("is") && part[2].isWord("not") && part[3].isWord("null")
        }
    }

    // MARK: - File rules

    /// Foreign keys that this file added, whose columns lead no index of their table once the
    /// file has run (an index created later in the same file counts).
    mutating func checkForeignKeyIndexes(before: Schema?, touchedBefore: [QualifiedName: Table], after: Schema, touched: Set<QualifiedName>?, file: ParsedMigrationFile) {
        // Only the tables this file names (or, after a DO block, every table that changed), so
        // that a thousand-migration module costs what each file changes.
        let candidates: [(Table, Table?)]
        if let touched {
            candidates = touched.sorted().compactMap { name in after.table(name).map { ($0, touchedBefore[name]) } }
        } else if let before {
            candidates = Self.changedTables(before: before, after: after)
        } else {
            candidates = []
        }
        for (table, old) in candidates {
            for key in table.foreignKeys where old?.foreignKeys.contains(where: { $0.name == key.name && $0.columns == key.columns }) != true {
                // A partial index serves the lookups when its predicate only says the key's columns
                // are not null, which `WHERE fk = $1` implies.
                let usable = table.indexes.filter { index in
                    index.predicate.map { Self.onlyNotNull($0, columns: Set(key.columns)) } ?? true
                }
                var leading: [[String]] = usable.map { index in Array(index.columns.prefix { $0 != nil }.compactMap { $0 }) }
                if let primaryKey = table.primaryKey { leading.append(primaryKey.columns) }
                leading += table.uniqueConstraints.map(\.columns)
                let wanted = Set(key.columns)
                let covered = leading.contains { columns in
                    columns.count >= wanted.count && Set(columns.prefix(wanted.count)) == wanted
                }
                guard !covered else { continue }
                let statement = file.statements.lastIndex { $0.statement.location.line <= key.location.line && $0.statement.location.file == key.location.file }
                guard key.location.file == file.file.path else { continue }
                report(
                    "foreign-key-without-index",
                    "foreign key \(key.name) on \(table.name) (\(key.columns.joined(separator: ", "))) → \(key.referencedTable): no index starts with these columns, so each delete or key update in \(key.referencedTable) scans \(table.name)",
                    fix: "CREATE INDEX ON \(table.name) (\(key.columns.joined(separator: ", "))) (CONCURRENTLY when the table already exists)",
                    at: key.location, in: file, statement: statement
                )
            }
        }
    }

    /// The tables a file's statements create or alter (under their names after renames); `nil`
    /// when a statement may change tables it does not name.
    static func touchedTables(_ file: ParsedMigrationFile) -> Set<QualifiedName>? {
        var names: Set<QualifiedName> = []
        for item in file.statements {
            switch item.statement.statement {
            case .createTable(let name, _, _), .createPartition(let name, _, _, _):
                names.insert(name.qualified())
            case .alterTable(let nameRef, _, let actions):
                var name = nameRef.qualified()
                names.insert(name)
                for action in actions {
                    if case .renameTable(let newName) = action { name = QualifiedName(schema: name.schema, newName) }
                    if case .setSchema(let schemaName) = action { name = QualifiedName(schema: schemaName, name.name) }
                    if case .addConstraint = action { names.insert(name) }
                }
                names.insert(name)
            case .doBlock, .calls, .setSearchPath:
                return nil
            default:
                break
            }
        }
        return names
    }

    /// The tables of `after` that differ from `before`, each with its old value (`nil` when new).
    static func changedTables(before: Schema, after: Schema) -> [(Table, Table?)] {
        var changed: [(Table, Table?)] = []
        var unmatched: [Int] = []
        for index in after.tables.indices {
            if index < before.tables.count, before.tables[index].name == after.tables[index].name {
                if before.tables[index] != after.tables[index] { changed.append((after.tables[index], before.tables[index])) }
            } else {
                unmatched.append(index)
            }
        }
        guard !unmatched.isEmpty else { return changed }
        var byName: [QualifiedName: Table] = [:]
        for table in before.tables { byName[table.name] = table }
        for index in unmatched {
            let table = after.tables[index]
            let old = byName[table.name]
            if old != table { changed.append((table, old)) }
        }
        return changed
    }

    /// The two schemas without the tables that are equal in both (the comparison then costs what
    /// the migration changed, not the size of the schema).
    static func withoutEqualTables(_ before: Schema, _ after: Schema) -> (Schema, Schema) {
        var first = before
        var second = after
        var keepBefore: [Table] = []
        var keepAfter: [Table] = []
        let aligned = before.tables.count == after.tables.count
            && zip(before.tables, after.tables).allSatisfy { $0.name == $1.name }
        if aligned {
            for (old, new) in zip(before.tables, after.tables) where old != new {
                keepBefore.append(old)
                keepAfter.append(new)
            }
        } else {
            var afterByName: [QualifiedName: Table] = [:]
            for table in after.tables { afterByName[table.name] = table }
            var beforeNames: Set<QualifiedName> = []
            for table in before.tables {
                beforeNames.insert(table.name)
                if afterByName[table.name] != table { keepBefore.append(table) }
                if let new = afterByName[table.name], new != table { keepAfter.append(new) }
            }
            keepAfter += after.tables.filter { !beforeNames.contains($0.name) }
        }
        first.tables = keepBefore
        second.tables = keepAfter
        return (first, second)
    }

    /// Folds the down file on top of the up file and compares with the schema before the up file.
    mutating func checkDown(_ migration: Migration, upFile: ParsedMigrationFile, before: StepFolder?, afterUp: StepFolder) {
        guard let up = migration.up else { return }
        guard let down = migration.down else {
            report(
                "missing-down-file", "\(up.fileName) has no down file, so it cannot be rolled back",
                fix: "write \(String(format: "%@_%@.down.sql", String(up.fileName.prefix { $0 != "_" }), up.name)) undoing it (or silence with `-- migrate:lint-ignore-file missing-down-file` when it cannot be undone)",
                at: SourceLocation(file: up.path, line: 1, column: 1), in: upFile, statement: nil
            )
            return
        }
        guard let before, down.fileExtension == "sql", let text = try? down.read() else { return }
        let downFile = ParsedMigrationFile(file: down, text: text)
        var folded = afterUp
        let known = folded.diagnostics.count
        for item in downFile.statements { folded.apply(item.statement) }
        folded.endOfFile()
        var differences: [String] = []
        if let error = downFile.diagnostics.first(where: { $0.severity == .error }) {
            differences.append("\(error.location): \(error.message) (`migrate` refuses to run it)")
        } else if let error = folded.diagnostics[known...].first(where: { $0.severity == .error }) {
            differences.append("\(error.location): \(error.message)")
        }
        var (beforeSchema, afterSchema) = Self.withoutEqualTables(before.schema, folded.schema)
        // The version table is golang-migrate's: a down file touching it is checked like the rest.
        beforeSchema.migrationsTable = nil
        afterSchema.migrationsTable = nil
        for difference in SchemaComparison.differences(model: SchemaSnapshot(model: beforeSchema), database: SchemaSnapshot(model: afterSchema)) {
            differences.append(Self.reword(difference.description))
        }
        guard !differences.isEmpty else { return }
        let shown = differences.prefix(5).joined(separator: "; ") + (differences.count > 5 ? "; and \(differences.count - 5) more" : "")
        report(
            "down-does-not-undo-up",
            "\(down.fileName) does not give back the schema before \(up.fileName): \(shown)",
            fix: "make the down file undo exactly what the up file does (drop what it creates, re-create what it drops, with the same names, types and order)",
            at: SourceLocation(file: down.path, line: 1, column: 1), in: downFile, statement: nil
        )
    }

    static func reword(_ text: String) -> String {
        text.replacingOccurrences(of: "missing from the database", with: "gone after the down file (it existed before the up file)")
            .replacingOccurrences(of: "only in the database", with: "left behind by the down file")
            .replacingOccurrences(of: "model says", with: "before up:")
            .replacingOccurrences(of: "database says", with: "after down:")
    }
}

extension String {
    func trimmingTrailingBlanks() -> String {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
