/// Statements that PostgreSQL refuses inside a transaction block ("cannot run inside a
/// transaction block"). golang-migrate sends a whole file as one simple query, which runs them
/// when they stand alone; a migrator that wraps each file in a transaction has to notice them.
public enum TransactionBlock {
    /// The first statement of `script` that cannot run in a transaction block, named as
    /// PostgreSQL names it in its error (`CREATE INDEX CONCURRENTLY`), or `nil`.
    public static func firstRefusedStatement(in script: String) -> String? {
        // A statement at a time, so that a data migration's tokens are never all in memory.
        let source = SourceFile(path: "", text: script)
        var lexer = Lexer(source: source, bytes: source.bytes)
        while let statement = lexer.nextStatement() {
            if let name = refusedStatement(statement) { return name }
        }
        return nil
    }

    /// The name of `statement` when PostgreSQL refuses it in a transaction block, or `nil`.
    static func refusedStatement(_ statement: StatementTokens) -> String? {
        // Most statements (CREATE TABLE, INSERT, …) are told apart by their first two words,
        // without collecting all of their words.
        var first: String?
        var second = ""
        for token in statement.tokens where token.kind == .word {
            guard first != nil else {
                first = token.value
                continue
            }
            second = token.value
            break
        }
        switch first {
        case "create", "drop":
            guard ["index", "unique", "database", "tablespace", "subscription"].contains(second) else { return nil }
        case "alter":
            guard second == "table" || second == "system" else { return nil }
        case "reindex", "vacuum":
            break
        default:
            return nil
        }
        return refusedStatement(statement.tokens.filter { $0.kind == .word || $0.isSymbol("(") || $0.isSymbol(")") })
    }

    private static func refusedStatement(_ tokens: [Token]) -> String? {
        let words = tokens.map { $0.kind == .word ? $0.value : $0.value }
        func starts(_ prefix: String...) -> Bool { words.starts(with: prefix) }
        if starts("create", "index", "concurrently") || starts("create", "unique", "index", "concurrently") { return "CREATE INDEX CONCURRENTLY" }
        if starts("drop", "index", "concurrently") { return "DROP INDEX CONCURRENTLY" }
        if starts("reindex") {
            // REINDEX [ ( options ) ] { INDEX | TABLE | SCHEMA | DATABASE | SYSTEM } [ CONCURRENTLY ] name
            var rest = words.dropFirst()
            if rest.first == "(" { rest = rest.drop { $0 != ")" }.dropFirst() }
            if rest.first == "database" || rest.first == "system" { return "REINDEX \(rest.first!.uppercased())" }
            if rest.dropFirst().first == "concurrently" { return "REINDEX CONCURRENTLY" }
            return nil
        }
        if starts("alter", "table"), words.contains("detach"), words.last == "concurrently" { return "ALTER TABLE … DETACH PARTITION … CONCURRENTLY" }
        if starts("vacuum") { return "VACUUM" }
        if starts("create", "database") { return "CREATE DATABASE" }
        if starts("drop", "database") { return "DROP DATABASE" }
        if starts("create", "tablespace") { return "CREATE TABLESPACE" }
        if starts("drop", "tablespace") { return "DROP TABLESPACE" }
        if starts("alter", "system") { return "ALTER SYSTEM" }
        if starts("create", "subscription") { return "CREATE SUBSCRIPTION" }
        if starts("drop", "subscription") { return "DROP SUBSCRIPTION" }
        return nil
    }
}
